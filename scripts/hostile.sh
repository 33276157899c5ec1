#!/usr/bin/env bash
# Hostile files, measured: `revmap check` (release build) on every file of the hostile corpus
# — tests/fixtures/bad/, tests/fixtures/bad-sessions/ and the big files written by
# `cargo run --example hostile_files` into a temporary folder — under /usr/bin/time.
# Prints a table (file, exit code, seconds, max RSS in MiB, first line of the report) and
# fails unless every file exits 2 in under MAX_SECONDS with at most MAX_RSS_MIB.
#
# Usage: scripts/hostile.sh        env: MAX_SECONDS (default 1), MAX_RSS_MIB (default 256)
set -euo pipefail

MAX_SECONDS=${MAX_SECONDS:-1}
MAX_RSS_MIB=${MAX_RSS_MIB:-256}
root=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x /usr/bin/time ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    $sudo apt-get install -y -q time >/dev/null 2>&1 ||
        { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q time >/dev/null 2>&1; } || true
fi
if [ ! -x /usr/bin/time ]; then
    echo "hostile.sh needs GNU time (/usr/bin/time); install the 'time' package" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
target=${CARGO_TARGET_DIR:-$root/target}
bin=${REVMAP_BIN:-$target/release/revmap}
mapfile -t files < <(cargo run --release --quiet --manifest-path "$root/Cargo.toml" \
    --example hostile_files -- "$work/big")

printf '%-34s %4s %6s %8s  %s\n' file exit secs "RSS MiB" "first line of the report"
bad=0
for f in "${files[@]}"; do
    set +e
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" check "$f" >"$work/out" 2>"$work/err"
    code=$?
    set -e
    read -r secs kib < <(tail -n 1 "$work/time")
    mib=$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')
    # The report starts with the file's path; show it from the line:col on.
    first=$(head -n 1 "$work/out" | sed "s|^$f:||" | cut -c 1-110)
    if grep -q $'\x1b' "$work/out" "$work/err"; then first="RAW ESC IN OUTPUT: $first"; bad=1; fi
    printf '%-34s %4s %6s %8s  %s\n' "$(basename "$f")" "$code" "$secs" "$mib" "$first"
    if [ "$code" -ne 2 ] ||
        awk -v s="$secs" -v m="$MAX_SECONDS" -v r="$mib" -v l="$MAX_RSS_MIB" 'BEGIN { exit !(s >= m || r > l) }'; then
        bad=1
    fi
done
echo
echo "${#files[@]} files; limits: exit 2, < ${MAX_SECONDS} s, <= ${MAX_RSS_MIB} MiB"
if [ $bad -ne 0 ]; then
    echo "FAILED: some file broke a limit (see above)" >&2
    exit 1
fi
echo "all within limits"

#!/usr/bin/env bash
# Runs one fuzz target for N minutes with a seed corpus from the shipped files.
#   scripts/fuzz.sh case_loader 10
#   scripts/fuzz.sh session_loader 10
#   scripts/fuzz.sh import_csv 10
# Needs a nightly toolchain and cargo-fuzz (installed here if missing). Crashes land in
# fuzz/artifacts/TARGET/; turn each into a regression test (see docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh TARGET MINUTES}
minutes=${2:-10}

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal

corpus=fuzz/corpus/$target
mkdir -p "$corpus"
# The import parses a whole survey per input: short inputs keep it at hundreds of runs a
# second instead of a few (a 40 KB survey takes ~0.2 s under the sanitizer).
max_len=65536
case $target in
    case_loader) seeds=(scenarios tests/fixtures/cases tests/fixtures/bad) ;;
    session_loader) seeds=(tests/fixtures/sessions tests/fixtures/bad-sessions) ;;
    import_csv) seeds=(tests/fixtures/import); max_len=4096 ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac

cargo +nightly fuzz run "$target" "$corpus" "${seeds[@]}" -- \
    -max_total_time=$((minutes * 60)) -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1

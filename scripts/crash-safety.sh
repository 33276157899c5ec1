#!/usr/bin/env bash
# Crash safety, measured: RUNS times (default 50), start the release binary in tmux with a
# fresh data folder, type goals word by word (recording when each word was sent), kill it
# with SIGKILL at a random moment, then check what survived:
#   - the recovery copy passes `revmap check` (exit 0 or 1; 2 would be a damaged file),
#   - restarting offers it and accepting says "Unsaved work restored",
#   - seconds of typing lost = kill time − send time of the last word found in the copy
#     (0 when every word is there; from the first word when none is).
# Prints one line per run and a summary. Not part of `cargo test` (it takes minutes).
#
# Usage: scripts/crash-safety.sh [RUNS]     env: SEED (default 1), REVMAP_BIN
set -euo pipefail

RUNS=${1:-50}
RANDOM=${SEED:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/install-test-deps.sh"
if [ -z "${REVMAP_BIN:-}" ]; then
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    REVMAP_BIN="$root/target/release/revmap"
fi

work=$(mktemp -d)
# One tmux server per run (a fresh socket: a server still shutting down is never reused).
sock="$work/tmux0.sock"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

t() { tmux -S "$sock" "$@"; }
now() { echo "$EPOCHREALTIME"; }
# Seconds between two EPOCHREALTIME stamps, 2 decimals.
secs() { awk -v a="$1" -v b="$2" 'BEGIN { d = b - a; if (d < 0) d = 0; printf "%.2f", d }'; }
# A random number of milliseconds in [lo, hi].
rand_ms() { echo $(($1 + RANDOM % ($2 - $1 + 1))); }
sleep_ms() { sleep "$(awk -v m="$1" 'BEGIN { printf "%.3f", m / 1000 }')"; }

wait_for() {
    local text=$1 deadline=$((SECONDS + 20))
    until t capture-pane -p -t walk | grep -qF -- "$text"; do
        if [ $SECONDS -ge $deadline ]; then
            echo "timed out waiting for: $text" >&2
            t capture-pane -p -t walk >&2
            return 1
        fi
        sleep 0.05
    done
}

launch() {
    local data=$1
    echo "exec env LANG=en_US.UTF-8 LC_ALL= REVMAP_DATA_DIR=$data $REVMAP_BIN"
}

valid=0
offered=0
worst=0
worst_run=0
total_words=0
for run in $(seq 1 "$RUNS"); do
    data="$work/run$run"
    mkdir -p "$data"
    t kill-server 2>/dev/null || true
    sock="$work/tmux$run.sock"
    t new-session -d -s walk -x 100 -y 30 -c "$data" "$(launch "$data")"
    t set-option -t walk remain-on-exit on >/dev/null
    wait_for "Open a case"
    t send-keys -t walk Enter
    wait_for "Participants ("
    t send-keys -t walk Tab i
    wait_for "New entry: Goals"

    # Type until a random moment 0.3–8 s in; a new goal every 8 words.
    kill_after=$(rand_ms 300 8000)
    start=$(now)
    kill_at=$(awk -v s="$start" -v k="$kill_after" 'BEGIN { printf "%.6f", s + k / 1000 }')
    sent=()
    n=0
    while :; do
        gap=$(rand_ms 40 300)
        left=$(awk -v a="$(now)" -v b="$kill_at" 'BEGIN { printf "%d", (b - a) * 1000 }')
        if [ "$left" -le "$gap" ]; then
            [ "$left" -gt 0 ] && sleep_ms "$left"
            break
        fi
        sleep_ms "$gap"
        n=$((n + 1))
        if [ $((n % 8)) -eq 0 ]; then
            t send-keys -t walk Escape i
        fi
        t send-keys -t walk -l "w$(printf %03d $n) "
        sent[n]=$(now)
    done
    pid=$(t display-message -p -t walk '#{pane_pid}')
    kill -9 "$pid"
    killed=$(now)
    total_words=$((total_words + n))

    copy=$(find "$data/recovery" -name '*.ron' 2>/dev/null | head -n 1 || true)
    last=0
    status="no-copy"
    if [ -n "$copy" ]; then
        for i in $(seq 1 "$n"); do
            grep -q "w$(printf %03d "$i")" "$copy" && last=$i
        done
        set +e
        "$REVMAP_BIN" check "$copy" >/dev/null 2>&1
        code=$?
        set -e
        status="check=$code"
    fi
    if [ "$n" -eq 0 ] || [ "$last" -eq "$n" ]; then
        lost=0.00
    elif [ "$last" -eq 0 ]; then
        lost=$(secs "${sent[1]}" "$killed")
    else
        lost=$(secs "${sent[$last]}" "$killed")
    fi

    # Restart and accept the offer.
    restored="-"
    if [ -n "$copy" ]; then
        t respawn-pane -k -t walk "$(launch "$data")"
        if wait_for "Unsaved work found" && t send-keys -t walk y && wait_for "Unsaved work restored"; then
            restored="yes"
            offered=$((offered + 1))
        else
            restored="NO"
        fi
    fi
    ok=no
    if [ -n "$copy" ] && { [ "$code" -eq 0 ] || [ "$code" -eq 1 ]; } && [ "$restored" = yes ]; then
        ok=yes
    elif [ -z "$copy" ] && [ "$last" -eq 0 ]; then
        # Killed before the first autosave was due: nothing to restore, and the loss says so.
        ok=yes
    fi
    [ $ok = yes ] && valid=$((valid + 1))
    if awk -v a="$lost" -v b="$worst" 'BEGIN { exit !(a > b) }'; then
        worst=$lost
        worst_run=$run
    fi
    printf 'run %2d: killed after %5.2f s, %3d words typed, %3d in the copy, %s, restored %s, lost %s s, valid %s\n' \
        "$run" "$(awk -v k="$kill_after" 'BEGIN { print k / 1000 }')" "$n" "$last" "$status" "$restored" "$lost" "$ok"
done

echo
echo "recoveries valid: $valid/$RUNS (restore offered and accepted: $offered; words typed: $total_words)"
echo "worst loss: $worst s of typing (run $worst_run)"
[ "$valid" -eq "$RUNS" ]

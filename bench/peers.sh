#!/usr/bin/env bash
# Compares revmap's pairing solvers with reference solvers on the same graphs.
#
# For each size and mode: writes a synthetic case (revmap gen-case), solves it with
# `revmap pair --dump-graph --timings`, solves the dumped graph with ../shared/peers/solve.py
# (scipy's linear_sum_assignment and sparse LAPJVsp for bipartite graphs, networkx's
# max_weight_matching for general ones), and prints a table: size, mode, revmap solve ms,
# fastest peer solve ms, ratio (revmap / peer), and whether the optima are equal.
# Then, unless SKIP_LARGE=1, times one-to-one and group at LARGE participants (revmap only:
# the peers cannot hold the graph) with wall time and peak memory.
#
# Installs scipy and networkx into bench/.venv with pip; builds revmap in release mode.
# Usage: bench/peers.sh        (env: SIZES_ONE, SIZES_GROUP, SIZES_NETWORK, SIZES_MUTUAL,
#                               LARGE=50000, SKIP_LARGE=1, SEED=1)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
peers="${PEERS:-$root/../shared/peers/solve.py}"
venv="$here/.venv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

SIZES_ONE="${SIZES_ONE:-500 1000 2000}"
SIZES_GROUP="${SIZES_GROUP:-1000 2000}"
SIZES_NETWORK="${SIZES_NETWORK:-500 1000}"
SIZES_MUTUAL="${SIZES_MUTUAL:-500 1000}"
LARGE="${LARGE:-50000}"
SEED="${SEED:-1}"

if [ ! -f "$peers" ]; then
    echo "peers script not found: $peers (set PEERS=path/to/solve.py)" >&2
    exit 2
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import scipy, networkx" 2>/dev/null ||
    "$venv/bin/pip" install --quiet scipy networkx

(cd "$root" && cargo build --release --quiet)
revmap="$root/target/release/revmap"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $("$venv/bin/python" -c 'import scipy, networkx; print("scipy", scipy.__version__, "networkx", networkx.__version__)')"
printf '%-7s %-11s %12s %12s %8s %-15s %s\n' size mode "revmap ms" "peer ms" ratio "optimum equal" "peer"

row() {
    local n="$1" mode="$2"
    local case="$work/case-$n.ron" graph="$work/graph-$n-$mode.json"
    [ -f "$case" ] || "$revmap" gen-case --participants "$n" --seed "$SEED" -o "$case"
    local timings
    timings="$("$revmap" pair "$case" --mode "$mode" --format json -o /dev/null \
        --dump-graph "$graph" --timings 2>&1 >/dev/null)"
    local ours
    ours="$(sed -n 's/.* solve \([0-9.]*\) ms.*/\1/p' <<<"$timings")"
    local peer
    peer="$("$venv/bin/python" "$peers" "$graph")"
    "$venv/bin/python" - "$n" "$mode" "$ours" "$peer" <<'PY'
import json, sys
n, mode, ours, peer = sys.argv[1], sys.argv[2], float(sys.argv[3]), json.loads(sys.argv[4])
fastest = peer["fastest_ms"]
name = peer["solver"]
equal = peer["agree"]
if "sparse" in peer:
    equal = equal and peer["sparse"]["optimum"] == peer["objective"]
    if peer["sparse"]["solve_ms"] <= peer["solve_ms"]:
        name = peer["sparse"]["solver"]
print(f"{n:<7} {mode:<11} {ours:>12.1f} {fastest:>12.1f} {ours / fastest:>8.3f} {'yes' if equal else 'NO':<15} {name}")
PY
}

for n in $SIZES_ONE; do row "$n" one-to-one; done
for n in $SIZES_GROUP; do row "$n" group; done
for n in $SIZES_NETWORK; do row "$n" network; done
for n in $SIZES_MUTUAL; do row "$n" mutual; done

if [ "${SKIP_LARGE:-0}" != 1 ]; then
    echo
    echo "revmap alone at $LARGE participants (wall time and peak memory of the whole run):"
    case="$work/case-$LARGE.ron"
    "$revmap" gen-case --participants "$LARGE" --seed "$SEED" -o "$case"
    for mode in one-to-one group; do
        /usr/bin/time -f "$mode: %e s wall, %M KiB peak" \
            "$revmap" pair "$case" --mode "$mode" --format json -o /dev/null --timings 2>&1 |
            sed 's/^revmap pair: /  /'
    done
fi

#!/usr/bin/env bash
# End-to-end timing of `revmap import` on the 300-teacher school survey, as a trainer runs it:
# the release binary reads the workbook, writes the case and the report. Uses hyperfine when
# installed (apt-get install hyperfine), else a plain loop. Figures go in docs/import.md.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --quiet
bin=target/release/revmap
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
runs=${RUNS:-20}

for survey in tests/fixtures/import/school-300.xlsx tests/fixtures/import/school-300.csv; do
    cmd="$bin import $survey -o $out/case.ron --report json"
    if command -v hyperfine >/dev/null 2>&1; then
        hyperfine --warmup 3 --runs "$runs" --output=null "$cmd"
    else
        start=$(date +%s%N)
        for _ in $(seq "$runs"); do $cmd 2>/dev/null; done
        end=$(date +%s%N)
        echo "$survey: $(( (end - start) / runs / 1000000 )) ms per run (mean of $runs)"
    fi
    "$bin" check "$out/case.ron" | tail -1
done

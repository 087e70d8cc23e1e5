#!/usr/bin/env bash
# Benchmarks, side by side in one run: orggraph against a networkx implementation of the same
# rule catalog and of the same path queries. Release build; medians of several runs.
#
#   Scripts/bench.sh            # nationwide: 34 provinces × 20 districts × 15 communes
#   Scripts/bench.sh --small    # 3 provinces, for a quick look
#
# Prints a table of wall time, peak memory and ratios. Needs python3 with networkx and PyYAML
# (pip install networkx pyyaml) for the comparison columns.
set -euo pipefail
cd "$(dirname "$0")/.."

provinces=34
runs=3
if [ "${1:-}" = "--small" ]; then provinces=3; runs=5; fi

Scripts/setup.sh
swift build -c release --product orggraph >&2
swift build -c release --product orggraph-bench >&2
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

org="$work/nationwide.json"
echo "generating $provinces provinces × 20 districts × 15 communes, 300 provincial and 40 district units each..." >&2
"$bin/orggraph" generate --provinces "$provinces" --districts 20 --communes 15 \
  --provincial-units 300 --district-units 40 --seed 1 -o "$org"

# median WALL PEAK_KB of $runs runs of a command
measure() {
  local times=() peaks=()
  for _ in $(seq 1 "$runs"); do
    local line
    /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1 || true
    line=$(tail -1 "$work/time")
    times+=("${line% *}")
    peaks+=("${line#* }")
  done
  python3 - "${times[@]}" -- "${peaks[@]}" <<'PY'
import statistics, sys
args = sys.argv[1:]
split = args.index("--")
times = [float(x) for x in args[:split]]
peaks = [int(x) for x in args[split + 1:]]
print(f"{statistics.median(times):.3f} {max(peaks) // 1024}")
PY
}

have_networkx=1
python3 -c "import networkx, yaml" 2>/dev/null || have_networkx=0

size=$(du -m "$org" | cut -f1)
echo
echo "organization: $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['nodes']), 'nodes,', len(d['relations']), 'relations')" "$org"), ${size} MB of JSON"
echo

read -r og_time og_mem < <(measure "$bin/orggraph" validate "$org")
printf "%-46s %10s %10s %10s\n" "task" "orggraph" "networkx" "ratio"
if [ $have_networkx = 1 ]; then
  read -r nx_time nx_mem < <(measure python3 Scripts/bench/networkx_audit.py "$org")
  printf "%-46s %9ss %9ss %9sx\n" "load + full 125-QD/TW audit (wall)" "$og_time" "$nx_time" \
    "$(python3 -c "print(round($nx_time / $og_time, 1))")"
  printf "%-46s %8sMB %8sMB\n" "  peak memory" "$og_mem" "$nx_mem"
else
  printf "%-46s %9ss %10s\n" "load + full 125-QD/TW audit (wall)" "$og_time" "-"
  printf "%-46s %8sMB\n" "  peak memory" "$og_mem"
fi
echo
echo "in-process timings (orggraph-bench, after loading):"
"$bin/orggraph-bench" "$org" --pairs-out "$work/pairs.txt" --samples 10000
if [ $have_networkx = 1 ]; then
  echo
  python3 Scripts/bench/networkx_paths.py "$org" "$work/pairs.txt"
fi

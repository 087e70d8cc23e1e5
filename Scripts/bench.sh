#!/usr/bin/env bash
# Benchmarks, side by side in one run: orggraph against a networkx implementation of the same
# rule catalog and of the same path queries. Release build; medians of several runs.
#
#   Scripts/bench.sh            # nationwide: 34 provinces × 20 districts × 15 communes
#   Scripts/bench.sh --small    # 3 provinces, for a quick look
#
# Prints a table of wall time, peak memory and ratios: the nationwide JSON and a province-size
# YAML file, validated by orggraph and by the networkx implementation; the queries in-process
# against networkx's shortest_path on the same pairs; and a district chart rendered in-process
# against Graphviz's dot (Scripts/bench/render.sh). Installs networkx and PyYAML (pip) and
# Graphviz's dot (apt) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

provinces=34
runs=3
if [ "${1:-}" = "--small" ]; then provinces=3; runs=5; fi

Scripts/setup.sh
python3 -c "import networkx, yaml" 2>/dev/null || python3 -m pip install --quiet networkx pyyaml >&2 || true
if ! command -v dot >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends graphviz >/dev/null 2>&1 || true
fi
swift build -c release --product orggraph >&2
swift build -c release --product orggraph-bench >&2
bin="$(swift build -c release --show-bin-path)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

org="$work/nationwide.json"
echo "generating $provinces provinces × 20 districts × 15 communes, 300 provincial and 40 district units each..." >&2
"$bin/orggraph" generate --provinces "$provinces" --districts 20 --communes 15 \
  --provincial-units 300 --district-units 40 --seed 1 -o "$org"
province="$work/province.yaml"
"$bin/orggraph" generate --provinces 1 --districts 20 --communes 15 \
  --provincial-units 300 --district-units 40 --seed 1 -o "$province"

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

read -r py_time py_mem < <(measure "$bin/orggraph" validate "$province")
echo
echo "province: $(grep -c '^  - id:' "$province") nodes, $(grep -c '^  - {type:' "$province") relations, $(($(wc -c <"$province") / 1024)) kB of YAML"
if [ $have_networkx = 1 ]; then
  read -r px_time px_mem < <(measure python3 Scripts/bench/networkx_audit.py "$province")
  printf "%-46s %9ss %9ss %9sx\n" "load + full audit, province YAML (wall)" "$py_time" "$px_time" \
    "$(python3 -c "print(round($px_time / $py_time, 1))")"
  printf "%-46s %8sMB %8sMB\n" "  peak memory" "$py_mem" "$px_mem"
else
  printf "%-46s %9ss %10s\n" "load + full audit, province YAML (wall)" "$py_time" "-"
  printf "%-46s %8sMB\n" "  peak memory" "$py_mem"
fi
echo
echo "in-process timings (orggraph-bench, after loading):"
"$bin/orggraph-bench" "$org" --pairs-out "$work/pairs.txt" --samples 10000
if [ $have_networkx = 1 ]; then
  echo
  python3 Scripts/bench/networkx_paths.py "$org" "$work/pairs.txt"
fi

if command -v dot >/dev/null 2>&1; then
  echo
  echo "rendering (Scripts/bench/render.sh):"
  Scripts/bench/render.sh 11
else
  echo
  echo "rendering: skipped, Graphviz's dot is not installed (apt-get install graphviz)"
fi

#!/usr/bin/env bash
# Benchmarks, side by side in one run: orggraph against a networkx implementation of the same
# rule catalog and of the same path queries. Release build; medians of several runs.
#
#   Scripts/bench.sh            # nationwide: 34 provinces × 20 districts × 15 communes
#   Scripts/bench.sh --small    # 3 provinces, for a quick look
#   Scripts/bench.sh --baseline OTHER/orggraph
#                               # adds rows for another orggraph binary (an earlier release
#                               # build, say), its runs alternating with this build's, so both
#                               # see the same machine; it audits files of the same size that
#                               # its own generator writes, since an earlier release may not
#                               # read the vocabulary of this one
#
# Prints a table of wall time, peak memory and ratios: the nationwide JSON of both structures
# (three-tier under 125-QD/TW, two-tier under 125-QD/TW-2025) and a province-size YAML file,
# validated by orggraph and by the networkx implementation; the queries in-process
# against networkx's shortest_path on the same pairs; and a district chart rendered in-process
# against Graphviz's dot (Scripts/bench/render.sh); and the HTML report of the nationwide file
# with 2,000 seeded faults (time, peak memory, size of the page), and diff of the nationwide file
# against that one. Installs networkx and PyYAML (pip) and
# Graphviz's dot (apt) when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

provinces=34
runs=3
baseline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --small) provinces=3; runs=5 ;;
    --baseline)
      baseline="${2:?--baseline needs the path of an orggraph binary}"
      shift
      ;;
    *) echo "usage: Scripts/bench.sh [--small] [--baseline PATH-TO-ORGGRAPH]" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$baseline" ]; then
  [ -x "$baseline" ] || { echo "bench.sh: $baseline is not an executable" >&2; exit 2; }
  baseline="$(cd "$(dirname "$baseline")" && pwd)/$(basename "$baseline")"
fi

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
org2="$work/nationwide-two-tier.json"
"$bin/orggraph" generate --structure two-tier --provinces "$provinces" --districts 20 --communes 15 \
  --provincial-units 300 --district-units 40 --seed 1 -o "$org2"
base_org="$org"
base_province="$province"
if [ -n "$baseline" ]; then
  base_org="$work/baseline-nationwide.json"
  base_province="$work/baseline-province.yaml"
  "$baseline" generate --provinces "$provinces" --districts 20 --communes 15 \
    --provincial-units 300 --district-units 40 --seed 1 -o "$base_org"
  "$baseline" generate --provinces 1 --districts 20 --communes 15 \
    --provincial-units 300 --district-units 40 --seed 1 -o "$base_province"
fi

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

# median WALL PEAK_KB of two commands, then of the other, their $runs runs alternating:
# "measure_pair A... -- B..." prints "WALL_A PEAK_A WALL_B PEAK_B".
measure_pair() {
  local first=() second=() seen=0
  for argument in "$@"; do
    if [ $seen = 0 ] && [ "$argument" = "--" ]; then seen=1; continue; fi
    if [ $seen = 0 ]; then first+=("$argument"); else second+=("$argument"); fi
  done
  local a_times=() a_peaks=() b_times=() b_peaks=() line
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %M" "${first[@]}" >/dev/null 2>&1 || true
    line=$(tail -1 "$work/time")
    a_times+=("${line% *}")
    a_peaks+=("${line#* }")
    /usr/bin/time -o "$work/time" -f "%e %M" "${second[@]}" >/dev/null 2>&1 || true
    line=$(tail -1 "$work/time")
    b_times+=("${line% *}")
    b_peaks+=("${line#* }")
  done
  python3 - "${a_times[@]}" -- "${a_peaks[@]}" -- "${b_times[@]}" -- "${b_peaks[@]}" <<'PY'
import statistics, sys
groups, current = [], []
for argument in sys.argv[1:] + ["--"]:
    if argument == "--":
        groups.append(current)
        current = []
    else:
        current.append(argument)
a_times, a_peaks, b_times, b_peaks = groups
print(f"{statistics.median(map(float, a_times)):.3f} {max(map(int, a_peaks)) // 1024} "
      f"{statistics.median(map(float, b_times)):.3f} {max(map(int, b_peaks)) // 1024}")
PY
}

have_networkx=1
python3 -c "import networkx, yaml" 2>/dev/null || have_networkx=0

size=$(du -m "$org" | cut -f1)
echo
echo "organization: $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['nodes']), 'nodes,', len(d['relations']), 'relations')" "$org"), ${size} MB of JSON"
echo

if [ -n "$baseline" ]; then
  read -r og_time og_mem base_time base_mem < <(measure_pair "$bin/orggraph" validate "$org" -- "$baseline" validate "$base_org")
else
  read -r og_time og_mem < <(measure "$bin/orggraph" validate "$org")
fi
printf "%-46s %10s %10s %10s\n" "task" "orggraph" "networkx" "ratio"
if [ $have_networkx = 1 ]; then
  read -r nx_time nx_mem < <(measure python3 Scripts/bench/networkx_audit.py "$org")
  printf "%-46s %9ss %9ss %9sx\n" "load + full 125-QD/TW audit (wall)" "$og_time" "$nx_time" \
    "$(python3 -c "print(round($nx_time / $og_time, 1))")"
  printf "%-46s %8sMB %8sMB\n" "  peak memory" "$og_mem" "$nx_mem"
  if [ -n "$baseline" ]; then
    printf "%-46s %9ss %9ss %9sx\n" "  baseline binary (wall)" "$base_time" "$nx_time" \
      "$(python3 -c "print(round($nx_time / $base_time, 1))")"
    printf "%-46s %8sMB\n" "  baseline peak memory" "$base_mem"
  fi
else
  printf "%-46s %9ss %10s\n" "load + full 125-QD/TW audit (wall)" "$og_time" "-"
  printf "%-46s %8sMB\n" "  peak memory" "$og_mem"
  if [ -n "$baseline" ]; then
    printf "%-46s %9ss %10s\n" "  baseline binary (wall)" "$base_time" "-"
    printf "%-46s %8sMB\n" "  baseline peak memory" "$base_mem"
  fi
fi

echo
echo "two-tier: $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['nodes']), 'nodes,', len(d['relations']), 'relations')" "$org2"), $(du -m "$org2" | cut -f1) MB of JSON"
read -r o2_time o2_mem < <(measure "$bin/orggraph" validate "$org2")
if [ $have_networkx = 1 ]; then
  read -r n2_time n2_mem < <(measure python3 Scripts/bench/networkx_audit.py "$org2")
  printf "%-46s %9ss %9ss %9sx\n" "load + full 125-QD/TW-2025 audit (wall)" "$o2_time" "$n2_time" \
    "$(python3 -c "print(round($n2_time / $o2_time, 1))")"
  printf "%-46s %8sMB %8sMB\n" "  peak memory" "$o2_mem" "$n2_mem"
else
  printf "%-46s %9ss %10s\n" "load + full 125-QD/TW-2025 audit (wall)" "$o2_time" "-"
  printf "%-46s %8sMB\n" "  peak memory" "$o2_mem"
fi

if [ -n "$baseline" ]; then
  read -r py_time py_mem pb_time pb_mem < <(measure_pair "$bin/orggraph" validate "$province" -- "$baseline" validate "$base_province")
else
  read -r py_time py_mem < <(measure "$bin/orggraph" validate "$province")
fi
echo
echo "province: $(grep -c '^  - id:' "$province") nodes, $(grep -c '^  - {type:' "$province") relations, $(($(wc -c <"$province") / 1024)) kB of YAML"
if [ $have_networkx = 1 ]; then
  read -r px_time px_mem < <(measure python3 Scripts/bench/networkx_audit.py "$province")
  printf "%-46s %9ss %9ss %9sx\n" "load + full audit, province YAML (wall)" "$py_time" "$px_time" \
    "$(python3 -c "print(round($px_time / $py_time, 1))")"
  printf "%-46s %8sMB %8sMB\n" "  peak memory" "$py_mem" "$px_mem"
  if [ -n "$baseline" ]; then
    printf "%-46s %9ss %9ss %9sx\n" "  baseline binary (wall)" "$pb_time" "$px_time" \
      "$(python3 -c "print(round($px_time / $pb_time, 1))")"
    printf "%-46s %8sMB\n" "  baseline peak memory" "$pb_mem"
  fi
else
  printf "%-46s %9ss %10s\n" "load + full audit, province YAML (wall)" "$py_time" "-"
  printf "%-46s %8sMB\n" "  peak memory" "$py_mem"
  if [ -n "$baseline" ]; then
    printf "%-46s %9ss %10s\n" "  baseline binary (wall)" "$pb_time" "-"
    printf "%-46s %8sMB\n" "  baseline peak memory" "$pb_mem"
  fi
fi
faulted="$work/nationwide-faults.json"
"$bin/orggraph" generate --provinces "$provinces" --districts 20 --communes 15 \
  --provincial-units 300 --district-units 40 --seed 1 --faults 2000 --manifest "$work/faults.json" -o "$faulted"
read -r rp_time rp_mem < <(measure "$bin/orggraph" report "$faulted" -o "$work/report.html")
echo
echo "report: the nationwide three-tier file with 2,000 seeded faults, 200 charts (the default)"
printf "%-46s %9ss %10s\n" "orggraph report (wall)" "$rp_time" "-"
printf "%-46s %8sMB\n" "  peak memory" "$rp_mem"
printf "%-46s %8sMB\n" "  size of the page" "$(python3 -c "import os,sys; print(round(os.path.getsize(sys.argv[1]) / 1e6, 1))" "$work/report.html")"

# diff exits 1 when the change introduced a finding, as it does here; measure only times it.
read -r df_time df_mem < <(measure "$bin/orggraph" diff "$org" "$faulted" --format json)
echo
echo "diff: the nationwide three-tier file against the same with 2,000 seeded faults"
printf "%-46s %9ss %10s\n" "orggraph diff (wall)" "$df_time" "-"
printf "%-46s %8sMB\n" "  peak memory" "$df_mem"

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

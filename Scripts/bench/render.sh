#!/usr/bin/env bash
# In-process rendering against Graphviz's own `dot` program, side by side in one run.
#
# Generates a district-size organization (one district: 15 communes, 40 district units, and
# the provincial bodies above them; Scripts/bench/make_org.py), writes its chart as DOT once,
# then times, alternating, N runs of
#   orggraph render district.json -o in-process.svg --wide --timings
#   dot -Tsvg district.dot -o dot.svg                  (Debian's graphviz, the same DOT file)
# and prints the medians: of the render stage in-process (from the chart to the SVG bytes, as
# --timings reports it: building the graph, layout, rendering), of the whole orggraph run
# (start, loading the file, the chart, rendering, writing, exit), and of the dot run; and the
# ratios to dot. Release build, with the Swift
# standard library and Foundation linked statically, as the tool is shipped on Linux (it saves
# the dynamic loader about 7 ms at every start).
#
#   Scripts/bench/render.sh [RUNS]        (default 21)
#   SWIFT_BUILD_FLAGS="--scratch-path .build-other" Scripts/bench/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-21}"

command -v dot >/dev/null || { echo "render.sh: needs Graphviz's dot (apt-get install graphviz)" >&2; exit 1; }
# shellcheck disable=SC2086
swift build -c release --static-swift-stdlib --product orggraph ${SWIFT_BUILD_FLAGS:-} >&2
# shellcheck disable=SC2086
bin="$(swift build -c release --static-swift-stdlib --show-bin-path ${SWIFT_BUILD_FLAGS:-})/orggraph"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Scripts/bench/make_org.py --provinces 1 --districts 1 --communes 15 --provincial-units 0 \
  --district-units 40 --seed 1 -o "$work/district.json"
# The wide layout, which dot -Tsvg reproduces from the DOT text (the compact one lays out in two
# passes, which the dot program cannot be asked for).
"$bin" render "$work/district.json" --wide --format dot -o "$work/district.dot"

# Warm the file cache and fontconfig's cache once for both.
"$bin" render "$work/district.json" --wide -o "$work/in-process.svg"
dot -Tsvg "$work/district.dot" -o "$work/dot.svg"
cmp -s <(sed 1,8d "$work/in-process.svg") <(sed 1,8d "$work/dot.svg") \
  || echo "render.sh: note: the two SVGs differ beyond their header" >&2

micros() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>"$work/stderr"; end=$(date +%s%N); echo $(((end - start) / 1000)); }
whole=()
stage=()
external=()
for _ in $(seq "$runs"); do
  whole+=("$(micros "$bin" render "$work/district.json" -o "$work/in-process.svg" --wide --timings)")
  stage+=("$(sed -n 's/.*render \([0-9.]*\) ms.*/\1/p' "$work/stderr" | awk '{printf "%d", $1 * 1000}')")
  external+=("$(micros dot -Tsvg "$work/district.dot" -o "$work/dot.svg")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
r=$(median "${stage[@]}")
a=$(median "${whole[@]}")
b=$(median "${external[@]}")
printf 'district chart: %s nodes and %s relations, %s bytes of DOT, %s runs each\n' \
  "$(grep -o '"kind"' "$work/district.json" | wc -l)" "$(grep -o '"type"' "$work/district.json" | wc -l)" \
  "$(wc -c <"$work/district.dot")" "$runs"
printf '%-58s median %6.1f ms  ratio %.2f\n' "in-process render (chart to SVG bytes, --timings)" "$(echo "$r / 1000" | bc -l)" "$(echo "$r / $b" | bc -l)"
printf '%-58s median %6.1f ms  ratio %.2f\n' "orggraph render, whole run (start, load, render, write)" "$(echo "$a / 1000" | bc -l)" "$(echo "$a / $b" | bc -l)"
printf '%-58s median %6.1f ms\n' "dot -Tsvg on the same DOT file (graphviz $(dot -V 2>&1 | awk '{print $5}'))" "$(echo "$b / 1000" | bc -l)"

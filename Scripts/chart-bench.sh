#!/usr/bin/env bash
# The compact chart against the wide one (`render --wide`), side by side in one run.
#
# Generates a one-province organization of about 1,500 nodes (the most 'dot' draws: 7
# districts of 10 communes, 70 provincial and 12 district units each), then times, alternating,
# N runs of
#   orggraph render province.yaml --relations leads,superior-of,part-of,manages -o compact.svg
#   orggraph render province.yaml --relations leads,superior-of,part-of,manages -o wide.svg --wide
# and prints the medians of the render stage (from the chart to the SVG bytes, as --timings
# reports it) and of the whole run, the ratio compact / wide, and each drawing's proportion
# (the SVG's viewBox, width over height). Every relation of that organization would be more
# lines than 'dot' draws (5,000), so the lines of command are drawn, as the issue measured.
# Release build, the Swift standard library linked statically (as Scripts/bench/render.sh).
#
#   Scripts/chart-bench.sh [RUNS]        (default 11)
#   SWIFT_BUILD_FLAGS="--scratch-path .build-other" Scripts/chart-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"

# shellcheck disable=SC2086
swift build -c release --static-swift-stdlib --product orggraph ${SWIFT_BUILD_FLAGS:-} >&2
# shellcheck disable=SC2086
bin="$(swift build -c release --static-swift-stdlib --show-bin-path ${SWIFT_BUILD_FLAGS:-})/orggraph"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" generate --provinces 1 --districts 7 --communes 10 --provincial-units 70 --district-units 12 --seed 9 \
  -o "$work/province.yaml"
relations=leads,superior-of,part-of,manages

# Warm the file cache and fontconfig's cache once for both.
"$bin" render "$work/province.yaml" --relations "$relations" -o "$work/compact.svg"
"$bin" render "$work/province.yaml" --relations "$relations" -o "$work/wide.svg" --wide

micros() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>"$work/stderr"; end=$(date +%s%N); echo $(((end - start) / 1000)); }
stage() { sed -n 's/.*render \([0-9.]*\) ms.*/\1/p' "$work/stderr" | awk '{printf "%d", $1 * 1000}'; }
compact_whole=()
compact_stage=()
wide_whole=()
wide_stage=()
for _ in $(seq "$runs"); do
  compact_whole+=("$(micros "$bin" render "$work/province.yaml" --relations "$relations" -o "$work/compact.svg" --timings)")
  compact_stage+=("$(stage)")
  wide_whole+=("$(micros "$bin" render "$work/province.yaml" --relations "$relations" -o "$work/wide.svg" --timings --wide)")
  wide_stage+=("$(stage)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }
aspect() { grep -m1 -o 'viewBox="[^"]*"' "$1" | tr -d '"' | awk '{printf "%.0f x %.0f pt, %.2f:1", $3, $4, $3 / $4}'; }
cs=$(median "${compact_stage[@]}")
ws=$(median "${wide_stage[@]}")
cw=$(median "${compact_whole[@]}")
ww=$(median "${wide_whole[@]}")
printf 'one province, %s nodes drawn (--relations %s), %s runs each, alternating\n' \
  "$("$bin" stats "$work/province.yaml" | sed -n 's/^ *\([0-9,]*\) nodes.*/\1/p')" "$relations" "$runs"
printf '%-34s %10s %10s %8s\n' "" "compact" "--wide" "ratio"
printf '%-34s %7.0f ms %7.0f ms %8.2f\n' "render stage (chart to SVG bytes)" "$(echo "$cs / 1000" | bc -l)" \
  "$(echo "$ws / 1000" | bc -l)" "$(echo "$cs / $ws" | bc -l)"
printf '%-34s %7.0f ms %7.0f ms %8.2f\n' "whole run (start, load, write)" "$(echo "$cw / 1000" | bc -l)" \
  "$(echo "$ww / 1000" | bc -l)" "$(echo "$cw / $ww" | bc -l)"
printf '%-34s %s | %s\n' "drawing" "$(aspect "$work/compact.svg")" "$(aspect "$work/wide.svg")"

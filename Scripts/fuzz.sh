#!/usr/bin/env bash
# Fuzzes the YAML loader, the JSON loader, the path-expression parser and the chart renderer
# with libFuzzer, one target after the other, each for a bounded time.
#
#   Scripts/fuzz.sh                 # 60 seconds for each target
#   Scripts/fuzz.sh 600 yaml path   # 10 minutes for each of the targets named
#
# Targets: yaml, json, path, chart. Each accepts any input: a load error or a syntax error is the
# expected outcome (chart: the input's NUL-separated parts are names drawn to SVG through libgvc,
# which must be well-formed XML showing each name); a crash, a trap, a hang (10 s for one input;
# a path expression runs on a small organization and on a generated province, from its top) or
# runaway memory (2 GB) is a finding. Findings are written to .fuzz/findings/TARGET/, and the script exits with status 1
# when there are any. The corpus grows in .fuzz/corpus/TARGET/ from run to run, seeded anew
# each time from Examples/, the loader fixtures and the rulebooks' path expressions.
#
# Replay an input (a finding, or a file of your own) through a target:
#   .build-fuzz/release/fuzz-yaml FILE...
#
# Needs a Swift toolchain with libFuzzer and AddressSanitizer (the swift.org toolchains on
# Linux have both); the chart target needs libgraphviz-dev, the others do not.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(yaml json path chart)
for target in "${targets[@]}"; do
  case "$target" in
    yaml | json | path | chart) ;;
    *) echo "fuzz: unknown target '$target'; the targets are yaml, json, path and chart" >&2; exit 2 ;;
  esac
done

# The harnesses in Fuzz/ are targets of Package.swift only when ORGGRAPH_FUZZ=1. The library
# (Swift and libyaml's C) is instrumented for coverage and AddressSanitizer; -enable-testing
# lets the path harness reach the set evaluation the checks use.
export ORGGRAPH_FUZZ=1
build=(swift build --scratch-path .build-fuzz -c release
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
  -Xcc -fsanitize=fuzzer-no-link,address)
for target in "${targets[@]}"; do
  "${build[@]}" --product "fuzz-$target" >&2
done
bin="$("${build[@]}" --show-bin-path)"

work=.fuzz
rm -rf "$work/seeds"
mkdir -p "$work/seeds/yaml" "$work/seeds/json" "$work/seeds/path" "$work/seeds/chart" "$work/logs"

# Seeds: every example and fixture of the format, and the path expressions of the rulebooks
# and of the README.
fixtures=Tests/OrgGraphTests/Fixtures
find Examples "$fixtures/load-errors" "$fixtures/load-ok" -type f \( -name '*.yaml' -o -name '*.yml' \) \
  -exec cp {} "$work/seeds/yaml/" \;
find Examples "$fixtures/load-errors" "$fixtures/load-ok" -type f -name '*.json' -exec cp {} "$work/seeds/json/" \;
{
  grep -rhoE '^ *-? *path: .+$' Rulebooks Examples/rulebooks | sed -E 's/^ *-? *path: *//' || true
  cat <<'EOF'
leads+
^superior-of+
(((leads|^leads|part-of|^part-of)*){0,50}){0,5}
(leads*){0,81}
((leads|^leads|reports-to|^reports-to){0,10}){0,25}
leads+[kind=subordinate-cell]
(leads|superior-of)+[kind=subordinate-cell]
^leads*/leads
reports-to|^leads
leads{2}
leads{1,3}/^part-of?
part-of[beds=800][sector=health]
leads[name="Tỉnh ủy Lâm Đồng"]
[kind=standing-body|unit-head][level=provincial]
^(leads[kind=grassroots-cell]/reports-to)
EOF
} | sort -u | {
  n=0
  while IFS= read -r expression; do
    n=$((n + 1))
    printf '%s' "$expression" >"$work/seeds/path/$n"
  done
}

# Chart seeds: hostile names, parts separated by NUL bytes (name, id, name, name, sector).
printf 'T\xe1\xbb\x89nh \xe1\xbb\xa7y L\xc3\xa2m \xc4\x90\xe1\xbb\x93ng\0bv-da-khoa\0Dang uy\0Chi bo\0y te' >"$work/seeds/chart/1"
printf 'a &#x1; b &#27; c\0x&y\0&#xD800; &#xFFFE; &#xFFFF;\0&amp; &lt; ]]> &quot;\0"q" \\N' >"$work/seeds/chart/2"
printf '\001\033\177\302\205\357\277\276\0id\0\\\\\\"\0<b>x</b>\0&#' >"$work/seeds/chart/3"

found=0
for target in "${targets[@]}"; do
  # Small inputs run five times as fast and reach more of the loader in the same time; the
  # examples are cut to their first 4 KB when read as seeds.
  case "$target" in
    path) dict=Fuzz/path.dict max_len=512 timeout=10 ;;
    # libgvc and fontconfig keep caches for the life of the process that LeakSanitizer reports
    # after the first render; growth is bounded by -rss_limit_mb and by the render-loop test.
    chart) dict=Fuzz/chart.dict max_len=512 timeout=10 ;;
    *) dict=Fuzz/organization.dict max_len=4096 timeout=10 ;;
  esac
  corpus="$work/corpus/$target"
  findings="$work/findings/$target"
  log="$work/logs/$target.log"
  mkdir -p "$corpus" "$findings"
  before="$(find "$findings" -type f | wc -l)"
  echo "fuzz: $target for ${seconds}s (log: $log)" >&2
  status=0
  leaks=1
  [ "$target" = chart ] && leaks=0
  ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}detect_leaks=$leaks" \
  "$bin/fuzz-$target" "$corpus" "$work/seeds/$target" \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len="$max_len" \
    -dict="$dict" -artifact_prefix="$findings/" -print_final_stats=1 \
    -detect_leaks="$leaks" >"$log" 2>&1 || status=$?
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  coverage="$(grep -oE 'cov: [0-9]+' "$log" | tail -1)"
  after="$(find "$findings" -type f | wc -l)"
  if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
    found=1
    echo "fuzz: $target FOUND A PROBLEM (exit status $status) after ${runs:-?} runs; from its log:" >&2
    grep -E 'ERROR|Fatal error|fatal error|SUMMARY|==[0-9]+==|^artifact_prefix|Test unit written' "$log" | head -20 >&2 || true
    echo "fuzz: replay with $bin/fuzz-$target FILE, FILE from $findings/" >&2
  else
    echo "fuzz: $target: no problem in ${runs:-?} runs, ${coverage:-cov: ?}, corpus of $(find "$corpus" -type f | wc -l) inputs" >&2
  fi
done
exit "$found"

#!/usr/bin/env bash
# Rulebook loading time: generates rulebooks of N rules extending 125-QD/TW (a path-count rule,
# a conditions rule, a relation rule and an attribute rule in turn, two rules turned off and
# one severity changed) and times `orggraph rules --rulebook FILE` on each, release build,
# median of several runs.
#
#   Scripts/bench/rulebook-load.sh                 # 2,000, 8,000 and 20,000 rules, 5 runs each
#   Scripts/bench/rulebook-load.sh 20000 50000     # other sizes
#   RUNS=9 Scripts/bench/rulebook-load.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${RUNS:-5}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 8000 20000)

swift build -c release --product orggraph >&2
bin="$(swift build -c release --show-bin-path)/orggraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

generate() {
  local count=$1 file=$2
  awk -v count="$count" 'BEGIN {
    print "rulebook: many\ntitle: Many rules\nextends: 125-QD/TW\nrules:"
    for (i = 0; i < count; i++) {
      printf "  - id: rule-%d\n    title: Rule %d\n    severity: info\n    citation: §%d\n", i, i, i % 5 + 1
      printf "    rationale: >\n      Rule %d of a generated rulebook, with a rationale folded\n      over two lines.\n", i
      if (i % 4 == 0) {
        print "    subject: unit-party-organization\n    path: ^superior-of\n    max: 5"
        print "    message: \"{subject} has {count} superiors ({found})\""
      } else if (i % 4 == 1) {
        print "    subject: unit-party-organization\n    conditions:"
        print "      - {path: \"^part-of/^part-of[kind=unit-head]\", min: 1}"
        print "      - {when: \"part-of\", path: leads+, max: 3}"
      } else if (i % 4 == 2) {
        print "    subject: unit-party-organization\n    relation: {type: reports-to, to: ^superior-of, periods: [6-months, 1-year]}"
        print "    message: \"{subject} does not report to {missing}\""
      } else {
        print "    subject: public-service-unit\n    attribute: {key: sector, values: [health, education, science]}"
      }
    }
    printf "disable: [rule-7, rule-%d]\nseverity:\n  rule-8: warning\n", count - 1
  }' > "$file"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf "%8s  %10s  %12s\n" rules bytes "median (ms)"
for count in "${sizes[@]}"; do
  file="$work/many-$count.yaml"
  generate "$count" "$file"
  "$bin" rules --rulebook "$file" > /dev/null  # fails here if the rulebook does not load
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" rules --rulebook "$file" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf "%8d  %10d  %12d\n" "$count" "$(wc -c < "$file")" "$(printf "%s\n" "${times[@]}" | median)"
done

#!/usr/bin/env bash
# Runs the networkx reference audit over the examples: every Examples/*.yaml must have
# zero findings, and each file in Examples/broken/ must still trigger every rule it was
# written to trigger (so a rule that can no longer fire is noticed).
# Needs python3 with networkx and PyYAML.
set -u
cd "$(dirname "$0")/../.." || exit 2
audit=Scripts/bench/networkx_audit.py
status=0

for file in Examples/*.yaml; do
  output=$(python3 "$audit" "$file")
  code=$?
  if [ "$code" -eq 0 ]; then
    echo "ok    $file: 0 findings"
  else
    echo "FAIL  $file: expected 0 findings (exit status $code)"
    echo "$output" | sed 's/^/        /'
    status=1
  fi
done

structural="relation-endpoints no-self-relation duplicate-relation part-of-required
  acyclic-leadership level-required"
regulation="single-immediate-superior leadership-at-unit-level reports-to-standing-body
  periodic-report-to-superior leaders-report-to-party coordination-with-leaders
  party-informs-leaders documents-reach-unit meeting-invitations escalation-path
  local-liaison unit-has-one-head unit-party-organization board-has-one-chair
  territorial-nesting"

expect_rules() { # FILE RULE...
  local file=$1; shift
  local output missing=()
  output=$(python3 "$audit" "$file")
  if [ $? -ne 1 ]; then
    echo "FAIL  $file: expected findings (exit status 1)"; status=1; return
  fi
  for rule in "$@"; do
    grep -q "^$rule " <<<"$output" || missing+=("$rule")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "ok    $file: $(tail -n 1 <<<"$output"), every expected rule fires"
  else
    echo "FAIL  $file: no finding for ${missing[*]}"; status=1
  fi
}
# shellcheck disable=SC2086
expect_rules Examples/broken/structural.yaml $structural
# shellcheck disable=SC2086
expect_rules Examples/broken/regulation.yaml $regulation

# The benchmark generator must produce clean organizations.
generated=$(mktemp --suffix=.json)
python3 Scripts/bench/make_org.py --provinces 2 --districts 3 --communes 4 \
  --provincial-units 30 --district-units 12 --seed 5 -o "$generated" 2>/dev/null
if output=$(python3 "$audit" "$generated"); then
  echo "ok    make_org.py (small, seed 5): 0 findings"
else
  echo "FAIL  make_org.py (small, seed 5): expected 0 findings"; echo "$output" | tail -n 5
  status=1
fi
rm -f "$generated"

exit $status

#!/usr/bin/env bash
# Runs the networkx reference audit over the examples: every Examples/*.yaml must have
# zero findings, Examples/broken/structural.yaml must still trigger every structural rule,
# Examples/broken/two-tier-2025.yaml every rule 125-QD/TW-2025 adds or reads anew, and each
# other file in Examples/broken/ every rule of its rulebook (the file's `rulebook:`, else
# 125-QD/TW), so a rule that can no longer fire is noticed. With --orggraph PATH (or
# $ORGGRAPH), `orggraph validate --format json` must find on every file the same (rule, node)
# pairs as the reference.
#
#   Scripts/bench/check_examples.sh [--orggraph PATH]
#
# Needs python3 with networkx and PyYAML.
set -u
cd "$(dirname "$0")/../.." || exit 2
audit=Scripts/bench/networkx_audit.py
orggraph=${ORGGRAPH:-}
case ${1:-} in
  --orggraph) orggraph=${2:?--orggraph needs the path of an orggraph binary} ;;
  "") ;;
  *) echo "usage: $0 [--orggraph PATH]" >&2; exit 2 ;;
esac
if [ -n "$orggraph" ] && [ ! -x "$orggraph" ]; then
  echo "$0: $orggraph is not an executable" >&2; exit 2
fi
status=0

# The rule ids a file is held to: the structural ones, or those of the file's rulebook.
rules_of() { # FILE structural|rulebook
  python3 - "$@" <<'EOF'
import sys
sys.path.insert(0, "Scripts/bench")
import networkx_audit as audit
path, which = sys.argv[1:]
if which == "structural":
    print(*audit.STRUCTURAL)
else:
    named = audit.load(path)[3]
    book = audit.Rulebook(named if named in audit.RULEBOOKS else audit.RULEBOOKS[0])
    print(*[rule for rule in book.rules if rule not in audit.STRUCTURAL])
EOF
}

# Compares the reference's findings on FILE with orggraph's, when there is an orggraph.
same_as_orggraph() { # FILE [NAME]
  [ -n "$orggraph" ] || return 0
  python3 - "$1" "$orggraph" "$audit" "${2:-$1}" <<'EOF'
import json, subprocess, sys
from collections import Counter
path, orggraph, audit, name = sys.argv[1:]
def run(command):
    done = subprocess.run(command, capture_output=True, text=True)
    return json.loads(done.stdout) if done.returncode <= 1 else None
swift = run([orggraph, "validate", path, "--format", "json"])
reference = run([sys.executable, audit, path, "--json"])
if swift is None or reference is None:
    print(f"FAIL  {name}: {'orggraph' if swift is None else 'the reference'} could not load it")
    sys.exit(1)
ours = Counter((x["rule"], x["node"]) for x in swift["findings"])
theirs = Counter((x["rule"], x["node"]) for x in reference)
if ours != theirs:
    print(f"FAIL  {name}: orggraph and the reference disagree")
    for pair in sorted((ours - theirs).elements()):
        print(f"        only orggraph: {' '.join(pair)}")
    for pair in sorted((theirs - ours).elements()):
        print(f"        only the reference: {' '.join(pair)}")
    sys.exit(1)
print(f"ok    {name}: orggraph = reference, {sum(ours.values())} findings")
EOF
}

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
  same_as_orggraph "$file" || status=1
done

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
for file in Examples/broken/*.yaml; do
  if [ "$(basename "$file")" = structural.yaml ]; then
    rules=$(rules_of "$file" structural)
  elif [ "$(basename "$file")" = two-tier-2025.yaml ]; then
    # The rules 125-QD/TW-2025 adds or reads anew (SPEC §3); the ones it inherits unchanged
    # fire in regulation.yaml.
    rules="no-district-level no-ended-bodies leadership-at-unit-level superior-at-unit-level
      documents-from-party-committee meeting-invitations reports-to-standing-body
      directed-by-authority documents-reach-unit territorial-nesting"
  else
    rules=$(rules_of "$file" rulebook)
  fi
  # shellcheck disable=SC2086
  expect_rules "$file" $rules
  same_as_orggraph "$file" || status=1
done

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
same_as_orggraph "$generated" "make_org.py (small, seed 5)" || status=1
rm -f "$generated"

exit $status

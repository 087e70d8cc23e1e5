#!/usr/bin/env bash
# Runs the networkx reference audit on the small organizations of Scripts/bench/reference-tests/
# and compares its findings with the expectation each file writes on a comment line,
#   # expect: rule node, rule node
# (an empty expectation means no findings), as multisets of (rule, node). The rulebook is each
# file's `rulebook:` field. With --orggraph PATH (or $ORGGRAPH), `orggraph validate --format json`
# is held to the same expectations.
#
#   Scripts/bench/reference-tests.sh [--orggraph PATH] [FILE...]
#
# Needs python3 with networkx and PyYAML. Exit status: 0 when every file gives what it expects,
# 1 when one does not, 2 on bad usage.
set -u
cd "$(dirname "$0")/../.." || exit 2

orggraph=${ORGGRAPH:-}
files=()
while [ $# -gt 0 ]; do
  case $1 in
    --orggraph) orggraph=${2:?--orggraph needs the path of an orggraph binary}; shift 2 ;;
    -*) echo "usage: $0 [--orggraph PATH] [FILE...]" >&2; exit 2 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || files=(Scripts/bench/reference-tests/*.yaml)
if [ -n "$orggraph" ] && [ ! -x "$orggraph" ]; then
  echo "$0: $orggraph is not an executable" >&2; exit 2
fi

python3 - "$orggraph" "${files[@]}" <<'PY'
import json, subprocess, sys
from collections import Counter

orggraph, files = sys.argv[1], sys.argv[2:]
audit = "Scripts/bench/networkx_audit.py"
failed = 0

def expectation(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# expect:"):
                items = [x.strip() for x in line[len("# expect:"):].split(",") if x.strip()]
                return Counter(tuple(x.split()) for x in items)
    return None

def findings(command, key=None):
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode > 1:
        return None, run.stderr.strip()
    data = json.loads(run.stdout)
    items = data[key] if key else data
    return Counter((x["rule"], x["node"]) for x in items), None

for path in files:
    expected = expectation(path)
    if expected is None:
        print(f"FAIL  {path}: no '# expect:' line")
        failed += 1
        continue
    sides = [("networkx", [sys.executable, audit, path, "--json"], None)]
    if orggraph:
        sides.append(("orggraph", [orggraph, "validate", path, "--format", "json"], "findings"))
    problems = []
    for name, command, key in sides:
        found, error = findings(command, key)
        if found is None:
            problems.append(f"{name} could not load the file: {error}")
            continue
        for (rule, node), n in sorted((found - expected).items()):
            problems.append(f"{name} also finds {rule} {node}" + (f" ({n}x)" if n > 1 else ""))
        for (rule, node), n in sorted((expected - found).items()):
            problems.append(f"{name} misses {rule} {node}" + (f" ({n}x)" if n > 1 else ""))
    if problems:
        failed += 1
        print(f"FAIL  {path}")
        for problem in problems:
            print(f"        {problem}")
    else:
        print(f"ok    {path}: {sum(expected.values())} findings")
print(f"{len(files) - failed} of {len(files)} files as expected")
sys.exit(1 if failed else 0)
PY

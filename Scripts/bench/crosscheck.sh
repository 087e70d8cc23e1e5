#!/usr/bin/env bash
# Cross-checks the Swift audit against the networkx reference on generated organizations with
# seeded faults. For each seed, the release `orggraph generate --faults N --manifest M` writes an
# organization; `orggraph validate --format json` and `networkx_audit.py --json` must each find
# exactly the manifest's (rule, node) pairs, compared as multisets.
#
#   Scripts/bench/crosscheck.sh [--seeds N] [--faults N] [--size small|medium|nationwide]
#
# Defaults: 10 seeds, 84 faults (4 per rule), the medium size. The binary is $ORGGRAPH, or
# .build/release/orggraph, built when missing. Needs python3 with networkx and PyYAML.
# Exit status: 0 when all three agree on every seed, 1 when they do not, 2 on bad usage.
set -u
cd "$(dirname "$0")/../.." || exit 2

seeds=10
faults=84
size=medium
while [ $# -gt 0 ]; do
  case $1 in
    --seeds) seeds=$2; shift 2 ;;
    --faults) faults=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    *) echo "usage: $0 [--seeds N] [--faults N] [--size small|medium|nationwide]" >&2; exit 2 ;;
  esac
done
case $size in
  small) dimensions=(--provinces 1 --districts 3 --communes 4 --provincial-units 40 --district-units 10) ;;
  medium) dimensions=(--provinces 3 --districts 5 --communes 6 --provincial-units 80 --district-units 15) ;;
  nationwide) dimensions=(--provinces 34 --districts 20 --communes 15 --provincial-units 300 --district-units 40) ;;
  *) echo "unknown size '$size': small, medium or nationwide" >&2; exit 2 ;;
esac

orggraph=${ORGGRAPH:-.build/release/orggraph}
if [ ! -x "$orggraph" ]; then
  swift build -c release --product orggraph >&2 || exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

for seed in $(seq 1 "$seeds"); do
  org=$work/org-$seed.json
  if ! "$orggraph" generate "${dimensions[@]}" --seed "$seed" --faults "$faults" \
      --manifest "$work/manifest.json" -o "$org"; then
    echo "FAIL  seed $seed: orggraph generate failed"; status=1; continue
  fi
  "$orggraph" validate "$org" --format json > "$work/swift.json"
  [ $? -le 1 ] || { echo "FAIL  seed $seed: orggraph validate could not load the file"; status=1; continue; }
  python3 Scripts/bench/networkx_audit.py "$org" --json > "$work/networkx.json"
  [ $? -le 1 ] || { echo "FAIL  seed $seed: networkx_audit.py could not load the file"; status=1; continue; }
  python3 - "$seed" "$work/manifest.json" "$work/swift.json" "$work/networkx.json" <<'EOF' || status=1
import json, sys
from collections import Counter

seed, manifest, swift, networkx = sys.argv[1:]
pairs = lambda items: Counter((item["rule"], item["node"]) for item in items)
expected = pairs(json.load(open(manifest))["faults"])
found = {"swift": pairs(json.load(open(swift))["findings"]),
         "networkx": pairs(json.load(open(networkx)))}
problems = []
for name, counts in found.items():
    for (rule, node), n in sorted((counts - expected).items()):
        problems.append(f"{name} also finds {rule} on {node}" + (f" ({n}x)" if n > 1 else ""))
    for (rule, node), n in sorted((expected - counts).items()):
        problems.append(f"{name} misses {rule} on {node}" + (f" ({n}x)" if n > 1 else ""))
rules = len({rule for rule, _ in expected})
if problems:
    print(f"FAIL  seed {seed}: {sum(expected.values())} faults over {rules} rules")
    for problem in problems:
        print(f"        {problem}")
    sys.exit(1)
print(f"ok    seed {seed}: {sum(expected.values())} faults over {rules} rules; "
      "swift = networkx = manifest")
EOF
done
exit $status

#!/usr/bin/env bash
# Cross-checks the Swift audit against the networkx reference on generated organizations with
# seeded faults. For each seed, the release `orggraph generate --structure S --faults N
# --manifest M` writes an organization; `orggraph validate --format json` and
# `networkx_audit.py --json` must each find exactly the manifest's (rule, node) pairs, compared
# as multisets. Both sides audit under the rulebook the generated file names in its
# `rulebook:` field (125-QD/TW where it names none).
#
#   Scripts/bench/crosscheck.sh [--structure three-tier|two-tier] [--seeds N] [--faults N]
#                               [--size small|medium|nationwide]
#
# Defaults: the three-tier structure, 10 seeds, 4 faults per rule of the structure's rulebook
# (125-QD/TW: 6 structural and 20 regulation rules, 104 faults; 125-QD/TW-2025 for two-tier:
# 6 and 22, 112 faults), the medium size. The binary is $ORGGRAPH, or .build/release/orggraph,
# built when missing. Needs python3 with networkx and PyYAML.
# Exit status: 0 when all three agree on every seed, 1 when they do not, 2 on bad usage.
set -u
cd "$(dirname "$0")/../.." || exit 2

usage="usage: $0 [--structure three-tier|two-tier] [--seeds N] [--faults N] [--size small|medium|nationwide]"
structure=three-tier
seeds=10
faults=""
size=medium
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }
  case $1 in
    --structure) structure=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --faults) faults=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
case $structure in
  three-tier) rulebook=125-QD/TW ;;
  two-tier) rulebook=125-QD/TW-2025 ;;
  *) echo "unknown structure '$structure': three-tier or two-tier" >&2; exit 2 ;;
esac
if [ -z "$faults" ]; then # 4 per rule of the structure's rulebook, as the reference counts them
  faults=$(python3 -c 'import sys; sys.path.insert(0, "Scripts/bench"); import networkx_audit as a
print(4 * len(a.Rulebook(sys.argv[1]).rules))' "$rulebook") || exit 2
fi
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
  if ! "$orggraph" generate --structure "$structure" "${dimensions[@]}" --seed "$seed" \
      --faults "$faults" --manifest "$work/manifest.json" -o "$org"; then
    echo "FAIL  seed $seed: orggraph generate failed"; status=1; continue
  fi
  "$orggraph" validate "$org" --format json > "$work/swift.json"
  [ $? -le 1 ] || { echo "FAIL  seed $seed: orggraph validate could not load the file"; status=1; continue; }
  python3 Scripts/bench/networkx_audit.py "$org" --json > "$work/networkx.json"
  [ $? -le 1 ] || { echo "FAIL  seed $seed: networkx_audit.py could not load the file"; status=1; continue; }
  python3 - "$seed" "$work/manifest.json" "$work/swift.json" "$work/networkx.json" "$org" <<'EOF' || status=1
import json, sys
from collections import Counter

seed, manifest, swift, networkx, org = sys.argv[1:]
rulebook = json.load(open(org)).get("rulebook", "125-QD/TW")
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
    print(f"FAIL  seed {seed}: {sum(expected.values())} faults over {rules} rules of {rulebook}")
    for problem in problems:
        print(f"        {problem}")
    sys.exit(1)
print(f"ok    seed {seed}: {sum(expected.values())} faults over {rules} rules of {rulebook}; "
      "swift = networkx = manifest")
EOF
done
exit $status

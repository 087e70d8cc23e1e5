#!/usr/bin/env bash
# The exports read back by the tools they are for: for every example that loads, a generated
# organization of each structure and Tests/Interchange/hostile-names.yaml, networkx reads the
# GraphML (plain and yEd-styled) and the node-link JSON back, igraph reads the GraphML back,
# node for node and edge for edge with the attributes `orggraph convert --to json` gives; and a
# checker proves that no Mermaid label leaves its quotes and that every label decodes to its
# name (Tests/Interchange/interchange_test.py). Ends with `interchange: N passed, N failed`.
#
#   Scripts/interchange-test.sh [--orggraph PATH] [--out FOLDER]
#
# Installs Python's networkx and igraph (pip) when they are missing. The exports go to
# .build/interchange-test/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

orggraph=""
out=".build/interchange-test"
while [ $# -gt 0 ]; do
  case "$1" in
    --orggraph) orggraph="${2:?--orggraph needs a path}"; shift ;;
    --out) out="${2:?--out needs a folder}"; shift ;;
    *) echo "usage: Scripts/interchange-test.sh [--orggraph PATH] [--out FOLDER]" >&2; exit 2 ;;
  esac
  shift
done

for package in networkx igraph; do
  if ! python3 -c "import $package" 2>/dev/null; then
    echo "interchange-test: installing $package" >&2
    python3 -m pip install --quiet "$package" 2>/dev/null \
      || python3 -m pip install --quiet --break-system-packages "$package"
  fi
done

if [ -z "$orggraph" ]; then
  swift build --product orggraph >&2
  orggraph="$(swift build --show-bin-path)/orggraph"
fi
python3 Tests/Interchange/interchange_test.py --orggraph "$orggraph" --out "$out"

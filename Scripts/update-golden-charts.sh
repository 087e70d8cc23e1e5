#!/usr/bin/env bash
# Regenerates the golden DOT charts of the test suite (Tests/OrgGraphGraphvizTests/Golden)
# from Tests/OrgGraphGraphvizTests/Golden/charts.txt, with the orggraph binary of a debug
# build. Review the diff before committing: the tests compare these files byte for byte.
#
#   Scripts/update-golden-charts.sh
#   SWIFT_BUILD_FLAGS="--scratch-path .build-other" Scripts/update-golden-charts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck disable=SC2086
swift build --product orggraph ${SWIFT_BUILD_FLAGS:-} >&2
# shellcheck disable=SC2086
bin="$(swift build --show-bin-path ${SWIFT_BUILD_FLAGS:-})/orggraph"
golden=Tests/OrgGraphGraphvizTests/Golden

grep -v '^#' "$golden/charts.txt" | while read -r file args; do
  [ -n "$file" ] || continue
  # shellcheck disable=SC2086
  "$bin" render $args --format dot -o "$golden/$file" || [ $? -eq 1 ]
  echo "wrote $golden/$file" >&2
done

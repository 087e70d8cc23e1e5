#!/usr/bin/env bash
# Renders every example organization to PNG under docs/images/ with the release binary: the
# gallery of the README. Rerun after changing the chart style and review the images.
#
#   Scripts/render-examples.sh
#   SWIFT_BUILD_FLAGS="--scratch-path .build-other" Scripts/render-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
# shellcheck disable=SC2086
swift build -c release --product orggraph ${SWIFT_BUILD_FLAGS:-} >&2
# shellcheck disable=SC2086
bin="$(swift build -c release --show-bin-path ${SWIFT_BUILD_FLAGS:-})/orggraph"
out=docs/images
mkdir -p "$out"

render() {
  local name=$1
  shift
  "$bin" render "$@" -o "$out/$name.png"
  echo "$out/$name.png" >&2
}

for file in Examples/*.yaml; do
  render "$(basename "$file" .yaml)" "$file"
done
for file in Examples/broken/*.yaml; do
  render "broken-$(basename "$file" .yaml)" "$file" --findings
done
render hospital-vi Examples/hospital.yaml --lang vi
render province-command Examples/province.yaml --relations part-of,leads,superior-of,manages
render province-wide Examples/province.yaml --wide
# A generated province of 180 nodes, its lines of command: the compact chart of a larger file.
generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
"$bin" generate --provinces 1 --districts 2 --communes 3 --provincial-units 6 --district-units 2 --seed 1 \
  -o "$generated/province.yaml"
render generated-province "$generated/province.yaml" --relations leads,superior-of,part-of,manages
render province-focus Examples/province.yaml --focus dang-uy-bv-da-khoa --depth 1
render hospital-path Examples/hospital.yaml --highlight chi-bo-khoa-noi:ubnd-tinh --no-legend
render province-overview Examples/province.yaml --view overview --lang vi
# The overview page and a unit's page of the province's PDF on A3, as pdftoppm shows them.
pages="$(mktemp -d)"
trap 'rm -rf "$pages"' EXIT
"$bin" render Examples/province.yaml --pages units --paper a3 --lang vi -o "$pages/province.pdf"
for page in 1 2; do
  pdftoppm -r 60 -png -singlefile -f "$page" -l "$page" "$pages/province.pdf" "$out/province-page-$page"
  echo "$out/province-page-$page.png" >&2
done

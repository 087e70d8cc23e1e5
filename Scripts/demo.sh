#!/usr/bin/env bash
# The main job, end to end: build in release mode, audit the province example and a broken
# file, print the province's statistics, and draw its org chart (out/province.svg).
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build -c release --product orggraph >&2
bin="$(swift build -c release --show-bin-path)/orggraph"

run() {
  echo
  echo "\$ orggraph $*"
  "$bin" "$@" || echo "(exit status $?)"
}

run validate Examples/province.yaml Examples/hospital.yaml Examples/university.yaml Examples/district-school.yaml
run validate Examples/broken/structural.yaml
run validate Examples/lam-dong-2025.yaml Examples/central-hospital.yaml
run validate Examples/broken/two-tier-2025.yaml
run rules --rulebook 125-QD/TW-2025
run stats Examples/province.yaml
mkdir -p out
run render Examples/province.yaml -o out/province.svg --timings

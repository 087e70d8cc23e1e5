#!/usr/bin/env bash
# The main job, end to end: build in release mode, audit the province example and a broken
# file, and print the province's statistics.
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
run stats Examples/province.yaml

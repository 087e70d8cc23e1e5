#!/usr/bin/env bash
# Lint: swift-format (it ships with the Swift toolchain) in strict mode over the sources, the
# tests and the fuzz harnesses, with the configuration in .swift-format (the defaults, with
# four-space indentation and lines of 120 columns). Exits non-zero on any finding.
#
#   Scripts/lint.sh          # check
#   Scripts/lint.sh --fix    # format in place, then check
set -euo pipefail
cd "$(dirname "$0")/.."

paths=(Sources Tests Fuzz Package.swift)
if [ "${1:-}" = "--fix" ]; then
  swift format format --in-place --parallel --recursive "${paths[@]}"
fi
swift format lint --strict --parallel --recursive "${paths[@]}"
echo "lint: no findings" >&2

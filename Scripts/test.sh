#!/usr/bin/env bash
# Installs what the build needs, builds, runs the whole test suite, then the browser test of
# the HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."

Scripts/setup.sh
swift build --build-tests
swift test --skip-build
# The exports read back by networkx and igraph, and the Mermaid labels checked (installs them when missing).
Scripts/interchange-test.sh --orggraph "$(swift build --show-bin-path)/orggraph"
# The HTML report in headless Chromium (installs Chromium and selenium when missing).
Scripts/browser-test.sh --orggraph "$(swift build --show-bin-path)/orggraph"

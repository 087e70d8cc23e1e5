#!/usr/bin/env bash
# The HTML report in a real browser: builds `orggraph report` for the broken examples and a
# generated organization with faults, in English and Vietnamese, and checks each page in
# headless Chromium (Tests/Browser/report_test.py): no console error, as many findings shown as
# `validate --format json` gives, the filter by rule id, a node's findings on a click and on
# Enter, A4 pages when printed to PDF, no request leaving the page.
#
#   Scripts/browser-test.sh [--orggraph PATH] [--out FOLDER]
#
# Installs what it needs when it is missing: Debian's chromium, chromium-driver and
# poppler-utils (apt-get, with sudo when not root), and Python's selenium (pip). Screenshots
# and the printed PDFs go to .build/browser-test/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

orggraph=""
out=".build/browser-test"
while [ $# -gt 0 ]; do
  case "$1" in
    --orggraph) orggraph="${2:?--orggraph needs a path}"; shift ;;
    --out) out="${2:?--out needs a folder}"; shift ;;
    *) echo "usage: Scripts/browser-test.sh [--orggraph PATH] [--out FOLDER]" >&2; exit 2 ;;
  esac
  shift
done

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "browser-test: missing ${missing[*]}; run as root or install sudo." >&2; exit 1; }
    sudo="sudo"
  fi
  echo "browser-test: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! python3 -c "import selenium" 2>/dev/null; then
  echo "browser-test: installing selenium" >&2
  python3 -m pip install --quiet selenium 2>/dev/null \
    || python3 -m pip install --quiet --break-system-packages selenium
fi

if [ -z "$orggraph" ]; then
  swift build --product orggraph >&2
  orggraph="$(swift build --show-bin-path)/orggraph"
fi
python3 Tests/Browser/report_test.py --orggraph "$orggraph" --out "$out"

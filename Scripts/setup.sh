#!/usr/bin/env bash
# Installs what the build needs when it is missing: libgraphviz-dev (libgvc, libcgraph),
# libcairo2-dev (the PDF of --pages), pkg-config, the charts' font, and poppler-utils (the
# tests read the PDF's pages with pdfinfo). Idempotent: does nothing when all are present.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libgvc 2>/dev/null; then
  missing+=(libgraphviz-dev)
fi
if ! pkg-config --exists cairo 2>/dev/null; then
  missing+=(libcairo2-dev)
fi
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
# The charts' font, DejaVu Sans, which has every Vietnamese glyph: fontconfig must give its own
# file for the name, not another font standing in for it (other packages, such as Chromium's
# fonts-liberation, bring fonts of their own) nor a condensed or light face of the family
# (fonts-dejavu-extra), or labels are measured and drawn in another font.
command -v fc-match >/dev/null 2>&1 || missing+=(fontconfig)
if ! fc-match -f '%{file}' 'DejaVu Sans' 2>/dev/null | grep -q '/DejaVuSans\.ttf$'; then
  missing+=(fonts-dejavu-core)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: missing ${missing[*]}, and there is no apt-get here; install them with your package manager." >&2
  exit 1
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "setup: missing ${missing[*]}; run as root or install sudo." >&2
    exit 1
  fi
fi

echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

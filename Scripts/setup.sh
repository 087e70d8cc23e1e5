#!/usr/bin/env bash
# Installs what the build needs when it is missing: libgraphviz-dev (libgvc, libcgraph)
# and pkg-config. Idempotent: does nothing when both are present.
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libgvc 2>/dev/null; then
  missing+=(libgraphviz-dev)
fi
# Fonts with Vietnamese glyphs, for the charts.
if ! fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then
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

#!/usr/bin/env bash
# Renders the Teams icons from their SVG sources (the PNGs are committed; run this after editing an SVG).
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "render-icons: install rsvg-convert (Debian: apt-get install -y librsvg2-bin)" >&2; exit 1; }
rsvg-convert --width 192 --height 192 --format png --output ../color.png color.svg
rsvg-convert --width 32 --height 32 --format png --background-color transparent --output ../outline.png outline.svg
echo "wrote teams/color.png (192x192) and teams/outline.png (32x32)"

#!/usr/bin/env bash
# Regenerates the stretch SVGs and renders each one to a PNG next to it (Teams cards need PNG).
# Needs python3 and rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../StretchBot/wwwroot/images/stretches"
python3 "$here/generate.py" "$@"
for svg in "$out"/*.svg; do
  id="$(basename "$svg" .svg)"
  if [ "$#" -gt 0 ] && [[ " $* " != *" $id "* ]]; then continue; fi
  rsvg-convert --width 640 --height 320 --format png --output "$out/$id.png" "$svg"
  printf '%s.png %s bytes\n' "$id" "$(stat -c %s "$out/$id.png")"
done

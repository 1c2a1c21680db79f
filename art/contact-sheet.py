#!/usr/bin/env python3
"""Builds art/contact-sheet.svg (all twelve stretch pictures with their ids in a 3x4 grid) and renders it
to art/contact-sheet.png with rsvg-convert. The pictures are nested inline, so the sheet needs no other file.
Run: python3 art/contact-sheet.py
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "StretchBot", "wwwroot", "images", "stretches")
sys.path.insert(0, HERE)
from generate import PICTURES  # noqa: E402  (the fixed order of the stretch ids)

COLS, SCALE, PAD, LABEL_H = 3, 0.6, 16, 26
CELL_W, CELL_H = 640 * SCALE, 320 * SCALE


def inner(svg_text):
    body = re.sub(r"^.*?<svg[^>]*>", "", svg_text, count=1, flags=re.S)
    return re.sub(r"</svg>\s*$", "", body, flags=re.S)


def main():
    ids = list(PICTURES)
    rows = (len(ids) + COLS - 1) // COLS
    width = int(COLS * CELL_W + (COLS + 1) * PAD)
    height = int(rows * (CELL_H + LABEL_H) + (rows + 1) * PAD + 40)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}">',
           "<title>StretchBot stretch pictures: contact sheet</title>",
           f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>',
           f'<text x="{PAD}" y="34" font-family="DejaVu Sans, Arial, sans-serif" font-size="20" '
           f'font-weight="bold" fill="#2F3E4C">StretchBot stretch pictures</text>']
    for i, stretch_id in enumerate(ids):
        col, row = i % COLS, i // COLS
        x = PAD + col * (CELL_W + PAD)
        y = 40 + PAD + row * (CELL_H + LABEL_H + PAD)
        with open(os.path.join(SRC, f"{stretch_id}.svg"), encoding="utf-8") as f:
            content = inner(f.read())
        out.append(f'<text x="{x:.0f}" y="{y + 18:.0f}" font-family="DejaVu Sans, Arial, sans-serif" '
                   f'font-size="15" fill="#2F3E4C">{i + 1}. {stretch_id}</text>')
        out.append(f'<svg x="{x:.0f}" y="{y + LABEL_H:.0f}" width="{CELL_W:.0f}" height="{CELL_H:.0f}" '
                   f'viewBox="0 0 640 320">{content}</svg>')
        out.append(f'<rect x="{x:.0f}" y="{y + LABEL_H:.0f}" width="{CELL_W:.0f}" height="{CELL_H:.0f}" '
                   f'fill="none" stroke="#C9D3DC" stroke-width="1"/>')
    out.append("</svg>")
    svg_path = os.path.join(HERE, "contact-sheet.svg")
    png_path = os.path.join(HERE, "contact-sheet.png")
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    subprocess.run(["rsvg-convert", "--format", "png", "--output", png_path, svg_path], check=True)
    print(os.path.relpath(png_path), os.path.getsize(png_path), "bytes")


if __name__ == "__main__":
    main()

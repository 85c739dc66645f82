"""Draws the Teams app icons (deploy/teams/color.png, outline.png) with the standard library only.

Why a script: the icons are part of the source, and Teams is strict about them
(color 192x192; outline 32x32, white on a transparent background). Drawing
them from a few shapes keeps them reproducible and reviewable without an image
editor or an imaging library. The committed PNGs are this script's output:
`python deploy/scripts/make_icons.py` rewrites them.

The mark: a speech bubble with an exclamation mark (an error, explained in chat).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

TEAMS_DIR = Path(__file__).resolve().parents[1] / "teams"
ACCENT = (0x0F, 0x6C, 0xBD)  # the manifest's accentColor
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # supersampling per axis, for smooth edges


def png(width: int, height: int, rgba_rows: list[bytes]) -> bytes:
    """A truecolour+alpha, 8-bit, non-interlaced PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in rgba_rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def _in_round_rect(x: float, y: float, x0: float, y0: float, x1: float, y1: float, r: float) -> bool:
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def _in_triangle(x: float, y: float, a, b, c) -> bool:
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])
    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    has_neg = d1 < 0 or d2 < 0 or d3 < 0
    has_pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (has_neg and has_pos)


def bubble(x: float, y: float) -> bool:
    """The speech bubble on a unit square: a rounded box with a tail at the lower left."""
    return _in_round_rect(x, y, 0.14, 0.16, 0.86, 0.72, 0.14) or _in_triangle(
        x, y, (0.26, 0.68), (0.46, 0.68), (0.22, 0.88)
    )


def exclamation(x: float, y: float) -> bool:
    """The '!' inside the bubble, on the same unit square."""
    bar = _in_round_rect(x, y, 0.455, 0.25, 0.545, 0.52, 0.045)
    dot = (x - 0.5) ** 2 + (y - 0.615) ** 2 <= 0.05 ** 2
    return bar or dot


def render(size: int, colour_at) -> list[bytes]:
    """colour_at(x, y) -> (r, g, b, a) on the unit square; averaged over SAMPLES^2 points per pixel."""
    rows = []
    n = SAMPLES * SAMPLES
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (px + (sx + 0.5) / SAMPLES) / size
                    y = (py + (sy + 0.5) / SAMPLES) / size
                    r, g, b, a = colour_at(x, y)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / n
            if acc[3]:
                rgb = [round(c / acc[3]) for c in acc[:3]]
            else:
                rgb = [0, 0, 0]
            row += bytes(rgb + [round(alpha)])
        rows.append(bytes(row))
    return rows


def color_icon(x: float, y: float):
    """Full-colour icon: accent tile, white bubble, accent '!'."""
    if not _in_round_rect(x, y, 0.0, 0.0, 1.0, 1.0, 0.18):
        return (0, 0, 0, 0)
    if bubble(x, y) and not exclamation(x, y):
        return (*WHITE, 255)
    return (*ACCENT, 255)


def outline_icon(x: float, y: float):
    """Outline icon: white bubble with the '!' cut out, everything else transparent."""
    if bubble(x, y) and not exclamation(x, y):
        return (*WHITE, 255)
    return (*WHITE, 0)


def main() -> None:
    TEAMS_DIR.mkdir(parents=True, exist_ok=True)
    (TEAMS_DIR / "color.png").write_bytes(png(192, 192, render(192, color_icon)))
    (TEAMS_DIR / "outline.png").write_bytes(png(32, 32, render(32, outline_icon)))
    print(f"wrote {TEAMS_DIR / 'color.png'} and {TEAMS_DIR / 'outline.png'}")


if __name__ == "__main__":
    main()

"""A schematic tile map of the 38 kabupaten/kota of Jawa Timur, drawn at build time as accessible SVG.

One square per kabupaten/kota, laid out roughly as the province lies (west to east, the north coast and
Madura on top, the south coast below). No boundaries and no map service: the grid below is the whole map.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

# kode -> (row, column): row 0 is the north coast and Madura, column 0 the western border.
GRID: dict[str, tuple[int, int]] = {
    "35.23": (0, 2), "35.24": (0, 3), "35.25": (0, 4), "35.26": (0, 6), "35.27": (0, 7), "35.28": (0, 8),
    "35.29": (0, 9),
    "35.21": (1, 0), "35.19": (1, 1), "35.22": (1, 2), "35.17": (1, 3), "35.76": (1, 4), "35.78": (1, 5),
    "35.20": (2, 0), "35.77": (2, 1), "35.18": (2, 2), "35.71": (2, 3), "35.16": (2, 4), "35.15": (2, 5),
    "35.75": (2, 6), "35.74": (2, 7), "35.12": (2, 8),
    "35.02": (3, 0), "35.06": (3, 2), "35.79": (3, 3), "35.73": (3, 4), "35.14": (3, 5), "35.13": (3, 6),
    "35.11": (3, 8), "35.10": (3, 9),
    "35.01": (4, 0), "35.03": (4, 1), "35.04": (4, 2), "35.05": (4, 3), "35.07": (4, 4), "35.08": (4, 5),
    "35.09": (4, 7),
    "35.72": (5, 3),
}  # fmt: skip

TILE_WIDTH, TILE_HEIGHT, GAP = 84, 70, 4
# (fewest rows, fill, text colour): light to dark, the text keeping a contrast of at least 4.5:1.
SHADES = ((0, "#f2f2f2", "#1a1a1a"), (1, "#c6dbef", "#1a1a1a"), (2, "#6baed6", "#0b0b0b"), (4, "#08519c", "#ffffff"))


@dataclass(frozen=True)
class Tile:
    code: str
    name: str  # official: "Kabupaten Malang", "Kota Batu"
    count: int  # ranking rows of its kecamatan (or of the kab/kota itself) across editions
    url: str  # its kabupaten/kota page, or the list when it has none


def shade(count: int) -> tuple[str, str]:
    fill, text = SHADES[0][1:]
    for lowest, tile_fill, tile_text in SHADES:
        if count >= lowest:
            fill, text = tile_fill, tile_text
    return fill, text


def legend() -> list[tuple[str, str]]:
    """(what a shade means, its fill), for the legend under the map."""
    bounds = [lowest for lowest, _, _ in SHADES]
    labels = []
    for index, lowest in enumerate(bounds):
        upper = bounds[index + 1] - 1 if index + 1 < len(bounds) else None
        text = f"{lowest}" if upper == lowest else f"{lowest}–{upper}" if upper is not None else f"{lowest} atau lebih"
        labels.append((f"{text} kali", SHADES[index][1]))
    return labels


def _short(name: str) -> tuple[str, str]:
    if name.startswith("Kota "):
        return name.removeprefix("Kota "), "Kota"
    return name.removeprefix("Kabupaten "), "Kab."


def svg(tiles: list[Tile], title: str, description: str) -> str:
    """The map as inline SVG: each tile a link named by its kabupaten/kota and count. The drawing is a named
    group, not an image: an image may not hold links (axe: nested-interactive)."""
    rows = 1 + max(row for row, _ in GRID.values())
    columns = 1 + max(column for _, column in GRID.values())
    width, height = columns * (TILE_WIDTH + GAP), rows * (TILE_HEIGHT + GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kki-petak" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="group" aria-labelledby="petak-judul" aria-describedby="petak-isi">',
        f'<title id="petak-judul">{escape(title)}</title><desc id="petak-isi">{escape(description)}</desc>',
    ]
    for tile in sorted(tiles, key=lambda item: GRID[item.code]):
        row, column = GRID[tile.code]
        x, y = column * (TILE_WIDTH + GAP), row * (TILE_HEIGHT + GAP)
        fill, text = shade(tile.count)
        name, kind = _short(tile.name)
        label = f"{tile.name}: {tile.count} kali masuk peringkat"
        parts.append(
            f'<a href="{escape(tile.url)}" aria-label="{escape(label)}"><title>{escape(label)}</title>'
            f'<rect x="{x}" y="{y}" width="{TILE_WIDTH}" height="{TILE_HEIGHT}" rx="4" fill="{fill}" stroke="#555"/>'
            f'<text x="{x + TILE_WIDTH / 2}" y="{y + 20}" fill="{text}" font-size="11" '
            f'text-anchor="middle">{kind}</text>'
            f'<text x="{x + TILE_WIDTH / 2}" y="{y + 37}" fill="{text}" font-size="12" font-weight="bold" '
            f'text-anchor="middle">{escape(name)}</text>'
            f'<text x="{x + TILE_WIDTH / 2}" y="{y + 57}" fill="{text}" font-size="14" '
            f'text-anchor="middle">{tile.count}</text>'
            "</a>"
        )
    parts.append("</svg>")
    return "".join(parts)

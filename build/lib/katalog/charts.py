"""Horizontal bar charts as accessible inline SVG, drawn at build time (no chart library, no request)."""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH = 320  # viewBox units; the CSS caps the drawn width so text stays readable from 360 px up
ROW_HEIGHT = 34
BAR_HEIGHT = 12
LABEL_SIZE = 12
MAX_BAR = 270


def bar_chart(chart_id: str, title: str, description: str, rows: list[tuple[str, int]]) -> Markup:
    """An SVG with a <title> and <desc> (named by aria-labelledby); each row a label above its bar."""
    largest = max((count for _, count in rows), default=0) or 1
    height = ROW_HEIGHT * len(rows) + 4
    parts = [
        f'<svg class="kki-grafik" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-judul {chart_id}-desk" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-judul">{escape(title)}</title>',
        f'<desc id="{chart_id}-desk">{escape(description)}</desc>',
    ]
    for index, (label, count) in enumerate(rows):
        top = index * ROW_HEIGHT
        bar = max(2, round(MAX_BAR * count / largest))
        parts += [
            f'<text x="0" y="{top + LABEL_SIZE}" font-size="{LABEL_SIZE}">{escape(label)}</text>',
            f'<rect x="0" y="{top + 16}" width="{bar}" height="{BAR_HEIGHT}" rx="2"></rect>',
            f'<text x="{bar + 6}" y="{top + 16 + BAR_HEIGHT - 1}" font-size="{LABEL_SIZE}">{count}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))

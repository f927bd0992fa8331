"""The catalogue's facets: one definition serves the filter form, the cards, the search index,
the statistics and the exports, so they can never disagree about an innovation."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import partial

from . import labels
from .memo import remembered
from .model import RANK_ORDER, Innovation
from .regions import slugify

UNKNOWN_ID = "belum-terdokumentasi"


@dataclass(frozen=True)
class Facet:
    key: str  # URL parameter and search-filter name
    title: str  # shown above the facet's choices


FACETS = (
    Facet("bidang", "Bidang/urusan"),
    Facet("sasaran", "Sasaran"),
    Facet("kabupaten", "Kabupaten/kota"),
    Facet("tahun", "Tahun penghargaan"),
    Facet("peringkat", "Peringkat"),
    Facet("tahapan", "Tahapan"),
    Facet("status", "Status keberlanjutan"),
    Facet("jenis", "Digital/non-digital"),
)


def _known_or_unknown(value: str | None, table: dict[str, str]) -> list[tuple[str, str]]:
    if value is None:
        return [(UNKNOWN_ID, labels.UNKNOWN.capitalize())]
    return [(value, table[value])]


def _known_or_unknown_all(values: tuple[str, ...], table: dict[str, str]) -> list[tuple[str, str]]:
    if not values:
        return [(UNKNOWN_ID, labels.UNKNOWN.capitalize())]
    return [(value, table[value]) for value in values]


def facet_values(inv: Innovation) -> dict[str, list[tuple[str, str]]]:
    """For each facet key, the (value id, label) pairs this innovation has; unknown is a value of its own.
    Computed once per innovation object (katalog.memo): every card, count and profile asks."""
    return remembered("segi", inv, partial(_facet_values, inv))


def _facet_values(inv: Innovation) -> dict[str, list[tuple[str, str]]]:
    ranks = sorted({award.rank for award in inv.awards}, key=RANK_ORDER.index)
    return {
        "bidang": [(sector, labels.SECTOR_LABELS[sector]) for sector in inv.sectors],
        "sasaran": _known_or_unknown_all(inv.target_groups, labels.TARGET_GROUP_LABELS),
        "kabupaten": [(inv.kabupaten.slug, inv.kabupaten.name)],
        "tahun": [(str(year), str(year)) for year in sorted({award.year for award in inv.awards}, reverse=True)],
        "peringkat": [(slugify(rank), rank) for rank in ranks],
        "tahapan": _known_or_unknown(inv.stage, labels.STAGE_LABELS),
        "status": _known_or_unknown(inv.status, labels.STATUS_LABELS),
        "jenis": _known_or_unknown(inv.kind, labels.KIND_LABELS),
    }


def facet_counts(innovations: tuple[Innovation, ...]) -> dict[str, list[tuple[str, str, int]]]:
    """For each facet, every value present with its label and count, in a stable reading order."""
    counts: dict[str, Counter[tuple[str, str]]] = {facet.key: Counter() for facet in FACETS}
    for inv in innovations:
        for key, values in facet_values(inv).items():
            counts[key].update(values)
    return {
        key: [(value, label, count) for (value, label), count in _ordered(key, counter)]
        for key, counter in counts.items()
    }


def _ordered(key: str, counter: Counter[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    items = list(counter.items())
    if key == "tahun":
        return sorted(items, key=lambda item: item[0][0], reverse=True)
    if key == "peringkat":
        return sorted(items, key=lambda item: RANK_ORDER.index(item[0][1]))
    # Unknown last; otherwise alphabetical by label.
    return sorted(items, key=lambda item: (item[0][0] == UNKNOWN_ID, item[0][1]))


def facets_with_choice(counts: dict[str, list[tuple[str, str, int]]]) -> tuple[Facet, ...]:
    """The facets worth offering: one whose every innovation has the same value (all "belum
    terdokumentasi", say) would filter nothing out, so it only takes space."""
    return tuple(facet for facet in FACETS if len(counts[facet.key]) > 1)

"""Replication: the data the readiness check's rules read, and the kit's parts.

The rules themselves run once, in the reader's browser (docs/assets/replikasi/aturan.js): `readiness_data` gives
them everything they read as the JSON block of the check page, the innovations' profiles and every vocabulary
(level order, status groups, the attributes an "undocumented" caution names, sentences and labels). The tests
run aturan.js against a golden table (tests/fixtures/kesiapan/kasus.json) in Chromium and in an embedded engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import labels, urls
from .model import Catalogue, Innovation

# Cost classes and complexities, lowest first: the rules put a level above the reader's answer by this order.
LEVELS = tuple(labels.LEVEL_LABELS)
# Sustainability statuses that count as a reason, and those that ask for a caution.
CONTINUING = ("berlanjut", "berkembang")
STOPPED = ("berhenti", "vakum")
# The rules' two verdicts, as the page names them (aturan.js lists "cocok" first).
VERDICT_LABELS = {"cocok": "Cocok untuk dipelajari", "tunda": "Tunda dulu"}
# Attributes the rules read, in the order an unknown list names them; each is a key of a profile.
ATTRIBUTE_LABELS = {
    "digital": "jenis digital/non-digital",
    "cost_class": "kelas biaya",
    "complexity": "kompleksitas",
    "partner_kinds": "jenis mitra",
    "status": "status keberlanjutan",
}
# Each reason code: its sentence ({nilai} = the labels of its values, joined) and the vocabulary of those values.
MESSAGES: dict[str, tuple[str, str | None]] = {
    "bidang": ("Menjawab bidang yang Anda pilih: {nilai}.", "bidang"),
    "digital-siap": ("Inovasi digital, dan tim Anda siap mengelola aplikasi.", None),
    "tanpa-aplikasi": ("Inovasi non-digital: tidak menuntut kapasitas digital yang belum Anda miliki.", None),
    "biaya-sesuai": ("Kelas biayanya ({nilai}) masih dalam kelas anggaran Anda.", "tingkat"),
    "kompleksitas-sesuai": ("Kompleksitasnya ({nilai}) masih dalam kapasitas tim Anda.", "tingkat"),
    "mitra-ada": ("Jenis mitra yang dibutuhkan sudah Anda miliki: {nilai}.", "mitra"),
    "berlanjut": ("Status keberlanjutan terakhir: {nilai}.", "status"),
    "butuh-digital": ("Inovasi ini digital, sedangkan tim Anda belum punya kapasitas mengelola aplikasi.", None),
    "biaya-melebihi": ("Kelas biayanya ({nilai}) di atas kelas anggaran Anda.", "tingkat"),
    "kompleksitas-melebihi": ("Kompleksitasnya ({nilai}) di atas kapasitas tim Anda.", "tingkat"),
    "mitra-kurang": ("Mitra yang perlu dijajaki: {nilai}.", "mitra"),
    "berhenti": ("Status terakhir {nilai}: pelajari sebabnya sebelum meniru.", "status"),
    "belum-terdokumentasi": ("Belum terdokumentasi: {nilai}. Tanyakan langsung ke kecamatan asal.", "atribut"),
}
VOCABULARIES: dict[str, dict[str, str]] = {
    "bidang": labels.SECTOR_LABELS,
    "tingkat": {level: label.lower() for level, label in labels.LEVEL_LABELS.items()},
    "mitra": labels.PARTNER_KIND_LABELS,
    "status": {status: label.lower() for status, label in labels.STATUS_LABELS.items()},
    "atribut": ATTRIBUTE_LABELS,
    "putusan": VERDICT_LABELS,
}


def profile(inv: Innovation) -> dict[str, Any]:
    """What the rules read of one innovation; unknown values stay None (or an empty list)."""
    rep = inv.replication
    return {
        "slug": inv.slug,
        "fields": list(inv.sectors),
        "digital": inv.kind,
        "cost_class": rep.cost_class,
        "complexity": rep.complexity,
        "partner_kinds": list(rep.partner_kinds),
        "status": inv.status,
    }


# Where each attribute the rules read is written in a write-up, for its `rujukan` entry.
ATTRIBUTE_FIELDS = {
    "digital": "klasifikasi.jenis",
    "cost_class": "replikasi.kelas_biaya",
    "complexity": "replikasi.kompleksitas",
    "partner_kinds": "replikasi.jenis_mitra",
    "status": "status",
}


def origins(inv: Innovation) -> dict[str, str | None]:
    """For each attribute the rules compare: "sumber" (a source states it), "redaksi" (the editors' own
    classification), or None (unknown). Additive to the check's data: aturan.js does not read it."""
    found: dict[str, str | None] = {}
    for attribute, field in ATTRIBUTE_FIELDS.items():
        reference = inv.reference(field)
        found[attribute] = None if reference is None else ("redaksi" if reference.editorial else "sumber")
    return found


def origin_labels(inv: Innovation) -> dict[str, list[str]]:
    """The labels of the attributes compared against sourced values, and against the editors' classification."""
    found: dict[str, list[str]] = {"sumber": [], "redaksi": []}
    for attribute, origin in origins(inv).items():
        if origin is not None:
            found[origin].append(ATTRIBUTE_LABELS[attribute])
    return found


def readiness_data(catalogue: Catalogue, from_page: str) -> dict[str, Any]:
    """Everything the browser check needs: profiles, display data, the rules' vocabularies and sentences."""
    return {
        "innovations": [
            {
                "profile": profile(inv),
                "name": inv.name,
                "place": f"Kecamatan {inv.kecamatan.name}, {inv.kabupaten.name}",
                "url": urls.relative_url(from_page, urls.page_of(inv)),
                "kit": urls.relative_url(from_page, urls.page_of(inv)) + "#replikasi",
                "origins": origins(inv),
            }
            for inv in catalogue.innovations
        ],
        "rules": {
            "levels": list(LEVELS),
            "continuing": list(CONTINUING),
            "stopped": list(STOPPED),
            "attributes": list(ATTRIBUTE_LABELS),
        },
        "messages": {code: {"text": text, "vocabulary": vocabulary} for code, (text, vocabulary) in MESSAGES.items()},
        "vocabularies": VOCABULARIES,
    }


def sectors_in_use(catalogue: Catalogue) -> list[tuple[str, int]]:
    """Each bidang some innovation touches, with how many do, sorted by its label."""
    counts: dict[str, int] = {}
    for inv in catalogue.innovations:
        for sector in inv.sectors:
            counts[sector] = counts.get(sector, 0) + 1
    return sorted(counts.items(), key=lambda item: labels.SECTOR_LABELS[item[0]])


@dataclass(frozen=True)
class KitPart:
    """One part of an innovation's replication kit, as the profile shows it."""

    anchor: str  # the heading's id on the profile
    title: str
    field: str  # where a contributor fills it in, e.g. "replikasi.prasyarat"
    items: tuple[str, ...]
    ordered: bool = False


def kit_parts(inv: Innovation) -> tuple[KitPart, ...]:
    rep = inv.replication
    kinds = ", ".join(labels.PARTNER_KIND_LABELS[kind] for kind in rep.partner_kinds)
    partners = rep.partners + ((f"Jenis mitra: {kinds}",) if kinds else ())
    return (
        KitPart("replikasi-prasyarat", "Prasyarat", "replikasi.prasyarat", rep.prerequisites),
        KitPart("replikasi-sumber-daya", "Sumber daya", "replikasi.sumber_daya", rep.resources),
        KitPart("replikasi-mitra", "Mitra", "replikasi.mitra, replikasi.jenis_mitra", partners),
        KitPart("replikasi-langkah", "Langkah", "replikasi.langkah", rep.steps, ordered=True),
        KitPart("replikasi-risiko", "Risiko", "replikasi.risiko", rep.risks),
    )


def kit_completeness(inv: Innovation) -> tuple[int, int]:
    """How many of the kit's documented parts are filled: the problem, the five lists and the contact."""
    filled = [bool(inv.replication.problem), *(bool(part.items) for part in kit_parts(inv)), bool(inv.contacts)]
    return sum(filled), len(filled)


@dataclass(frozen=True)
class MethodStep:
    anchor: str  # the section's id in docs/replikasi/index.md
    title: str
    stage: str  # the Indeks Inovasi Daerah stage the step belongs to


# The guide's steps, in order; the guide's headings carry these anchors (a test checks it).
METHOD_STEPS = (
    MethodStep("pilih-masalah", "Pilih masalah yang hendak dijawab", "inisiatif"),
    MethodStep("pelajari-inovasi-asal", "Amati: pelajari inovasi asal", "inisiatif"),
    MethodStep("sesuaikan", "Tiru dan modifikasi: sesuaikan dengan kondisi setempat", "inisiatif"),
    MethodStep("uji-coba", "Uji coba dalam skala kecil", "uji-coba"),
    MethodStep("penerapan", "Terapkan secara penuh", "penerapan"),
    MethodStep("evaluasi", "Evaluasi hasilnya", "penerapan"),
    MethodStep("jaga-keberlanjutan", "Jaga keberlanjutannya", "penerapan"),
)
# Things to have in place before a trial: the check's last checklist, printed in the plan as done / not yet.
READINESS_ITEMS = {
    "camat": "Camat mendukung rencana replikasi",
    "penanggung-jawab": "Ada petugas yang ditunjuk sebagai penanggung jawab",
    "data-awal": "Ada data awal tentang masalahnya di wilayah sendiri, sebagai pembanding saat evaluasi",
    "warga": "Warga atau kelompok sasaran sudah diajak bicara",
    "biaya-uji-coba": "Ada sumber biaya untuk uji coba",
}

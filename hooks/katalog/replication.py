"""Replication: the data the readiness check's rules read, and the kit's parts.

The rules themselves run once, in the reader's browser (docs/assets/replikasi/aturan.js): `readiness_data` gives
them everything they read as the JSON block of the check page, the innovations' profiles and every vocabulary
(level order, status groups, the attributes an "undocumented" caution names, sentences and labels). The tests
run aturan.js against a golden table (tests/fixtures/kesiapan/kasus.json) in Chromium and in an embedded engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from . import labels, urls
from .gaps import all_questions, open_questions
from .markup import without_citations
from .memo import remembered
from .model import Catalogue, Innovation

# Cost classes and complexities, lowest first: the rules put a level above the reader's answer by this order.
LEVELS = tuple(labels.LEVEL_LABELS)
# Sustainability statuses that count as a reason, and those that ask for a caution.
CONTINUING = ("berlanjut", "berkembang")
STOPPED = ("berhenti", "vakum")
# Settings a kecamatan cannot build for itself: an innovation that runs on a sea crossing or a coast waits for a
# kecamatan that has one. Urban and rural differ too, but ask for adaptation rather than a wait (a caution).
BOUND_SETTINGS = ("kepulauan", "pesisir")
# A setting that includes another: an island kecamatan has a coast.
IMPLIED_SETTINGS = {"kepulauan": ["pesisir"]}
# The target group that includes every other: such an innovation serves whichever group the reader names.
EVERYONE = "warga-umum"
# The rules' two verdicts, as the page names them (aturan.js lists "cocok" first). "cocok" claims no more than
# its data: no blocker is recorded; the badge names what matched (aturan.js `badge`).
VERDICT_LABELS = {"cocok": "Tanpa penghalang yang tercatat", "tunda": "Tunda dulu"}
# Attributes the rules read, in the order an unknown list names them; each is a key of a profile.
ATTRIBUTE_LABELS = {
    "digital": "jenis digital/non-digital",
    "cost_class": "kelas biaya",
    "complexity": "kompleksitas",
    "partner_kinds": "jenis mitra",
    "status": "status keberlanjutan",
    "target_groups": "kelompok sasaran",
    "settings": "latar wilayah",
}


@dataclass(frozen=True)
class Message:
    """One reason code's wording: its sentence ({nilai} = the labels of its values, joined), the vocabulary of
    those values, its few words on a badge (reasons and blockers only), and the attribute whose origin
    ("redaksi") the sentence should own up to."""

    text: str
    vocabulary: str | None = None
    short: str | None = None
    attribute: str | None = None


MESSAGES: dict[str, Message] = {
    "bidang": Message("Menjawab bidang yang Anda pilih: {nilai}.", "bidang", "bidang sama"),
    "sasaran-sama": Message(
        "Melayani kelompok sasaran yang Anda pilih: {nilai}.", "sasaran", "sasaran sama", "target_groups"
    ),
    "sasaran-umum": Message(
        "Melayani warga umum, jadi juga kelompok yang Anda pilih.", None, "untuk warga umum", "target_groups"
    ),
    "latar-sama": Message("Latar wilayahnya sama dengan kecamatan Anda: {nilai}.", "latar", "latar sama", "settings"),
    "digital-siap": Message("Inovasi digital, dan tim Anda siap mengelola aplikasi.", None, "digital, tim siap"),
    "tanpa-aplikasi": Message(
        "Inovasi non-digital: tidak menuntut kapasitas digital yang belum Anda miliki.", None, "non-digital"
    ),
    "biaya-sesuai": Message("Kelas biayanya ({nilai}) masih dalam kelas anggaran Anda.", "tingkat", "biaya terjangkau"),
    "kompleksitas-sesuai": Message(
        "Kompleksitasnya ({nilai}) masih dalam kapasitas tim Anda.", "tingkat", "kerumitan terjangkau"
    ),
    "mitra-ada": Message("Jenis mitra yang dibutuhkan sudah Anda miliki: {nilai}.", "mitra", "mitra tersedia"),
    "berlanjut": Message("Status keberlanjutan terakhir: {nilai}.", "status", "masih berjalan"),
    "latar-berbeda": Message(
        "Inovasi ini bergantung pada latar {nilai}, yang tidak Anda pilih untuk kecamatan Anda.",
        "latar",
        "latar berbeda",
        "settings",
    ),
    "butuh-digital": Message(
        "Inovasi ini digital, sedangkan tim Anda belum punya kapasitas mengelola aplikasi.",
        None,
        "butuh kapasitas digital",
    ),
    "biaya-melebihi": Message(
        "Kelas biayanya ({nilai}) di atas kelas anggaran Anda.", "tingkat", "biaya di atas anggaran"
    ),
    "kompleksitas-melebihi": Message(
        "Kompleksitasnya ({nilai}) di atas kapasitas tim Anda.", "tingkat", "terlalu rumit"
    ),
    "sasaran-lain": Message(
        "Sasarannya {nilai}, bukan kelompok yang Anda pilih: sesuaikan sasarannya bila hendak meniru.",
        "sasaran",
        attribute="target_groups",
    ),
    "latar-lain": Message(
        "Berjalan di latar {nilai}, berbeda dengan kecamatan Anda: sesuaikan caranya dengan latar Anda.",
        "latar",
        attribute="settings",
    ),
    "mitra-kurang": Message("Mitra yang perlu dijajaki: {nilai}.", "mitra"),
    "berhenti": Message("Status terakhir {nilai}: pelajari sebabnya sebelum meniru.", "status"),
    "belum-terdokumentasi": Message("Belum terdokumentasi: {nilai}. Tanyakan langsung ke kecamatan asal.", "atribut"),
}
# Words the rules' helpers add: the editors' note on a sentence about their own classification, and the count
# of unknowns on a badge.
NOTES = {
    "redaksi": "(Nilai ini klasifikasi penyunting katalog, bukan kutipan sumber.)",
    "belum": "{jumlah} hal belum diketahui",
}
VOCABULARIES: dict[str, dict[str, str]] = {
    "bidang": labels.SECTOR_LABELS,
    "sasaran": labels.TARGET_GROUP_LABELS,
    "latar": {setting: label.lower() for setting, label in labels.SETTING_LABELS.items()},
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
        "target_groups": list(inv.target_groups),
        "settings": list(inv.settings),
    }


# Where each attribute the rules read is written in a write-up, for its `rujukan` entry.
ATTRIBUTE_FIELDS = {
    "digital": "klasifikasi.jenis",
    "cost_class": "replikasi.kelas_biaya",
    "complexity": "replikasi.kompleksitas",
    "partner_kinds": "replikasi.jenis_mitra",
    "status": "status",
    "target_groups": "klasifikasi.sasaran",
    "settings": "klasifikasi.latar",
}


def origins(inv: Innovation) -> dict[str, str | None]:
    """For each attribute the rules compare: "sumber" (a source states it), "redaksi" (the editors' own
    classification), or None (unknown). aturan.js's `describe` reads it to flag the editors' values."""
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


# The check's questions that the rules act on, by the name of their form field, with the profile key each
# compares; the page says beside each how many write-ups record that key today.
QUESTION_ATTRIBUTES = {
    "bidang": "fields",
    "sasaran": "target_groups",
    "latar": "settings",
    "anggaran": "cost_class",
    "kapasitas": "complexity",
    "digital": "digital",
    "mitra": "partner_kinds",
}


def _known(value: object) -> bool:
    return value is not None and value != []


def coverage(catalogue: Catalogue) -> dict[str, dict[str, Any]]:
    """For each question the rules act on: how many innovations record what it compares (`known` of `total`),
    how many of those values are the editors' classification, the attribute's label, and for a list attribute
    how many innovations record each value. Computed from the catalogue, so the page's notes change by
    themselves when write-ups fill a field."""
    profiles = [(profile(inv), origins(inv)) for inv in catalogue.innovations]
    found: dict[str, dict[str, Any]] = {}
    for question, attribute in QUESTION_ATTRIBUTES.items():
        known = [(data, origin) for data, origin in profiles if _known(data[attribute])]
        values: dict[str, int] = {}
        for data, _ in known:
            for value in data[attribute] if isinstance(data[attribute], list) else ():
                values[value] = values.get(value, 0) + 1
        found[question] = {
            "label": ATTRIBUTE_LABELS.get(attribute, "bidang"),
            "known": len(known),
            "total": len(profiles),
            # bidang has no rujukan: it is always the editors' classification, which the page says once
            "editorial": sum(origin.get(attribute) == "redaksi" for _, origin in known),
            "values": values,
        }
    return found


def _contact(inv: Innovation) -> list[dict[str, str | None]]:
    return [{"institution": c.institution, "url": c.url, "email": c.email} for c in inv.contacts]


def _readiness_record(inv: Innovation, from_page: str) -> dict[str, Any]:
    return {
        "profile": profile(inv),
        "name": inv.name,
        "kecamatan": inv.kecamatan.name,
        "place": inv.kecamatan.full_name,
        "summary": without_citations(inv.summary) if inv.summary else None,
        "url": urls.relative_url(from_page, urls.page_of(inv)),
        "kit": urls.relative_url(from_page, urls.page_of(inv)) + "#replikasi",
        "contacts": _contact(inv),
        # the plan's questions for the origin kecamatan: the fields its write-up does not record yet,
        # each a key of "questions" (one shared table keeps the page light at thousands of write-ups)
        "gaps": [q.field for q in open_questions(inv)],
        "origins": origins(inv),
    }


def readiness_data(catalogue: Catalogue, from_page: str) -> dict[str, Any]:
    """Everything the browser check needs: profiles, display data, the rules' vocabularies and sentences."""
    return {
        # Remembered per innovation object (katalog.memo): a `mkdocs serve` rebuild redoes only edited ones.
        "innovations": [
            remembered(f"kesiapan:{from_page}", inv, partial(_readiness_record, inv, from_page))
            for inv in catalogue.innovations
        ],
        "rules": {
            "levels": list(LEVELS),
            "continuing": list(CONTINUING),
            "stopped": list(STOPPED),
            "attributes": list(ATTRIBUTE_LABELS),
            "bound_settings": list(BOUND_SETTINGS),
            "implied_settings": IMPLIED_SETTINGS,
            "everyone": EVERYONE,
        },
        "messages": {
            code: {
                "text": message.text,
                "vocabulary": message.vocabulary,
                "short": message.short,
                "attribute": message.attribute,
            }
            for code, message in MESSAGES.items()
        },
        "notes": NOTES,
        "questions": {q.field: {"label": q.label, "question": q.question} for q in all_questions()},
        "vocabularies": VOCABULARIES,
        "coverage": coverage(catalogue),
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

    anchor: str  # the heading's id on the profile (the "belum tercatat" item's, while the part is empty)
    title: str
    field: str  # where a contributor fills it in, e.g. "replikasi.prasyarat" (a katalog.gaps field)
    items: tuple[str, ...]
    ordered: bool = False


# Where each gap of the kit is on a profile: its part's heading when filled, its "belum tercatat" item when not,
# so links to a part (from other pages or write-ups) land on it either way.
KIT_ANCHORS = {
    "replikasi.prasyarat": "replikasi-prasyarat",
    "replikasi.sumber_daya": "replikasi-sumber-daya",
    "replikasi.mitra": "replikasi-mitra",
    "replikasi.langkah": "replikasi-langkah",
    "replikasi.risiko": "replikasi-risiko",
    "kontak": "replikasi-kontak",
}


def kit_parts(inv: Innovation) -> tuple[KitPart, ...]:
    rep = inv.replication
    kinds = ", ".join(labels.PARTNER_KIND_LABELS[kind] for kind in rep.partner_kinds)
    partners = rep.partners + ((f"Jenis mitra: {kinds}",) if kinds else ())
    parts = (
        ("replikasi.prasyarat", "Prasyarat", rep.prerequisites, False),
        ("replikasi.sumber_daya", "Sumber daya", rep.resources, False),
        ("replikasi.mitra", "Mitra", partners, False),
        ("replikasi.langkah", "Langkah", rep.steps, True),
        ("replikasi.risiko", "Risiko", rep.risks, False),
    )
    return tuple(KitPart(KIT_ANCHORS[field], title, field, items, ordered) for field, title, items, ordered in parts)


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

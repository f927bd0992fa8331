"""Replication: the readiness check's matching rules, the data the browser version reads, and the kit's parts.

The same rules run in the reader's browser (docs/assets/replikasi/aturan.js) on the data that
`check_data` embeds in the check page; the browser tests compare both on several answer sets.
Change a rule here and there together.

The rules, in order:
1. Only innovations that share at least one bidang with the answer are suggested; no bidang, no suggestion.
2. A blocker puts a suggestion on hold ("tunda"): a digital innovation when the team has no digital capacity;
   a known cost class above the budget class; a known complexity above what the team can carry.
3. Reasons say why it fits: the shared bidang; digital with capacity, or non-digital without it; cost and
   complexity within reach; every partner kind it needs already at hand; a status of berlanjut/berkembang.
4. Cautions say what to check: partner kinds not at hand, a status of berhenti/vakum, and every matching
   attribute the write-up leaves undocumented (unknown is never counted for or against an innovation).
5. Order: "cocok" before "tunda", then more shared bidang, then more reasons, then the slug.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from . import labels, urls
from .model import Catalogue, Innovation

LEVELS = tuple(labels.LEVEL_LABELS)  # one scale for cost class and complexity, lowest first
DIGITAL_CAPACITY = ("ada", "tidak")
CONTINUING = ("berlanjut", "berkembang")
STOPPED = ("berhenti", "vakum")
VERDICTS = ("cocok", "tunda")
# Attributes the rules read, in the order an unknown list names them.
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
    "bidang": labels.FIELD_LABELS,
    "tingkat": {level: label.lower() for level, label in labels.LEVEL_LABELS.items()},
    "mitra": labels.PARTNER_KIND_LABELS,
    "status": {status: label.lower() for status, label in labels.STATUS_LABELS.items()},
    "atribut": ATTRIBUTE_LABELS,
}


@dataclass(frozen=True)
class Profile:
    """What the rules read of one innovation (the browser gets exactly these keys)."""

    slug: str
    fields: tuple[str, ...]
    digital: str | None
    cost_class: str | None
    complexity: str | None
    partner_kinds: tuple[str, ...]
    status: str | None

    @classmethod
    def of(cls, inv: Innovation) -> Profile:
        rep = inv.replication
        return cls(inv.slug, inv.fields, inv.digital, rep.cost_class, rep.complexity, rep.partner_kinds, inv.status)


@dataclass(frozen=True)
class Answers:
    fields: tuple[str, ...] = ()  # bidang of the problem to solve
    budget: str | None = None  # highest cost class the kecamatan can fund (LEVELS)
    capacity: str | None = None  # highest complexity the team can carry (LEVELS)
    digital: str | None = None  # DIGITAL_CAPACITY
    partners: tuple[str, ...] = ()  # partner kinds at hand


@dataclass(frozen=True)
class Reason:
    code: str  # a key of MESSAGES
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    slug: str
    verdict: str  # VERDICTS
    reasons: tuple[Reason, ...]
    blockers: tuple[Reason, ...]
    cautions: tuple[Reason, ...]
    shared_fields: tuple[str, ...]


def _above(level: str | None, limit: str | None) -> bool | None:
    """Whether a known level exceeds a known limit; None when either is unknown."""
    if level is None or limit is None:
        return None
    return LEVELS.index(level) > LEVELS.index(limit)


def _digital(profile: Profile, answers: Answers) -> tuple[list[Reason], list[Reason]]:
    if profile.digital == "digital" and answers.digital == "ada":
        return [Reason("digital-siap")], []
    if profile.digital == "digital" and answers.digital == "tidak":
        return [], [Reason("butuh-digital")]
    if profile.digital == "non-digital" and answers.digital == "tidak":
        return [Reason("tanpa-aplikasi")], []
    return [], []


def _level(value: str | None, limit: str | None, fits: str, exceeds: str) -> tuple[list[Reason], list[Reason]]:
    above = _above(value, limit)
    if above is None:
        return [], []
    return ([], [Reason(exceeds, (value,))]) if above else ([Reason(fits, (value,))], [])


def _partners(profile: Profile, answers: Answers) -> tuple[list[Reason], list[Reason]]:
    if not profile.partner_kinds:
        return [], []
    missing = tuple(kind for kind in profile.partner_kinds if kind not in answers.partners)
    if missing:
        return [], [Reason("mitra-kurang", missing)]
    return [Reason("mitra-ada", profile.partner_kinds)], []


def _status(profile: Profile) -> tuple[list[Reason], list[Reason]]:
    if profile.status in CONTINUING:
        return [Reason("berlanjut", (profile.status,))], []
    if profile.status in STOPPED:
        return [], [Reason("berhenti", (profile.status,))]
    return [], []


def unknown_attributes(profile: Profile) -> tuple[str, ...]:
    return tuple(name for name in ATTRIBUTE_LABELS if getattr(profile, name) in (None, ()))


def assess(profile: Profile, answers: Answers) -> Suggestion | None:
    """One innovation against the answers; None when it shares no bidang with them."""
    shared = tuple(field for field in profile.fields if field in answers.fields)
    if not shared:
        return None
    reasons = [Reason("bidang", shared)]
    blockers: list[Reason] = []
    cautions: list[Reason] = []
    digital_reasons, digital_blockers = _digital(profile, answers)
    cost_reasons, cost_blockers = _level(profile.cost_class, answers.budget, "biaya-sesuai", "biaya-melebihi")
    level_reasons, level_blockers = _level(
        profile.complexity, answers.capacity, "kompleksitas-sesuai", "kompleksitas-melebihi"
    )
    reasons += digital_reasons + cost_reasons + level_reasons
    blockers += digital_blockers + cost_blockers + level_blockers
    for more_reasons, more_cautions in (_partners(profile, answers), _status(profile)):
        reasons += more_reasons
        cautions += more_cautions
    unknown = unknown_attributes(profile)
    if unknown:
        cautions.append(Reason("belum-terdokumentasi", unknown))
    verdict = "tunda" if blockers else "cocok"
    return Suggestion(profile.slug, verdict, tuple(reasons), tuple(blockers), tuple(cautions), shared)


def suggest(profiles: tuple[Profile, ...] | list[Profile], answers: Answers) -> tuple[Suggestion, ...]:
    """The innovations that answer the reader's problem, best first, each with its reasons."""
    found = [suggestion for profile in profiles if (suggestion := assess(profile, answers)) is not None]
    return tuple(
        sorted(
            found,
            key=lambda item: (VERDICTS.index(item.verdict), -len(item.shared_fields), -len(item.reasons), item.slug),
        )
    )


def describe(reason: Reason) -> str:
    """The Indonesian sentence for a reason, as the check page shows it."""
    template, vocabulary = MESSAGES[reason.code]
    names = VOCABULARIES[vocabulary] if vocabulary else {}
    return template.replace("{nilai}", ", ".join(names.get(value, value) for value in reason.values))


def as_plain(suggestion: Suggestion) -> dict[str, Any]:
    """A suggestion as JSON-ready data, the same shape the browser rules return."""
    return {
        "slug": suggestion.slug,
        "verdict": suggestion.verdict,
        "reasons": [_plain_reason(reason) for reason in suggestion.reasons],
        "blockers": [_plain_reason(reason) for reason in suggestion.blockers],
        "cautions": [_plain_reason(reason) for reason in suggestion.cautions],
    }


def _plain_reason(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "values": list(reason.values)}


def check_data(catalogue: Catalogue, from_page: str) -> dict[str, Any]:
    """Everything the browser check needs: profiles, display data, sentences and vocabularies."""
    return {
        "innovations": [
            {
                "profile": asdict(Profile.of(inv)),
                "name": inv.name,
                "place": f"Kecamatan {inv.kecamatan.name}, {inv.kabupaten.name}",
                "url": urls.relative_url(from_page, urls.page_of(inv)),
                "kit": urls.relative_url(from_page, urls.page_of(inv)) + "#replikasi",
            }
            for inv in catalogue.innovations
        ],
        "messages": {code: {"text": text, "vocabulary": vocabulary} for code, (text, vocabulary) in MESSAGES.items()},
        "vocabularies": VOCABULARIES,
    }


def fields_in_use(catalogue: Catalogue) -> list[tuple[str, int]]:
    """Each bidang some innovation touches, with how many do, sorted by its label."""
    counts: dict[str, int] = {}
    for inv in catalogue.innovations:
        for field in inv.fields:
            counts[field] = counts.get(field, 0) + 1
    return sorted(counts.items(), key=lambda item: labels.FIELD_LABELS[item[0]])


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

"""What an innovation's write-up does not yet record, as readers and the origin kecamatan should read it.

One list serves the profile's "belum tercatat" box, the links to the completion form, the printable
questionnaire per innovation and the questions in the readiness check's printed plan, so they always
name the same gaps in the same words. Readers never see the raw field path; contributors get it in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .model import Innovation


@dataclass(frozen=True)
class OpenQuestion:
    field: str  # the write-up's field, e.g. "replikasi.langkah": where an answer is filled in
    label: str  # what readers see, e.g. "Langkah menjalankan"
    question: str  # what to ask the kecamatan that runs the innovation


@dataclass(frozen=True)
class _Gap:
    question: OpenQuestion
    is_open: Callable[[Innovation], bool]


# In reading order: the kit first (what replicators need), then the facts about the innovation itself.
_GAPS = (
    _Gap(
        OpenQuestion(
            "replikasi.masalah", "Masalah yang dijawab", "Masalah apa di wilayah Anda yang hendak dijawab inovasi ini?"
        ),
        lambda inv: not inv.replication.problem,
    ),
    _Gap(
        OpenQuestion(
            "replikasi.prasyarat",
            "Prasyarat",
            "Apa yang harus sudah ada sebelum inovasi ini bisa dimulai (aturan, data, dukungan pimpinan)?",
        ),
        lambda inv: not inv.replication.prerequisites,
    ),
    _Gap(
        OpenQuestion(
            "replikasi.sumber_daya",
            "Sumber daya",
            "Sumber daya apa yang dipakai: petugas, sarana, anggaran dan sumber anggarannya?",
        ),
        lambda inv: not inv.replication.resources,
    ),
    _Gap(
        OpenQuestion("replikasi.mitra", "Mitra", "Pihak mana saja yang terlibat dan apa peran masing-masing?"),
        lambda inv: not inv.replication.partners and not inv.replication.partner_kinds,
    ),
    _Gap(
        OpenQuestion(
            "replikasi.langkah",
            "Langkah menjalankan",
            "Apa saja langkah menjalankan inovasi ini, dari persiapan sampai berjalan rutin?",
        ),
        lambda inv: not inv.replication.steps,
    ),
    _Gap(
        OpenQuestion(
            "replikasi.risiko",
            "Risiko dan kendala",
            "Kendala apa yang pernah dihadapi dan bagaimana mengatasinya?",
        ),
        lambda inv: not inv.replication.risks,
    ),
    _Gap(
        OpenQuestion(
            "replikasi.kompleksitas",
            "Tingkat kerumitan",
            "Seberapa rumit inovasi ini dijalankan: rendah, sedang, atau tinggi?",
        ),
        lambda inv: inv.replication.complexity is None,
    ),
    _Gap(
        OpenQuestion(
            "replikasi.kelas_biaya",
            "Kelas biaya",
            "Seberapa besar biayanya bagi kecamatan: rendah, sedang, atau tinggi?",
        ),
        lambda inv: inv.replication.cost_class is None,
    ),
    _Gap(
        OpenQuestion("tahun_mulai", "Tahun mulai", "Sejak tahun berapa inovasi ini berjalan?"),
        lambda inv: inv.start_year is None and not any(c.field == "tahun_mulai" for c in inv.conflicts),
    ),
    _Gap(
        OpenQuestion("tahapan", "Tahapan", "Pada tahap apa inovasi ini sekarang: inisiatif, uji coba, atau penerapan?"),
        lambda inv: inv.stage is None,
    ),
    _Gap(
        OpenQuestion(
            "status",
            "Status keberlanjutan",
            "Apakah inovasi ini masih berjalan? Sejak kapan keadaannya begitu?",
        ),
        lambda inv: inv.status is None,
    ),
    _Gap(
        OpenQuestion(
            "kontak",
            "Kontak kelembagaan",
            "Kantor atau unit mana yang dapat dihubungi kecamatan lain yang ingin belajar (alamat atau kanal resmi)?",
        ),
        lambda inv: not inv.contacts,
    ),
)


def open_questions(inv: Innovation) -> tuple[OpenQuestion, ...]:
    """The gaps of this write-up, each with the question that would close it, in reading order."""
    return tuple(gap.question for gap in _GAPS if gap.is_open(inv))


def all_questions() -> tuple[OpenQuestion, ...]:
    """Every gap this module knows, e.g. for the completion form's choice of field."""
    return tuple(gap.question for gap in _GAPS)

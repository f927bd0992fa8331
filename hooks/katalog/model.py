"""Typed, immutable records of the catalogue, built only from validated write-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

from .regions import Kabupaten, Kecamatan
from .vocabulary import own_vocabulary

RANK_ORDER = own_vocabulary("inovasi", "penghargaan[].peringkat").values  # best first


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str | None
    publisher: str | None
    published: str | None  # YYYY-MM-DD
    note: str | None = None  # provenance shown under the source (`catatan`)


@dataclass(frozen=True)
class Reference:
    """Which sources state a structured fact (`rujukan`), or that the editors assigned it."""

    field: str  # dotted, e.g. "klasifikasi.jenis"
    source_ids: tuple[str, ...]  # empty when editorial
    editorial: bool = False


@dataclass(frozen=True)
class Alternative:
    """One value of a fact the sources disagree on (`beda_sumber`), with the sources that state it."""

    value: str | int
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    field: str  # "akronim" | "kepanjangan" | "tahun_mulai"
    alternatives: tuple[Alternative, ...]

    def text(self) -> str:
        """The conflict as one plain value for CSV and search: "A [S1] | B [S3]"."""
        return " | ".join(
            f"{item.value} " + " ".join(f"[{source}]" for source in item.source_ids) for item in self.alternatives
        )


@dataclass(frozen=True)
class NamedInSource:
    """A name a source uses: for this program (`nama_lain`) or for a related one (`program_terkait`)."""

    name: str
    source_ids: tuple[str, ...]
    note: str | None = None  # program_terkait: what the source says it is


@dataclass(frozen=True)
class Award:
    event: str  # "SKK"
    year: int
    rank: str  # one of RANK_ORDER
    date: str | None  # YYYY-MM-DD the award was handed over, when a source says
    source_id: str

    @property
    def rank_position(self) -> int:
        return RANK_ORDER.index(self.rank)

    @property
    def label(self) -> str:
        return f"{self.event} {self.year} {self.rank}"


@dataclass(frozen=True)
class Replication:
    problem: str | None
    prerequisites: tuple[str, ...]
    resources: tuple[str, ...]
    partners: tuple[str, ...]
    partner_kinds: tuple[str, ...]  # controlled ids: labels.PARTNER_KIND_LABELS
    steps: tuple[str, ...]
    risks: tuple[str, ...]
    complexity: str | None
    cost_class: str | None


@dataclass(frozen=True)
class Contact:
    institution: str
    url: str | None
    email: str | None


@dataclass(frozen=True)
class PlanItem:
    plan: str
    target: str | None
    status: str | None


@dataclass(frozen=True)
class CoachingResult:
    round_id: str
    innovation_slug: str
    visit_date: str | None
    findings: tuple[str, ...]
    plan: tuple[PlanItem, ...]
    follow_up: str | None
    sources: tuple[Source, ...]
    body: str
    source_path: str  # e.g. innovations/lansia-smart/pembinaan-2024.md
    visit_reported: bool = True  # laporan_kunjungan: False when the source reports nothing for this visit


@dataclass(frozen=True)
class TeamMember:
    name: str
    institution: str
    note: str | None


@dataclass(frozen=True)
class CoachingRound:
    id: str
    name: str
    start: date
    end: date
    organiser: str
    target_event: str
    target_year: int
    purpose: str | None
    team: tuple[TeamMember, ...]
    sources: tuple[Source, ...]
    source_path: str


@dataclass(frozen=True)
class Innovation:
    slug: str
    name: str
    acronym: str | None
    acronym_expansion: str | None
    other_names: tuple[NamedInSource, ...]
    summary: str | None
    kecamatan: Kecamatan
    awards: tuple[Award, ...]
    fields: tuple[str, ...]  # bidang/urusan
    digital: str | None  # "digital" | "non-digital"
    form: str | None  # "tata-kelola" | "pelayanan-publik" | "lainnya"
    tags: tuple[str, ...]
    stage: str | None
    start_year: int | None
    status: str | None
    last_verified: str | None
    replication: Replication
    contacts: tuple[Contact, ...]
    sources: tuple[Source, ...]
    body: str
    source_path: str  # e.g. innovations/lansia-smart/index.md
    id_line: int  # where `id:` stands in the write-up, for messages about the slug
    coaching: tuple[CoachingResult, ...]
    attachments: tuple[str, ...] = ()  # vetted files beside the write-up, published with its page (load.py)
    related_programs: tuple[NamedInSource, ...] = ()
    references: tuple[Reference, ...] = ()
    conflicts: tuple[Conflict, ...] = ()  # acronym, acronym_expansion, start_year are None where one stands

    def reference(self, field: str) -> Reference | None:
        return next((item for item in self.references if item.field == field), None)

    def conflict(self, field: str) -> Conflict | None:
        return next((item for item in self.conflicts if item.field == field), None)

    def provenance(self, field: str) -> tuple[Reference | None, Conflict | None]:
        """Where a fact comes from, as the fact box shows it (markup.sourced)."""
        return self.reference(field), self.conflict(field)

    @property
    def kabupaten(self) -> Kabupaten:
        return self.kecamatan.kabupaten

    @property
    def best_award(self) -> Award:
        return min(self.awards, key=lambda award: (-award.year, award.rank_position))


@dataclass(frozen=True)
class Catalogue:
    innovations: tuple[Innovation, ...]  # sorted by slug
    rounds: tuple[CoachingRound, ...]  # sorted by start date

    @cached_property
    def kecamatan(self) -> tuple[Kecamatan, ...]:
        return tuple(sorted({inv.kecamatan for inv in self.innovations}, key=lambda kec: kec.code))

    @cached_property
    def kabupaten(self) -> tuple[Kabupaten, ...]:
        return tuple(sorted({inv.kabupaten for inv in self.innovations}, key=lambda kab: kab.code))

    @cached_property
    def _by_place(self) -> dict[Kecamatan | Kabupaten, tuple[Innovation, ...]]:
        """Each place's innovations, indexed once: place pages would otherwise scan the whole catalogue."""
        index: dict[Kecamatan | Kabupaten, list[Innovation]] = {}
        for inv in self.innovations:
            index.setdefault(inv.kecamatan, []).append(inv)
            index.setdefault(inv.kabupaten, []).append(inv)
        return {place: tuple(innovations) for place, innovations in index.items()}

    def innovations_in(self, place: Kecamatan | Kabupaten) -> tuple[Innovation, ...]:
        return self._by_place.get(place, ())

    def results_of_round(self, round_id: str) -> tuple[tuple[Innovation, CoachingResult], ...]:
        return tuple(
            (inv, result) for inv in self.innovations for result in inv.coaching if result.round_id == round_id
        )

    def round(self, round_id: str) -> CoachingRound:
        return next(item for item in self.rounds if item.id == round_id)

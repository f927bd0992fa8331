"""Typed, immutable records of the catalogue, built only from validated write-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .regions import Kabupaten, Kecamatan
from .vocabulary import place_vocabulary

DISPUTED = "Sumber berbeda"  # the facet/export value of a place the sources disagree on (documented on /katalog/)
UNKNOWN_PLACE = "Tidak diketahui"
PLACES = place_vocabulary()  # best first, as the edition schema lists them
# Every rank a page, facet or export shows, best first: a disputed place sorts just before an unknown one.
RANK_ORDER = (*PLACES[:-1], DISPUTED, UNKNOWN_PLACE)
SINGLE_PLACES = tuple(place for place in PLACES if place.startswith("Juara"))  # at most once per edition


# `sumber[].jenis` of a written answer from the kecamatan that runs the innovation, kept as a public file beside
# the write-up (`berkas`) instead of a web address; the facts it alone supports are shown as self-reported.
KECAMATAN_ANSWER = "jawaban-kecamatan"


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str | None  # None for a kecamatan's written answer: it has `file` instead
    publisher: str | None
    published: str | None  # YYYY-MM-DD; for an answer, the day it was given
    note: str | None = None  # provenance shown under the source (`catatan`)
    kind: str | None = None  # None: a published page or document; KECAMATAN_ANSWER: see above
    file: str | None = None  # the answer's file beside the write-up (`berkas`), published next to the profile
    respondent: str | None = None  # who answered for the kecamatan, by position (`penjawab`)

    @property
    def self_reported(self) -> bool:
        return self.kind == KECAMATAN_ANSWER


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


Disputed = tuple[Alternative, ...]


@dataclass(frozen=True)
class Award:
    """An SKK edition as one write-up's innovation took part in it; the rank is read from the edition row."""

    event: str  # "SKK"
    year: int
    rank: str  # one of RANK_ORDER: a disputed place is DISPUTED, its alternatives in `alternatives`
    date: str | None  # YYYY-MM-DD the awards were handed over, when the edition knows it
    source_ids: tuple[str, ...]  # the write-up's sources saying the innovation was presented in that edition
    alternatives: Disputed = ()

    @property
    def rank_position(self) -> int:
        return RANK_ORDER.index(self.rank)

    @property
    def label(self) -> str:
        return f"{self.event} {self.year} {self.rank}"


@dataclass(frozen=True)
class OtherRecognition:
    """A recognition of an innovation outside SKK (`penghargaan_lain` in a write-up)."""

    name: str
    year: int | None
    giver: str | None
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class NamedInnovation:
    """An innovation a source only names for a ranked kecamatan: listed on the edition, no profile."""

    name: str
    note: str | None
    source_ids: tuple[str, ...]
    write_up: str | None = None  # the id of the write-up this names, whose profile the pages link instead
    line: int = field(default=0, compare=False)  # where it stands in the edition file, for messages


@dataclass(frozen=True)
class RankingRow:
    year: int
    place: str | Disputed  # one of PLACES, or the sources' alternatives
    kecamatan: Kecamatan | None  # None: the source names only the kabupaten/kota
    kabupaten: Kabupaten
    spelling: str | None  # the source's spelling, when it differs from the official name
    camat: str | Disputed | None
    score: str | int | float | None
    named_innovations: tuple[NamedInnovation, ...]
    source_ids: tuple[str, ...]

    @property
    def rank(self) -> str:
        """The place for facets, sorting and exports: DISPUTED when the sources disagree."""
        return self.place if isinstance(self.place, str) else DISPUTED

    @property
    def rank_position(self) -> int:
        return RANK_ORDER.index(self.rank)

    @property
    def alternatives(self) -> Disputed:
        return () if isinstance(self.place, str) else self.place

    @property
    def named_only(self) -> tuple[NamedInnovation, ...]:
        """The innovations a source only names: those with a write-up are shown as their profile."""
        return tuple(item for item in self.named_innovations if item.write_up is None)


@dataclass(frozen=True)
class Stage:
    kind: str  # tahapan[].jenis of the edition schema
    start: str | Disputed | None  # YYYY-MM-DD
    end: str | None
    venue: str | Disputed | None
    handed_by: str | None
    note: str | None
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class CitedText:
    text: str
    source_ids: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class OtherAward:
    """Another award given at an edition's ceremony (e.g. Pembina Kecamatan Terbaik for a kab/kota head)."""

    name: str
    recipient: str
    kabupaten: Kabupaten | None
    rank: str | None
    source_ids: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class Edition:
    year: int  # the year whose performance was judged
    name: str | None  # None: the year was searched for and no source found (see unknowns)
    names_in_sources: tuple[CitedText, ...]
    organiser: CitedText | Disputed | None
    stages: tuple[Stage, ...]
    jury: tuple[CitedText, ...]
    participants: int | None
    participants_note: CitedText | None
    rows: tuple[RankingRow, ...]  # in display order: best place first
    other_awards: tuple[OtherAward, ...]
    unknowns: tuple[str, ...]
    sources: tuple[Source, ...]
    source_path: str  # innovations/_skk/2023.yml
    complete_groups: tuple[CitedText, ...] = ()  # groups ("7 besar") a source lists in full (kelompok_lengkap)

    @property
    def found(self) -> bool:
        """A source covers this edition (an edition file may record a year searched for in vain)."""
        return bool(self.sources)

    @property
    def ceremony(self) -> Stage | None:
        return next((stage for stage in self.stages if stage.kind == "penganugerahan"), None)

    @property
    def ceremony_date(self) -> str | None:
        stage = self.ceremony
        return stage.start if stage and isinstance(stage.start, str) else None

    @property
    def winners(self) -> tuple[RankingRow, ...]:
        return tuple(row for row in self.rows if row.place == "Juara 1")

    @cached_property
    def _rows_by_kecamatan(self) -> dict[Kecamatan, RankingRow]:
        """Each write-up looks up its row: indexed once, not scanned per write-up (one row per kecamatan)."""
        return {row.kecamatan: row for row in reversed(self.rows) if row.kecamatan is not None}

    def row_for(self, kecamatan: Kecamatan) -> RankingRow | None:
        return self._rows_by_kecamatan.get(kecamatan)


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
    sectors: tuple[str, ...]  # klasifikasi.bidang (bidang/urusan)
    kind: str | None  # klasifikasi.jenis: "digital" | "non-digital"
    form: str | None  # "tata-kelola" | "pelayanan-publik" | "lainnya"
    tags: tuple[str, ...]
    target_groups: tuple[str, ...]  # klasifikasi.sasaran: labels.TARGET_GROUP_LABELS
    settings: tuple[str, ...]  # klasifikasi.latar: labels.SETTING_LABELS (island, coast, urban, rural)
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

    @property
    def self_reported_ids(self) -> frozenset[str]:
        """The ids of the kecamatan's own written answers among this write-up's sources."""
        return frozenset(source.id for source in self.sources if source.self_reported)

    def provenance(self, field: str) -> tuple[Reference | None, Conflict | None]:
        """Where a fact comes from, as the fact box shows it (markup.sourced)."""
        return self.reference(field), self.conflict(field)

    other_recognitions: tuple[OtherRecognition, ...] = ()

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
    editions: tuple[Edition, ...] = ()  # sorted by year

    @cached_property
    def kecamatan(self) -> tuple[Kecamatan, ...]:
        """Every kecamatan with a write-up or a place in any edition: each gets its page."""
        placed = {row.kecamatan for edition in self.editions for row in edition.rows if row.kecamatan}
        return tuple(sorted({inv.kecamatan for inv in self.innovations} | placed, key=lambda kec: kec.code))

    @cached_property
    def kabupaten(self) -> tuple[Kabupaten, ...]:
        placed = {row.kabupaten for edition in self.editions for row in edition.rows}
        return tuple(sorted({inv.kabupaten for inv in self.innovations} | placed, key=lambda kab: kab.code))

    @cached_property
    def rows(self) -> tuple[RankingRow, ...]:
        return tuple(row for edition in self.editions for row in edition.rows)

    def rows_in(self, place: Kecamatan | Kabupaten) -> tuple[RankingRow, ...]:
        """The place's ranking rows across editions, oldest first."""
        if isinstance(place, Kecamatan):
            return tuple(row for row in self.rows if row.kecamatan == place)
        return tuple(row for row in self.rows if row.kabupaten == place)

    def edition(self, year: int) -> Edition:
        return next(item for item in self.editions if item.year == year)

    @cached_property
    def _by_kecamatan_and_year(self) -> dict[tuple[Kecamatan, int], tuple[Innovation, ...]]:
        """Each kecamatan's write-ups per award year, indexed once: every ranking row asks (see presented)."""
        index: dict[tuple[Kecamatan, int], list[Innovation]] = {}
        for inv in self.innovations:
            for year in sorted({award.year for award in inv.awards}):
                index.setdefault((inv.kecamatan, year), []).append(inv)
        return {key: tuple(innovations) for key, innovations in index.items()}

    def presented(self, row: RankingRow) -> tuple[Innovation, ...]:
        """The write-ups whose `skk` joins this row: same year, same kecamatan."""
        if row.kecamatan is None:
            return ()
        return self._by_kecamatan_and_year.get((row.kecamatan, row.year), ())

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

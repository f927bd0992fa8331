"""Load every write-up under innovations/, validate it, and build the catalogue — or report every problem.

Nothing is dropped: a single problem anywhere fails the whole load, with all problems listed together.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import stat
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, partial
from pathlib import Path
from typing import Any

from . import anchors, export, policy, provenance, urls
from .editions import load_edition
from .frontmatter import Document, decode, parse_document, parse_yaml_file, read_document
from .inventory import COACHING_FILE, ROUNDS_DIR, SCHEMA_DIR, SLUG, WRITE_UP, Folder, Inventory, take_inventory
from .model import (
    Alternative,
    Award,
    Catalogue,
    CoachingResult,
    CoachingRound,
    Conflict,
    Contact,
    Edition,
    Innovation,
    NamedInSource,
    OtherRecognition,
    PlanItem,
    RankingRow,
    Reference,
    Replication,
    Source,
    TeamMember,
)
from .pages import generated_pages
from .problems import CatalogueError, Problem, show
from .regions import DATA_FILE as REGIONS_FILE
from .regions import Kecamatan, Regions, load_regions, locate_kecamatan
from .render import Renderer
from .schema import SCHEMA_NAMES, load_schemas, passes_quickly, schema_problems, validator_for

CONTENT_DIR = "innovations"
STORY_SECTIONS = ("Latar belakang dan masalah", "Cara kerja", "Dampak", "Pemangku kepentingan")


@dataclass(frozen=True)
class FolderOutcome:
    """What loading one write-up folder gave: its innovation (None when refused), links and problems."""

    innovation: Innovation | None
    links: tuple[policy.PageLink, ...]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class SharedOutcome:
    """What loading the files outside write-up folders gave: rounds, editions and their problems."""

    rounds: tuple[CoachingRound, ...]
    editions: dict[int, Edition]
    edition_years: frozenset[int]  # every edition file, valid or not
    problems: tuple[Problem, ...]


@dataclass
class LoadCache:
    """Outcomes of earlier loads, for a process that loads the same catalogue again and again (the worker
    of `mkdocs serve`): a folder is read and validated again only when one of its files changed.

    A folder's outcome depends on its own files and on a context (`shared_key`): the schemas, rounds,
    editions and region data, today's date, and the names of every file under innovations/ (a write-up's
    relative links and its id are checked against other folders). A change in the context forgets
    everything: adding, renaming or deleting a file re-reads every folder; editing one re-reads its folder.
    Keys are digests of the files' bytes, not timestamps, so two saves within one timestamp tick cannot
    leave a stale outcome.
    """

    shared_key: bytes = b""
    shared: SharedOutcome | None = None
    folders: dict[Path, tuple[bytes, FolderOutcome]] = field(default_factory=dict)

    def start(self, shared_key: bytes) -> None:
        if shared_key != self.shared_key:
            self.shared_key, self.shared, self.folders = shared_key, None, {}

    def outcomes(
        self,
        folders: list[tuple[Folder, bool]],
        load: Callable[[list[tuple[Folder, bool]]], list[FolderOutcome]],
    ) -> list[FolderOutcome]:
        """Each folder's outcome, in order: from an earlier load when none of its files changed; the others
        loaded now, all in one call of load() (which may share them among the cores: after a rename, all).
        `folders` is every folder there is: the cache forgets the rest."""
        keyed = [(folder, _folder_key(folder, reported)) for folder, reported in folders]
        known = [self._remembered(folder, key) for folder, key in keyed]
        loaded = iter(load([entry for entry, outcome in zip(folders, known, strict=True) if outcome is None]))
        self.folders = {
            folder.path: (key, next(loaded) if outcome is None else outcome)
            for (folder, key), outcome in zip(keyed, known, strict=True)
        }
        return [outcome for _, outcome in self.folders.values()]

    def _remembered(self, folder: Folder, key: bytes) -> FolderOutcome | None:
        """The folder's outcome from an earlier load, if its files are as they were then."""
        cached = self.folders.get(folder.path)
        return cached[1] if cached is not None and cached[0] == key else None


def _digest(*parts: bytes) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.digest()


def _file_digests(paths: Iterable[Path]) -> list[bytes]:
    return [_digest(str(path).encode("utf-8", "surrogateescape"), path.read_bytes()) for path in paths]


def _regular_files(paths: Iterable[Path]) -> list[Path]:
    """Only plain files: a schema name taken by a link or a folder is the inventory's to refuse, not ours to read."""
    return [path for path in paths if path.exists() and stat.S_ISREG(path.lstat().st_mode)]


def _folder_files(folder: Folder) -> list[Path]:
    write_up = [folder.write_up] if folder.write_up else []
    return [folder.path, *write_up, *folder.results, *(folder.path / name for name in folder.attachments)]


def _shared_key(root: Path, inventory: Inventory, regions: Regions, today: date) -> bytes:
    schema_dir = root / CONTENT_DIR / SCHEMA_DIR
    schemas = _regular_files(schema_dir / f"{name}.schema.json" for name in SCHEMA_NAMES)
    files = _file_digests([*schemas, *inventory.rounds, *inventory.editions, REGIONS_FILE])
    names = sorted(_rel(path, root) for folder in inventory.folders for path in _folder_files(folder))
    context = [str(root), today.isoformat(), *sorted(inventory.round_ids), repr(regions.source), *names]
    return _digest(*(part.encode("utf-8", "surrogateescape") for part in context), *files)


def _folder_key(folder: Folder, reported: bool) -> bytes:
    files = [folder.write_up] if folder.write_up else []
    names = [*folder.attachments, str(folder.write_up_refused), str(reported)]
    encoded = (name.encode("utf-8", "surrogateescape") for name in names)
    return _digest(*_file_digests([*files, *folder.results]), *encoded)


def load_catalogue(root: Path, cache: LoadCache | None = None) -> Catalogue:
    """The validated catalogue of the repository at `root`; raises CatalogueError with every problem.
    `cache`: reuse what earlier loads found for files that did not change (see LoadCache)."""
    catalogue, problems = validate_catalogue(root, cache=cache)
    if problems or catalogue is None:
        raise CatalogueError(problems)
    return catalogue


def validate_catalogue(
    root: Path, regions: Regions | None = None, today: date | None = None, cache: LoadCache | None = None
) -> tuple[Catalogue | None, list[Problem]]:
    """Every check on every file, all problems together; the catalogue only when there are none.
    `today`: the day no date may come after (policy.today() unless a test sets it)."""
    content_dir = root / CONTENT_DIR
    regions = regions or load_regions()
    today = today or policy.today()
    inventory, problems = take_inventory(content_dir, root)
    if cache is None:
        shared = _load_shared(inventory, root, regions, today)
    else:
        cache.start(_shared_key(root, inventory, regions, today))
        shared = cache.shared = cache.shared or _load_shared(inventory, root, regions, today)
    problems += shared.problems

    innovations: list[Innovation] = []
    links: list[policy.PageLink] = []
    refused_in = {problem.path.split("/")[1] for problem in problems if problem.path.startswith(CONTENT_DIR + "/")}
    folders = [(folder, folder.path.name in refused_in) for folder in inventory.folders]
    context = (inventory, root, regions, shared, today)
    if cache is None:
        outcomes = _load_folders_on_every_core(folders, context)
    else:
        outcomes = cache.outcomes(folders, partial(_load_folders_on_every_core, context=context))
    for outcome in outcomes:
        problems += outcome.problems
        links += outcome.links
        if outcome.innovation is not None:
            innovations.append(outcome.innovation)

    editions = shared.editions
    problems += _write_up_link_problems(editions, innovations)
    catalogue = Catalogue(
        tuple(innovations),
        tuple(sorted(shared.rounds, key=lambda item: item.start)),
        tuple(_without_absent_write_ups(editions[year], innovations) for year in sorted(editions)),
    )
    if problems:
        return None, problems
    # A page exists only for a valid record: links to pages are checked once every record is.
    problems = policy.page_link_problems(links, site_pages(catalogue, root), site_files(catalogue, root))
    if not problems and any("#" in link.url for link in links):
        problems = _anchor_problems(links, catalogue, root)
    if problems:
        return None, problems
    return catalogue, []


# What every folder is checked against: the inventory, the repository root, the region data, the shared outcome
# (rounds and editions) and today's date.
_FolderContext = tuple[Inventory, Path, Regions, SharedOutcome, date]

# Loading a folder is plain CPU work. A cold load of many folders is shared among the cores, each a forked copy
# of this process that starts with everything loaded (1,012 folders on 2 cores: 2.1 s -> 1.25 s, outcomes
# pickled back included). Below this many folders, starting the workers costs more than it saves.
PARALLEL_FROM = 200


def _load_folders(folders: list[tuple[Folder, bool]], context: _FolderContext) -> list[FolderOutcome]:
    return [_load_folder(folder, reported, *context) for folder, reported in folders]


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _load_folders_on_every_core(folders: list[tuple[Folder, bool]], context: _FolderContext) -> list[FolderOutcome]:
    """Every folder's outcome, in order. Only where the platform forks by default (Linux): a spawned worker
    would import everything again, and macOS forks unsafely."""
    cores = _usable_cores()
    if len(folders) < PARALLEL_FROM or cores < 2 or multiprocessing.get_all_start_methods()[0] != "fork":
        return _load_folders(folders, context)
    # The first folder loads here, so what it compiles (schema gates, validators) is inherited, not redone.
    first = _load_folders(folders[:1], context)
    rest = folders[1:]
    size = -(-len(rest) // cores)  # ceiling: one chunk per core
    chunks = [rest[start : start + size] for start in range(0, len(rest), size)]
    fork = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=len(chunks), mp_context=fork) as workers:
        loaded = workers.map(_load_folders, chunks, [context] * len(chunks))
        return first + [outcome for chunk in loaded for outcome in chunk]


def _load_shared(inventory: Inventory, root: Path, regions: Regions, today: date) -> SharedOutcome:
    """The coaching rounds and SKK editions: the files every write-up folder is checked against."""
    schema_dir = root / CONTENT_DIR / SCHEMA_DIR
    problems: list[Problem] = []
    rounds: list[CoachingRound] = []
    for file in inventory.rounds:
        coaching_round, found = _load_round(file, root, schema_dir, today)
        problems += found
        if coaching_round:
            rounds.append(coaching_round)

    editions: dict[int, Edition] = {}
    edition_years: set[int] = (
        set()
    )  # every edition file, valid or not: a write-up's `skk` is checked only against valid ones
    for file in inventory.editions:
        document, found = _read_data_file(file, _rel(file, root), schema_dir, "edisi", today)
        problems += found
        edition = None
        if document is not None:  # the checks of load_edition read the shape the schema guarantees
            edition, found = load_edition(document, file.stem, regions)
            problems += found
        edition_years.add(int(file.stem))
        if edition:
            editions[edition.year] = edition
    return SharedOutcome(tuple(rounds), editions, frozenset(edition_years), tuple(problems))


def _load_folder(
    folder: Folder,
    reported: bool,
    inventory: Inventory,
    root: Path,
    regions: Regions,
    shared: SharedOutcome,
    today: date,
) -> FolderOutcome:
    """One write-up folder: its coaching results, then its write-up. `reported`: the inventory already
    refused something in it."""
    schema_dir = root / CONTENT_DIR / SCHEMA_DIR
    problems: list[Problem] = []
    links: list[policy.PageLink] = []
    results: list[CoachingResult] = []
    write_up = folder.write_up
    for file in folder.results:
        result, result_links, found = _load_result(
            file,
            root,
            schema_dir,
            inventory.round_ids,
            write_up is not None or folder.write_up_refused,
            folder.attachments,
            today,
        )
        problems += found
        links += result_links
        if result:
            results.append(result)
    if write_up is None:
        # The inventory's own problems for this folder were reported already; say nothing more then.
        if not folder.results and not reported:
            message = f"folder tanpa {WRITE_UP}; setiap inovasi butuh berkas {WRITE_UP}"
            problems.append(Problem(_rel(folder.path, root) + "/", 0, "", message))
        return FolderOutcome(None, tuple(links), tuple(problems))
    innovation, body_links, found = _load_innovation(
        write_up,
        root,
        schema_dir,
        regions,
        tuple(results),
        tuple(folder.attachments),
        shared.editions,
        set(shared.edition_years),
        today,
    )
    problems += found
    links += body_links
    if innovation is not None:
        problems += _identity_problems(innovation, folder.path, root / CONTENT_DIR, root)
    return FolderOutcome(innovation, tuple(links), tuple(problems))


def site_pages(catalogue: Catalogue, root: Path) -> set[str]:
    """The Markdown source path of every page the site will have: generated and hand-written."""
    pages = {page.path for page in generated_pages(catalogue, root / CONTENT_DIR / SCHEMA_DIR)}
    docs = root / "docs"
    if docs.is_dir():
        pages |= {file.relative_to(docs).as_posix() for file in docs.rglob("*.md")}
    return pages


def site_files(catalogue: Catalogue, root: Path) -> set[str]:
    """The site path of every file the site publishes besides its pages: docs assets, data, attachments."""
    files = {export.JSON_PATH, export.CSV_PATH, export.EDITIONS_JSON_PATH, export.EDITIONS_CSV_PATH, export.FEED_PATH}
    files |= {urls.schema_path(schema.name) for schema in (root / CONTENT_DIR / SCHEMA_DIR).glob("*.schema.json")}
    for inv in catalogue.innovations:
        files |= {urls.attachment_path(inv, name) for name in inv.attachments}
    docs = root / "docs"
    if docs.is_dir():
        files |= {file.relative_to(docs).as_posix() for file in docs.rglob("*") if file.is_file()}
    return files


def _anchor_problems(links: list[policy.PageLink], catalogue: Catalogue, root: Path) -> list[Problem]:
    """Anchors in body links, against the ids of the Markdown the build will hand MkDocs."""
    page_of_source = {inv.source_path: urls.page_of(inv) for inv in catalogue.innovations}
    page_of_source |= {
        result.source_path: urls.page_of(inv) for inv in catalogue.innovations for result in inv.coaching
    }
    renderer = Renderer(catalogue, urls.SiteAddress(), "")
    generated = {page.path: page for page in generated_pages(catalogue, root / CONTENT_DIR / SCHEMA_DIR)}
    hand_written = anchors.docs_markdown(root / "docs")

    def markdown_of(path: str) -> str | None:
        page = generated.get(path)
        return hand_written(path) if page is None else renderer.render_page(page)

    return anchors.anchor_problems(links, page_of_source, markdown_of)


def _identity_problems(innovation: Innovation, folder: Path, content_dir: Path, root: Path) -> list[Problem]:
    rel = innovation.source_path
    if innovation.slug == folder.name:
        return []
    message = f"id {show(innovation.slug)} harus sama dengan nama foldernya '{folder.name}'"
    problems = [Problem(rel, innovation.id_line, "id", message)]
    # Folder names are unique, so an id is taken exactly when a folder of that name has a write-up:
    # the message goes to the copy, never to the write-up that rightly owns the id.
    owner = content_dir / innovation.slug / WRITE_UP
    if SLUG.fullmatch(innovation.slug) and owner.is_file() and not owner.is_symlink():
        message = f"id '{innovation.slug}' sudah dipakai oleh {_rel(owner, root)}; setiap inovasi butuh id sendiri"
        problems.append(Problem(rel, innovation.id_line, "id", message))
    return problems


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _text_problems(document: Document, schema_dir: Path, schema_name: str, today: date) -> list[Problem]:
    """HTML, a date after today, and in a write-up or a coaching result scaffold guidance: problems of a text,
    never of the front matter's shape, so they hide none of the checks that rely on it."""
    found = scaffold_leftovers(schema_dir) if schema_name in ("inovasi", "pembinaan") else None
    return policy.front_matter_problems(document.texts, document.path, today, found)


def _schema_checked(document: Document, schema_dir: Path, schema_name: str) -> list[Problem]:
    """Schema problems, explained by jsonschema only when the fast check fails."""
    if passes_quickly(document.data, schema_dir, schema_name, document.holds_float):
        return []
    explained = schema_problems(document, validator_for(schema_dir, schema_name))
    if not explained:  # the fast gate refused what jsonschema accepts: refuse, never publish unexplained
        message = (
            f"front matter tidak sesuai skema; bandingkan setiap isian dengan {SCHEMA_DIR}/{schema_name}.schema.json"
        )
        explained = [Problem(document.path, 1, "", message)]
    return explained


@cache
def scaffold_leftovers(schema_dir: Path) -> policy.Leftovers:
    """The scaffold's own guidance, as the validator looks for it in write-ups and coaching results."""
    # Imported here: the scaffold imports this module (to list what a new draft still lacks).
    from . import scaffold

    field_hints = scaffold.field_hints(load_schemas(schema_dir)["inovasi"])
    return policy.leftovers(scaffold.FILL_IN, scaffold.SECTION_HINTS.values(), field_hints)


def _sources(data: list[dict[str, Any]]) -> tuple[Source, ...]:
    return tuple(
        Source(
            item["id"],
            item["judul"],
            item.get("url"),
            item["penerbit"],
            item.get("tanggal"),
            item.get("catatan"),
            kind=item.get("jenis"),
            file=item.get("berkas"),
            respondent=item.get("penjawab"),
        )
        for item in data
    )


def _declared_source_ids(data: dict[str, Any]) -> set[str]:
    """The source ids a write-up declares, read defensively: its front matter may still be the wrong shape."""
    sources = data.get("sumber")
    if not isinstance(sources, list):
        return set()
    return {item["id"] for item in sources if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _duplicate_source_ids(document: Document) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    sources = document.data.get("sumber")
    for index, item in enumerate(sources if isinstance(sources, list) else []):
        source_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(source_id, str):
            continue
        if source_id in seen:
            line = document.line_of(("sumber", index, "id"))
            message = f"id sumber {show(source_id)} dipakai dua kali"
            problems.append(Problem(document.path, line, f"sumber.{index}.id", message))
        seen.add(source_id)
    return problems


def _load_innovation(
    file: Path,
    root: Path,
    schema_dir: Path,
    regions: Regions,
    results: tuple[CoachingResult, ...],
    attachments: tuple[str, ...],
    editions: dict[int, Edition],
    edition_years: set[int],
    today: date,
) -> tuple[Innovation | None, list[policy.PageLink], list[Problem]]:
    """Every check runs, whatever the others found: a schema problem does not hide a region problem."""
    rel = _rel(file, root)
    document, problems = read_document(file, rel)
    if document is None:
        return None, [], problems
    refusals = _schema_checked(document, schema_dir, "inovasi")
    problems += refusals + _text_problems(document, schema_dir, "inovasi", today)
    schema_valid = not problems
    refused = {problem.field for problem in refusals}
    data = document.data
    kecamatan, found = _place(document, regions)
    problems += found
    source_ids = _declared_source_ids(data)
    problems += _duplicate_source_ids(document)
    if kecamatan is not None:
        problems += _skk_problems(document, kecamatan, editions, edition_years)
    leftovers = scaffold_leftovers(schema_dir)
    links, body_problems = _body_problems(document, source_ids, file.parent, STORY_SECTIONS, attachments, leftovers)
    problems += body_problems
    prose = _texts(("ringkasan",), data.get("ringkasan")) + _replication_texts(data)
    problems += _field_citation_problems(document, prose, source_ids)
    problems += provenance.prose_problems(document, prose)
    # A value the schema refused is reported once, as refused; whether it is sourced is the next question.
    problems += _not_refused(provenance.reference_problems(document), refused)
    problems += provenance.conflict_problems(document)
    problems += _not_refused(provenance.source_problems(document), refused)
    problems += provenance.answer_problems(document, attachments)
    if problems or kecamatan is None or not schema_valid:
        return None, [], problems
    if any(item["tahun"] not in editions for item in data["skk"]):
        return None, [], []  # the edition file itself is broken: its problems are reported there

    klasifikasi = data["klasifikasi"]
    replikasi = data.get("replikasi", {})
    innovation = Innovation(
        slug=data["id"],
        name=data["nama"],
        acronym=_plain(data.get("akronim")),
        acronym_expansion=_plain(data.get("kepanjangan")),
        other_names=tuple(_named(item) for item in data.get("nama_lain", [])),
        related_programs=tuple(_named(item) for item in data.get("program_terkait", [])),
        references=tuple(_reference(key, entry) for key, entry in data.get("rujukan", {}).items()),
        conflicts=tuple(
            _conflict(key, data[key])
            for key in ("akronim", "kepanjangan", "tahun_mulai")
            if provenance.is_conflict(data.get(key))
        ),
        summary=data.get("ringkasan"),
        kecamatan=kecamatan,
        awards=tuple(_award(editions[item["tahun"]], kecamatan, item["sumber"]) for item in data["skk"]),
        other_recognitions=tuple(
            OtherRecognition(item["nama"], item.get("tahun"), item.get("penyelenggara"), tuple(item["sumber"]))
            for item in data.get("penghargaan_lain", [])
        ),
        sectors=tuple(klasifikasi["bidang"]),
        kind=klasifikasi.get("jenis"),
        form=klasifikasi.get("bentuk"),
        tags=tuple(klasifikasi.get("tag", [])),
        target_groups=tuple(klasifikasi.get("sasaran", [])),
        settings=tuple(klasifikasi.get("latar", [])),
        stage=data.get("tahapan"),
        start_year=_plain(data.get("tahun_mulai")),
        status=data.get("status"),
        last_verified=data.get("terakhir_diverifikasi"),
        replication=Replication(
            problem=replikasi.get("masalah"),
            prerequisites=tuple(replikasi.get("prasyarat", [])),
            resources=tuple(replikasi.get("sumber_daya", [])),
            partners=tuple(replikasi.get("mitra", [])),
            partner_kinds=tuple(replikasi.get("jenis_mitra", [])),
            steps=tuple(replikasi.get("langkah", [])),
            risks=tuple(replikasi.get("risiko", [])),
            complexity=replikasi.get("kompleksitas"),
            cost_class=replikasi.get("kelas_biaya"),
        ),
        contacts=tuple(Contact(item["lembaga"], item.get("url"), item.get("email")) for item in data.get("kontak", [])),
        sources=_sources(data["sumber"]),
        body=document.body,
        source_path=rel,
        id_line=document.line_of(("id",)),
        coaching=results,
        attachments=attachments,
    )
    return innovation, links, []


def _not_refused(problems: list[Problem], refused: set[str]) -> list[Problem]:
    """The problems about fields the schema has not already refused (a field, or anything inside it)."""
    return [
        problem
        for problem in problems
        if not any(field == problem.field or field.startswith(problem.field + ".") for field in refused)
    ]


def _plain(value: Any) -> Any:
    """A fact's single value; None where the sources disagree (the conflict is kept in `conflicts`)."""
    return None if provenance.is_conflict(value) else value


def _named(item: dict[str, Any]) -> NamedInSource:
    return NamedInSource(item["nama"], tuple(item["sumber"]), item.get("keterangan"))


def _reference(field: str, entry: list[str] | str) -> Reference:
    if entry == provenance.EDITORIAL:
        return Reference(field, (), editorial=True)
    return Reference(field, tuple(entry))


def _conflict(field: str, value: dict[str, Any]) -> Conflict:
    alternatives = value[provenance.CONFLICT]
    return Conflict(field, tuple(Alternative(item["nilai"], tuple(item["sumber"])) for item in alternatives))


def _place(document: Document, regions: Regions) -> tuple[Kecamatan | None, list[Problem]]:
    """The write-up's kecamatan, or the problem placed on the field that is wrong (kode, nama, kabupaten)."""
    place = document.data.get("kecamatan")
    if not isinstance(place, dict):
        return None, []  # the schema says what the field should look like
    values = {key: place.get(key) for key in ("kode", "nama", "kabupaten")}
    if not all(value is None or isinstance(value, str) for value in values.values()):
        return None, []
    kecamatan, key, message = locate_kecamatan(regions, values["kode"], values["nama"], values["kabupaten"])
    if kecamatan is not None:
        return kecamatan, []
    field_path = ("kecamatan", key) if key in place else ("kecamatan",)
    return None, [Problem(document.path, document.line_of(field_path), ".".join(field_path), message)]


def _award(edition: Edition, kecamatan: Kecamatan, source_ids: list[str]) -> Award:
    """A write-up's SKK edition, with the rank read from the edition's row for its kecamatan."""
    row = edition.row_for(kecamatan)
    assert row is not None  # _skk_problems refused a write-up without one
    return Award("SKK", edition.year, row.rank, edition.ceremony_date, tuple(source_ids), row.alternatives)


def _without_absent_write_ups(edition: Edition, innovations: list[Innovation]) -> Edition:
    """The edition as this catalogue shows it: a named innovation whose write-up is not in the catalogue
    (not written yet, removed, or refused with its own problems) is shown by its name, as the source has it."""
    slugs = {inv.slug for inv in innovations}

    def shown(row: RankingRow) -> RankingRow:
        named = tuple(
            item if item.write_up in slugs or item.write_up is None else replace(item, write_up=None)
            for item in row.named_innovations
        )
        return replace(row, named_innovations=named)

    return replace(edition, rows=tuple(shown(row) for row in edition.rows))


def _write_up_link_problems(editions: dict[int, Edition], innovations: list[Innovation]) -> list[Problem]:
    """An edition's `inovasi[].tulisan` that names a write-up in the catalogue names one of the same kecamatan
    that lists the edition in `skk`. One that is not in the catalogue is shown by its name (see above)."""
    by_slug = {inv.slug: inv for inv in innovations}
    problems = []
    for edition in editions.values():
        for row in edition.rows:
            for item in row.named_innovations:
                inv = by_slug.get(item.write_up or "")
                if inv is None:
                    continue
                if inv.kecamatan != row.kecamatan:
                    message = f"tulisan '{inv.slug}' milik Kecamatan {inv.kecamatan.label}, bukan kecamatan baris ini"
                elif all(award.year != edition.year for award in inv.awards):
                    message = (
                        f"tulisan '{inv.slug}' belum mencantumkan edisi ini; tambahkan skk tahun {edition.year} di sana"
                    )
                else:
                    continue
                problems.append(Problem(edition.source_path, item.line, "tulisan", message))
    return problems


def _skk_problems(
    document: Document, kecamatan: Kecamatan, editions: dict[int, Edition], edition_years: set[int]
) -> list[Problem]:
    """Each `skk` year has an edition file with a ranking row for the write-up's kecamatan."""
    entries = document.data.get("skk")
    problems = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        year = entry.get("tahun") if isinstance(entry, dict) else None
        if not isinstance(year, int) or isinstance(year, bool):
            continue  # the schema explains it
        line = document.line_of(("skk", index, "tahun"))
        if year not in edition_years:
            known = ", ".join(str(item) for item in sorted(edition_years)) or "belum ada"
            message = f"belum ada berkas edisi innovations/_skk/{year}.yml; edisi yang ada: {known}"
            problems.append(Problem(document.path, line, f"skk.{index}.tahun", message))
        elif year in editions and editions[year].row_for(kecamatan) is None:
            message = (
                f"edisi SKK {year} tidak punya baris peringkat untuk Kecamatan {kecamatan.label}; "
                f"tambahkan barisnya di innovations/_skk/{year}.yml bila sumber menyebutnya"
            )
            problems.append(Problem(document.path, line, f"skk.{index}.tahun", message))
    return problems


def _body_problems(
    document: Document,
    source_ids: set[str],
    folder: Path,
    required: tuple[str, ...],
    attachments: tuple[str, ...],
    leftovers: policy.Leftovers,
) -> tuple[list[policy.PageLink], list[Problem]]:
    body, first_line, path = document.body, document.body_line, document.path
    links, problems = policy.body_problems(body, first_line, path, source_ids, folder, attachments)
    problems += policy.leftover_problems(body, first_line, path, leftovers)
    problems += policy.uncited_body_problems(body, first_line, path)
    if required:
        if not document.body.strip():
            message = "isi tulisan kosong; tulis kisahnya di bawah front matter dengan bagian: " + ", ".join(required)
            return links, [*problems, Problem(document.path, document.body_line, "", message)]
        missing = policy.missing_sections(document.body, required)
        if missing:
            message = "bagian wajib belum ada: " + ", ".join(f"'## {name}'" for name in missing)
            problems.append(Problem(document.path, document.body_line, "", message))
    return links, problems


def _load_result(
    file: Path,
    root: Path,
    schema_dir: Path,
    round_ids: set[str],
    innovation_exists: bool,
    attachments: list[str],
    today: date,
) -> tuple[CoachingResult | None, list[policy.PageLink], list[Problem]]:
    rel = _rel(file, root)
    document, problems = read_document(file, rel)
    if document is None:
        return None, [], problems
    refusals = _schema_checked(document, schema_dir, "pembinaan")
    problems += refusals + _text_problems(document, schema_dir, "pembinaan", today)
    schema_valid = not problems
    refused = {problem.field for problem in refusals}
    slug = file.parent.name
    if not innovation_exists:
        message = (
            f"hasil pembinaan untuk inovasi '{slug}' yang tidak ada; "
            f"tambahkan innovations/{slug}/index.md atau pindahkan berkas ini"
        )
        problems.append(Problem(rel, 0, "", message))
    data = document.data
    file_round = COACHING_FILE.fullmatch(file.name).group(1)  # type: ignore[union-attr]  # the inventory matched it
    round_id = data.get("putaran")
    line = document.line_of(("putaran",))
    if isinstance(round_id, str) and round_id != file_round:
        message = f"putaran {show(round_id)} harus sama dengan nama berkas (pembinaan-{round_id}.md)"
        problems.append(Problem(rel, line, "putaran", message))
    if isinstance(round_id, str) and round_id not in round_ids:
        known = ", ".join(sorted(round_ids)) or "belum ada"
        message = f"putaran {show(round_id)} tidak ada di innovations/{ROUNDS_DIR}/; putaran yang ada: {known}"
        problems.append(Problem(rel, line, "putaran", message))
    source_ids = _declared_source_ids(data)
    problems += _duplicate_source_ids(document)
    links, body_problems = _body_problems(
        document, source_ids, file.parent, (), tuple(attachments), scaffold_leftovers(schema_dir)
    )
    problems += body_problems
    problems += _field_citation_problems(document, _cited_fields(data), source_ids)
    problems += provenance.prose_problems(document, _cited_fields(data))
    problems += _not_refused(provenance.source_problems(document), refused)
    problems += provenance.answer_problems(document, tuple(attachments))
    problems += provenance.visit_report_problems(document)
    if problems or not schema_valid:
        return None, [], problems
    return (
        CoachingResult(
            round_id=data["putaran"],
            innovation_slug=slug,
            visit_date=data.get("tanggal_kunjungan"),
            findings=tuple(data.get("temuan", [])),
            plan=tuple(
                PlanItem(item["rencana"], item.get("target"), item.get("status"))
                for item in data.get("rencana_pengembangan", [])
            ),
            follow_up=data.get("status_tindak_lanjut"),
            sources=_sources(data["sumber"]),
            body=document.body,
            source_path=rel,
            visit_reported=data["laporan_kunjungan"] == "ada",
        ),
        links,
        [],
    )


def _field_citation_problems(
    document: Document, fields: list[tuple[tuple[str | int, ...], str]], source_ids: set[str]
) -> list[Problem]:
    """[S1]-style citations in front-matter texts that the pages show with their citations linked."""
    problems = []
    for field_path, text in fields:
        label = ".".join(map(str, field_path))
        problems += policy.citation_problems(text, document.line_of(field_path), document.path, source_ids, label)
    return problems


def _replication_texts(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """The replication kit's texts, which the profile shows with their [S1] citations linked."""
    replikasi = data.get("replikasi")
    if not isinstance(replikasi, dict):
        return []
    texts = _texts(("replikasi", "masalah"), replikasi.get("masalah"))
    for key in ("prasyarat", "sumber_daya", "mitra", "langkah", "risiko"):
        texts += _texts(("replikasi", key), replikasi.get(key))
    return texts


def _texts(field_path: tuple[str | int, ...], value: object) -> list[tuple[tuple[str | int, ...], str]]:
    """The texts at a field (one text, or a list of them), read defensively: the schema may have refused it."""
    if isinstance(value, str):
        return [(field_path, value)]
    if isinstance(value, list):
        return [((*field_path, index), text) for index, text in enumerate(value) if isinstance(text, str)]
    return []


def _cited_fields(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """Coaching-result fields shown with their [S1] citations linked."""
    plans = data.get("rencana_pengembangan")
    texts = _texts(("temuan",), data.get("temuan"))
    for index, item in enumerate(plans if isinstance(plans, list) else []):
        if isinstance(item, dict):
            texts += _texts(("rencana_pengembangan", index, "rencana"), item.get("rencana"))
    return texts


def _read_data_file(
    file: Path, rel: str, schema_dir: Path, schema_name: str, today: date
) -> tuple[Document | None, list[Problem]]:
    """A YAML data file (a round, an edition) decoded, parsed and checked, with every problem found. The
    document comes back only when it has the shape its schema describes (the checks that follow rely on it)."""
    text, problems = decode(file.read_bytes(), rel)
    if text is None:
        return None, problems
    document, found = parse_yaml_file(text, rel)
    problems += found
    if document is None:
        return None, problems
    problems += _schema_checked(document, schema_dir, schema_name)
    shaped = not problems
    problems += _text_problems(document, schema_dir, schema_name, today)
    return (document if shaped else None), problems


def _load_round(file: Path, root: Path, schema_dir: Path, today: date) -> tuple[CoachingRound | None, list[Problem]]:
    rel = _rel(file, root)
    document, problems = _read_data_file(file, rel, schema_dir, "putaran", today)
    if document is None:
        return None, problems
    data = document.data
    if data["id"] != file.stem:
        problems.append(
            Problem(
                rel, document.line_of(("id",)), "id", f"id '{data['id']}' harus sama dengan nama berkas '{file.stem}'"
            )
        )
    start, end = date.fromisoformat(data["mulai"]), date.fromisoformat(data["selesai"])
    if end < start:
        problems.append(
            Problem(
                rel,
                document.line_of(("selesai",)),
                "selesai",
                f"tanggal selesai {end} lebih awal dari tanggal mulai {start}",
            )
        )
    problems += _duplicate_source_ids(document)
    source_ids = _declared_source_ids(data)
    purpose_line = document.line_of(("tujuan",))
    problems += policy.citation_problems(data.get("tujuan") or "", purpose_line, rel, source_ids, "tujuan")
    problems += provenance.prose_problems(document, _texts(("tujuan",), data.get("tujuan")))
    problems += provenance.source_problems(document)
    problems += provenance.answer_problems(document, None)
    if problems:
        return None, problems
    return CoachingRound(
        id=data["id"],
        name=data["nama"],
        start=start,
        end=end,
        organiser=data["penyelenggara"],
        target_event=data["sasaran"]["ajang"],
        target_year=data["sasaran"]["tahun"],
        purpose=data.get("tujuan"),
        team=tuple(TeamMember(item["nama"], item["lembaga"], item.get("catatan")) for item in data.get("tim", [])),
        sources=_sources(data["sumber"]),
        source_path=rel,
    ), []


__all__ = ["CatalogueError", "load_catalogue", "parse_document", "validate_catalogue"]

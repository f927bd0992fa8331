"""Load every write-up under innovations/, validate it, and build the catalogue — or report every problem.

Nothing is dropped: a single problem anywhere fails the whole load, with all problems listed together.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from . import policy
from .frontmatter import Document, decode, parse_document, parse_yaml_file, read_document
from .model import (
    Award,
    Catalogue,
    CoachingResult,
    CoachingRound,
    Contact,
    Innovation,
    PlanItem,
    Replication,
    Source,
    TeamMember,
)
from .problems import CatalogueError, Problem
from .regions import Regions, load_regions, resolve_kecamatan
from .schema import passes_quickly, schema_problems, validator_for

CONTENT_DIR = "innovations"
SCHEMA_DIR = "_skema"
ROUNDS_DIR = "_pembinaan"
WRITE_UP = "index.md"
COACHING_FILE = re.compile(r"^pembinaan-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
STORY_SECTIONS = ("Latar belakang dan masalah", "Cara kerja", "Dampak", "Pemangku kepentingan")


def load_catalogue(root: Path) -> Catalogue:
    """The validated catalogue of the repository at `root`; raises CatalogueError with every problem."""
    catalogue, problems = check_catalogue(root)
    if problems or catalogue is None:
        raise CatalogueError(problems)
    return catalogue


def check_catalogue(root: Path, regions: Regions | None = None) -> tuple[Catalogue | None, list[Problem]]:
    content_dir = root / CONTENT_DIR
    schema_dir = content_dir / SCHEMA_DIR
    regions = regions or load_regions()
    problems: list[Problem] = []

    rounds: list[CoachingRound] = []
    for file in sorted((content_dir / ROUNDS_DIR).glob("*.yml")):
        coaching_round, found = _load_round(file, root, schema_dir)
        problems += found
        if coaching_round:
            rounds.append(coaching_round)
    # Every round file counts as existing, valid or not: its own problems are reported once, above.
    round_ids = {file.stem for file in (content_dir / ROUNDS_DIR).glob("*.yml")}

    innovations: list[Innovation] = []
    for folder in sorted(path for path in content_dir.iterdir() if path.is_dir() and path.name[0] not in "._"):
        results: list[CoachingResult] = []
        write_up = folder / WRITE_UP
        for file in sorted(folder.glob("*.md")):
            if file.name == WRITE_UP:
                continue
            if not COACHING_FILE.match(file.name):
                rel = _rel(file, root)
                message = (
                    "nama berkas tidak dikenal; tulisan inovasi bernama index.md, "
                    "hasil pembinaan pembinaan-<putaran>.md"
                )
                problems.append(Problem(rel, 0, "", message))
                continue
            result, found = _load_result(file, root, schema_dir, round_ids, write_up.is_file())
            problems += found
            if result:
                results.append(result)
        if not write_up.is_file():
            if not results and not any(p.path.startswith(_rel(folder, root) + "/") for p in problems):
                message = f"folder tanpa {WRITE_UP}; setiap inovasi butuh berkas {WRITE_UP}"
                problems.append(Problem(_rel(folder, root) + "/", 0, "", message))
            continue
        innovation, found = _load_innovation(write_up, root, schema_dir, regions, tuple(results))
        problems += found
        if innovation is None:
            continue
        rel = innovation.source_path
        if innovation.slug != folder.name:
            message = f"id '{innovation.slug}' harus sama dengan nama foldernya '{folder.name}'"
            problems.append(Problem(rel, innovation.id_line, "id", message))
            # Folder names are unique, so an id is taken exactly when a folder of that name has a write-up:
            # the message goes to the copy, never to the write-up that rightly owns the id.
            owner = content_dir / innovation.slug / WRITE_UP
            if owner.is_file():
                message = (
                    f"id '{innovation.slug}' sudah dipakai oleh {_rel(owner, root)}; setiap inovasi butuh id sendiri"
                )
                problems.append(Problem(rel, innovation.id_line, "id", message))
        innovations.append(innovation)

    if problems:
        return None, problems
    return Catalogue(tuple(innovations), tuple(sorted(rounds, key=lambda item: item.start))), []


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _validated(document: Document, schema_dir: Path, schema_name: str) -> list[Problem]:
    """Schema problems (explained by jsonschema only when the fast check fails) and HTML in front matter."""
    problems = policy.front_matter_problems(document.data, document.path, document.line_of)
    if passes_quickly(document.data, schema_dir, schema_name):
        return problems
    return schema_problems(document, validator_for(schema_dir, schema_name)) + problems


def _sources(data: list[dict[str, Any]]) -> tuple[Source, ...]:
    return tuple(
        Source(item["id"], item["judul"], item.get("url"), item.get("penerbit"), item.get("tanggal")) for item in data
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
    for index, item in enumerate(document.data["sumber"]):
        if item["id"] in seen:
            line = document.line_of(("sumber", index, "id"))
            problems.append(
                Problem(document.path, line, f"sumber.{index}.id", f"id sumber '{item['id']}' dipakai dua kali")
            )
        seen.add(item["id"])
    return problems


def _load_innovation(
    file: Path, root: Path, schema_dir: Path, regions: Regions, results: tuple[CoachingResult, ...]
) -> tuple[Innovation | None, list[Problem]]:
    rel = _rel(file, root)
    document, problems = read_document(file, rel)
    if document is None:
        return None, problems
    problems = _validated(document, schema_dir, "inovasi")
    data = document.data
    if problems:
        # Still check the body, so a contributor sees every problem in one pass.
        return None, problems + _body_problems(document, _declared_source_ids(data), file.parent, STORY_SECTIONS)

    place = data["kecamatan"]
    kecamatan, message = resolve_kecamatan(regions, place.get("kode"), place.get("nama"), place.get("kabupaten"))
    if kecamatan is None:
        problems.append(Problem(rel, document.line_of(("kecamatan",)), "kecamatan", message))
    source_ids = _declared_source_ids(data)
    problems += _duplicate_source_ids(document)
    for index, award in enumerate(data["penghargaan"]):
        if award["sumber"] not in source_ids:
            line = document.line_of(("penghargaan", index, "sumber"))
            known = ", ".join(sorted(source_ids))
            problems.append(
                Problem(
                    rel,
                    line,
                    f"penghargaan.{index}.sumber",
                    f"sumber '{award['sumber']}' tidak ada di daftar sumber; yang ada: {known}",
                )
            )
    problems += _body_problems(document, source_ids, file.parent, required=STORY_SECTIONS)
    problems += _field_citation_problems(document, _replication_texts(data), source_ids)
    if problems or kecamatan is None:
        return None, problems

    klasifikasi = data["klasifikasi"]
    replikasi = data.get("replikasi", {})
    innovation = Innovation(
        slug=data["id"],
        name=data["nama"],
        acronym=data.get("akronim"),
        acronym_expansion=data.get("kepanjangan"),
        other_names=tuple(data.get("nama_lain", [])),
        summary=data.get("ringkasan"),
        kecamatan=kecamatan,
        awards=tuple(
            Award(item["ajang"], item["tahun"], item["peringkat"], item.get("tanggal"), item["sumber"])
            for item in data["penghargaan"]
        ),
        fields=tuple(klasifikasi["bidang"]),
        digital=klasifikasi.get("jenis"),
        form=klasifikasi.get("bentuk"),
        tags=tuple(klasifikasi.get("tag", [])),
        stage=data.get("tahapan"),
        start_year=data.get("tahun_mulai"),
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
    )
    return innovation, []


def _body_problems(document: Document, source_ids: set[str], folder: Path, required: tuple[str, ...]) -> list[Problem]:
    problems = policy.body_problems(document.body, document.body_line, document.path, source_ids, folder)
    if required:
        if not document.body.strip():
            message = "isi tulisan kosong; tulis kisahnya di bawah front matter dengan bagian: " + ", ".join(required)
            return [*problems, Problem(document.path, document.body_line, "", message)]
        missing = policy.missing_sections(document.body, required)
        if missing:
            message = "bagian wajib belum ada: " + ", ".join(f"'## {name}'" for name in missing)
            problems.append(Problem(document.path, document.body_line, "", message))
    return problems


def _load_result(
    file: Path, root: Path, schema_dir: Path, round_ids: set[str], innovation_exists: bool
) -> tuple[CoachingResult | None, list[Problem]]:
    rel = _rel(file, root)
    document, problems = read_document(file, rel)
    if document is None:
        return None, problems
    problems = _validated(document, schema_dir, "pembinaan")
    slug = file.parent.name
    if not innovation_exists:
        message = (
            f"hasil pembinaan untuk inovasi '{slug}' yang tidak ada; "
            f"tambahkan innovations/{slug}/index.md atau pindahkan berkas ini"
        )
        problems.append(Problem(rel, 0, "", message))
    if problems:
        return None, problems
    data = document.data
    file_round = COACHING_FILE.match(file.name).group(1)
    line = document.line_of(("putaran",))
    if data["putaran"] != file_round:
        problems.append(
            Problem(
                rel,
                line,
                "putaran",
                f"putaran '{data['putaran']}' harus sama dengan nama berkas (pembinaan-{data['putaran']}.md)",
            )
        )
    if data["putaran"] not in round_ids:
        known = ", ".join(sorted(round_ids)) or "belum ada"
        problems.append(
            Problem(
                rel,
                line,
                "putaran",
                f"putaran '{data['putaran']}' tidak ada di innovations/{ROUNDS_DIR}/; putaran yang ada: {known}",
            )
        )
    source_ids = _declared_source_ids(data)
    problems += _duplicate_source_ids(document)
    problems += _body_problems(document, source_ids, file.parent, required=())
    problems += _field_citation_problems(document, _cited_fields(data), source_ids)
    if problems:
        return None, problems
    return CoachingResult(
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
    ), []


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
    replikasi = data.get("replikasi", {})
    texts: list[tuple[tuple[str | int, ...], str]] = []
    if replikasi.get("masalah"):
        texts.append((("replikasi", "masalah"), replikasi["masalah"]))
    for key in ("prasyarat", "sumber_daya", "mitra", "langkah", "risiko"):
        texts += [(("replikasi", key, index), text) for index, text in enumerate(replikasi.get(key, []))]
    return texts


def _cited_fields(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """Coaching-result fields shown with their [S1] citations linked."""
    findings = [(("temuan", index), text) for index, text in enumerate(data.get("temuan", []))]
    plans = [
        (("rencana_pengembangan", index, "rencana"), item["rencana"])
        for index, item in enumerate(data.get("rencana_pengembangan", []))
    ]
    return findings + plans


def _load_round(file: Path, root: Path, schema_dir: Path) -> tuple[CoachingRound | None, list[Problem]]:
    rel = _rel(file, root)
    text, problems = decode(file.read_bytes(), rel)
    if text is None:
        return None, problems
    document, problems = parse_yaml_file(text, rel)
    if document is None:
        return None, problems
    problems = _validated(document, schema_dir, "putaran")
    if problems:
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


__all__ = ["CatalogueError", "check_catalogue", "load_catalogue", "parse_document"]

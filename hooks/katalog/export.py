"""Open data: the catalogue as JSON and CSV, and a JSON Feed, all from the typed model.

Output is byte-for-byte reproducible: sorted, no timestamps of the build, fixed line endings.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from functools import partial
from typing import Any

from . import labels, urls
from .memo import remembered
from .model import (
    Alternative,
    Catalogue,
    CoachingResult,
    Conflict,
    Edition,
    Innovation,
    NamedInSource,
    RankingRow,
    Source,
)

FEED_PATH = "feed.json"
JSON_PATH = "data/katalog.json"
CSV_PATH = "data/katalog.csv"
EDITIONS_JSON_PATH = "data/skk.json"
EDITIONS_CSV_PATH = "data/skk.csv"
CONTENT_LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)"
REGION_LICENCE = "ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1-0/), dari idn-area-data 4.0.1"


def absolute_url(site_url: str, page_path: str) -> str:
    """The published address of a page ("inovasi/x/index.md")."""
    return file_url(site_url, urls.site_path(page_path))


def file_url(site_url: str, file_path: str) -> str:
    """The published address of a file in the site ("data/katalog.json")."""
    return site_url.rstrip("/") + "/" + file_path


def _source(source: Source, files_at: str | None = None) -> dict[str, Any]:
    """A source as written; a kecamatan's written answer also with its kind, who answered, and the published
    address of its file (`files_at`: the site URL of the folder it is published in)."""
    record: dict[str, Any] = {
        "id": source.id,
        "judul": source.title,
        "url": source.url,
        "penerbit": source.publisher,
        "tanggal": source.published,
        "catatan": source.note,
    }
    if source.self_reported:
        record |= {
            "jenis": source.kind,
            "berkas": source.file,
            "berkas_url": f"{files_at}{source.file}" if files_at and source.file else None,
            "penjawab": source.respondent,
        }
    return record


def answer_folder_url(inv: Innovation, site_url: str) -> str:
    """Where the files beside a write-up (the kecamatan's written answers among them) are published."""
    return absolute_url(site_url, urls.page_of(inv))


def _conflict(conflict: Conflict | None) -> list[dict[str, Any]] | None:
    """Where sources disagree: every value with its sources, as written (never one silently picked)."""
    if conflict is None:
        return None
    return [{"nilai": item.value, "sumber": list(item.source_ids)} for item in conflict.alternatives]


def _named(item: NamedInSource) -> dict[str, Any]:
    named: dict[str, Any] = {"nama": item.name, "sumber": list(item.source_ids)}
    if item.note is not None:
        named["keterangan"] = item.note
    return named


def _references(inv: Innovation) -> dict[str, Any]:
    """`rujukan` as written: field -> source ids, or "redaksi" for the editors' classification."""
    return {ref.field: "redaksi" if ref.editorial else list(ref.source_ids) for ref in inv.references}


def conflict_cell(inv: Innovation, field: str, plain: object) -> str:
    """A CSV cell: the value, or for a conflict every value with its sources, "A [S1] | B [S3]"."""
    conflict = inv.conflict(field)
    if conflict is not None:
        return conflict.text()
    return "" if plain is None else str(plain)


def _coaching(result: CoachingResult, files_at: str) -> dict[str, Any]:
    return {
        "putaran": result.round_id,
        "tanggal_kunjungan": result.visit_date,
        "laporan_kunjungan": "ada" if result.visit_reported else "tidak-ada",
        "temuan": list(result.findings),
        "rencana_pengembangan": [
            {"rencana": item.plan, "target": item.target, "status": item.status} for item in result.plan
        ],
        "status_tindak_lanjut": result.follow_up,
        "sumber": [_source(source, files_at) for source in result.sources],
        "berkas": result.source_path,
    }


def innovation_record(inv: Innovation, site_url: str) -> dict[str, Any]:
    rep = inv.replication
    return {
        "id": inv.slug,
        "url": absolute_url(site_url, urls.page_of(inv)),
        "nama": inv.name,
        "akronim": inv.acronym,
        "kepanjangan": inv.acronym_expansion,
        "nama_lain": [_named(item) for item in inv.other_names],
        "program_terkait": [_named(item) for item in inv.related_programs],
        "ringkasan": inv.summary,
        "kecamatan": {
            "kode": inv.kecamatan.code,
            "nama": inv.kecamatan.name,
            "url": absolute_url(site_url, urls.page_of(inv.kecamatan)),
        },
        "kabupaten": {
            "kode": inv.kabupaten.code,
            "nama": inv.kabupaten.name,
            "url": absolute_url(site_url, urls.page_of(inv.kabupaten)),
        },
        "skk": [
            {
                "tahun": a.year,
                "peringkat": a.rank,
                "beda_sumber": [{"nilai": alt.value, "sumber": list(alt.source_ids)} for alt in a.alternatives],
                "tanggal": a.date,
                "sumber": list(a.source_ids),
                "edisi_url": absolute_url(site_url, urls.edition_page(a.year)),
            }
            for a in inv.awards
        ],
        "penghargaan_lain": [
            {"nama": r.name, "tahun": r.year, "penyelenggara": r.giver, "sumber": list(r.source_ids)}
            for r in inv.other_recognitions
        ],
        "klasifikasi": {
            "bidang": list(inv.sectors),
            "jenis": inv.kind,
            "bentuk": inv.form,
            "tag": list(inv.tags),
        },
        "tahapan": inv.stage,
        "tahun_mulai": inv.start_year,
        # Additive: the plain fields above are null where sources disagree; the alternatives are here.
        "beda_sumber": {
            field: _conflict(inv.conflict(field))
            for field in ("akronim", "kepanjangan", "tahun_mulai")
            if inv.conflict(field) is not None
        },
        "rujukan": _references(inv),
        "status": inv.status,
        "terakhir_diverifikasi": inv.last_verified,
        "replikasi": {
            "masalah": rep.problem,
            "prasyarat": list(rep.prerequisites),
            "sumber_daya": list(rep.resources),
            "mitra": list(rep.partners),
            "langkah": list(rep.steps),
            "risiko": list(rep.risks),
            "kompleksitas": rep.complexity,
            "kelas_biaya": rep.cost_class,
        },
        "kontak": [{"lembaga": c.institution, "url": c.url, "email": c.email} for c in inv.contacts],
        "sumber": [_source(source, answer_folder_url(inv, site_url)) for source in inv.sources],
        "pembinaan": [_coaching(result, answer_folder_url(inv, site_url)) for result in inv.coaching],
        "berkas": inv.source_path,
    }


_RECORDS = "\0inovasi\0"  # where the records go into the document's JSON (catalogue_json)


def catalogue_json(catalogue: Catalogue, site_url: str) -> str:
    """The catalogue as one JSON document, indented one space a level.

    Each record's JSON text is made once per innovation object (katalog.memo): Python's JSON encoder is
    several times slower with indentation, and a `mkdocs serve` rebuild then encodes only edited write-ups.
    The text is the same as json.dumps of the whole document (tests/test_export.py checks it)."""
    document = {
        "judul": "Katalog Inovasi Kecamatan Jawa Timur",
        "skema": file_url(site_url, "data/inovasi.schema.json"),
        "lisensi": {"isi": CONTENT_LICENCE, "data_wilayah": REGION_LICENCE},
        "jumlah": len(catalogue.innovations),
        "inovasi": _RECORDS,
    }
    records = [
        remembered(f"json:{site_url}", inv, partial(_record_json, inv, site_url)) for inv in catalogue.innovations
    ]
    listed = "[\n" + ",\n".join(records) + "\n ]" if records else "[]"
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False)
    return text.replace(json.dumps(_RECORDS), listed, 1) + "\n"


# export name -> the last document in compact JSON, and its indented text
_last_indented: dict[str, tuple[str, str]] = {}


def _indented_json(name: str, document: Any, indent: int) -> str:
    """json.dumps(document, indent=indent), encoded again only when the document differs from the last one
    under this name. Python's JSON encoder is several times slower with indentation than without (0.3 s for
    the editions at 1,000 write-ups); under `mkdocs serve`, an edit to one write-up's story leaves the feed
    and the editions as they were. Compared by their compact JSON, so 1 and 1.0 or true never pass as equal."""
    compact = json.dumps(document, ensure_ascii=False)
    last = _last_indented.get(name)
    if last is not None and last[0] == compact:
        return last[1]
    text = json.dumps(document, ensure_ascii=False, indent=indent) + "\n"
    _last_indented[name] = (compact, text)
    return text


def _record_json(inv: Innovation, site_url: str) -> str:
    """One record as it sits in the document's list: two levels deep."""
    text = json.dumps(innovation_record(inv, site_url), ensure_ascii=False, indent=1, sort_keys=False)
    return textwrap.indent(text, "  ")


CSV_COLUMNS = (
    "id",
    "nama",
    "akronim",
    "kepanjangan",
    "kecamatan_kode",
    "kecamatan",
    "kabupaten_kode",
    "kabupaten",
    "penghargaan",
    "tahun_penghargaan",
    "peringkat",
    "bidang",
    "jenis",
    "bentuk",
    "tahapan",
    "tahun_mulai",
    "status",
    "terakhir_diverifikasi",
    "ringkasan",
    "jumlah_pembinaan",
    "url",
    "sumber",
)


# A cell starting with one of these is a formula to Excel and LibreOffice (OWASP "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell no spreadsheet evaluates: one that would start a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _csv_row(inv: Innovation, site_url: str) -> list[str]:
    return [spreadsheet_safe(cell) for cell in _csv_cells(inv, site_url)]


def _csv_cells(inv: Innovation, site_url: str) -> list[str]:
    best = inv.best_award
    return [
        inv.slug,
        inv.name,
        conflict_cell(inv, "akronim", inv.acronym),
        conflict_cell(inv, "kepanjangan", inv.acronym_expansion),
        inv.kecamatan.code,
        inv.kecamatan.name,
        inv.kabupaten.code,
        inv.kabupaten.name,
        "; ".join(award.label for award in inv.awards),
        str(best.year),
        best.rank,
        "; ".join(labels.SECTOR_LABELS[sector] for sector in inv.sectors),
        labels.KIND_LABELS.get(inv.kind or "", ""),
        labels.FORM_LABELS.get(inv.form or "", ""),
        labels.STAGE_LABELS.get(inv.stage or "", ""),
        conflict_cell(inv, "tahun_mulai", inv.start_year),
        labels.STATUS_LABELS.get(inv.status or "", ""),
        inv.last_verified or "",
        inv.summary or "",
        str(len(inv.coaching)),
        absolute_url(site_url, urls.page_of(inv)),
        "; ".join(_source_cell(source, inv, site_url) for source in inv.sources),
    ]


def _source_cell(source: Source, inv: Innovation, site_url: str) -> str:
    """A source in the CSV's list: its address; a kecamatan's answer by the published file's address."""
    if source.self_reported and source.file:
        return f"{answer_folder_url(inv, site_url)}{source.file} (jawaban tertulis kecamatan)"
    return source.url or source.title


def catalogue_csv(catalogue: Catalogue, site_url: str) -> bytes:
    """One row per innovation; UTF-8 with a BOM and CRLF so Excel and LibreOffice read it as intended."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for inv in catalogue.innovations:
        writer.writerow(remembered(f"csv:{site_url}", inv, partial(_csv_row, inv, site_url)))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _disputed(value: object) -> object:
    """A plain value as is; the sources' alternatives as {beda_sumber: [{nilai, sumber}]}, as in the edition file."""
    if isinstance(value, tuple):
        alternatives: tuple[Alternative, ...] = value
        return {"beda_sumber": [{"nilai": alt.value, "sumber": list(alt.source_ids)} for alt in alternatives]}
    return value


def _row_record(catalogue: Catalogue, row: RankingRow, site_url: str) -> dict[str, Any]:
    kecamatan = row.kecamatan
    return {
        "tempat": _disputed(row.place),
        "peringkat": row.rank,
        "kecamatan": None
        if kecamatan is None
        else {
            "kode": kecamatan.code,
            "nama": kecamatan.name,
            "ejaan_sumber": row.spelling,
            "url": absolute_url(site_url, urls.page_of(kecamatan)),
        },
        "kabupaten": {"kode": row.kabupaten.code, "nama": row.kabupaten.name},
        "camat": _disputed(row.camat),
        "nilai": row.score,
        "inovasi": [
            {"nama": inv.name, "url": absolute_url(site_url, urls.page_of(inv))} for inv in catalogue.presented(row)
        ]
        + [{"nama": item.name, "keterangan": item.note, "sumber": list(item.source_ids)} for item in row.named_only],
        "sumber": list(row.source_ids),
    }


def _edition_record(catalogue: Catalogue, edition: Edition, site_url: str) -> dict[str, Any]:
    return {
        "tahun": edition.year,
        "nama": edition.name,
        "url": absolute_url(site_url, urls.page_of(edition)),
        "penyelenggara": _disputed(edition.organiser)
        if isinstance(edition.organiser, tuple | None)
        else edition.organiser.text,
        "tanggal_penganugerahan": edition.ceremony_date,
        "peserta": edition.participants,
        "peringkat": [_row_record(catalogue, row, site_url) for row in edition.rows],
        "penghargaan_lain": [
            {
                "nama": item.name,
                "penerima": item.recipient,
                "peringkat": item.rank,
                "keterangan": item.note,
                "sumber": list(item.source_ids),
            }
            for item in edition.other_awards
        ],
        "belum_diketahui": list(edition.unknowns),
        "sumber": [_source(source) for source in edition.sources],
        "berkas": edition.source_path,
    }


def editions_json(catalogue: Catalogue, site_url: str) -> str:
    """Every SKK edition with its ranking rows; a disputed place keeps its alternatives, and its
    "peringkat" is "Sumber berbeda" (the catalogue's facet value for it)."""
    document = {
        "judul": "Edisi penghargaan Sinergi Kinerja Kecamatan (SKK) Provinsi Jawa Timur",
        "skema": file_url(site_url, "data/edisi.schema.json"),
        "lisensi": {"isi": CONTENT_LICENCE, "data_wilayah": REGION_LICENCE},
        "jumlah_edisi": len(catalogue.editions),
        "jumlah_baris": len(catalogue.rows),
        "edisi": [_edition_record(catalogue, edition, site_url) for edition in catalogue.editions],
    }
    return _indented_json("edisi", document, indent=2)


EDITION_CSV_COLUMNS = (
    "tahun",
    "nama_ajang",
    "peringkat",
    "peringkat_menurut_sumber",
    "kode_kecamatan",
    "kecamatan",
    "ejaan_sumber",
    "kode_kabupaten",
    "kabupaten",
    "camat",
    "nilai",
    "inovasi",
    "sumber",
    "url_edisi",
)


def _alternatives_text(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(f"{alt.value} ({', '.join(alt.source_ids)})" for alt in value)
    return "" if value is None else str(value)


def editions_csv(catalogue: Catalogue, site_url: str) -> bytes:
    """One row per ranking entry of every edition, through the same formula-safe cells as the catalogue."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EDITION_CSV_COLUMNS)
    for edition in catalogue.editions:
        sources = {source.id: source.url for source in edition.sources}
        for row in edition.rows:
            names = [inv.name for inv in catalogue.presented(row)] + [item.name for item in row.named_only]
            cells = [
                str(edition.year),
                edition.name or "",
                row.rank,
                _alternatives_text(row.place) if row.alternatives else row.rank,
                row.kecamatan.code if row.kecamatan else "",
                row.kecamatan.name if row.kecamatan else "",
                row.spelling or "",
                row.kabupaten.code,
                row.kabupaten.name,
                _alternatives_text(row.camat),
                "" if row.score is None else str(row.score),
                "; ".join(names),
                "; ".join(f"{source_id} {sources[source_id]}" for source_id in row.source_ids),
                absolute_url(site_url, urls.page_of(edition)),
            ]
            writer.writerow([spreadsheet_safe(cell) for cell in cells])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def feed_json(catalogue: Catalogue, site_url: str, site_name: str) -> str:
    """A JSON Feed 1.1 of innovations and coaching results, newest first, dated only from the data.

    JSON Feed (unlike Atom) lets an item go without a date: an award with no known date is not given one.
    """
    rounds = {item.id: item for item in catalogue.rounds}
    items: list[tuple[str, dict[str, Any]]] = []
    for inv in catalogue.innovations:
        best = inv.best_award
        item = {
            "id": absolute_url(site_url, urls.page_of(inv)),
            "url": absolute_url(site_url, urls.page_of(inv)),
            "title": f"{inv.name} — {inv.kecamatan.full_name}",
            "summary": inv.summary or "",
            "content_text": f"{best.label}. {inv.summary or ''}".strip(),
            "tags": [labels.SECTOR_LABELS[sector] for sector in inv.sectors],
        }
        if best.date:
            item["date_published"] = f"{best.date}T00:00:00+07:00"
        items.append((best.date or str(best.year), item))
        for result in inv.coaching:
            coaching_round = rounds[result.round_id]
            day = result.visit_date or coaching_round.end.isoformat()
            page = absolute_url(site_url, urls.page_of(inv))
            items.append(
                (
                    day,
                    {
                        "id": f"{page}#pembinaan-{result.round_id}",
                        "url": f"{page}#pembinaan-{result.round_id}",
                        "title": f"Hasil {coaching_round.name}: {inv.name}",
                        "content_text": "; ".join(result.findings) or labels.UNKNOWN,
                        "date_published": f"{day}T00:00:00+07:00",
                        "tags": ["Pembinaan"],
                    },
                )
            )
    for edition in (item for item in catalogue.editions if item.found):
        page = absolute_url(site_url, urls.page_of(edition))
        winners = ", ".join(
            f"Kecamatan {row.kecamatan.name}" if row.kecamatan else row.kabupaten.name for row in edition.winners
        )
        item = {
            "id": page,
            "url": page,
            "title": f"SKK {edition.year}: {edition.name}",
            "content_text": f"{len(edition.rows)} baris peringkat. Juara 1: {winners or 'tidak diketahui'}.",
            "tags": ["SKK"],
        }
        if edition.ceremony_date:
            item["date_published"] = f"{edition.ceremony_date}T00:00:00+07:00"
        items.append((edition.ceremony_date or str(edition.year), item))
    items.sort(key=lambda pair: (pair[0], pair[1]["id"]), reverse=True)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site_name,
        "home_page_url": site_url,
        "feed_url": file_url(site_url, FEED_PATH),
        "language": "id",
        "items": [item for _, item in items],
    }
    return _indented_json("feed", feed, indent=1)

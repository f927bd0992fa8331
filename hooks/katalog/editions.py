"""SKK editions (innovations/_skk/<tahun>.yml): read, check against the official region data, and build.

Every check runs on every file and all problems are reported together, each at its file and line.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .frontmatter import Document
from .model import (
    SINGLE_PLACES,
    Alternative,
    CitedText,
    Disputed,
    Edition,
    NamedInnovation,
    OtherAward,
    RankingRow,
    Source,
    Stage,
)
from .policy import date_id
from .problems import Problem, show
from .provenance import source_list_problems
from .regions import Kabupaten, Regions, locate_kecamatan

FieldPath = tuple[str | int, ...]


def load_edition(document: Document, file_stem: str, regions: Regions) -> tuple[Edition | None, list[Problem]]:
    """The edition of a schema-valid edition file, or every problem found in it."""
    rel = document.path
    problems: list[Problem] = []
    data = document.data
    if str(data["tahun"]) != file_stem:
        message = (
            f"tahun {data['tahun']} harus sama dengan nama berkas ({file_stem}.yml); "
            "edisi diberi tahun kinerja yang dinilai"
        )
        problems.append(Problem(rel, document.line_of(("tahun",)), "tahun", message))
    problems += _unfound_year_problems(document)
    problems += _stage_year_problems(document)
    problems += source_problems(document)
    problems += _disputed_problems(document)
    rows, found = _rows(document, regions)
    problems += found
    problems += _place_problems(document)
    problems += _group_problems(document)
    other_awards, found = _other_awards(document, regions)
    problems += found
    if problems:
        return None, problems
    return Edition(
        year=data["tahun"],
        name=data["nama"],
        names_in_sources=tuple(_cited(item, "nama") for item in data.get("nama_di_sumber", [])),
        organiser=_organiser(data.get("penyelenggara")),
        stages=tuple(_stage(item) for item in data.get("tahapan", [])),
        jury=tuple(_cited(item, "lembaga") for item in data.get("juri", [])),
        participants=(data.get("peserta") or {}).get("jumlah"),
        participants_note=_cited(data["peserta"], "jumlah") if data.get("peserta") else None,
        rows=tuple(sorted(rows, key=lambda row: row.rank_position)),
        other_awards=other_awards,
        unknowns=tuple(data.get("belum_diketahui", [])),
        sources=tuple(
            Source(item["id"], item["judul"], item["url"], item["penerbit"], item.get("tanggal"), item.get("catatan"))
            for item in data["sumber"]
        ),
        source_path=rel,
        complete_groups=tuple(_cited(item, "tempat") for item in data.get("kelompok_lengkap", [])),
    ), []


def _organiser(value: dict[str, Any] | None) -> CitedText | Disputed | None:
    if value is None or "beda_sumber" in value:
        return _value(value)
    return _cited(value, "nama")


def _unfound_year_problems(document: Document) -> list[Problem]:
    """A year searched and not found has no name, no rows and no sources, and says what was searched."""
    data = document.data
    if data["sumber"]:
        if data["nama"] is None:
            message = "belum diisi; tulis nama ajang yang dipakai sumber (null hanya untuk tahun tanpa sumber)"
            return [Problem(document.path, document.line_of(("nama",)), "nama", message)]
        return []
    problems = []
    if data["peringkat"]:
        message = "edisi tanpa sumber tidak boleh punya baris peringkat; setiap baris butuh sumber"
        problems.append(Problem(document.path, document.line_of(("peringkat",)), "peringkat", message))
    if not data.get("belum_diketahui"):
        message = "edisi tanpa sumber: tulis di belum_diketahui apa yang sudah dicari dan tidak ditemukan"
        problems.append(Problem(document.path, document.line_of(("sumber",)), "sumber", message))
    return problems


AWARD_STAGE = "penganugerahan"


def _stage_year_problems(document: Document) -> list[Problem]:
    """An edition is named after the year whose performance it assesses: its stages fall in that year, and the
    award in that year or early in the next (2011's was handed over on 2012-01-06, 2016's on 2017-04-27). A
    date outside is a mistyped year, or a stage filed under the wrong edition."""
    problems = []
    year = document.data["tahun"]
    for index, stage in enumerate(document.data.get("tahapan", [])):
        years = (year, year + 1) if stage["jenis"] == AWARD_STAGE else (year,)
        for key in ("mulai", "selesai"):
            for field, value in _stage_dates(stage.get(key), ("tahapan", index, key)):
                if int(value[:4]) in years:
                    continue
                allowed = f"tahun {year} atau {year + 1}" if len(years) == 2 else f"tahun {year}"
                what = "penganugerahan" if stage["jenis"] == AWARD_STAGE else "tahapan penilaian"
                message = (
                    f"tanggal {date_id(value)} di luar edisi {year}: {what} edisi {year} jatuh pada {allowed} "
                    "(edisi diberi tahun kinerja yang dinilai); periksa tahun tanggalnya, atau pindahkan tahapan ini "
                    "ke berkas edisinya"
                )
                problems.append(Problem(document.path, document.line_of(field), _label(field), message))
    return problems


def _stage_dates(value: Any, field: FieldPath) -> list[tuple[FieldPath, str]]:
    """A stage's date, or each date its sources give ({beda_sumber: [{nilai: …}]}), with where it is written."""
    if isinstance(value, str):
        return [(field, value)]
    if isinstance(value, dict):
        alternatives = value.get("beda_sumber", [])
        return [((*field, "beda_sumber", index, "nilai"), item["nilai"]) for index, item in enumerate(alternatives)]
    return []


def _cited(item: dict[str, Any], key: str) -> CitedText:
    return CitedText(str(item[key]) if item[key] is not None else "", tuple(item["sumber"]), item.get("keterangan"))


def _value(value: Any) -> Any:
    """A plain value, or the sources' alternatives when written as {beda_sumber: [...]}."""
    if isinstance(value, dict) and "beda_sumber" in value:
        return tuple(Alternative(item["nilai"], tuple(item["sumber"])) for item in value["beda_sumber"])
    return value


def _stage(item: dict[str, Any]) -> Stage:
    return Stage(
        kind=item["jenis"],
        start=_value(item.get("mulai")),
        end=item.get("selesai"),
        venue=_value(item.get("tempat")),
        handed_by=item.get("penyerah"),
        note=item.get("keterangan"),
        source_ids=tuple(item["sumber"]),
    )


def _rows(document: Document, regions: Regions) -> tuple[list[RankingRow], list[Problem]]:
    rows, problems = [], []
    seen: dict[str, int] = {}  # kecamatan code -> the line of its first row
    year = document.data["tahun"]
    for index, item in enumerate(document.data["peringkat"]):
        at: FieldPath = ("peringkat", index)
        kabupaten, found = _official_kabupaten(document, regions, item["kabupaten"], (*at, "kabupaten"))
        problems += found
        place = item.get("kecamatan")
        kecamatan = None
        if place is not None:
            kecamatan, key, message = locate_kecamatan(regions, place["kode"], place["nama"], item["kabupaten"])
            if kecamatan is None:
                field = (*at, "kecamatan", key) if key in place else (*at, "kabupaten")
                problems.append(Problem(document.path, document.line_of(field), _label(field), message))
            elif kecamatan.code in seen:
                message = (
                    f"Kecamatan {kecamatan.label} sudah punya baris peringkat di baris {seen[kecamatan.code]}; "
                    "satu baris per kecamatan"
                )
                field = (*at, "kecamatan", "kode")
                problems.append(Problem(document.path, document.line_of(field), _label(field), message))
            else:
                seen[kecamatan.code] = document.line_of((*at, "kecamatan", "kode"))
        if kabupaten is None or (place is not None and kecamatan is None):
            continue
        rows.append(
            RankingRow(
                year=year,
                place=_value(item["tempat"]),
                kecamatan=kecamatan,
                kabupaten=kabupaten,
                spelling=(place or {}).get("ejaan_sumber"),
                camat=_value(item.get("camat")),
                score=item.get("nilai"),
                named_innovations=tuple(
                    NamedInnovation(
                        named["nama"],
                        named.get("keterangan"),
                        tuple(named["sumber"]),
                        named.get("tulisan"),
                        document.line_of((*at, "inovasi", position, "tulisan")),
                    )
                    for position, named in enumerate(item.get("inovasi", []))
                ),
                source_ids=tuple(item["sumber"]),
            )
        )
    return rows, problems


def _official_kabupaten(
    document: Document, regions: Regions, name: str | None, field: FieldPath
) -> tuple[Kabupaten | None, list[Problem]]:
    if name is None:
        return None, []
    found = next((kab for kab in regions.kabupaten if kab.name == name), None)
    if found:
        return found, []
    similar = ", ".join(kab.name for kab in regions.similar_kabupaten(name))
    hint = f"; mungkin maksud Anda: {similar}" if similar else ""
    message = f"kabupaten/kota {show(name)} tidak dikenal; tulis nama resminya (mis. Kabupaten Malang, Kota Batu){hint}"
    return None, [Problem(document.path, document.line_of(field), _label(field), message)]


def _places_of(item: dict[str, Any]) -> list[str]:
    place = item["tempat"]
    return [alt["nilai"] for alt in place["beda_sumber"]] if isinstance(place, dict) else [place]


def _place_problems(document: Document) -> list[Problem]:
    """Juara 1 … Juara Harapan 4 at most once per edition (groups such as "7 besar" may repeat)."""
    problems = []
    first: dict[str, int] = {}  # place -> the line of its first row
    for index, item in enumerate(document.data["peringkat"]):
        for place in dict.fromkeys(_places_of(item)):
            if place not in SINGLE_PLACES:
                continue
            if place in first:
                field = ("peringkat", index, "tempat")
                message = (
                    f"peringkat {show(place)} sudah dipakai di baris {first[place]}; Juara 1 s.d. Juara Harapan 4 "
                    "hanya satu per edisi (kelompok seperti '7 besar' boleh berulang; "
                    "bila sumber berbeda, pakai beda_sumber)"
                )
                problems.append(Problem(document.path, document.line_of(field), _label(field), message))
            else:
                first[place] = document.line_of(("peringkat", index, "tempat"))
    return problems


def _group_problems(document: Document) -> list[Problem]:
    """A group the source lists completely ("7 besar", all seven named) has exactly that many rows in it:
    the rows placed in the group plus the rows with a single place (Juara 1 … Harapan 4), who are inside it."""
    problems = []
    rows = document.data["peringkat"]
    for index, group in enumerate(document.data.get("kelompok_lengkap", [])):
        size = int(group["tempat"].split()[0])
        members = sum(1 for item in rows if any(p == group["tempat"] or p in SINGLE_PLACES for p in _places_of(item)))
        if members != size:
            field = ("kelompok_lengkap", index, "tempat")
            message = (
                f"sumber menyebut {group['tempat']} lengkap, tetapi ada {members} baris di dalamnya "
                f"(baris '{group['tempat']}' ditambah Juara 1 s.d. Juara Harapan 4); samakan dengan {size}"
            )
            problems.append(Problem(document.path, document.line_of(field), _label(field), message))
    return problems


def _other_awards(document: Document, regions: Regions) -> tuple[tuple[OtherAward, ...], list[Problem]]:
    awards, problems = [], []
    for index, item in enumerate(document.data.get("penghargaan_lain", [])):
        kabupaten, found = _official_kabupaten(
            document, regions, item.get("kabupaten"), ("penghargaan_lain", index, "kabupaten")
        )
        problems += found
        awards.append(
            OtherAward(
                item["nama"],
                item["penerima"],
                kabupaten,
                item.get("peringkat"),
                tuple(item["sumber"]),
                item.get("keterangan"),
            )
        )
    return tuple(awards), problems


def _disputed_problems(document: Document) -> list[Problem]:
    """beda_sumber holds different values: the same value twice is one value with two sources."""
    problems = []
    for field, value in _walk(document.data, ()):
        if isinstance(value, dict) and isinstance(value.get("beda_sumber"), list):
            values = [str(alt.get("nilai")) for alt in value["beda_sumber"] if isinstance(alt, dict)]
            repeated = [item for item, count in Counter(values).items() if count > 1]
            if repeated:
                message = (
                    f"nilai {show(repeated[0])} ditulis dua kali di beda_sumber; gabungkan sumbernya dalam satu "
                    "butir (beda_sumber hanya untuk nilai yang berbeda)"
                )
                path = (*field, "beda_sumber")
                problems.append(Problem(document.path, document.line_of(path), _label(path), message))
    return problems


def source_problems(document: Document) -> list[Problem]:
    """Every cited id declared, every declared source cited, one id per source and one URL per source."""
    problems = []
    declared: dict[str, int] = {}
    for index, source in enumerate(document.data["sumber"]):
        source_id = source["id"]
        if source_id in declared:
            field: FieldPath = ("sumber", index, "id")
            message = f"id sumber {show(source_id)} dipakai dua kali"
            problems.append(Problem(document.path, document.line_of(field), _label(field), message))
        declared.setdefault(source_id, index)
    problems += source_list_problems(document)  # the same title and URL rules as every other file
    cited: set[str] = set()
    known = ", ".join(declared) or "belum ada"
    for field, value in _walk(document.data, ()):
        if field and field[-1] == "sumber" and field[0] != "sumber" and isinstance(value, list):
            for position, source_id in enumerate(value):
                cited.add(source_id)
                if source_id not in declared:
                    path = (*field, position)
                    message = f"sumber {show(source_id)} tidak ada di daftar sumber; yang ada: {known}"
                    problems.append(Problem(document.path, document.line_of(path), _label(path), message))
    for source_id, index in declared.items():
        if source_id not in cited:
            field = ("sumber", index, "id")
            message = f"sumber {show(source_id)} tidak pernah dirujuk; rujuk di baris yang dinyatakannya, atau hapus"
            problems.append(Problem(document.path, document.line_of(field), _label(field), message))
    return problems


def _walk(value: Any, field: FieldPath) -> list[tuple[FieldPath, Any]]:
    found = [(field, value)]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _walk(child, (*field, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _walk(child, (*field, index))
    return found


def _label(field: FieldPath) -> str:
    return ".".join(map(str, field))

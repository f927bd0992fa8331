"""Provenance checks: every fact names the source that states it, and every source is real and used.

A write-up's structured facts cite their sources in `rujukan` (field -> [ids], or `redaksi` for the
editors' own classification); a fact the sources disagree on is written `{beda_sumber: [...]}` and cites
inline. Prose fields carry [S1]-style citations. Sources have a real title, one id per URL, and each is
cited somewhere in its file. All checks read the front matter defensively: the schema may have refused it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .frontmatter import Document, FieldPath
from .model import KECAMATAN_ANSWER
from .policy import CITATION, citation_problems
from .problems import Problem, show

# Structured facts that need a `rujukan` entry when they hold a value (MODEL.md).
REFERENCED_FIELDS: tuple[str, ...] = (
    "nama",
    "akronim",
    "kepanjangan",
    "kecamatan",
    "tahun_mulai",
    "tahapan",
    "status",
    "klasifikasi.jenis",
    "klasifikasi.bentuk",
    "klasifikasi.sasaran",
    "klasifikasi.latar",
    "replikasi.kompleksitas",
    "replikasi.kelas_biaya",
    "replikasi.jenis_mitra",
)
# Facts the schema requires: when one is missing the schema says so, and its rujukan entry is not blamed.
REQUIRED_FACTS = frozenset({"nama", "kecamatan"})
# The editors may assign these themselves: `rujukan: {field: redaksi}`.
EDITORIAL_FIELDS = frozenset(
    {
        "klasifikasi.jenis",
        "klasifikasi.bentuk",
        "klasifikasi.sasaran",
        "klasifikasi.latar",
        "replikasi.kompleksitas",
        "replikasi.kelas_biaya",
        "replikasi.jenis_mitra",
    }
)
# Facts that may be written as {beda_sumber: [...]} when sources disagree.
CONFLICT_FIELDS = frozenset({"akronim", "kepanjangan", "tahun_mulai"})
EDITORIAL = "redaksi"
CONFLICT = "beda_sumber"

# Titles that name a place, not a page: "malangpagi.com", "https://…", "artikel 1602", "sumber 3", "judul".
_PLACEHOLDER_TITLES = (
    re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/?", re.IGNORECASE),
    re.compile(r"(?:https?://|www\.).*", re.IGNORECASE),
    re.compile(
        r"(?:[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\s+)?(?:artikel|berita|halaman|tulisan|laman|post|page)\s*"
        r"(?:no\.?\s*|#\s*)?\d+",
        re.IGNORECASE,
    ),
    re.compile(r"(?:[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\s+)?(?:sumber|source|s)\s*#?\s*\d+", re.IGNORECASE),
    re.compile(r"judul|tanpa judul|untitled|title|-|\?", re.IGNORECASE),
)
_PROSE_HINT = "teks ini belum merujuk sumber; tambahkan id sumber dalam kurung siku di akhir kalimatnya, mis. [S1]"


def value_at(data: dict[str, Any], dotted: str) -> Any:
    value: Any = data
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def is_conflict(value: object) -> bool:
    return isinstance(value, dict) and CONFLICT in value


def _has_value(value: object) -> bool:
    return value is not None and value != [] and value != ""


def _path(dotted: str) -> FieldPath:
    return tuple(dotted.split("."))


def declared_ids(data: dict[str, Any]) -> set[str]:
    sources = data.get("sumber")
    items = sources if isinstance(sources, list) else []
    return {item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _is_cited_id(field_path: FieldPath) -> bool:
    """An id in a `rujukan` list, or in any `sumber: [ids]` list (beda_sumber, nama_lain, skk, and fields this
    module does not know) but the file's own list of sources."""
    if len(field_path) < 2 or not isinstance(field_path[-1], int):
        return False
    if field_path[0] == "rujukan":
        return len(field_path) == 3
    return field_path[-2] == "sumber" and field_path[0] != "sumber"


def _is_source_note(field_path: FieldPath) -> bool:
    """A source's provenance note, which may cite another source ("the same release as [S2]")."""
    return len(field_path) == 3 and field_path[0] == "sumber" and field_path[2] == "catatan"


def cited_ids(document: Document) -> set[str]:
    """Every source id a file cites: [S1] in its body and texts, `rujukan` lists, any `sumber` list or id."""
    return _citations(document)[0]


def _citations(document: Document) -> tuple[set[str], list[tuple[FieldPath, int, str]]]:
    """What a file cites, in one pass over its texts (gathered while parsing): the ids it names, and where each
    id of a `sumber` or `rujukan` list is written (to check that it is declared)."""
    cited = set(CITATION.findall(document.body))
    listed = []
    for field_path, line, text in document.texts:
        if _is_cited_id(field_path):
            cited.add(text)
            listed.append((field_path, line, text))
        elif "[" in text and (field_path[0] != "sumber" or _is_source_note(field_path)):
            cited.update(CITATION.findall(text))
    return cited, listed


def reference_problems(document: Document) -> list[Problem]:
    """`rujukan` covers exactly the structured facts that hold a value, with sources or `redaksi`."""
    data, path = document.data, document.path
    references = data.get("rujukan")
    references = references if isinstance(references, dict) else {}
    problems = []
    allowed = ", ".join(REFERENCED_FIELDS)
    for key, entry in references.items():
        line = document.line_of(("rujukan", key))
        label = f"rujukan.{key}"
        if key not in REFERENCED_FIELDS:
            message = f"kolom {show(key)} tidak memerlukan rujukan di sini; kolom yang dirujuk: {allowed}"
            problems.append(Problem(path, line, label, message))
            continue
        value = value_at(data, key)
        if is_conflict(value):
            message = f"{key} ditulis sebagai beda_sumber dan sudah membawa sumbernya sendiri; hapus entri ini"
            problems.append(Problem(path, line, label, message))
        elif not _has_value(value) and not (key in REQUIRED_FACTS and key not in data):
            message = f"{key} kosong (null atau belum diketahui), jadi tidak perlu rujukan; hapus entri ini"
            problems.append(Problem(path, line, label, message))
        elif entry == EDITORIAL and key not in EDITORIAL_FIELDS:
            editorial = ", ".join(sorted(EDITORIAL_FIELDS))
            message = (
                f"'redaksi' (klasifikasi penyunting) tidak boleh untuk {key}; sebutkan sumbernya, mis. [S1]. "
                f"'redaksi' hanya untuk: {editorial}"
            )
            problems.append(Problem(path, line, label, message))
    for key in REFERENCED_FIELDS:
        value = value_at(data, key)
        if _has_value(value) and not is_conflict(value) and key not in references:
            how = "[S1]" if key not in EDITORIAL_FIELDS else "[S1] atau redaksi (klasifikasi penyunting)"
            message = f"fakta ini belum punya rujukan; tambahkan di bagian rujukan: '{key}: {how}'"
            problems.append(Problem(path, document.line_of(_path(key)), key, message))
    return problems


def conflict_problems(document: Document) -> list[Problem]:
    """{beda_sumber: [...]} only where allowed, with distinct values."""
    problems = []
    for key, value in _conflicts(document.data):
        line = document.line_of(_path(key))
        if key not in CONFLICT_FIELDS:
            allowed = ", ".join(sorted(CONFLICT_FIELDS))
            message = f"beda_sumber tidak diizinkan pada {key}; yang boleh: {allowed}"
            problems.append(Problem(document.path, line, key, message))
            continue
        items = value.get(CONFLICT)
        values = [item.get("nilai") for item in items if isinstance(item, dict)] if isinstance(items, list) else []
        if len({repr(item) for item in values}) < len(values):
            message = "nilai di beda_sumber harus berbeda satu sama lain; gabungkan sumbernya dalam satu nilai"
            problems.append(Problem(document.path, line, f"{key}.{CONFLICT}", message))
    return problems


def _conflicts(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for key, value in data.items():
        if is_conflict(value):
            yield key, value
        elif isinstance(value, dict) and key in ("klasifikasi", "replikasi", "kecamatan"):
            for inner, item in value.items():
                if is_conflict(item):
                    yield f"{key}.{inner}", item


def prose_problems(document: Document, fields: list[tuple[FieldPath, str]]) -> list[Problem]:
    """Each prose field states where it comes from: at least one [S1]-style citation."""
    problems = []
    for field_path, text in fields:
        if text.strip() and not CITATION.search(text):
            label = ".".join(map(str, field_path))
            problems.append(Problem(document.path, document.line_of(field_path), label, _PROSE_HINT))
    return problems


def source_list_problems(document: Document) -> list[Problem]:
    """A file's `sumber` list, whatever the file (write-up, coaching result, round, edition): real titles, and one
    id per URL (a trailing slash is the same URL)."""
    path = document.path
    sources = document.data.get("sumber")
    problems = []
    ids_by_url: dict[str, str] = {}
    for index, item in enumerate(sources if isinstance(sources, list) else []):
        if not isinstance(item, dict):
            continue
        title, source_id = item.get("judul"), item.get("id")
        url = item.get("url") if "url" in item else item.get("berkas")  # an answer's file stands for its address
        problems += _origin_problems(document, index, item)
        if isinstance(title, str) and is_placeholder_title(title):
            message = (
                f"judul {show(title)} bukan judul dokumen; tulis judul jawabannya, mis. 'Jawaban Kecamatan "
                "Contoh atas kuesioner katalog'"
                if item.get("jenis") == KECAMATAN_ANSWER
                else f"judul {show(title)} bukan judul halaman; salin judul tulisan persis seperti di halaman sumbernya"
            )
            problems.append(
                Problem(path, document.line_of(("sumber", index, "judul")), f"sumber.{index}.judul", message)
            )
        if isinstance(url, str) and isinstance(source_id, str):
            key = url.strip().rstrip("/")
            if key in ids_by_url and ids_by_url[key] != source_id:
                message = (
                    f"alamat ini sudah dipakai sumber {ids_by_url[key]}; satu alamat = satu id sumber, "
                    f"rujuk {ids_by_url[key]} saja"
                )
                field = "url" if "url" in item else "berkas"
                problems.append(
                    Problem(path, document.line_of(("sumber", index, field)), f"sumber.{index}.{field}", message)
                )
            ids_by_url.setdefault(key, source_id)
    return problems


# A source says where it can be read and who published it; this is the one place that says how.
# Where: a web page (`url`), or a document kept in the repository (`berkas`, a kecamatan's written answer).
WHERE_FIELDS = ("url", "berkas")
# Who: the medium or institution that published it (a kecamatan, for its own written answer), by name.
WHO_FIELDS = ("penerbit",)
# Publishers that name no one: "-", "?", "tidak diketahui", "n/a", "anonim", "penerbit" …
_NO_PUBLISHER = re.compile(
    r"[-–—?.\s]+|(?:tidak|belum|tak)\s+(?:ada|diketahui|jelas|tercantum|disebut)|tanpa\s+(?:nama|penerbit)|"
    r"anonim|n/?a|none|null|nil|unknown|penerbit|publisher|media|situs|website",
    re.IGNORECASE,
)


def _origin_problems(document: Document, index: int, item: dict[str, Any]) -> list[Problem]:
    """Where the source can be read and who published it, each a real answer: a web address that names a
    site (or a file, for a source kept in the repository), a publisher that names someone. A key left null
    answers nothing. (The schema requires the keys too: load.py reports a field once.)"""
    problems = []
    at: FieldPath = ("sumber", index)
    line, label = document.line_of(at), f"sumber.{index}"
    # a kecamatan's answer without its file is answer_problems' to report, with the answer's own wording
    if item.get("jenis") != KECAMATAN_ANSWER and all(item.get(key) is None for key in WHERE_FIELDS):
        message = "sumber ini tidak menyebut di mana dapat dibaca; tulis alamat halamannya di url (https://…)"
        problems.append(Problem(document.path, line, label, message))
    if all(item.get(key) is None for key in WHO_FIELDS):
        message = "sumber ini tidak menyebut penerbitnya; tulis nama media atau lembaganya di penerbit"
        problems.append(Problem(document.path, line, label, message))
    url = item.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")) and not _has_host(url):
        message = (
            f"alamat {show(url)} tidak menunjuk halaman mana pun; salin alamat lengkap halaman sumbernya dari "
            "peramban, mis. https://jpipnetwork.id/?p=1709"
        )
        problems.append(Problem(document.path, document.line_of((*at, "url")), f"{label}.url", message))
    for key in WHO_FIELDS:
        publisher = item.get(key)
        if isinstance(publisher, str) and _NO_PUBLISHER.fullmatch(publisher.strip()):
            message = (
                f"penerbit {show(publisher)} tidak menyebut siapa pun; tulis nama media atau lembaga yang "
                'menerbitkan sumber ini, mis. "JPIP (The Jawa Pos Institute of Pro Otonomi)" atau "Kecamatan Junrejo"'
            )
            problems.append(Problem(document.path, document.line_of((*at, key)), f"{label}.{key}", message))
    return problems


def _has_host(url: str) -> bool:
    """A web address names a site: a host with a dot in it ("https://" or "https://-" name none)."""
    match = _HOST.match(url.strip())
    name = match.group(1).rsplit("@", 1)[-1].split(":", 1)[0].strip(".") if match else ""
    return "." in name and all(name.split("."))


_HOST = re.compile(r"https?://([^/?#\s]*)", re.IGNORECASE)


def source_problems(document: Document) -> list[Problem]:
    """Real titles, one id per URL, every declared source cited, every cited id declared."""
    data, path = document.data, document.path
    sources = data.get("sumber")
    items = [item for item in sources if isinstance(item, dict)] if isinstance(sources, list) else []
    declared = declared_ids(data)
    known = ", ".join(sorted(declared)) or "belum ada"
    problems = source_list_problems(document)
    cited, listed = _citations(document)
    for field_path, line, named in listed:
        if named not in declared:
            message = f"sumber {show(named)} tidak ada di daftar sumber; yang ada: {known}"
            problems.append(Problem(path, line, ".".join(map(str, field_path)), message))
    for field_path, line, note in document.texts:
        if _is_source_note(field_path):
            problems += citation_problems(note, line, path, declared, ".".join(map(str, field_path)))
    for index, item in enumerate(items):
        source_id = item.get("id")
        if isinstance(source_id, str) and source_id not in cited:
            message = (
                f"sumber {source_id} tidak pernah dirujuk; rujuk di teks ([{source_id}]), di rujukan, "
                "atau hapus dari daftar sumber"
            )
            problems.append(Problem(path, document.line_of(("sumber", index, "id")), f"sumber.{index}.id", message))
    return problems


def answer_problems(document: Document, attachments: tuple[str, ...] | None) -> list[Problem]:
    """A kecamatan's written answer (`jenis: jawaban-kecamatan`) is a file published beside the write-up, cited
    by `berkas` instead of a web address; a web source has no `berkas` or `penjawab`. `attachments`: the vetted
    files of the folder, or None for a file that has no folder of its own (a round), where no answer can be kept."""
    sources = document.data.get("sumber")
    problems = []
    for index, item in enumerate(sources if isinstance(sources, list) else []):
        if isinstance(item, dict):
            found = _answer_problems(item, attachments)
            problems += [
                Problem(document.path, document.line_of(("sumber", index, key)), f"sumber.{index}.{key}", message)
                for key, message in found
            ]
    return problems


def _answer_problems(item: dict[str, Any], attachments: tuple[str, ...] | None) -> list[tuple[str, str]]:
    """(key, message) for each problem of one source with the answer's keys."""
    if item.get("jenis") != KECAMATAN_ANSWER:
        hint = f"tambahkan 'jenis: {KECAMATAN_ANSWER}' atau hapus"
        return [
            (key, f"{key} hanya untuk jawaban tertulis kecamatan; {hint} {key}")
            for key in ("berkas", "penjawab")
            if item.get(key) is not None  # a new write-up's scaffold writes them as null
        ]
    if attachments is None:
        message = (
            "jawaban tertulis kecamatan disimpan di folder tulisan inovasinya; rujuk dari tulisan inovasi "
            "atau hasil pembinaannya, bukan dari berkas ini"
        )
        return [("jenis", message)]
    blanks = {
        "berkas": "nama berkas jawaban belum diisi; tulis nama berkasnya di folder ini, mis. jawaban-kecamatan.pdf",
        "penjawab": "penjawab belum diisi; tulis jabatan yang menjawab atas nama kecamatan",
        "tanggal": "tanggal jawaban belum diisi; tulis tanggal kecamatan memberikan jawaban ini (YYYY-MM-DD)",
    }
    problems = [(key, message) for key, message in blanks.items() if key in item and item[key] is None]
    if "url" in item:
        message = (
            "jawaban tertulis kecamatan dirujuk lewat berkas di folder tulisan, bukan alamat web; hapus url, "
            "atau hapus jenis bila sumber ini terbit di web"
        )
        problems.append(("url", message))
    name = item.get("berkas")
    if isinstance(name, str) and name not in attachments:
        known = ", ".join(sorted(attachments)) or "belum ada"
        message = (
            f"berkas {show(name)} tidak ada di folder ini; letakkan jawaban kecamatan (PDF atau gambar "
            f"pindaian) di samping tulisan ini; berkas yang ada: {known}"
        )
        problems.append(("berkas", message))
    return problems


def is_placeholder_title(title: str) -> bool:
    text = title.strip()
    return any(pattern.fullmatch(text) for pattern in _PLACEHOLDER_TITLES)


def visit_report_problems(document: Document) -> list[Problem]:
    """`laporan_kunjungan: tidak-ada` means the source reports nothing for this visit: no findings, no plan."""
    data = document.data
    if data.get("laporan_kunjungan") != "tidak-ada":
        return []
    problems = []
    for key in ("temuan", "rencana_pengembangan"):
        if _has_value(data.get(key)):
            message = (
                "laporan_kunjungan: tidak-ada berarti sumber tidak melaporkan temuan atau rencana untuk kunjungan "
                f"ini; kosongkan {key} ({key}: []) atau ubah menjadi laporan_kunjungan: ada"
            )
            problems.append(Problem(document.path, document.line_of((key,)), key, message))
    return problems

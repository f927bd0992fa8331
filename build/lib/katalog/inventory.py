"""Every file under innovations/ accounted for before anything is read or published.

A file is a write-up (<id>/index.md), a coaching result (<id>/pembinaan-<putaran>.md), a round
(_pembinaan/<putaran>.yml), an SKK edition (_skk/<tahun>.yml), a schema (_skema/<nama>.schema.json), or an
attachment beside a write-up of an
allowed type: a raster image or a PDF, under its size cap, whose first bytes say it is what its name says.
Anything else, and any symbolic link, is refused with its path and what to do instead. Nothing is followed:
entries are examined with lstat, so a link to /proc/self/environ is never opened.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .frontmatter import FORBIDDEN_CHARACTER
from .problems import Problem, show, visible

SCHEMA_DIR = "_skema"
ROUNDS_DIR = "_pembinaan"
EDITIONS_DIR = "_skk"
EDITION_FILE = re.compile(r"(?:19|20)[0-9]{2}\.yml")
WRITE_UP = "index.md"
COACHING_FILE = re.compile(r"pembinaan-([a-z0-9]+(?:-[a-z0-9]+)*)\.md")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ROUND_FILE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.yml")
SCHEMA_FILE = re.compile(r"[a-z]+\.schema\.json")
ATTACHMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*")
MAX_NAME_BYTES = 100

MB = 1_000_000
# extension -> (what it is, size cap, the first bytes every such file starts with)
ATTACHMENT_TYPES: dict[str, tuple[str, int, tuple[bytes, ...]]] = {
    ".png": ("gambar PNG", 2 * MB, (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("gambar JPEG", 2 * MB, (b"\xff\xd8\xff",)),
    ".jpeg": ("gambar JPEG", 2 * MB, (b"\xff\xd8\xff",)),
    ".webp": ("gambar WebP", 2 * MB, (b"RIFF",)),
    ".gif": ("gambar GIF", 2 * MB, (b"GIF87a", b"GIF89a")),
    ".pdf": ("dokumen PDF", 5 * MB, (b"%PDF-",)),
}
IMAGE_SUFFIXES = frozenset(suffix for suffix, (kind, _, _) in ATTACHMENT_TYPES.items() if kind.startswith("gambar"))
ALLOWED_ATTACHMENTS = "gambar .png, .jpg, .webp, .gif (maks. 2 MB) atau dokumen .pdf (maks. 5 MB)"


@dataclass
class Folder:
    """One write-up folder: its write-up (if any), coaching results and vetted attachments."""

    path: Path
    write_up: Path | None = None
    results: list[Path] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    write_up_refused: bool = False  # an index.md is there but refused (a symlink): its results are not orphans


@dataclass
class Inventory:
    rounds: list[Path] = field(default_factory=list)
    round_ids: set[str] = field(default_factory=set)  # every round file, valid or not
    folders: list[Folder] = field(default_factory=list)
    editions: list[Path] = field(default_factory=list)


def take_inventory(content_dir: Path, root: Path) -> tuple[Inventory, list[Problem]]:
    inventory = Inventory()
    problems: list[Problem] = []
    for entry in _entries(content_dir, root, problems):
        name, rel = entry.name, _rel(entry, root)
        if entry.is_dir(follow_symlinks=False):
            if name == SCHEMA_DIR:
                problems += _only(entry, root, SCHEMA_FILE, "skema bernama <nama>.schema.json")
            elif name == ROUNDS_DIR:
                _rounds(entry, root, inventory, problems)
            elif name == EDITIONS_DIR:
                _editions(entry, root, inventory, problems)
            elif SLUG.fullmatch(name) and len(name) <= MAX_NAME_BYTES:
                folder = _folder(Path(entry.path), root, problems)
                inventory.folders.append(folder)
            else:
                message = (
                    f"nama folder {show(name)} tidak dapat menjadi id inovasi; pakai huruf kecil, angka, dan '-' "
                    "saja (mis. lansia-smart), dan pindahkan berkasnya ke sana"
                )
                problems.append(Problem(rel + "/", 0, "", message))
        elif name.endswith(".md") and SLUG.fullmatch(name[:-3]):
            message = (
                f"tulisan inovasi harus berada di foldernya sendiri: pindahkan berkas ini ke "
                f"innovations/{name[:-3]}/index.md"
            )
            problems.append(Problem(rel, 0, "", message))
        else:
            message = (
                "berkas tidak dikenal di innovations/; setiap inovasi berada di foldernya sendiri "
                "(innovations/<id>/index.md) — pindahkan atau hapus berkas ini"
            )
            problems.append(Problem(rel, 0, "", message))
    return inventory, problems


def _rel(entry: os.DirEntry[str] | Path, root: Path) -> str:
    """The path for messages: a name's invisible characters and bytes that are not UTF-8 spelled out."""
    rel = os.path.relpath(entry, root).replace(os.sep, "/")
    return rel if rel.isascii() and rel.isprintable() else visible(rel)


def _entries(folder: Path, root: Path, problems: list[Problem]) -> list[os.DirEntry[str]]:
    """The folder's entries, sorted; symbolic links and anything that is neither file nor folder refused."""
    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    kept = []
    for entry in entries:
        if FORBIDDEN_CHARACTER.search(entry.name):  # bytes that are not UTF-8, controls, bidi overrides
            message = (
                f"nama {show(entry.name)} berisi karakter yang tidak diizinkan; ganti namanya dengan huruf, "
                "angka, '-' atau '_' saja"
            )
            problems.append(Problem(_rel(entry, root), 0, "", message))
        elif entry.is_symlink():
            message = (
                "tautan simbolik (symlink) tidak diizinkan di innovations/; "
                "salin berkasnya ke sini sebagai berkas biasa"
            )
            problems.append(Problem(_rel(entry, root), 0, "", message))
        elif entry.is_dir(follow_symlinks=False) or entry.is_file(follow_symlinks=False):
            kept.append(entry)
        else:
            problems.append(Problem(_rel(entry, root), 0, "", "bukan berkas biasa; hapus dari innovations/"))
    return kept


def _only(folder: os.DirEntry[str], root: Path, name: re.Pattern[str], what: str) -> list[Problem]:
    problems: list[Problem] = []
    for entry in _entries(Path(folder.path), root, problems):
        if not (entry.is_file(follow_symlinks=False) and name.fullmatch(entry.name)):
            message = f"hanya {what} yang boleh ada di innovations/{folder.name}/; pindahkan atau hapus berkas ini"
            problems.append(Problem(_rel(entry, root), 0, "", message))
    return problems


def _rounds(folder: os.DirEntry[str], root: Path, inventory: Inventory, problems: list[Problem]) -> None:
    for entry in _entries(Path(folder.path), root, problems):
        rel = _rel(entry, root)
        if entry.is_file(follow_symlinks=False) and ROUND_FILE.fullmatch(entry.name):
            inventory.rounds.append(Path(entry.path))
            inventory.round_ids.add(entry.name.removesuffix(".yml"))
        elif entry.name.endswith(".yaml"):
            stem = entry.name.removesuffix(".yaml")
            message = (
                f"berkas putaran berakhiran .yml, bukan .yaml: "
                f"ganti namanya menjadi innovations/{ROUNDS_DIR}/{stem}.yml"
            )
            problems.append(Problem(rel, 0, "", message))
        else:
            message = (
                f"hanya data putaran bernama <putaran>.yml (huruf kecil, angka, '-') yang boleh ada di "
                f"innovations/{ROUNDS_DIR}/; pindahkan atau hapus berkas ini"
            )
            problems.append(Problem(rel, 0, "", message))


def _editions(folder: os.DirEntry[str], root: Path, inventory: Inventory, problems: list[Problem]) -> None:
    for entry in _entries(Path(folder.path), root, problems):
        if entry.is_file(follow_symlinks=False) and EDITION_FILE.fullmatch(entry.name):
            inventory.editions.append(Path(entry.path))
        else:
            message = (
                f"hanya data edisi SKK bernama <tahun>.yml (mis. 2023.yml) yang boleh ada di "
                f"innovations/{EDITIONS_DIR}/; pindahkan atau hapus berkas ini"
            )
            problems.append(Problem(_rel(entry, root), 0, "", message))


def _folder(path: Path, root: Path, problems: list[Problem]) -> Folder:
    folder = Folder(path, write_up_refused=(path / WRITE_UP).is_symlink())
    for entry in _entries(path, root, problems):
        rel, name = _rel(entry, root), entry.name
        if entry.is_dir(follow_symlinks=False):
            message = (
                "folder di dalam folder inovasi tidak diizinkan; letakkan lampiran langsung di "
                f"innovations/{path.name}/ (hasil pembinaan: berkas pembinaan-<putaran>.md, bukan folder)"
            )
            problems.append(Problem(rel + "/", 0, "", message))
        elif name == WRITE_UP:
            folder.write_up = Path(entry.path)
        elif COACHING_FILE.fullmatch(name):
            folder.results.append(Path(entry.path))
        elif name.endswith(".md"):
            message = (
                "nama berkas tidak dikenal; tulisan inovasi bernama index.md, hasil pembinaan pembinaan-<putaran>.md"
            )
            problems.append(Problem(rel, 0, "", message))
        else:
            problem = attachment_problem(Path(entry.path), rel)
            if problem:
                problems.append(problem)
            else:
                folder.attachments.append(name)
    return folder


def attachment_problem(file: Path, rel: str) -> Problem | None:
    """Why a file beside a write-up may not be published, or None when it may."""
    name = file.name
    suffix = file.suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        message = (
            f"jenis berkas {show(suffix or name)} tidak diterbitkan (HTML, SVG, dan skrip tidak pernah); "
            f"lampiran yang boleh: {ALLOWED_ATTACHMENTS}"
        )
        return Problem(rel, 0, "", message)
    if len(name.encode()) > MAX_NAME_BYTES or not ATTACHMENT_NAME.fullmatch(name):
        message = (
            f"nama lampiran tidak aman untuk alamat web; pakai huruf, angka, '-' dan '_' saja, paling panjang "
            f"{MAX_NAME_BYTES} karakter (mis. foto-kegiatan{suffix})"
        )
        return Problem(rel, 0, "", message)
    kind, cap, magic = ATTACHMENT_TYPES[suffix]
    status = file.lstat()  # never followed: the inventory already refused symlinks
    if not stat.S_ISREG(status.st_mode):
        return Problem(rel, 0, "", "bukan berkas biasa; hapus dari innovations/")
    size = status.st_size
    if size > cap:
        return Problem(rel, 0, "", f"{kind} terlalu besar ({size // 1000} KB); batasnya {cap // MB} MB — perkecil dulu")
    with os.fdopen(os.open(file, os.O_RDONLY | os.O_NOFOLLOW), "rb") as handle:
        head = handle.read(16)
    if not head.startswith(magic) or (suffix == ".webp" and head[8:12] != b"WEBP"):
        message = f"isi berkas bukan {kind} seperti namanya; simpan ulang sebagai {kind} asli, atau ganti ekstensinya"
        return Problem(rel, 0, "", message)
    return None

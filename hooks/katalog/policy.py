"""Checks on a write-up's Markdown body: raw HTML allow-list, safe link schemes, citations, local files
and links, and template hints left unfilled.

Contributor text is data. The build refuses what is not allowed (with the line), and the hook also
sanitises the rendered HTML with nh3 as a second line of defence.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from .frontmatter import FieldPath
from .problems import Problem

# Tags a write-up may use as raw HTML, with the attributes each may carry.
ALLOWED_HTML: dict[str, frozenset[str]] = {
    "abbr": frozenset({"title"}),
    "br": frozenset(),
    "sub": frozenset(),
    "sup": frozenset(),
    "kbd": frozenset(),
    "mark": frozenset(),
    "small": frozenset(),
    "figure": frozenset(),
    "figcaption": frozenset(),
    "img": frozenset({"src", "alt", "width", "height"}),
    "details": frozenset({"open"}),
    "summary": frozenset(),
}
SAFE_SCHEMES = ("http", "https", "mailto")
CITATION = re.compile(r"\[(S[A-Za-z0-9]{1,7})\](?![(\[:])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")  # opening tags: a lone closing tag runs nothing
_MD_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
# The scaffold (scripts/baru.py) starts each body section with a line "ISI: <what to write>".
TEMPLATE_HINT = re.compile(r"^\s*ISI:")
_UNFILLED_HINT = "petunjuk templat 'ISI: …' belum diganti; tulis isinya dengan kata-kata sendiri dan rujuk sumbernya"


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code blocks, with code spans blanked: code is shown, never interpreted."""
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield first_line + offset, _CODE_SPAN.sub("``", line)


class _AttributeReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes = [(name, value or "") for name, value in attrs]


def _tag_attributes(tag_text: str) -> list[tuple[str, str]]:
    reader = _AttributeReader()
    reader.feed(tag_text)
    reader.close()
    return reader.attributes


def _unsafe_scheme(url: str) -> str | None:
    match = _SCHEME.match(url.replace("\t", "").replace("\n", ""))
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return match.group(1).lower()
    return None


def body_problems(body: str, first_line: int, path: str, source_ids: set[str], folder: Path) -> list[Problem]:
    problems: list[Problem] = []
    allowed_tags = ", ".join(f"<{tag}>" for tag in ALLOWED_HTML)
    for line_number, line in prose_lines(body, first_line):
        # Most prose lines hold no markup at all: each scan runs only where its opening character occurs.
        has_angle, has_link = "<" in line, "](" in line
        for match in _TAG.finditer(line) if has_angle else ():
            tag = match.group(1).lower()
            if tag not in ALLOWED_HTML:
                message = f"tag HTML <{tag}> tidak diizinkan; pakai Markdown, atau salah satu tag: {allowed_tags}"
                problems.append(Problem(path, line_number, "", message))
                continue
            for name, value in _tag_attributes(match.group(0)):
                if name.startswith("on"):
                    message = f"atribut {name}= (menjalankan skrip) tidak diizinkan pada <{tag}>"
                elif name not in ALLOWED_HTML[tag]:
                    permitted = ", ".join(sorted(ALLOWED_HTML[tag])) or "tidak ada"
                    message = f"atribut {name}= tidak diizinkan pada <{tag}>; atribut yang boleh: {permitted}"
                elif (scheme := _unsafe_scheme(value)) is not None:
                    message = (
                        f"alamat dengan skema '{scheme}:' tidak diizinkan; pakai https:// atau berkas di folder ini"
                    )
                else:
                    if tag == "img" and name == "src":
                        problems += _missing_file(value, folder, path, line_number)
                    continue
                problems.append(Problem(path, line_number, "", message))
        links = (*(_MD_LINK.finditer(line) if has_link else ()), *(_AUTOLINK.finditer(line) if has_angle else ()))
        for match in links:
            url = match.group(2) if match.re is _MD_LINK else match.group(1)
            scheme = _unsafe_scheme(url)
            if scheme is not None:
                message = (
                    f"tautan dengan skema '{scheme}:' tidak diizinkan; "
                    "pakai https://, mailto:, atau tautan ke halaman katalog"
                )
                problems.append(Problem(path, line_number, "", message))
            elif match.re is _MD_LINK and match.group(1) == "!":
                problems += _missing_file(url, folder, path, line_number)
            elif match.re is _MD_LINK:
                problems += _missing_link(url, folder, path, line_number)
        if TEMPLATE_HINT.match(line):
            problems.append(Problem(path, line_number, "", _UNFILLED_HINT))
        if "[" in line:
            problems += citation_problems(line, line_number, path, source_ids)
    return problems


def citation_problems(text: str, line: int, path: str, source_ids: set[str], field: str = "") -> list[Problem]:
    """Every [S1]-style citation must name a source in the file's own list."""
    problems = []
    for cited in CITATION.findall(text):
        if cited not in source_ids:
            known = ", ".join(sorted(source_ids)) or "belum ada"
            message = f"rujukan [{cited}] tidak ada di daftar sumber; sumber yang ada: {known}"
            problems.append(Problem(path, line, field, message))
    return problems


def _missing_file(url: str, folder: Path, path: str, line: int) -> list[Problem]:
    if _SCHEME.match(url) or url.startswith(("/", "#")):
        return []
    target = url.split("#", 1)[0].split("?", 1)[0]
    if target and not (folder / target).is_file():
        return [
            Problem(
                path,
                line,
                "",
                f"berkas gambar '{target}' tidak ada di folder {folder.name}/; unggah berkasnya atau perbaiki namanya",
            )
        ]
    return []


def _missing_link(url: str, folder: Path, path: str, line: int) -> list[Problem]:
    """A relative link must reach a file that is published beside the page: in this write-up's folder or
    another write-up's (innovations/<id>/ is served as inovasi/<id>/, so relative links work in both)."""
    if _SCHEME.match(url) or url.startswith(("/", "#")):
        return []  # other sites, and pages of the site itself (MkDocs checks those in the build)
    target = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not target:
        return []
    content_dir = folder.parent
    resolved = Path(os.path.normpath(folder / target))
    parts = resolved.relative_to(content_dir).parts if resolved.is_relative_to(content_dir) else ()
    published = len(parts) >= 2 and not any(part[0] in "._" for part in parts)
    if published and resolved.suffix == ".md" and resolved.name != "index.md" and resolved.is_file():
        message = (
            f"tautan '{url}' menuju berkas yang tidak terbit sebagai halaman; hasil pembinaan tampil di profil "
            "inovasinya, jadi tautkan ke '../<id>/index.md#pembinaan-<putaran>'"
        )
        return [Problem(path, line, "", message)]
    if published and resolved.is_file():
        return []
    hint = ""
    if len(parts) >= 2 and not (content_dir / parts[0]).is_dir():
        folders = [item.name for item in content_dir.iterdir() if item.is_dir() and item.name[0] not in "._"]
        close = difflib.get_close_matches(parts[0], folders, n=1, cutoff=0.6)
        hint = f" (mungkin maksud Anda '../{close[0]}/index.md'?)" if close else ""
    message = (
        f"tautan '{url}' tidak menuju berkas yang ada{hint}; tautan ke inovasi lain ditulis '../<id>/index.md', "
        "ke berkas lampiran cukup namanya (unggah berkasnya ke folder ini)"
    )
    return [Problem(path, line, "", message)]


def missing_sections(body: str, required: tuple[str, ...]) -> list[str]:
    headings = {match.strip().lower() for match in re.findall(r"^##\s+(.+?)\s*#*\s*$", body, flags=re.MULTILINE)}
    return [section for section in required if section.lower() not in headings]


_ANY_TAG = re.compile(r"<\s*/?\s*[A-Za-z!]")


def front_matter_problems(data: object, path: str, line_of: Callable[[FieldPath], int]) -> list[Problem]:
    """Front-matter values are plain text: any HTML tag in them is refused (it would be shown, never run)."""
    problems = []
    for field_path, value in _strings(data, ()):
        if _ANY_TAG.search(value):
            label = ".".join(str(part) for part in field_path)
            message = "teks di front matter tidak boleh berisi tag HTML (<…>); tulis sebagai teks biasa"
            problems.append(Problem(path, line_of(field_path), label, message))
    return problems


def _strings(value: object, field_path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        yield field_path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*field_path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*field_path, index))

"""Checks on a write-up's Markdown body: raw HTML allow-list, safe link schemes, citations, local files
and links, and template hints left unfilled.

Contributor text is data. The build refuses what is not allowed (with the line), and the hook also
sanitises the rendered HTML with nh3 as a second line of defence.
"""

from __future__ import annotations

import difflib
import html
import os
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from babel.dates import format_date

from .frontmatter import FieldPath
from .inventory import IMAGE_SUFFIXES, MAX_NAME_BYTES
from .problems import Problem, show, visible

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
FENCE = re.compile(r"^\s*(```|~~~)")  # a line opening or closing fenced code
_CODE_SPAN = re.compile(r"`+[^`]*`+")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")  # opening tags: a lone closing tag runs nothing
_MD_LINK = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)")  # [label]: url
_REFERENCE_USE = re.compile(r"(!?)\[([^\]]*)\](?:\[([^\]]*)\])?(?![(:])")
# attr_list: "## Judul { #id }", "[a](b){ onclick=x }": a brace group made only of .class, #id and key=value
_BRACES = re.compile(r"\{:?([^{}]*)\}")
_ATTRIBUTE = re.compile(r"""[.#][\w-]+|[\w:-]+=(?:"[^"]*"|'[^']*'|\S+)""")
# Python-Markdown looks for the "]" closing every "[" across the rest of its paragraph: an unclosed "[" costs
# the length of what follows it, so 16 KB of "[" took 23 s. scripts/bench_markdown.py measures about 0.7 µs a
# character scanned; the budget keeps a write-up's bracket scanning under a second.
MAX_BRACKET_WORK = 1_500_000
MAX_QUOTE_DEPTH = 8  # nested ">" cost grows with the square of their depth
MAX_INDENT = 40  # ten list levels; at a thousand, Python-Markdown recurses past Python's limit
_DEEP_QUOTE = re.compile(rf"^\s*(?:>\s*){{{MAX_QUOTE_DEPTH + 1},}}")
_TOO_MANY_BRACKETS = (
    "paragraf ini memuat terlalu banyak tanda '[' tanpa pasangan ']'; tutup setiap '[' dengan ']', "
    "tulis '\\[' untuk tanda kurung siku biasa, atau pecah menjadi beberapa paragraf"
)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """Body lines outside fenced code blocks, with code spans blanked: code is shown, never interpreted."""
    in_fence = False
    for offset, line in enumerate(body.split("\n")):
        if FENCE.match(line):
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


@dataclass(frozen=True)
class PageLink:
    """A link from a body to a page of the site ("/inovasi/x/index.md") or to a place on one ("#replikasi"),
    checked once every page is known."""

    path: str
    line: int
    url: str


def _unsafe_scheme(url: str) -> str | None:
    # Markdown decodes character references in a destination: "&#106;avascript:" is "javascript:".
    match = _SCHEME.match(html.unescape(url).replace("\t", "").replace("\n", ""))
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return match.group(1).lower()
    return None


def body_problems(
    body: str, first_line: int, path: str, source_ids: set[str], folder: Path, attachments: tuple[str, ...] = ()
) -> tuple[list[PageLink], list[Problem]]:
    """A Markdown body's links to site pages (checked later, against all pages), and every problem in it."""
    problems: list[Problem] = []
    links: list[PageLink] = []
    allowed_tags = ", ".join(f"<{tag}>" for tag in ALLOWED_HTML)
    images = {name for name in attachments if Path(name).suffix.lower() in IMAGE_SUFFIXES}
    references = _references(body)
    open_blocks: list[tuple[str, int]] = []
    for line_number, line in prose_lines(body, first_line):
        # Most prose lines hold no markup at all: each scan runs only where its opening character occurs.
        has_angle, has_link = "<" in line, "](" in line
        if has_angle:
            problems += _html_problems(line, line_number, path, folder, images, allowed_tags)
            _track_blocks(line, line_number, open_blocks)
        urls = []
        if has_link:
            urls += [(match.group(1) == "!", match.group(2), False) for match in _MD_LINK.finditer(line)]
        if has_angle:
            urls += [(False, match.group(1), False) for match in _AUTOLINK.finditer(line)]
        if "[" in line:
            definition = _REFERENCE.match(line)
            if definition:
                urls.append((False, definition.group(2), True))
            for match in _REFERENCE_USE.finditer(line):
                label = (match.group(3) or match.group(2)).strip().lower()
                if match.group(1) == "!" and label in references:
                    urls.append((True, references[label], False))
        for is_image, url, is_definition in urls:
            problems += _url_problems(url, is_image, is_definition, line_number, path, folder, images, links)
        if "{" in line:
            problems += _attribute_list_problems(line, line_number, path)
        if "[" in line:
            problems += citation_problems(line, line_number, path, source_ids)
    for tag, line_number in open_blocks:
        message = f"<{tag}> dibuka tetapi tidak ditutup; tambahkan </{tag}> (tanpanya sisa profil ikut tertelan)"
        problems.append(Problem(path, line_number, "", message))
    return links, problems + _cost_problems(body, first_line, path)


def _cost_problems(body: str, first_line: int, path: str) -> list[Problem]:
    """Markdown that Python-Markdown converts in super-linear time (or recurses on) is refused, so a write-up
    at the size cap converts in seconds whatever it holds (scripts/bench_markdown.py measures it)."""
    problems = []
    paragraph: list[str] = []
    paragraph_line, bracket_work = first_line, 0
    for line_number, line in [*prose_lines(body, first_line), (0, "")]:  # a blank line closes the last one
        if not line.strip():
            bracket_work += _bracket_work("\n".join(paragraph))
            if bracket_work > MAX_BRACKET_WORK:
                problems.append(Problem(path, paragraph_line, "", _TOO_MANY_BRACKETS))
                bracket_work = -(10**12)  # once a file
            paragraph, paragraph_line = [], line_number + 1
        elif "[" in line or paragraph:
            paragraph.append(line)
        if line[:1] in " \t" and len(line.expandtabs(4)) - len(line.lstrip()) > MAX_INDENT:
            message = (
                f"baris menjorok lebih dari {MAX_INDENT} spasi (daftar bertingkat terlalu dalam); kurangi tingkatannya"
            )
            problems.append(Problem(path, line_number, "", message))
        if line.lstrip().startswith(">") and _DEEP_QUOTE.match(line):
            message = f"kutipan '>' bertingkat lebih dari {MAX_QUOTE_DEPTH} lapis; tulis kutipannya lebih datar"
            problems.append(Problem(path, line_number, "", message))
    return problems


def _attribute_list_problems(line: str, line_number: int, path: str) -> list[Problem]:
    """Attribute lists may add classes only: an id could take over a generated anchor, any other attribute
    (onclick=, style=) is stripped by the sanitiser, so it is refused here, where the contributor sees it."""
    problems = []
    for group in _BRACES.finditer(line):
        tokens = group.group(1).split()
        if not tokens or not all(_ATTRIBUTE.fullmatch(token) for token in tokens):
            continue  # prose in braces, not an attribute list
        if any(token.startswith("#") for token in tokens):
            message = (
                "penanda { #… } tidak diizinkan di isi tulisan: halaman profil memakai penanda sendiri "
                "(#sumber-s1, #replikasi, …); MkDocs membuat penanda setiap judul bagian secara otomatis"
            )
        elif any("=" in token for token in tokens):
            message = "atribut { nama=nilai } tidak diizinkan di isi tulisan; hanya kelas { .nama } yang boleh"
        else:
            continue
        problems.append(Problem(path, line_number, "", message))
    return problems


def _bracket_work(paragraph: str) -> int:
    """How many characters Python-Markdown scans looking for the "]" of each "[" in a paragraph."""
    if "[" not in paragraph:
        return 0
    work, opened = 0, []
    for index, char in enumerate(paragraph):
        if char == "[" and (index == 0 or paragraph[index - 1] != "\\"):
            opened.append(index)
        elif char == "]" and opened:
            work += index - opened.pop()
    return work + sum(len(paragraph) - index for index in opened)


def _references(body: str) -> dict[str, str]:
    """Reference-style link definitions ("[label]: url") by lower-cased label."""
    found: dict[str, str] = {}
    for line in body.split("\n"):
        match = _REFERENCE.match(line) if "]:" in line else None
        if match:
            found.setdefault(match.group(1).strip().lower(), match.group(2))
    return found


def _track_blocks(line: str, line_number: int, open_blocks: list[tuple[str, int]]) -> None:
    """Opening and closing <figure>/<details>, in order, so an unclosed one is reported where it opens."""
    for match in re.finditer(r"<(/?)(figure|details)\b", line, flags=re.IGNORECASE):
        tag = match.group(2).lower()
        if not match.group(1):
            open_blocks.append((tag, line_number))
        elif any(name == tag for name, _ in open_blocks):
            index = max(i for i, (name, _) in enumerate(open_blocks) if name == tag)
            del open_blocks[index]


def _html_problems(
    line: str, line_number: int, path: str, folder: Path, images: set[str], allowed_tags: str
) -> list[Problem]:
    problems = []
    for match in _TAG.finditer(line):
        tag = match.group(1).lower()
        if tag not in ALLOWED_HTML:
            message = f"tag HTML <{tag}> tidak diizinkan; pakai Markdown, atau salah satu tag: {allowed_tags}"
            problems.append(Problem(path, line_number, "", message))
            continue
        for name, value in _tag_attributes(match.group(0)):
            if name.startswith("on"):
                message = f"atribut {visible(name)}= (menjalankan skrip) tidak diizinkan pada <{tag}>"
            elif name not in ALLOWED_HTML[tag]:
                permitted = ", ".join(sorted(ALLOWED_HTML[tag])) or "tidak ada"
                message = f"atribut {visible(name)}= tidak diizinkan pada <{tag}>; atribut yang boleh: {permitted}"
            elif tag == "img" and name == "src":
                problems += _image_problems(value, line_number, path, folder, images)
                continue
            elif (scheme := _unsafe_scheme(value)) is not None:
                message = f"alamat dengan skema '{scheme}:' tidak diizinkan; pakai https:// atau berkas di folder ini"
            else:
                continue
            problems.append(Problem(path, line_number, "", message))
    return problems


def _url_problems(
    url: str,
    is_image: bool,
    is_definition: bool,
    line: int,
    path: str,
    folder: Path,
    images: set[str],
    links: list[PageLink],
) -> list[Problem]:
    scheme = _unsafe_scheme(url)
    if scheme is not None:
        message = (
            f"tautan dengan skema '{scheme}:' tidak diizinkan; pakai https://, mailto:, atau tautan ke halaman katalog"
        )
        return [Problem(path, line, "", message)]
    if is_image:
        return _image_problems(url, line, path, folder, images)
    if is_definition and not url.startswith("/"):
        return []  # an image through it is checked where it is used; a link definition follows the rules below
    if url.startswith("/") and not url.startswith("//"):
        links.append(PageLink(path, line, url))
        return []
    if "#" in url:  # its anchor is checked once every page is known (katalog.anchors)
        links.append(PageLink(path, line, url))
    return _missing_link(url, folder, path, line)


_ADD_IMAGE = (
    "unggah gambarnya ke folder tulisan ini ({folder}/, berkas .png, .jpg, .webp, atau .gif) lalu tulis "
    "![keterangan](nama-berkas.jpg)"
)


def _image_problems(url: str, line: int, path: str, folder: Path, images: set[str]) -> list[Problem]:
    """An image is an attachment in the write-up's own folder: never another site (every view of the profile
    would call it), never a path outside the folder."""
    plain = html.unescape(url).strip()
    how = _ADD_IMAGE.format(folder=folder.name)
    if _SCHEME.match(plain) or plain.startswith(("//", "\\", "/\\")):
        message = (
            f"gambar dari situs lain {show(_short(plain))} tidak diizinkan "
            f"(setiap pembaca akan memanggil situs itu); {how}"
        )
        return [Problem(path, line, "", message)]
    target = unquote(plain.split("#", 1)[0].split("?", 1)[0])
    if not target:
        return []
    if target.startswith("/") or "/" in posixpath.normpath(target) or target.startswith(".."):
        message = f"gambar {show(_short(target))} berada di luar folder tulisan ini; {how}"
        return [Problem(path, line, "", message)]
    if target not in images:
        if len(target.encode()) <= MAX_NAME_BYTES and _is_file(folder / target):
            message = f"berkas {show(target)} bukan gambar yang boleh diterbitkan; {how}"
        else:
            message = (
                f"berkas gambar {show(_short(target))} tidak ada di folder {folder.name}/; "
                "unggah berkasnya atau perbaiki namanya"
            )
        return [Problem(path, line, "", message)]
    return []


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_file(path: Path) -> bool:
    """A regular file, never followed through a symbolic link; a name the system refuses is no file."""
    try:
        return path.is_file() and not path.is_symlink()
    except (OSError, ValueError):
        return False


def citation_problems(text: str, line: int, path: str, source_ids: set[str], field: str = "") -> list[Problem]:
    """Every [S1]-style citation must name a source in the file's own list."""
    problems = []
    for cited in CITATION.findall(text):
        if cited not in source_ids:
            known = ", ".join(sorted(source_ids)) or "belum ada"
            message = f"rujukan [{cited}] tidak ada di daftar sumber; sumber yang ada: {known}"
            problems.append(Problem(path, line, field, message))
    return problems


def _missing_link(url: str, folder: Path, path: str, line: int) -> list[Problem]:
    """A relative link must reach a file that is published beside the page: in this write-up's folder or
    another write-up's (innovations/<id>/ is served as inovasi/<id>/, so relative links work in both)."""
    if _SCHEME.match(url) or url.startswith(("/", "#")):
        return []  # other sites, and pages of the site itself (MkDocs checks those in the build)
    target = unquote(url.split("#", 1)[0].split("?", 1)[0])
    if not target:
        return []
    if any(len(part.encode()) > 255 for part in target.split("/")):
        return [Problem(path, line, "", f"tautan {show(_short(url))} menuju nama berkas yang terlalu panjang")]
    content_dir = folder.parent
    resolved = Path(os.path.normpath(folder / target))
    parts = resolved.relative_to(content_dir).parts if resolved.is_relative_to(content_dir) else ()
    published = len(parts) >= 2 and not any(part[0] in "._" for part in parts)
    if published and resolved.suffix == ".md" and resolved.name != "index.md" and _is_file(resolved):
        message = (
            f"tautan {show(url)} menuju berkas yang tidak terbit sebagai halaman; hasil pembinaan tampil di profil "
            "inovasinya, jadi tautkan ke '../<id>/index.md#pembinaan-<putaran>'"
        )
        return [Problem(path, line, "", message)]
    if published and _is_file(resolved):
        return []
    hint = ""
    if len(parts) >= 2 and not (content_dir / parts[0]).is_dir():
        folders = [item.name for item in content_dir.iterdir() if item.is_dir() and item.name[0] not in "._"]
        close = difflib.get_close_matches(parts[0], folders, n=1, cutoff=0.6)
        hint = f" (mungkin maksud Anda '../{close[0]}/index.md'?)" if close else ""
    message = (
        f"tautan {show(_short(url))} tidak menuju berkas yang ada{hint}; "
        "tautan ke inovasi lain ditulis '../<id>/index.md', "
        "ke berkas lampiran cukup namanya (unggah berkasnya ke folder ini)"
    )
    return [Problem(path, line, "", message)]


def page_link_problems(links: list[PageLink], pages: set[str], files: set[str]) -> list[Problem]:
    """Absolute links must name a page of the site by its Markdown file ("/inovasi/x/index.md") or a file the
    site publishes, exactly as MkDocs checks them (validation.links.absolute_links: relative_to_docs)."""
    problems = []
    for link in links:
        if not link.url.startswith("/"):
            continue  # a relative link: _missing_link checked its file
        target = unquote(link.url.split("#", 1)[0].split("?", 1)[0]).lstrip("/")
        if target in pages or target in files:
            continue
        stem = target.rstrip("/")
        written = next((page for page in (f"{stem}/index.md", f"{stem}.md") if page in pages), None)
        if written:
            message = f"tautan {show(_short(link.url))} harus menyebut berkas halamannya: tulis '/{written}'"
        else:
            close = difflib.get_close_matches(target, sorted(pages), n=1, cutoff=0.8)
            hint = f" (mungkin maksud Anda '/{close[0]}'?)" if close else ""
            message = (
                f"tautan {show(_short(link.url))} tidak menuju halaman situs yang ada{hint}; tautan ke inovasi "
                "lain ditulis '/inovasi/<id>/index.md' atau '../<id>/index.md'"
            )
        problems.append(Problem(link.path, link.line, "", message))
    return problems


def missing_sections(body: str, required: tuple[str, ...]) -> list[str]:
    # "## Dampak { .kelas }": an attribute list is not part of the heading's text.
    pattern = r"^##\s+(.+?)\s*#*\s*(?:\{[^{}]*\}\s*)?$"
    headings = {match.strip().lower() for match in re.findall(pattern, body, flags=re.MULTILINE)}
    return [section for section in required if section.lower() not in headings]


def uncited_body_problems(body: str, first_line: int, path: str) -> list[Problem]:
    """A body that tells something cites at least one source.

    Checked per body, not per section: a section may rightly hold only "Data dampak belum terdokumentasi."
    (the scaffold's own advice when a source says nothing), which has nothing to cite, and telling that
    apart from an unsourced claim takes a reader (the reviewers' checklist asks for it). A body that cites
    nothing at all, though, cannot be sourced anywhere: that the validator refuses."""
    first_text = None
    for number, line in prose_lines(body, first_line):  # usually stops at the first paragraph's citation
        if "[" in line and CITATION.search(line):
            return []
        if first_text is None and line.strip() and not _HEADING.match(line):
            first_text = number
    if first_text is None:
        return []  # nothing told, nothing to cite
    message = (
        "isi di bawah front matter tidak merujuk satu sumber pun; tambahkan id sumber dalam kurung siku di akhir "
        "kalimat yang memuat faktanya, mis. [S1] (id dari daftar sumber di front matter)"
    )
    return [Problem(path, first_text, "", message)]


_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")


@dataclass(frozen=True)
class Leftovers:
    """The guidance a new write-up comes with (katalog.scaffold), as the validator looks for it: none of it is
    content, and any of it left in would be published as if it were."""

    marker: str  # "ISI:", opening every line still to be written
    body_phrases: tuple[str, ...]  # sentences of the hints under the headings, case-folded, single-spaced
    field_hints: frozenset[str]  # the comments beside the fields, case-folded
    field_starts: frozenset[str]  # their first characters: enough to tell most texts from every hint

    def holds_field_hint(self, text: str) -> bool:
        return text.lstrip()[:_START].casefold() in self.field_starts and _without_citations(text) in self.field_hints


_START = 6  # characters compared before a whole text is folded


# Hints are matched a sentence at a time: a whole sentence of guidance is no sentence of a story, while a
# shorter piece ("hasil yang tercatat di sumber") could be. A sentence that quotes is an instruction around
# the wording it suggests (Bila belum ada, tulis "Data dampak belum terdokumentasi."): that wording may stay.
_SENTENCE_END = re.compile(r"(?<!mis)\.(?=\s|$)")


def leftovers(marker: str, section_hints: Iterable[str], field_hints: Iterable[str]) -> Leftovers:
    phrases = {
        " ".join(sentence.split()).casefold()
        for hint in section_hints
        for sentence in _SENTENCE_END.split(hint)
        if sentence.strip() and '"' not in sentence
    }
    folded = frozenset(_folded(hint) for hint in field_hints)
    return Leftovers(marker, tuple(sorted(phrases)), folded, frozenset(hint[:_START] for hint in folded))


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".")


def _without_citations(text: str) -> str:
    """A text folded as hints are, without its [S1] citations: a hint with a citation added is still the hint."""
    return _folded(CITATION.sub("", text) if "[" in text else text)


def leftover_problems(body: str, first_line: int, path: str, found: Leftovers) -> list[Problem]:
    """Hint lines still opening with the marker, and hint text kept after the marker was deleted."""
    problems = []
    marked = set()
    for line_number, line in prose_lines(body, first_line) if found.marker in body else ():
        if line.lstrip().startswith(found.marker):
            marked.add(line_number)
            message = (
                f"petunjuk templat '{found.marker} …' belum diganti; tulis isinya dengan kata-kata sendiri "
                "dan rujuk sumbernya"
            )
            problems.append(Problem(path, line_number, "", message))
    folded = " ".join(body.split()).casefold()
    for phrase in found.body_phrases:
        if phrase not in folded:  # the usual case: one quick scan of the whole body
            continue
        pattern = re.compile(r"\s+".join(map(re.escape, phrase.split())), re.IGNORECASE)
        for match in pattern.finditer(body):
            line_number = first_line + body.count("\n", 0, match.start())
            if line_number not in marked:  # once a line
                marked.add(line_number)
                left = " ".join(match.group().split())
                message = (
                    f"teks petunjuk templat {show(_short(left))} masih ada; ganti dengan isi menurut sumber, "
                    "dengan kata-kata sendiri"
                )
                problems.append(Problem(path, line_number, "", message))
    return problems


_ANY_TAG = re.compile(r"<\s*/?\s*[A-Za-z!]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The latest calendar date anywhere on Earth is UTC+14: a date written "today" in any time zone (Indonesia
# is UTC+7 to +9, a CI machine UTC) is never later than today there.
_LATEST_ZONE = timezone(timedelta(hours=14))


def today() -> date:
    """Today's date where it is latest on Earth: what "in the future" is measured against.

    The clock, not SOURCE_DATE_EPOCH: that is the time of the last commit for a reproducible build, and tests
    and benchmarks set it to a fixed past day (2024-11-02) that real sources postdate. Validation is the
    same for a commit on any later day, except that a date in the future when written stops being one.
    Tests pass their own day to validate_catalogue(today=...)."""
    return datetime.now(_LATEST_ZONE).date()


def front_matter_problems(
    texts: Iterable[tuple[FieldPath, int, str]], path: str, on: date, found: Leftovers | None = None
) -> list[Problem]:
    """Every front-matter text, in one pass: plain text (an HTML tag would be shown, never run), no date after
    the day `on` (every date field: sources, verification, visits, rounds, editions), and, for a write-up
    or a coaching result, no scaffold guidance left in."""
    problems = []
    for field_path, line, value in texts:
        message = None
        if "<" in value and _ANY_TAG.search(value):
            message = "teks di front matter tidak boleh berisi tag HTML (<…>); tulis sebagai teks biasa"
        elif len(value) == 10 and _ISO_DATE.fullmatch(value):
            message = _future_date_problem(value, on)
        elif found is not None and (found.marker in value or found.holds_field_hint(value)):
            message = (
                f"isi ini masih petunjuk templat ({show(_short(value))}); ganti dengan nilai menurut "
                "sumber, atau null bila belum diketahui"
            )
        if message:
            problems.append(Problem(path, line, ".".join(map(str, field_path)), message))
    return problems


def date_id(value: str | date | None) -> str | None:
    """A date the Indonesian way ("21 Oktober 2024"), for pages and messages alike; None stays None so
    templates show it as unknown."""
    if value is None:
        return None
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return format_date(day, "d MMMM y", locale="id")


def _future_date_problem(value: str, on: date) -> str | None:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None  # not a date at all: the schema names the day that does not exist
    if day <= on:
        return None
    return (
        f"tanggal {date_id(day)} belum tiba (hari ini {date_id(on)}); tulis tanggal yang sudah terjadi menurut "
        "sumber, atau null bila belum diketahui"
    )

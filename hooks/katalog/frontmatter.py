"""Split a write-up into YAML front matter and Markdown body, keeping line numbers.

MkDocs' own meta parser drops YAML errors silently, so write-ups are parsed here: every problem
comes back located (file:line) and nothing is constructed from a document that uses YAML aliases
(the "billion laughs" memory bomb) or repeats a key (PyYAML would keep the last one silently).

Every value is text a reader can see: control characters (C0 but tab and newline, C1), noncharacters,
lone surrogates, line separators and bidi embeddings/overrides/isolates are refused wherever they occur,
raw in the file (located at their line, a NUL byte too) or written as a YAML escape ("\x9b"). That set
covers everything PyYAML's reader refuses, so the page front matter the build hands MkDocs always parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, show

MAX_FILE_BYTES = 100_000  # the longest real write-up is 3 KB; Markdown time grows with size
MAX_DEPTH = 16  # the deepest real front matter is 4 levels; deeper is an accident or an attack
FieldPath = tuple[str | int, ...]

# Characters no reader can see or that reorder what they see; tab and newline are allowed.
_FORBIDDEN_BELOW_ASTRAL = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
)
_FORBIDDEN_ASTRAL = "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 17))
FORBIDDEN_CHARACTER = re.compile(f"[{_FORBIDDEN_BELOW_ASTRAL}{_FORBIDDEN_ASTRAL}]")
# A class of characters below U+10000 is one table lookup a character, while each astral character is tested
# in turn (ten times slower on a whole file): the astral ones are looked for only in a file that holds one.
_FORBIDDEN_BELOW_ASTRAL_CHARACTER = re.compile(f"[{_FORBIDDEN_BELOW_ASTRAL}]")
_FOUR_BYTE_UTF8 = re.compile(b"[\xf0-\xf4]")  # the lead byte of every astral character in UTF-8
# Characters that take no visible room: a value made only of these reads as empty (or as an invisible link).
_INVISIBLE = "\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2060-\u2064\u3164\u2800\ufeff\uffa0"
_VISIBLE_CHARACTER = re.compile(f"[^{_INVISIBLE}]")


def forbidden_character_message(char: str) -> str:
    return (
        f"karakter tak terlihat atau karakter kendali {show(char)} tidak diizinkan; hapus karakter itu "
        "(sering terbawa saat menyalin dari PDF atau aplikasi lain)"
    )


def is_invisible(value: str) -> bool:
    """True for a non-empty text with nothing a reader can see (spaces, zero-width characters)."""
    return bool(value) and _VISIBLE_CHARACTER.search(value) is None


_PLAIN_TAGS: dict[str, str] = {}  # short plain scalar -> its resolved tag; keys repeat in every write-up


class _Loader(yaml.CSafeLoader):
    """The C-accelerated safe loader, but dates stay strings: the schema checks their format."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        # The C parser asks this (pure Python) resolver about every scalar; a plain scalar's tag depends
        # on its text alone, so remember the short ones (keys, codes, enum values).
        if kind is yaml.ScalarNode and implicit[0] and len(value) <= 64:
            tag = _PLAIN_TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_PLAIN_TAGS) < 20_000:
                    _PLAIN_TAGS[value] = tag
            return tag
        return super().resolve(kind, value, implicit)


_Loader.yaml_implicit_resolvers = {
    first_char: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first_char, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    path: str
    data: dict[str, Any]
    body: str
    body_line: int  # file line on which the body starts
    lines: dict[FieldPath, int] = field(default_factory=dict)  # field path -> file line
    # Every text value with its field and line, gathered while parsing: the checks on texts (HTML, dates,
    # citations, scaffold hints) read this list instead of walking the data again.
    texts: tuple[tuple[FieldPath, int, str], ...] = ()
    holds_float: bool = False  # a value is a YAML float (2023.0): schema.passes_quickly must not decide

    def line_of(self, path: FieldPath) -> int:
        """The line of the deepest field on `path` that exists in the file (1 for the file's top)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with a BOM removed and Windows line endings folded, or a located problem.

    A forbidden character is reported at its line and replaced by U+FFFD, so the rest of the file is
    still checked: the text comes back with the problems, and the caller keeps them."""
    if len(raw) > MAX_FILE_BYTES:
        size_kb = len(raw) // 1000
        message = (
            f"berkas terlalu besar ({size_kb} KB); batasnya {MAX_FILE_BYTES // 1000} KB — pecah atau ringkas isinya"
        )
        return None, [Problem(path, 0, "", message)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        message = "berkas bukan teks UTF-8; simpan ulang dengan encoding UTF-8 (di editor: Save with Encoding → UTF-8)"
        return None, [Problem(path, line, "", message)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _FORBIDDEN_BELOW_ASTRAL_CHARACTER.search(text) is None and (
        _FOUR_BYTE_UTF8.search(raw) is None or FORBIDDEN_CHARACTER.search(text) is None
    ):
        return text, []
    problems: list[Problem] = []
    for number, text_line in enumerate(text.split("\n"), start=1):
        found = FORBIDDEN_CHARACTER.search(text_line)
        if found:
            problems.append(Problem(path, number, "", forbidden_character_message(found.group())))
    return FORBIDDEN_CHARACTER.sub("\ufffd", text), problems


def read_document(file: Path, path: str) -> tuple[Document | None, list[Problem]]:
    """The parsed file and every problem found on the way (a document may come back with problems)."""
    text, problems = decode(file.read_bytes(), path)
    if text is None:
        return None, problems
    document, parse_problems = parse_document(text, path)
    return document, problems + parse_problems


def parse_document(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        message = "berkas harus diawali front matter: baris pertama '---', lalu data YAML, lalu baris '---'"
        return None, [Problem(path, 1, "", message)]
    closing = next((index for index in range(1, len(lines)) if lines[index].rstrip() in ("---", "...")), None)
    if closing is None:
        return None, [Problem(path, 1, "", "front matter tidak ditutup: tambahkan baris '---' setelah data YAML")]
    yaml_text = "\n".join(lines[1:closing])
    node, problems = _compose(yaml_text, path)
    if node is None:
        return None, problems or [Problem(path, 1, "", _EMPTY_FRONT_MATTER)]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(path, 2, "", "front matter harus berupa pasangan 'kunci: nilai'")]
    data, walk = _walk(node, path, first_line=2)
    if walk.problems:
        return None, walk.problems
    body = "\n".join(lines[closing + 1 :])
    return Document(path, data, body, closing + 2, walk.lines, tuple(walk.texts), walk.holds_float), []


_EMPTY_FRONT_MATTER = "front matter kosong; isi data 'kunci: nilai' di antara dua baris '---'"


def parse_yaml_file(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """A plain YAML data file (no front matter delimiters), with the same checks."""
    node, problems = _compose(text, path, first_line=1)
    if node is None:
        return None, problems or [Problem(path, 1, "", "berkas kosong; isi data 'kunci: nilai'")]
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(path, 1, "", "berkas harus berupa pasangan 'kunci: nilai'")]
    data, walk = _walk(node, path, first_line=1)
    if walk.problems:
        return None, walk.problems
    return Document(path, data, "", 0, walk.lines, tuple(walk.texts), walk.holds_float), []


def _compose(yaml_text: str, path: str, first_line: int = 2) -> tuple[yaml.Node | None, list[Problem]]:
    loader = _Loader(yaml_text)
    try:
        return loader.get_single_node(), []
    except yaml.MarkedYAMLError as error:
        return None, [_yaml_problem(error, yaml_text, path, first_line)]
    except yaml.reader.ReaderError as error:  # a character the reader refuses (decode() catches them first)
        line = first_line + yaml_text.count("\n", 0, error.position)
        return None, [Problem(path, line, "", forbidden_character_message(chr(error.character)))]
    except yaml.YAMLError as error:
        return None, [Problem(path, first_line, "", f"YAML tidak valid ({error})")]
    finally:
        loader.dispose()


def _yaml_problem(error: yaml.MarkedYAMLError, yaml_text: str, path: str, first_line: int) -> Problem:
    problem = error.problem or ""
    context = error.context or ""
    mark = error.problem_mark or error.context_mark
    yaml_lines = yaml_text.split("\n")
    if mark and mark.line < len(yaml_lines) and "\t" in yaml_lines[mark.line]:
        message = "karakter tab tidak boleh dipakai di YAML; ganti dengan spasi"
    elif "quoted scalar" in context:
        mark = error.context_mark or mark
        message = _UNCLOSED_QUOTE
    elif mark and (quote_line := _unclosed_quote_line(yaml_lines, mark.line)) is not None:
        # A quote left open swallows the lines after it; the parser only trips at the next quote.
        return Problem(path, first_line + quote_line, "", _UNCLOSED_QUOTE)
    elif "mapping values are not allowed" in problem:
        message = 'ada titik dua (:) di dalam nilai; apit nilainya dengan tanda kutip, mis. judul: "A: B"'
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = "indentasi tidak konsisten; samakan jumlah spasi di awal baris yang setingkat"
    else:
        message = f"YAML tidak valid ({problem or context})"
    line = first_line + (mark.line if mark else 0)
    return Problem(path, line, "", message)


_UNCLOSED_QUOTE = "tanda kutip dibuka tetapi tidak ditutup; tutup dengan tanda kutip yang sama"


def _unclosed_quote_line(yaml_lines: list[str], before: int) -> int | None:
    """The first line before `before` whose value opens a quote it does not close."""
    for index, line in enumerate(yaml_lines[:before]):
        value = line.split(": ", 1)[1].strip() if ": " in line else line.strip().removeprefix("- ")
        if value[:1] == '"' and (len(value) == 1 or not value.endswith('"') or value.endswith('\\"')):
            return index
        if value[:1] == "'" and (len(value) == 1 or not value.endswith("'")):
            return index
    return None


_STR, _NULL, _BOOL, _INT, _FLOAT, _SEQ, _MAP = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float", "seq", "map")
)
_SCALARS = yaml.constructor.SafeConstructor()
# How each plain YAML type becomes a value. Anything else (!!binary, !!set, !!timestamp, '!x', merge
# keys) is refused: front matter holds text, numbers, yes/no, null, lists and mappings — nothing more.
_BUILD_SCALAR: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    _STR: lambda node: node.value,
    _NULL: lambda node: None,
    _BOOL: _SCALARS.construct_yaml_bool,
    _INT: _SCALARS.construct_yaml_int,
    _FLOAT: _SCALARS.construct_yaml_float,
}


class _Walk:
    """One pass over the composed nodes: records each field's line, refuses aliases (a node reached twice),
    repeated keys and unknown tags, and builds the data — PyYAML's own constructor would walk them again."""

    def __init__(self, path: str, first_line: int) -> None:
        self.path = path
        self.first_line = first_line
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.alias_lines: set[int] = set()
        self.too_deep = False
        self.texts: list[tuple[FieldPath, int, str]] = []
        self.holds_float = False

    def problem(self, line: int, field_path: FieldPath, message: str) -> None:
        self.problems.append(Problem(self.path, line, ".".join(map(str, field_path)), message))

    def value(self, node: yaml.Node, field_path: FieldPath, line: int) -> Any:
        if len(field_path) > MAX_DEPTH:
            if not self.too_deep:
                self.too_deep = True
                message = f"data bertingkat lebih dari {MAX_DEPTH} lapis; tulis nilainya lebih datar"
                self.problem(line, field_path[:1], message)
            return None
        if id(node) in self.seen:
            if line not in self.alias_lines:  # once a line: a "billion laughs" line holds many aliases
                self.alias_lines.add(line)
                while field_path and isinstance(field_path[-1], int):
                    field_path = field_path[:-1]
                self.problem(line, field_path, "alias YAML (&nama / *nama) tidak diizinkan; tulis nilainya langsung")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node, field_path, line)
            if isinstance(value, str):
                self.texts.append((field_path, line, value))
            elif isinstance(value, float):
                self.holds_float = True
            return value
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            return [self.item(item, field_path, index, line) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            return self.mapping(node, field_path)
        self.problem(line, field_path, _unknown_tag(node.tag))
        return None

    def scalar(self, node: yaml.ScalarNode, field_path: FieldPath, line: int) -> Any:
        build = _BUILD_SCALAR.get(node.tag)
        if build is None:
            self.problem(line, field_path, _unknown_tag(node.tag))
            return None
        value = build(node)
        if isinstance(value, str):
            self.text_problems(value, field_path, line)
        return value

    def text_problems(self, value: str, field_path: FieldPath, line: int) -> None:
        if value.isascii() and value.isprintable() and (value.strip() or not value):
            return  # most values: plain visible ASCII, nothing to look for
        found = FORBIDDEN_CHARACTER.search(value)
        if found:
            self.problem(line, field_path, forbidden_character_message(found.group()))
        elif is_invisible(value):
            message = (
                f"nilai {show(value)} hanya berisi spasi atau karakter tak terlihat; "
                "tulis teksnya, atau null bila belum diketahui"
            )
            self.problem(line, field_path, message)

    def item(self, item: yaml.Node, field_path: FieldPath, index: int, line: int) -> Any:
        # An alias shares its anchor's node (and position): locate it by its parent instead.
        item_line = line if id(item) in self.seen else self.first_line + item.start_mark.line
        self.lines[(*field_path, index)] = item_line
        return self.value(item, (*field_path, index), item_line)

    def mapping(self, node: yaml.MappingNode, field_path: FieldPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key_line = self.first_line + key_node.start_mark.line
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_line, field_path, "kunci harus berupa teks biasa, bukan daftar atau kelompok")
                continue
            child = (*field_path, str(key_node.value))
            # Keys compare as YAML resolves them: `1:` and `0x1:` are the same key, as are `a:` and "a":.
            key = self.scalar(key_node, child, key_line)
            if key in result:
                self.problem(key_line, child, "kunci ini ditulis dua kali; hapus salah satunya")
                continue
            if not isinstance(key, str):
                message = (
                    f"kunci {show(key_node.value)} harus berupa nama isian (teks), bukan angka, ya/tidak, atau null"
                )
                self.problem(key_line, child, message)
            self.lines[child] = key_line
            result[key] = self.value(value_node, child, key_line)
        return result


def _unknown_tag(tag: str) -> str:
    tag = tag.replace("tag:yaml.org,2002:", "!!")
    return (
        f"tag YAML {show(tag)} tidak diizinkan; tulis nilainya sebagai teks, angka, daftar, atau 'kunci: nilai' biasa"
    )


def _walk(node: yaml.MappingNode, path: str, first_line: int) -> tuple[dict[Any, Any], _Walk]:
    walk = _Walk(path, first_line)
    data = walk.value(node, (), first_line + node.start_mark.line)
    return data, walk

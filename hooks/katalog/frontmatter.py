"""Split a write-up into YAML front matter and Markdown body, keeping line numbers.

MkDocs' own meta parser drops YAML errors silently, so write-ups are parsed here: every problem
comes back located (file:line) and nothing is constructed from a document that uses YAML aliases
(the "billion laughs" memory bomb) or repeats a key (PyYAML would keep the last one silently).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_FILE_BYTES = 200_000
FieldPath = tuple[str | int, ...]


class _Loader(yaml.CSafeLoader):
    """The C-accelerated safe loader, but dates stay strings: the schema checks their format."""


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

    def line_of(self, path: FieldPath) -> int:
        """The line of the deepest field on `path` that exists in the file (1 for the file's top)."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text with a BOM removed and Windows line endings folded, or a located problem."""
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
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def read_document(file: Path, path: str) -> tuple[Document | None, list[Problem]]:
    text, problems = decode(file.read_bytes(), path)
    if text is None:
        return None, problems
    return parse_document(text, path)


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
        return None, problems
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(path, 2, "", "front matter harus berupa pasangan 'kunci: nilai'")]
    field_lines: dict[FieldPath, int] = {}
    problems = _check_nodes(node, (), path, field_lines, set())
    if problems:
        return None, problems
    data = _construct(node)
    body = "\n".join(lines[closing + 1 :])
    return Document(path, data, body, closing + 2, field_lines), []


def parse_yaml_file(text: str, path: str) -> tuple[Document | None, list[Problem]]:
    """A plain YAML data file (no front matter delimiters), with the same checks."""
    node, problems = _compose(text, path, first_line=1)
    if node is None:
        return None, problems
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(path, 1, "", "berkas harus berupa pasangan 'kunci: nilai'")]
    field_lines: dict[FieldPath, int] = {}
    problems = _check_nodes(node, (), path, field_lines, set(), first_line=1)
    if problems:
        return None, problems
    return Document(path, _construct(node), "", 0, field_lines), []


def _compose(yaml_text: str, path: str, first_line: int = 2) -> tuple[yaml.Node | None, list[Problem]]:
    loader = _Loader(yaml_text)
    try:
        return loader.get_single_node(), []
    except yaml.MarkedYAMLError as error:
        return None, [_yaml_problem(error, yaml_text, path, first_line)]
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


def _check_nodes(
    node: yaml.Node,
    field_path: FieldPath,
    path: str,
    field_lines: dict[FieldPath, int],
    seen: set[int],
    first_line: int = 2,
) -> list[Problem]:
    """Record each field's line; refuse aliases (a node reached twice) and repeated keys."""
    line = field_lines.get(field_path, first_line + node.start_mark.line)
    if id(node) in seen:
        label = ".".join(map(str, field_path))
        return [Problem(path, line, label, "alias YAML (&nama / *nama) tidak diizinkan; tulis nilainya langsung")]
    seen.add(id(node))
    problems: list[Problem] = []
    if isinstance(node, yaml.MappingNode):
        keys_seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*field_path, key)
            label = ".".join(map(str, child))
            key_line = first_line + key_node.start_mark.line
            if key in keys_seen:
                problems.append(Problem(path, key_line, label, "kunci ini ditulis dua kali; hapus salah satunya"))
                continue
            keys_seen.add(key)
            field_lines[child] = key_line
            problems += _check_nodes(value_node, child, path, field_lines, seen, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            # An alias shares its anchor's node (and position): locate it by its parent instead.
            item_line = line if id(item) in seen else first_line + item.start_mark.line
            field_lines[(*field_path, index)] = item_line
            problems += _check_nodes(item, (*field_path, index), path, field_lines, seen, first_line)
    return problems


def _construct(node: yaml.Node) -> Any:
    constructor = _Loader("")
    try:
        return constructor.construct_document(node)
    finally:
        constructor.dispose()

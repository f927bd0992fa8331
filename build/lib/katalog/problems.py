"""A located problem in a write-up, reported to contributors in Indonesian, and the one printer for them.

Convention for every check in the core: a check returns `list[Problem]` (empty when all is well); a step
that also builds something returns a tuple whose last item is its problems, e.g.
`tuple[Innovation | None, list[Problem]]` (a loader that also collects links: `(record, links, problems)`).
Nothing raises for a contributor's mistake; only `load_catalogue` turns a non-empty list into a
CatalogueError for the build.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Style = Literal["teks", "github"]
STYLES: tuple[Style, ...] = ("teks", "github")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    field: str  # dotted field path ("kecamatan.kode"), or "" for the file itself
    message: str  # what is wrong and what is allowed instead

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


def show(value: object) -> str:
    """A value echoed in a message, quoted, with every invisible, control or bidi character spelled out
    (U+200B as \\u200b), so a contributor sees what is really there."""
    if not isinstance(value, str):
        return str(value)
    return f"'{visible(value)}'"


def visible(text: str) -> str:
    """The text with invisible, control, bidi and undecodable characters spelled out (U+200B as \\u200b)."""
    return "".join(_visible(char) for char in text)


def _visible(char: str) -> str:
    if char == "\n":
        return "\\n"
    if char == "\t":
        return "\\t"
    if char == " " or unicodedata.category(char)[0] not in "CZ":
        return char
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def _escape_data(text: str) -> str:
    """GitHub workflow-command message text: %, CR and LF are escaped (in that order)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow-command property value (file, title): also ':' and ',' which separate properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    properties = [f"file={_escape_property(problem.path)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    title = f"Isian {problem.field}" if problem.field else "Tulisan inovasi"
    properties.append(f"title={_escape_property(title)}")
    return f"::error {','.join(properties)}::{_escape_data(problem.message)}"


def format_problems(problems: Iterable[Problem], style: Style = "teks") -> list[str]:
    """Every problem on its own line, sorted by file and line: plain text, or GitHub annotations."""
    ordered = sorted(set(problems))
    if style == "github":
        return [github_annotation(problem) for problem in ordered]
    return [problem.format() for problem in ordered]


def summary(problems: Iterable[Problem]) -> str:
    unique = set(problems)
    files = len({problem.path for problem in unique})
    return f"{len(unique)} masalah di {files} berkas"


class CatalogueError(Exception):
    """Raised with every problem found, so a contributor can fix them all in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def __reduce__(self) -> tuple[type[CatalogueError], tuple[list[Problem]]]:
        # Rebuilt from its problems when it crosses from the worker process (katalog.background).
        return (CatalogueError, (self.problems,))

    def report(self, style: Style = "teks") -> str:
        lines = [f"Katalog tidak dapat dibangun: {summary(self.problems)}."]
        return "\n".join([*lines, *format_problems(self.problems, style)])

"""A located problem in a write-up, reported to contributors in Indonesian."""

from __future__ import annotations

from dataclasses import dataclass


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


class CatalogueError(Exception):
    """Raised with every problem found, so a contributor can fix them all in one go."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def __reduce__(self) -> tuple[type[CatalogueError], tuple[list[Problem]]]:
        # Rebuilt from its problems when it crosses from the worker process (katalog.background).
        return (CatalogueError, (self.problems,))

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"Katalog tidak dapat dibangun: {count} masalah ditemukan."]
        lines += [problem.format() for problem in self.problems]
        return "\n".join(lines)

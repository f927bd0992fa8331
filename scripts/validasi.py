"""Validate every write-up with the build's own checks (katalog.validate_catalogue), all problems at once."""

from __future__ import annotations

import sys

import _inti

from katalog import Problem, validate_catalogue
from katalog.load import CONTENT_DIR
from katalog.problems import STYLES, Style, format_problems, github_annotation, summary

DESCRIPTION = """\
Memeriksa semua tulisan di innovations/ dengan pemeriksaan yang sama seperti build situs, lalu
melaporkan SEMUA masalah sekaligus, masing-masing dengan berkas dan nomor barisnya.

Keluar dengan kode 0 bila katalog valid, 1 bila ada masalah."""
EXAMPLES = """\
contoh:
  python scripts/validasi.py
  python scripts/validasi.py --format github    # anotasi untuk GitHub Actions"""


def report(problems: list[Problem], output_format: Style) -> list[str]:
    return [*format_problems(problems, output_format), f"Katalog tidak valid: {summary(problems)}."]


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("validasi.py", DESCRIPTION, EXAMPLES)
    parser.add_argument(
        "--format",
        choices=STYLES,
        default="teks",
        help="teks (bawaan, untuk dibaca orang) atau github (anotasi ::error untuk GitHub Actions)",
    )
    args = parser.parse_args(argv)
    if not (args.root / CONTENT_DIR).is_dir():
        print(f"validasi.py: folder {CONTENT_DIR}/ tidak ditemukan di {args.root}", file=sys.stderr)
        return 2
    try:
        catalogue, problems = validate_catalogue(args.root)
    except (OSError, ValueError) as error:  # an unreadable file or a broken schema, not a write-up's mistake
        print(f"validasi.py: katalog tidak dapat dibaca: {error}", file=sys.stderr)
        return 2
    if problems or catalogue is None:
        print("\n".join(report(problems, args.format)))
        return 1
    rounds = len(catalogue.rounds)
    results = sum(len(inv.coaching) for inv in catalogue.innovations)
    print(
        f"Katalog valid: {len(catalogue.innovations)} inovasi, {results} hasil pembinaan, {rounds} putaran pembinaan."
    )
    return 0


__all__ = ["github_annotation", "main", "report"]


if __name__ == "__main__":
    _inti.run(main)

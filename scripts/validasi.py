"""Validate every write-up with the build's own checks (katalog.check_catalogue), all problems at once."""

from __future__ import annotations

import sys

import _inti

from katalog import Problem, check_catalogue
from katalog.load import CONTENT_DIR

DESCRIPTION = """\
Memeriksa semua tulisan di innovations/ dengan pemeriksaan yang sama seperti build situs, lalu
melaporkan SEMUA masalah sekaligus, masing-masing dengan berkas dan nomor barisnya.

Keluar dengan kode 0 bila katalog valid, 1 bila ada masalah."""
EXAMPLES = """\
contoh:
  python scripts/validasi.py
  python scripts/validasi.py --format github    # anotasi untuk GitHub Actions"""


def escape_data(text: str) -> str:
    """GitHub workflow-command message text: %, CR and LF are escaped (in that order)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow-command property value (file, title): also ':' and ',' which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    properties = [f"file={escape_property(problem.path)}"]
    if problem.line:
        properties.append(f"line={problem.line}")
    title = f"Isian {problem.field}" if problem.field else "Tulisan inovasi"
    properties.append(f"title={escape_property(title)}")
    return f"::error {','.join(properties)}::{escape_data(problem.message)}"


def report(problems: list[Problem], output_format: str) -> list[str]:
    ordered = sorted(problems)
    if output_format == "github":
        lines = [github_annotation(problem) for problem in ordered]
    else:
        lines = [problem.format() for problem in ordered]
    files = len({problem.path for problem in ordered})
    lines.append(f"Katalog tidak valid: {len(ordered)} masalah di {files} berkas.")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("validasi.py", DESCRIPTION, EXAMPLES)
    parser.add_argument(
        "--format",
        choices=("teks", "github"),
        default="teks",
        help="teks (bawaan, untuk dibaca orang) atau github (anotasi ::error untuk GitHub Actions)",
    )
    args = parser.parse_args(argv)
    if not (args.root / CONTENT_DIR).is_dir():
        print(f"validasi.py: folder {CONTENT_DIR}/ tidak ditemukan di {args.root}", file=sys.stderr)
        return 2
    try:
        catalogue, problems = check_catalogue(args.root)
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


if __name__ == "__main__":
    _inti.run(main)

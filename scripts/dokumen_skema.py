"""Write the field reference in .github/CONTRIBUTING.md from the schemas in innovations/_skema/.

    python scripts/dokumen_skema.py            # rewrite the part between the markers
    python scripts/dokumen_skema.py --periksa  # exit 1 when the file is out of date (tests run this)

The reference is never kept by hand: change a schema, run this, commit both.
"""

from __future__ import annotations

import sys
from pathlib import Path

import _inti

from katalog.load import CONTENT_DIR, SCHEMA_DIR
from katalog.schemadoc import SCHEMA_FILES, FieldDoc, field_docs, schema_summary

CONTRIBUTING = Path(".github") / "CONTRIBUTING.md"
START = "<!-- skema:mulai — dibuat oleh scripts/dokumen_skema.py; jangan disunting di sini -->"
END = "<!-- skema:selesai -->"
DESCRIPTION = """\
Menulis ulang rujukan isian di .github/CONTRIBUTING.md dari skema innovations/_skema/*.schema.json
(bagian di antara penanda skema:mulai dan skema:selesai)."""


def prose(text: str) -> str:
    """Schema text as Markdown prose: "<slug>" would otherwise be read as an HTML tag and vanish."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def row(field: FieldDoc) -> list[str]:
    kind = f"{field.kind}, boleh `null`" if field.nullable else field.kind
    parts = [prose(field.description)]
    if field.choices:
        parts.append("Pilihan: " + ", ".join(f"`{choice}`" for choice in field.choices) + ".")
    parts += [note.replace("YYYY-MM-DD", "`YYYY-MM-DD`").replace("2024-10-21", "`2024-10-21`") for note in field.notes]
    return [f"`{field.path}`", "ya" if field.required else "", kind, " ".join(part for part in parts if part)]


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reference(schema_dir: Path) -> str:
    lines = [START, ""]
    for name, file in SCHEMA_FILES.items():
        title, description = schema_summary(schema_dir, name)
        lines += [f"### {title} — `{file}`", "", prose(description), ""]
        lines += ["| Isian | Wajib | Jenis | Keterangan |", "| --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(cell(text) for text in row(field)) + " |" for field in field_docs(schema_dir, name)]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def updated(text: str, schema_dir: Path) -> str:
    if START not in text or END not in text:
        raise ValueError(f"penanda '{START}' dan '{END}' tidak ditemukan di {CONTRIBUTING}")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return before + reference(schema_dir) + after


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("dokumen_skema.py", DESCRIPTION)
    parser.add_argument("--periksa", action="store_true", help="hanya periksa; keluar 1 bila belum diperbarui")
    args = parser.parse_args(argv)
    file = args.root / CONTRIBUTING
    current = file.read_text(encoding="utf-8")
    try:
        wanted = updated(current, args.root / CONTENT_DIR / SCHEMA_DIR)
    except ValueError as error:
        print(f"dokumen_skema.py: {error}", file=sys.stderr)
        return 2
    if wanted == current:
        print(f"{CONTRIBUTING.as_posix()}: rujukan isian sudah sesuai skema.")
        return 0
    if args.periksa:
        print(
            f"{CONTRIBUTING.as_posix()}: rujukan isian tidak sesuai skema; jalankan python scripts/dokumen_skema.py",
            file=sys.stderr,
        )
        return 1
    file.write_text(wanted, encoding="utf-8")
    print(f"{CONTRIBUTING.as_posix()}: rujukan isian diperbarui dari skema.")
    return 0


if __name__ == "__main__":
    _inti.run(main)

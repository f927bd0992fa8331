"""Write the field reference in .github/CONTRIBUTING.md from the schemas in innovations/_skema/.

    python scripts/dokumen_skema.py            # rewrite the part between the markers
    python scripts/dokumen_skema.py --periksa  # exit 1 when the file is out of date (tests run this)

The reference is never kept by hand: change a schema, run this, commit both.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import _inti

from katalog.load import CONTENT_DIR, SCHEMA_DIR
from katalog.schema import load_schemas

CONTRIBUTING = Path(".github") / "CONTRIBUTING.md"
START = "<!-- skema:mulai — dibuat oleh scripts/dokumen_skema.py; jangan disunting di sini -->"
END = "<!-- skema:selesai -->"
FILES = {
    "inovasi": "innovations/<id>/index.md",
    "pembinaan": "innovations/<id>/pembinaan-<putaran>.md",
    "putaran": "innovations/_pembinaan/<putaran>.yml",
}
TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "ya/tidak",
    "object": "kelompok",
    "array": "daftar",
}
DESCRIPTION = """\
Menulis ulang rujukan isian di .github/CONTRIBUTING.md dari skema innovations/_skema/*.schema.json
(bagian di antara penanda skema:mulai dan skema:selesai)."""


def resolve(schema: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Follow a "$ref" to another of our schema files ("inovasi.schema.json#/properties/sumber/items")."""
    ref = schema.get("$ref")
    if not ref:
        return schema
    file, _, pointer = ref.partition("#")
    target = schemas[file.removesuffix(".schema.json")]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    return resolve(target, schemas)


def kind_of(schema: dict[str, Any]) -> str:
    types = schema.get("type", [])
    types = types if isinstance(types, list) else [types]
    if "enum" in schema:
        name = "pilihan"
    elif schema.get("format") == "date":
        name = "tanggal"
    elif "array" in types:
        items = schema.get("items", {})
        inner = "pilihan" if "enum" in items else TYPE_NAMES.get(items.get("type", "object"), "kelompok")
        name = f"daftar {inner}"
    else:
        name = " atau ".join(TYPE_NAMES[value] for value in types if value != "null") or "nilai"
    nullable = "null" in types or None in schema.get("enum", [])
    return f"{name}, boleh `null`" if nullable else name


def prose(text: str) -> str:
    """Schema text as Markdown prose: "<slug>" would otherwise be read as an HTML tag and vanish."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def details(schema: dict[str, Any]) -> str:
    parts = [prose(schema.get("description", ""))]
    choices = schema.get("enum") or schema.get("items", {}).get("enum")
    if choices:
        parts.append("Pilihan: " + ", ".join(f"`{'null' if value is None else value}`" for value in choices) + ".")
    if schema.get("format") == "date":
        parts.append("Bentuk `YYYY-MM-DD`, mis. `2024-10-21`.")
    if schema.get("minItems"):
        parts.append(f"Minimal {schema['minItems']} butir.")
    if "minimum" in schema and "maximum" in schema:
        parts.append(f"Antara {schema['minimum']} dan {schema['maximum']}.")
    if "maxLength" in schema:
        parts.append(f"Maksimal {schema['maxLength']} karakter.")
    return " ".join(part for part in parts if part)


def rows(schema: dict[str, Any], schemas: dict[str, dict[str, Any]], prefix: str = "") -> Iterator[list[str]]:
    required = set(schema.get("required", []))
    for key, prop in schema.get("properties", {}).items():
        prop = resolve(prop, schemas)
        name = f"{prefix}{key}"
        yield [f"`{name}`", "ya" if key in required else "", kind_of(prop), details(prop)]
        items = resolve(prop.get("items", {}), schemas)
        if "properties" in prop:
            yield from rows(prop, schemas, f"{name}.")
        elif "properties" in items:
            yield from rows(items, schemas, f"{name}[].")


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reference(schemas: dict[str, dict[str, Any]]) -> str:
    lines = [START, ""]
    for name, file in FILES.items():
        schema = schemas[name]
        lines += [f"### {schema['title']} — `{file}`", "", prose(schema.get("description", "")), ""]
        lines += ["| Isian | Wajib | Jenis | Keterangan |", "| --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(cell(text) for text in row) + " |" for row in rows(schema, schemas)]
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def updated(text: str, schemas: dict[str, dict[str, Any]]) -> str:
    if START not in text or END not in text:
        raise ValueError(f"penanda '{START}' dan '{END}' tidak ditemukan di {CONTRIBUTING}")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return before + reference(schemas) + after


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("dokumen_skema.py", DESCRIPTION)
    parser.add_argument("--periksa", action="store_true", help="hanya periksa; keluar 1 bila belum diperbarui")
    args = parser.parse_args(argv)
    file = args.root / CONTRIBUTING
    schemas = load_schemas(args.root / CONTENT_DIR / SCHEMA_DIR)
    current = file.read_text(encoding="utf-8")
    try:
        wanted = updated(current, schemas)
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

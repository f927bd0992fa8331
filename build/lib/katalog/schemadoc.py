"""The field reference, read from the published JSON Schemas (never kept by hand).

One walk over the schemas serves both places that document the fields: the site's /data/ page and the
table in .github/CONTRIBUTING.md (scripts/dokumen_skema.py); vocabulary.py reads the closed lists of values
from the same walk. Everything here is plain text; each renderer formats it for its own page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .schema import load_schemas

SCHEMA_FILES = {
    "inovasi": "innovations/<id>/index.md",
    "pembinaan": "innovations/<id>/pembinaan-<putaran>.md",
    "putaran": "innovations/_pembinaan/<putaran>.yml",
    "edisi": "innovations/_skk/<tahun>.yml",
}
_TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "boolean": "ya/tidak",
    "object": "kelompok",
    "array": "daftar",
}


@dataclass(frozen=True)
class FieldDoc:
    path: str  # "kecamatan.kode", "penghargaan[].peringkat"
    required: bool
    kind: str  # "teks", "pilihan", "daftar teks", "tanggal"…
    nullable: bool  # null is allowed (shown as "belum terdokumentasi")
    description: str
    choices: tuple[str, ...]  # the closed list of values, "null" included where allowed
    notes: tuple[str, ...]  # format and size rules, as short sentences


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]], home: str) -> tuple[dict[str, Any], str]:
    """Follow a "$ref" ("inovasi.schema.json#/properties/sumber/items", or "#/$defs/…" inside `home`):
    the node it names, and the schema that node lives in (its own local references point there)."""
    reference = node.get("$ref")
    if not reference:
        return node, home
    file_name, _, pointer = reference.partition("#")
    home = file_name.removesuffix(".schema.json") or home
    target: Any = schemas[home]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    return _resolve(target, schemas, home)


def _types(node: dict[str, Any]) -> list[str]:
    if "anyOf" in node:  # a plain value or {beda_sumber: […]}: the plain value's types describe the field
        return _types(node["anyOf"][0])
    types = node.get("type", [])
    return types if isinstance(types, list) else [types]


def _kind(node: dict[str, Any]) -> str:
    types = _types(node)
    if "enum" in node:
        return "pilihan"
    if node.get("format") == "date":
        return "tanggal"
    if "array" in types:
        items = node.get("items", {})
        inner = "pilihan" if "enum" in items else _TYPE_NAMES.get(items.get("type", "object"), "kelompok")
        return f"daftar {inner}"
    return " atau ".join(_TYPE_NAMES[name] for name in types if name != "null") or "nilai"


def _notes(node: dict[str, Any]) -> tuple[str, ...]:
    notes = []
    if node.get("format") == "date":
        notes.append("Bentuk YYYY-MM-DD, mis. 2024-10-21.")
    if node.get("minItems"):
        notes.append(f"Minimal {node['minItems']} butir.")
    if "minimum" in node and "maximum" in node:
        notes.append(f"Antara {node['minimum']} dan {node['maximum']}.")
    if "maxLength" in node:
        notes.append(f"Maksimal {node['maxLength']} karakter.")
    return tuple(notes)


@dataclass(frozen=True)
class SchemaField:
    path: str  # as in FieldDoc
    node: dict[str, Any]  # the field's schema, "$ref" followed
    required: bool


def schema_fields(schemas: dict[str, dict[str, Any]], name: str) -> Iterator[SchemaField]:
    """Every field of one schema, nested ones after their parent, in the schema's own order."""
    yield from _walk(schemas[name], schemas, name)


def _walk(
    node: dict[str, Any], schemas: dict[str, dict[str, Any]], home: str, prefix: str = ""
) -> Iterator[SchemaField]:
    required = set(node.get("required", ()))
    for key, child in node.get("properties", {}).items():
        child, child_home = _resolve(child, schemas, home)
        path = f"{prefix}{key}"
        yield SchemaField(path, child, key in required)
        items, items_home = _resolve(child.get("items", {}), schemas, child_home)
        if "properties" in child:
            yield from _walk(child, schemas, child_home, f"{path}.")
        elif "properties" in items:
            yield from _walk(items, schemas, items_home, f"{path}[].")


def _field_doc(field: SchemaField) -> FieldDoc:
    node = field.node
    choices = node.get("enum") or node.get("items", {}).get("enum") or ()
    return FieldDoc(
        path=field.path,
        required=field.required,
        kind=_kind(node),
        nullable="null" in _types(node) or None in node.get("enum", ()),
        description=node.get("description", ""),
        choices=tuple("null" if value is None else str(value) for value in choices),
        notes=_notes(node),
    )


def field_docs(schema_dir: Path, name: str) -> list[FieldDoc]:
    """Every field of one schema ("inovasi", "pembinaan", "putaran"), in the schema's own order."""
    return [_field_doc(field) for field in schema_fields(load_schemas(schema_dir), name)]


def schema_summary(schema_dir: Path, name: str) -> tuple[str, str]:
    """A schema's title and description, for the heading above its field table."""
    schema = load_schemas(schema_dir)[name]
    return schema["title"], schema.get("description", "")

"""The field reference, generated from the published JSON Schemas (never kept by hand)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .schema import load_schemas

_TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "array": "daftar",
    "object": "kelompok",
    "null": "null",
    "boolean": "ya/tidak",
}


@dataclass(frozen=True)
class FieldDoc:
    path: str  # "kecamatan.kode", "penghargaan[].peringkat"
    kind: str  # "teks atau null"
    required: bool
    description: str
    allowed: tuple[str, ...]  # enum values, when the field has a closed list


def _resolve(node: dict[str, Any], schemas: dict[str, dict[str, Any]]) -> dict[str, Any]:
    reference = node.get("$ref")
    if not reference:
        return node
    file_name, _, pointer = reference.partition("#")
    target: Any = schemas[file_name.removesuffix(".schema.json")]
    for part in pointer.strip("/").split("/"):
        target = target[part]
    return target


def _kind(node: dict[str, Any]) -> str:
    if "enum" in node:
        return "pilihan"
    types = node.get("type", [])
    types = types if isinstance(types, list) else [types]
    return " atau ".join(_TYPE_NAMES.get(name, name) for name in types) or "—"


def _walk(node: dict[str, Any], prefix: str, required: bool, schemas: dict[str, dict[str, Any]]) -> list[FieldDoc]:
    node = _resolve(node, schemas)
    docs: list[FieldDoc] = []
    if prefix:
        allowed = tuple("null" if value is None else str(value) for value in node.get("enum", ()))
        if node.get("type") == "array" and "enum" in node.get("items", {}):
            allowed = tuple(str(value) for value in node["items"]["enum"])
        docs.append(FieldDoc(prefix, _kind(node), required, node.get("description", ""), allowed))
    children = node.get("properties")
    if node.get("type") == "array" and isinstance(node.get("items"), dict):
        item = _resolve(node["items"], schemas)
        if item.get("type") == "object":
            return docs + _walk(item, f"{prefix}[]", False, schemas)[1:] if prefix else docs
    if children:
        needed = set(node.get("required", ()))
        for name, child in children.items():
            path = f"{prefix}.{name}" if prefix else name
            docs += _walk(child, path, name in needed, schemas)
    return docs


def field_docs(schema_dir, name: str) -> list[FieldDoc]:
    """Every field of one schema ("inovasi", "pembinaan", "putaran"), in the schema's own order."""
    schemas = load_schemas(schema_dir)
    return _walk(schemas[name], "", True, schemas)

"""The controlled vocabularies, read from the one place they live: beside each "enum" in the published schemas.

A field with a closed list of values carries, next to its "enum", the annotation "x-labels" (value -> the
label the site shows) and, for a scale that readers must understand, "x-help" (value -> what it means):

    "enum": ["digital", "non-digital", null],
    "x-labels": {"digital": "Digital", "non-digital": "Non-digital"}

JSON Schema 2020-12 allows keywords it does not define: jsonschema and fastjsonschema ignore these, and
editors still offer the enum. The enum's order is the display order. Everything else reads the vocabularies
from here: labels.py, model.RANK_ORDER, replication.LEVELS, and scripts/dokumen_skema.py, which writes the
issue form's choices and the field reference in .github/CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .schema import SCHEMA_NAMES, load_schemas
from .schemadoc import schema_fields

LABELS = "x-labels"
HELP = "x-help"
# The repository's own schemas: the code's labels and orders come from these, whichever folder a build validates.
OWN_SCHEMA_DIR = Path(__file__).resolve().parents[2] / "innovations" / "_skema"
# Fields the code reads as one vocabulary: replication compares cost class and complexity on one scale
# (replication.LEVELS, labels.LEVEL_LABELS).
SAME_VOCABULARY = ((("inovasi", "replikasi.kompleksitas"), ("inovasi", "replikasi.kelas_biaya")),)

VocabularyKey = tuple[str, str]  # (schema name, field path), e.g. ("inovasi", "klasifikasi.bidang")


@dataclass(frozen=True)
class Vocabulary:
    values: tuple[str, ...]  # in display order; null (unknown) is not a value
    labels: dict[str, str]  # value -> label, in display order
    help: dict[str, str]  # value -> what it means; empty unless the schema explains its values
    nullable: bool  # null is allowed: the site shows "belum terdokumentasi"


class VocabularyError(ValueError):
    """The schemas' vocabularies disagree with themselves; the message lists every problem."""


def _choices_node(node: dict[str, Any]) -> dict[str, Any] | None:
    """Where a field's closed list sits: on the field, or on its items for a list of choices."""
    return next((candidate for candidate in (node, node.get("items", {})) if "enum" in candidate), None)


def _fields_with_choices(schema_dir: Path) -> Iterator[tuple[VocabularyKey, dict[str, Any], str]]:
    """(key, the node holding "enum", the field's description) for every field with a closed list."""
    schemas = load_schemas(schema_dir)
    for name in SCHEMA_NAMES:
        for field in schema_fields(schemas, name):
            node = _choices_node(field.node)
            if node is not None:
                yield (name, field.path), node, field.node.get("description", "")
        # a shared list that fields reach only through anyOf (an edition's place, or the sources' alternatives)
        for definition, node in schemas[name].get("$defs", {}).items():
            if "enum" in node:
                yield (name, f"$defs.{definition}"), node, node.get("description", "")


def _read(node: dict[str, Any]) -> Vocabulary:
    values = tuple(value for value in node["enum"] if value is not None)
    labels, help_texts = node.get(LABELS, {}), node.get(HELP, {})
    return Vocabulary(
        values=values,
        labels={value: labels[value] for value in values if value in labels},
        help={value: help_texts[value] for value in values if value in help_texts},
        nullable=None in node["enum"],
    )


def vocabularies(schema_dir: Path) -> dict[VocabularyKey, Vocabulary]:
    """Every closed list of values in the schemas, by schema name and field path."""
    return {key: _read(node) for key, node, _ in _fields_with_choices(schema_dir)}


def vocabulary_problems(schema_dir: Path) -> list[str]:
    """Every place where the labels, help texts or descriptions disagree with the enum they sit beside."""
    problems: list[str] = []
    found: dict[VocabularyKey, Vocabulary] = {}
    for key, node, description in _fields_with_choices(schema_dir):
        problems += [f"{_where(key)}: {message}" for message in _node_problems(node, description)]
        found[key] = _read(node)
    for first, second in SAME_VOCABULARY:
        missing = [key for key in (first, second) if key not in found]
        if missing:
            problems += [
                f"{_where(key)}: isian pilihan ini tidak ditemukan, padahal kode membacanya" for key in missing
            ]
        elif (found[first].values, found[first].labels) != (found[second].values, found[second].labels):
            problems.append(f"{_where(second)}: pilihan dan labelnya harus sama dengan {_where(first)} (satu skala)")
    return problems


def _where(key: VocabularyKey) -> str:
    return f"{key[0]}.schema.json: {key[1]}"


def _node_problems(node: dict[str, Any], description: str) -> list[str]:
    values = [value for value in node["enum"] if value is not None]
    labels = node.get(LABELS)
    if not isinstance(labels, dict):
        return [f'pilihan tanpa label; tambahkan "{LABELS}": {{nilai: label}} untuk {", ".join(values)}']
    problems = _mapping_problems(LABELS, labels, values)
    help_texts = node.get(HELP)
    if help_texts is not None:
        problems += _mapping_problems(HELP, help_texts, values)
    if isinstance(help_texts, dict):  # the description explains the scale too, for editors that show it
        problems += [
            f'deskripsi tidak menjelaskan {value!r} seperti "{HELP}"; tulis "{value} ({text})"'
            for value, text in help_texts.items()
            if f"{value} ({text})" not in description
        ]
    return problems + _description_problems(description, values)


def _mapping_problems(keyword: str, mapping: Any, values: list[str]) -> list[str]:
    if not isinstance(mapping, dict):
        return [f'"{keyword}" harus berupa {{nilai: teks}}']
    problems = [
        f'nilai {value!r} belum ada di "{keyword}"; tambahkan "{value}": "…"'
        for value in values
        if value not in mapping
    ]
    problems += [
        f'"{keyword}" memuat {key!r}, yang bukan salah satu nilai "enum"' for key in mapping if key not in values
    ]
    problems += [
        f'"{keyword}" untuk {key!r} harus berupa teks yang tidak kosong'
        for key, text in mapping.items()
        if not isinstance(text, str) or not text.strip()
    ]
    if not problems and list(mapping) != values:
        problems.append(f'urutan "{keyword}" berbeda dengan "enum"; samakan (urutan "enum" adalah urutan tampil)')
    return problems


def _description_problems(description: str, values: list[str]) -> list[str]:
    """A description that lists the values must list all of them: a value added to the enum only goes unexplained."""
    named = [value for value in values if re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", description)]
    if not named or len(named) == len(values):
        return []
    unnamed = ", ".join(value for value in values if value not in named)
    return [f"deskripsi menyebut {', '.join(named)}, tetapi tidak {unnamed}; sebut semua pilihan atau tidak satu pun"]


@cache
def checked_vocabularies(schema_dir: Path) -> dict[VocabularyKey, Vocabulary]:
    """The vocabularies, refused whole when any copy disagrees: better no build than a label missing mid-build."""
    problems = vocabulary_problems(schema_dir)
    if problems:
        raise VocabularyError(f"pilihan di {schema_dir} tidak konsisten:\n" + "\n".join(problems))
    return vocabularies(schema_dir)


def own_vocabulary(schema: str, path: str) -> Vocabulary:
    """One of the repository's vocabularies: own_vocabulary("inovasi", "klasifikasi.bidang")."""
    return checked_vocabularies(OWN_SCHEMA_DIR)[schema, path]


def place_vocabulary() -> tuple[str, ...]:
    """The ranking places of an SKK edition, best first (edisi.schema.json, $defs/tempat)."""
    return own_vocabulary("edisi", "$defs.tempat").values

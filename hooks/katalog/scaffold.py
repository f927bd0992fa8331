"""Write a new write-up (innovations/<id>/index.md) from the schema: every field present, blanks marked.

Shared by scripts/baru.py (from the command line) and scripts/dari_isu.py (from an issue form). The front
matter is generated from innovations/_skema/inovasi.schema.json, so a field added to the schema appears
in every new write-up without touching this file. What is known is filled in; every other field is null
or [] and, where the schema does not accept that blank, marked "# ISI: …" so validation names it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .load import CONTENT_DIR, SCHEMA_DIR, STORY_SECTIONS, WRITE_UP, validate_catalogue
from .problems import format_problems
from .regions import Kecamatan, slugify
from .schema import load_schemas

FieldPath = tuple[str | int, ...]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_SLUG = 60
FILL_IN = "ISI:"

SECTION_HINTS = {
    "Latar belakang dan masalah": (
        "masalah yang dihadapi warga atau kecamatan sebelum inovasi ini ada, menurut sumber; "
        "rujuk sumbernya dengan id-nya, mis. [S1]."
    ),
    "Cara kerja": "bagaimana inovasi berjalan: siapa melakukan apa, kapan, dengan sarana apa (menurut sumber).",
    "Dampak": (
        "hasil yang tercatat di sumber; angka hanya bila ada sumbernya. Bila belum ada, tulis "
        '"Data dampak belum terdokumentasi."'
    ),
    "Pemangku kepentingan": "pihak yang terlibat menurut sumber (pemerintah kecamatan, desa, warga, mitra).",
}
HEADER = (
    "# Tulisan inovasi baru. Isi setiap baris bertanda 'ISI:'; validasi (python scripts/validasi.py)",
    "# gagal sampai semuanya terisi. Tulis hanya fakta yang ada sumbernya; yang belum diketahui biarkan",
    "# null atau [] (tampil sebagai 'belum terdokumentasi'). Rujukan isian: .github/CONTRIBUTING.md.",
)


@dataclass(frozen=True)
class Draft:
    """What is known about a new write-up; every other field stays blank and marked."""

    slug: str
    name: str
    kecamatan: Kecamatan
    values: dict[FieldPath, Any] = field(default_factory=dict)  # known values by field path
    sections: dict[str, str] = field(default_factory=dict)  # body text by section title
    note: str | None = None  # one comment line on where the draft came from


def slug_for(name: str) -> str:
    """The id a program name suggests: lower case and hyphens, cut at a hyphen to fit the schema."""
    slug = slugify(name)
    while len(slug) > MAX_SLUG and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:MAX_SLUG].strip("-")


def slug_problem(slug: str, root: Path) -> str | None:
    """Why `slug` cannot be used for a new write-up, in Indonesian; None when it can."""
    if not SLUG.match(slug) or len(slug) > MAX_SLUG:
        return f"id '{slug}' tidak sah; pakai huruf kecil, angka dan tanda hubung (maks. {MAX_SLUG} karakter)"
    folder = root / CONTENT_DIR / slug
    if folder.exists():
        return (
            f"folder {CONTENT_DIR}/{slug}/ sudah ada; id inovasi harus unik. "
            "Sunting berkas yang ada, atau pilih id lain dengan --id"
        )
    return None


def write_draft(root: Path, draft: Draft) -> Path:
    """Create innovations/<slug>/index.md; refuses an existing folder (the caller checks slug_problem first)."""
    problem = slug_problem(draft.slug, root)
    if problem:
        raise FileExistsError(problem)
    schema = load_schemas(root / CONTENT_DIR / SCHEMA_DIR)["inovasi"]
    folder = root / CONTENT_DIR / draft.slug
    folder.mkdir(parents=True)
    file = folder / WRITE_UP
    file.write_text(render(schema, draft), encoding="utf-8")
    return file


def print_still_to_fill(root: Path, rel: str, heading: str) -> None:
    """What the validator still says about a new draft, so the contributor knows what to type next."""
    _, problems = validate_catalogue(root)
    todo = [problem for problem in problems if problem.path == rel]
    if todo:
        print(f"{heading} ({len(todo)}):")
        for line in format_problems(todo):
            print(f"  {line}")


def render(schema: dict[str, Any], draft: Draft) -> str:
    values = {
        ("id",): draft.slug,
        ("nama",): draft.name,
        ("kecamatan", "kode"): draft.kecamatan.code,
        ("kecamatan", "nama"): draft.kecamatan.name,
        ("kecamatan", "kabupaten"): draft.kecamatan.kabupaten.name,
        ("skk", 0, "sumber"): ["S1"],
        ("sumber", 0, "id"): "S1",
        # The write-up's name and place are facts too: the first source is assumed to state them.
        ("rujukan",): {"nama": ["S1"], "kecamatan": ["S1"]},
        **draft.values,
    }
    note = [f"# {draft.note}"] if draft.note else []
    lines = ["---", *HEADER, *note, *_properties(schema, (), 0, values), "---", ""]
    for title in STORY_SECTIONS:
        text = draft.sections.get(title, "").strip() or f"{FILL_IN} {SECTION_HINTS[title]}"
        lines += [f"## {title}", "", text, ""]
    return "\n".join(lines)


def _properties(schema: dict[str, Any], path: FieldPath, indent: int, values: dict[FieldPath, Any]) -> Iterator[str]:
    required = set(schema.get("required", []))
    for key, prop in schema.get("properties", {}).items():
        yield from _field(key, prop, (*path, key), indent, key in required, values)


def _field(
    key: str, prop: dict[str, Any], path: FieldPath, indent: int, required: bool, values: dict[FieldPath, Any]
) -> Iterator[str]:
    pad = " " * indent
    if path in values:
        yield from _known(key, values[path], pad)
        return
    if "properties" in prop:
        yield f"{pad}{key}:{_comment(prop, must=False)}"
        yield from _properties(prop, path, indent + 2, values)
        return
    item = prop.get("items", {})
    if (
        prop.get("type") == "array"
        and "properties" in item
        and (prop.get("minItems", 0) > 0 or _known_under(path, values))
    ):
        yield f"{pad}{key}:{_comment(prop, must=False)}"
        first, *rest = list(_properties(item, (*path, 0), indent + 4, values))
        yield f"{pad}  - {first.lstrip()}"
        yield from rest
        return
    blank: Any = [] if prop.get("type") == "array" else _only_choice(prop)
    must = not jsonschema.Draft202012Validator(prop).is_valid(blank)
    yield f"{pad}{key}: {_scalar(blank)}{_comment(prop, must)}"


def _known_under(path: FieldPath, values: dict[FieldPath, Any]) -> bool:
    return any(known[: len(path)] == path and len(known) > len(path) for known in values)


def _only_choice(prop: dict[str, Any]) -> Any:
    """A field with a single allowed value (ajang: SKK) is filled with it; anything else starts as null."""
    choices = [value for value in prop.get("enum", []) if value is not None]
    return choices[0] if len(choices) == 1 and None not in prop.get("enum", []) else None


# The one worked example of `rujukan` a new write-up carries (the guide explains it in full).
REFERENCE_HINT = (
    "  # Sumber setiap fakta: mis. akronim: [S2] · klasifikasi.jenis: redaksi (klasifikasi penyunting) · "
    "fakta yang kosong (null) tidak diberi rujukan"
)


def _known(key: str, value: Any, pad: str) -> Iterator[str]:
    if isinstance(value, dict):
        yield f"{pad}{key}:{REFERENCE_HINT if key == 'rujukan' else ''}"
        yield from (f"{pad}  {name}: {_scalar(item)}" for name, item in value.items())
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        yield f"{pad}{key}:"
        for item in value:
            prefix = f"{pad}  - "
            for name, item_value in item.items():
                yield f"{prefix}{name}: {_scalar(item_value)}"
                prefix = f"{pad}    "
    elif isinstance(value, list) and value:
        yield f"{pad}{key}:"
        yield from (f"{pad}  - {_scalar(item)}" for item in value)
    else:
        yield f"{pad}{key}: {_scalar(value)}"


_SENTENCE_END = re.compile(r"(?<!mis)\.\s+(?=[A-Z\"])")


def _comment(prop: dict[str, Any], must: bool) -> str:
    hint = _field_hint(prop)
    if must:
        return f"  # {FILL_IN} {hint}".rstrip()
    return f"  # {hint}" if hint else ""


def _field_hint(prop: dict[str, Any]) -> str:
    """The guidance written beside a field: its description's first sentence, and its choices."""
    description = prop.get("description", "")
    first_sentence = _SENTENCE_END.split(description, maxsplit=1)[0].rstrip(".")
    choices = [value for value in prop.get("enum", prop.get("items", {}).get("enum", [])) if value is not None]
    if len(choices) > 1 and not all(choice in first_sentence for choice in choices):
        first_sentence += "; pilihan: " + ", ".join(choices)
    return first_sentence


def field_hints(schema: dict[str, Any]) -> tuple[str, ...]:
    """The guidance written beside every field of a new write-up (without the 'ISI:' marker). Like the hints
    under its headings (SECTION_HINTS), none of it is content: the validator refuses a write-up that still
    holds any of it (katalog.policy.Leftovers)."""
    return tuple(filter(None, (_field_hint(prop) for prop in _field_schemas(schema))))


def _field_schemas(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for prop in schema.get("properties", {}).values():
        yield prop
        yield from _field_schemas(prop)
        yield from _field_schemas(prop.get("items", {}))


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,()/'-]*")  # a leading digit is quoted: "35.79.03", not a number


def _scalar(value: Any) -> str:
    """A YAML scalar that reads back as exactly `value`: plain when that is safe, else double-quoted."""
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    if value is None or isinstance(value, (bool, int, float)):
        return json.dumps(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


__all__ = [
    "FILL_IN",
    "SECTION_HINTS",
    "Draft",
    "field_hints",
    "print_still_to_fill",
    "render",
    "slug_for",
    "slug_problem",
    "write_draft",
]

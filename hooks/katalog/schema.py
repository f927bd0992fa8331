"""JSON Schema validation of front matter, with every error turned into a located Indonesian message.

The schemas live in innovations/_skema/ and are published on the site, so editors validate against the
very same rules as the build.

Speed: jsonschema is exact and explains every error, but costs about a millisecond per write-up. A
fastjsonschema validator compiled from the same schemas answers "valid?" some twenty times faster; only
a write-up it does not pass goes through jsonschema, which then reports each error. A write-up that the
fast gate passes and jsonschema would refuse would slip through, so tests compare both verdicts.
"""

from __future__ import annotations

import calendar
import difflib
import json
import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import fastjsonschema
import jsonschema
from babel.dates import get_month_names
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from .frontmatter import Document
from .problems import Problem, show

SCHEMA_NAMES = ("inovasi", "pembinaan", "putaran", "edisi")

_TYPE_LABELS = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "array": "daftar (baris berawalan '- ')",
    "object": "kelompok 'kunci: nilai'",
    "null": "kosong (null)",
    "boolean": "ya/tidak",
}


@cache
def load_schemas(schema_dir: Path) -> dict[str, dict[str, Any]]:
    return {name: json.loads((schema_dir / f"{name}.schema.json").read_text(encoding="utf-8")) for name in SCHEMA_NAMES}


def _is_integer(checker: object, instance: object) -> bool:
    """YAML `2023.0` is a float: JSON Schema would count it as an integer, the catalogue does not."""
    return isinstance(instance, int) and not isinstance(instance, bool)


_DOLLAR = re.compile(r"(?<!\\)\$")


@cache
def _whole_value(pattern: str) -> re.Pattern[str]:
    """A schema pattern whose `$` means the end of the text, as in JavaScript and fastjsonschema: Python's
    `$` also matches before a final newline, so `^S1$` would accept "S1\n"."""
    return re.compile(_DOLLAR.sub(r"\\Z", pattern))


def _pattern(validator: object, pattern: str, instance: object, schema: object) -> Iterator[ValidationError]:
    if isinstance(instance, str) and not _whole_value(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Validator = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    validators={"pattern": _pattern},
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer),
)


@cache
def validator_for(schema_dir: Path, name: str) -> jsonschema.Draft202012Validator:
    schemas = load_schemas(schema_dir)
    registry = Registry().with_resources((schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    return _Validator(schemas[name], registry=registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@cache
def fast_validator_for(schema_dir: Path, name: str) -> Callable[[Any], Any]:
    """A compiled validator that raises on the first error: a quick gate in front of `validator_for`."""
    return _compiled_gate(json.dumps(load_schemas(schema_dir), sort_keys=True), name)


@lru_cache(maxsize=2 * len(SCHEMA_NAMES))
def _compiled_gate(schemas_text: str, name: str) -> Callable[[Any], Any]:
    """Kept by the schemas' text, so clear_caches() need not drop it: compiling takes about 0.1 s a schema,
    and under `mkdocs serve` every rebuild would pay it again for schemas that rarely change."""
    schemas = json.loads(schemas_text)
    by_id = {schema["$id"]: schema for schema in schemas.values()}
    date_checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return fastjsonschema.compile(
        _inlined(schemas[name], schemas[name], by_id),
        formats={"date": lambda value: date_checker.conforms(value, "date")},
    )


def _inlined(node: Any, document: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> Any:
    """A copy of a schema with every "$ref" replaced by the schema it names. The code fastjsonschema writes
    calls a function for each reference and first formats its error path (str.format(**locals())): a third of
    the gate's time on a write-up. These schemas refer to no schema that refers back to itself."""
    if isinstance(node, list):
        return [_inlined(item, document, by_id) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" not in node:
        return {key: _inlined(value, document, by_id) for key, value in node.items()}
    address, _, pointer = node["$ref"].partition("#")
    target = by_id[urljoin(document["$id"], address)] if address else document
    named = target
    for part in filter(None, pointer.split("/")):
        named = named[part]
    siblings = {key: _inlined(value, document, by_id) for key, value in node.items() if key != "$ref"}
    resolved = _inlined(named, target, by_id)
    if not siblings:
        return resolved
    return {**siblings, "allOf": [*siblings.get("allOf", []), resolved]}


def passes_quickly(data: Any, schema_dir: Path, name: str, holds_float: bool | None = None) -> bool:
    """True when the fast gate finds no error; any failure of the gate itself means "take the exact path".
    `holds_float`: whether a value is a float, when the caller knows already (frontmatter.Document does)."""
    if _holds_float(data) if holds_float is None else holds_float:
        return False  # fastjsonschema counts 2023.0 as an integer: let jsonschema decide (it does not)
    try:
        fast_validator_for(schema_dir, name)(data)
    except Exception:  # an error, or a surprise in the gate: either way jsonschema decides and explains
        return False
    return True


def _holds_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_holds_float(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_float(item) for item in value)
    return False


def schema_problems(document: Document, validator: jsonschema.Draft202012Validator) -> list[Problem]:
    problems: set[Problem] = set()
    for error in validator.iter_errors(document.data):
        problems.update(_to_problems(error, document))
    return sorted(problems)


def _to_problems(error: ValidationError, document: Document) -> list[Problem]:
    field_path = tuple(error.absolute_path)
    label = ".".join(str(part) for part in field_path)
    line = document.line_of(field_path)
    instance = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator

    if kind == "required":
        missing = [name for name in error.validator_value if name not in instance]
        return [
            Problem(document.path, line, ".".join(filter(None, (label, name))), "wajib diisi, tetapi tidak ada")
            for name in missing
        ]
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = [name for name in instance if name not in allowed]
        return [
            Problem(
                document.path,
                document.line_of((*field_path, name)),
                ".".join(filter(None, (label, str(name)))),
                f"kunci tidak dikenal{_did_you_mean(str(name), allowed)}; kunci yang diizinkan: {', '.join(allowed)}",
            )
            for name in extras
        ]
    if kind == "enum":
        allowed = [_show(value) for value in error.validator_value]
        hint = _did_you_mean(str(instance), allowed)
        if instance is None:  # a scaffold's blank: say what to fill in, not that null is "unknown"
            message = f"belum diisi; pilihan: {', '.join(allowed)}"
        else:
            message = f"nilai {_show(instance)} tidak dikenal{hint}; pilihan: {', '.join(allowed)}"
    elif kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        kinds = " atau ".join(_TYPE_LABELS[name] for name in wanted)
        if instance is None:
            message = f"belum diisi; isi dengan {kinds}"
        else:
            message = f"harus berupa {kinds}, bukan {_show(instance)}"
    elif kind == "format" and error.validator_value == "date":
        message = date_problem(instance)
    elif kind == "pattern":
        message = f"isi {_show(instance)} tidak sesuai aturan: {schema.get('description', error.validator_value)}"
    elif kind == "minLength":
        message = f"terlalu pendek; minimal {error.validator_value} karakter"
    elif kind == "maxLength":
        message = f"terlalu panjang ({len(instance)} karakter); maksimal {error.validator_value} karakter"
    elif kind == "minItems":
        message = f"daftar ini minimal berisi {error.validator_value} butir"
        choices = schema.get("items", {}).get("enum")
        if choices:
            message += f", mis. [{choices[0]}]; pilihan: {', '.join(_show(value) for value in choices)}"
    elif kind == "uniqueItems":
        message = "ada butir yang ditulis dua kali; hapus yang ganda"
    elif kind in ("minimum", "maximum"):
        bound = "paling kecil" if kind == "minimum" else "paling besar"
        message = f"nilai {_show(instance)} di luar batas; {bound} {error.validator_value}"
    elif kind == "anyOf" and isinstance(instance, str) and _enum_in(error):
        # a value or the sources' alternatives ({beda_sumber}): a mistyped value is a choice problem
        allowed = [_show(value) for value in _enum_in(error) if value is not None]
        hint = _did_you_mean(str(instance), allowed)
        message = f"nilai {_show(instance)} tidak dikenal{hint}; pilihan: {', '.join(allowed)}, atau beda_sumber"
    elif kind == "anyOf" and field_path == ("kecamatan",):
        message = 'isi kode Kemendagri kecamatan (mis. "35.79.03") atau namanya beserta kabupaten/kota'
    elif kind == "anyOf" and error.context:
        # a value or the sources' alternatives: explain the deepest problem, in the shape the writer chose
        return _to_problems(max(error.context, key=lambda sub: len(sub.absolute_path)), document)
    else:
        message = f"tidak sesuai skema ({error.message})"
    return [Problem(document.path, line, label, message)]


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def date_problem(value: str) -> str:
    """Why a text is no date. YAML reads a date that does not exist (2024-11-31) as plain text, so the schema's
    format check is the first to see it: name the missing day, not the format, which was right."""
    parts = _ISO_DATE.fullmatch(value)
    if parts is None:
        return f"tanggal {_show(value)} tidak valid; tulis tahun-bulan-tanggal (YYYY-MM-DD), mis. 2024-10-21"
    year, month, day = (int(part) for part in parts.groups())
    if not 1 <= month <= 12:
        return f"tanggal {_show(value)} tidak ada: bulan {month} tidak ada; bulan ditulis 01 sampai 12 (YYYY-MM-DD)"
    month_name = get_month_names("wide", locale="id")[month]
    last_day = calendar.monthrange(year, month)[1]
    if day == 0:
        return f"tanggal {_show(value)} tidak ada: tanggal dimulai dari 01 ({month_name} {year}: 01 sampai {last_day})"
    if month == 2 and day == 29:
        return (
            f"tanggal 29 Februari {year} tidak ada: {year} bukan tahun kabisat, Februari {year} hanya sampai "
            "tanggal 28; periksa tanggalnya di sumber"
        )
    return (
        f"tanggal {day} {month_name} {year} tidak ada: {month_name} {year} hanya sampai tanggal {last_day}; "
        "periksa tanggalnya di sumber"
    )


def _enum_in(error: ValidationError) -> list[Any]:
    """The closed list of values among an anyOf's branches, when one of them is one."""
    return next((sub.validator_value for sub in error.context or () if sub.validator == "enum"), [])


def _show(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return show(value)
    if isinstance(value, bool):
        return "ya/tidak"
    if isinstance(value, (list, dict)):
        return _TYPE_LABELS["array" if isinstance(value, list) else "object"]
    return str(value)


def _did_you_mean(value: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(value.strip("'"), [item.strip("'") for item in allowed], n=1, cutoff=0.6)
    return f" (mungkin maksud Anda '{close[0]}'?)" if close else ""

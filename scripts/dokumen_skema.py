"""Write what repeats the schemas in innovations/_skema/: the field reference and the issue form's choices.

    python scripts/dokumen_skema.py            # rewrite both
    python scripts/dokumen_skema.py --periksa  # exit 1 when either is out of date (tests run this)

The field reference is the part of .github/CONTRIBUTING.md between the markers; the issue form's choices
are the options of its dropdowns named in FORM_CHOICES. Neither is kept by hand: change a schema (a value
in "enum" goes with its label in "x-labels", see katalog/vocabulary.py), run this, commit all.
The completion form ("Lengkapi inovasi") names the gaps it takes answers for, from katalog.gaps: its field
is a text field (GitHub fills only text fields from a profile's link), so the choices are its description.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import _inti
import yaml
from dari_isu import FORM

from katalog.gaps import all_questions
from katalog.load import CONTENT_DIR, SCHEMA_DIR
from katalog.schemadoc import SCHEMA_FILES, FieldDoc, field_docs, schema_summary
from katalog.urls import COMPLETION_FORM, FORM_QUESTION_FIELD
from katalog.vocabulary import Vocabulary, VocabularyKey, vocabularies, vocabulary_problems

CONTRIBUTING = Path(".github") / "CONTRIBUTING.md"
COMPLETION = Path(".github") / "ISSUE_TEMPLATE" / COMPLETION_FORM
START = "<!-- skema:mulai — dibuat oleh scripts/dokumen_skema.py; jangan disunting di sini -->"
END = "<!-- skema:selesai -->"
# Dropdown id in the issue form -> the vocabulary whose values are its options (dari_isu.py reads them back).
FORM_CHOICES: dict[str, VocabularyKey] = {
    "bidang": ("inovasi", "klasifikasi.bidang"),
}
DESCRIPTION = """\
Menulis ulang dari skema innovations/_skema/*.schema.json: rujukan isian di .github/CONTRIBUTING.md
(bagian di antara penanda skema:mulai dan skema:selesai) dan pilihan formulir isu "Usulkan inovasi"."""


def prose(text: str) -> str:
    """Schema text as Markdown prose: "<slug>" would otherwise be read as an HTML tag and vanish."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _says_more(value: str, label: str) -> bool:
    """A label worth printing beside its value: more than the value with capitals and spaces."""
    return label.replace("-", " ").casefold() != value.replace("-", " ").casefold()


def choice(value: str, vocabulary: Vocabulary | None) -> str:
    label = vocabulary.labels.get(value, "") if vocabulary else ""
    return f"`{value}` ({prose(label)})" if label and _says_more(value, label) else f"`{value}`"


def row(field: FieldDoc, vocabulary: Vocabulary | None = None) -> list[str]:
    kind = f"{field.kind}, boleh `null`" if field.nullable else field.kind
    parts = [prose(field.description)]
    if field.choices:
        parts.append("Pilihan: " + ", ".join(choice(value, vocabulary) for value in field.choices) + ".")
    parts += [note.replace("YYYY-MM-DD", "`YYYY-MM-DD`").replace("2024-10-21", "`2024-10-21`") for note in field.notes]
    return [f"`{field.path}`", "ya" if field.required else "", kind, " ".join(part for part in parts if part)]


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def reference(schema_dir: Path) -> str:
    known = vocabularies(schema_dir)
    lines = [START, ""]
    for name, file in SCHEMA_FILES.items():
        title, description = schema_summary(schema_dir, name)
        lines += [f"### {title} — `{file}`", "", prose(description), ""]
        lines += ["| Isian | Wajib | Jenis | Keterangan |", "| --- | --- | --- | --- |"]
        for field in field_docs(schema_dir, name):
            lines.append("| " + " | ".join(cell(text) for text in row(field, known.get((name, field.path)))) + " |")
        lines.append("")
    lines.append(END)
    return "\n".join(lines)


def updated(text: str, schema_dir: Path) -> str:
    if START not in text or END not in text:
        raise ValueError(f"penanda '{START}' dan '{END}' tidak ditemukan di {CONTRIBUTING}")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    return before + reference(schema_dir) + after


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _yaml_item(value: str) -> str:
    """A list item that YAML reads back as this very string; quoted only when it must be."""
    return f"- {value}" if yaml.safe_load(f"- {value}") == [value] else f"- {json.dumps(value, ensure_ascii=False)}"


def with_options(lines: list[str], field_id: str, values: tuple[str, ...]) -> list[str]:
    """The form's lines with the options of dropdown `field_id` replaced; comments and layout stay as they are."""
    pattern = re.compile(rf"^\s*id: {re.escape(field_id)}\s*$")
    start = next((index for index, line in enumerate(lines) if pattern.match(line)), None)
    if start is None:
        raise ValueError(f"{FORM.as_posix()}: tidak ada isian 'id: {field_id}'")
    end = next(  # the field ends at the first line indented less than its "id:" (the next "- type:")
        (
            index
            for index in range(start + 1, len(lines))
            if lines[index].strip() and _indent(lines[index]) < _indent(lines[start])
        ),
        len(lines),
    )
    options = next((index for index in range(start, end) if lines[index].strip() == "options:"), None)
    if options is None:
        raise ValueError(f"{FORM.as_posix()}: isian '{field_id}' tidak punya 'options:'")
    item = " " * (_indent(lines[options]) + 2)
    after = options + 1
    while after < end and lines[after].startswith(f"{item}- "):
        after += 1
    return [*lines[: options + 1], *(item + _yaml_item(value) for value in values), *lines[after:]]


def completion_choices() -> str:
    """What the completion form's field accepts: the readers' label of every gap, in the profiles' order."""
    return "Salah satu dari: " + "; ".join(question.label for question in all_questions()) + "."


def with_description(lines: list[str], field_id: str, description: str, form: Path) -> list[str]:
    """The form's lines with the one-line description of field `field_id` replaced."""
    pattern = re.compile(rf"^\s*id: {re.escape(field_id)}\s*$")
    start = next((index for index, line in enumerate(lines) if pattern.match(line)), None)
    if start is None:
        raise ValueError(f"{form.as_posix()}: tidak ada isian 'id: {field_id}'")
    end = next(
        (
            index
            for index in range(start + 1, len(lines))
            if lines[index].strip() and _indent(lines[index]) <= _indent(lines[start]) - 2
        ),
        len(lines),
    )
    found = next((index for index in range(start, end) if lines[index].strip().startswith("description:")), None)
    if found is None:
        raise ValueError(f"{form.as_posix()}: isian '{field_id}' tidak punya 'description:' satu baris")
    indent = " " * _indent(lines[found])
    line = f"{indent}description: {json.dumps(description, ensure_ascii=False)}"
    return [*lines[:found], line, *lines[found + 1 :]]


def completion_form(text: str, schema_dir: Path) -> str:
    lines = with_description(text.split("\n"), FORM_QUESTION_FIELD, completion_choices(), COMPLETION)
    return "\n".join(lines)


def form_with_choices(text: str, schema_dir: Path) -> str:
    known = vocabularies(schema_dir)
    lines = text.split("\n")
    for field_id, key in FORM_CHOICES.items():
        lines = with_options(lines, field_id, known[key].values)
    return "\n".join(lines)


# Each generated file and how to bring its text up to date with the schemas.
TARGETS: dict[Path, Callable[[str, Path], str]] = {
    CONTRIBUTING: updated,
    FORM: form_with_choices,
    COMPLETION: completion_form,
}


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("dokumen_skema.py", DESCRIPTION)
    parser.add_argument("--periksa", action="store_true", help="hanya periksa; keluar 1 bila belum diperbarui")
    args = parser.parse_args(argv)
    schema_dir = args.root / CONTENT_DIR / SCHEMA_DIR
    problems = vocabulary_problems(schema_dir)
    for problem in problems:
        print(f"{CONTENT_DIR}/{SCHEMA_DIR}/{problem}", file=sys.stderr)
    if problems:
        return 1
    stale = []
    for name, bring_up_to_date in TARGETS.items():
        file = args.root / name
        current = file.read_text(encoding="utf-8")
        try:
            wanted = bring_up_to_date(current, schema_dir)
        except ValueError as error:
            print(f"dokumen_skema.py: {error}", file=sys.stderr)
            return 2
        if wanted == current:
            print(f"{name.as_posix()}: sudah sesuai skema.")
        elif args.periksa:
            stale.append(name)
            print(f"{name.as_posix()}: tidak sesuai skema; jalankan python scripts/dokumen_skema.py", file=sys.stderr)
        else:
            file.write_text(wanted, encoding="utf-8")
            print(f"{name.as_posix()}: diperbarui dari skema.")
    return 1 if stale else 0


if __name__ == "__main__":
    _inti.run(main)

"""Controlled vocabularies live beside their values in the schemas; every other copy is read from there or checked."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT

from katalog import labels, model, replication
from katalog.frontmatter import read_document
from katalog.schema import SCHEMA_NAMES, fast_validator_for, load_schemas, passes_quickly, validator_for
from katalog.vocabulary import (
    LABELS,
    OWN_SCHEMA_DIR,
    SAME_VOCABULARY,
    Vocabulary,
    VocabularyError,
    checked_vocabularies,
    own_vocabulary,
    vocabularies,
    vocabulary_problems,
)

SCHEMA_DIR = ROOT / "innovations" / "_skema"
# Each module-level dict in labels.py and the vocabulary it must hold: (schema, field path, "labels" or "help").
LABEL_SOURCES = {
    "SECTOR_LABELS": ("inovasi", "klasifikasi.bidang", "labels"),
    "KIND_LABELS": ("inovasi", "klasifikasi.jenis", "labels"),
    "FORM_LABELS": ("inovasi", "klasifikasi.bentuk", "labels"),
    "STAGE_LABELS": ("inovasi", "tahapan", "labels"),
    "STATUS_LABELS": ("inovasi", "status", "labels"),
    "PLAN_STATUS_LABELS": ("pembinaan", "rencana_pengembangan[].status", "labels"),
    "FOLLOW_UP_LABELS": ("pembinaan", "status_tindak_lanjut", "labels"),
    "LEVEL_LABELS": ("inovasi", "replikasi.kompleksitas", "labels"),
    "COST_HELP": ("inovasi", "replikasi.kelas_biaya", "help"),
    "COMPLEXITY_HELP": ("inovasi", "replikasi.kompleksitas", "help"),
    "PARTNER_KIND_LABELS": ("inovasi", "replikasi.jenis_mitra", "labels"),
    "TARGET_GROUP_LABELS": ("inovasi", "klasifikasi.sasaran", "labels"),
    "SETTING_LABELS": ("inovasi", "klasifikasi.latar", "labels"),
    "EVENT_NAMES": ("putaran", "sasaran.ajang", "labels"),
    "STAGE_KIND_LABELS": ("edisi", "tahapan[].jenis", "labels"),
}


def enum_nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema node with an "enum", wherever it sits: independent of the walk under test."""
    if isinstance(node, dict):
        if "enum" in node:
            yield node
        for child in node.values():
            yield from enum_nodes(child)
    elif isinstance(node, list):
        for child in node:
            yield from enum_nodes(child)


@pytest.fixture
def schema_copy(tmp_path: Path) -> Path:
    shutil.copytree(SCHEMA_DIR, tmp_path / "_skema")
    return tmp_path / "_skema"


def edit(schema_dir: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    file = schema_dir / f"{name}.schema.json"
    schema = json.loads(file.read_text(encoding="utf-8"))
    change(schema)
    file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")


def status(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["properties"]["status"]


def cost_class(schema: dict[str, Any]) -> dict[str, Any]:
    return schema["properties"]["replikasi"]["properties"]["kelas_biaya"]


def test_every_closed_list_in_the_schemas_has_its_labels_beside_it():
    assert vocabulary_problems(SCHEMA_DIR) == []
    raw = [node for name in SCHEMA_NAMES for node in enum_nodes(load_schemas(SCHEMA_DIR)[name])]
    found = vocabularies(SCHEMA_DIR)
    # the walk reaches every enum; one that several schemas share through "$ref" (the source's `jenis`) is
    # found once per schema that uses it
    assert len({(path, vocabulary.values) for (_, path), vocabulary in found.items()}) == len(raw)
    assert {name for name, path in found if path == "sumber[].jenis"} == {"inovasi", "pembinaan", "putaran"}
    for node in raw:
        assert list(node[LABELS]) == [value for value in node["enum"] if value is not None]


def test_the_code_reads_the_repositorys_own_schemas():
    assert SCHEMA_DIR.resolve() == OWN_SCHEMA_DIR


@pytest.mark.parametrize("name", LABEL_SOURCES)
def test_each_label_table_is_the_schemas_vocabulary_in_display_order(name: str):
    schema, path, part = LABEL_SOURCES[name]
    table = getattr(labels, name)
    vocabulary = vocabularies(SCHEMA_DIR)[schema, path]
    assert type(table) is dict
    assert list(table.items()) == list(getattr(vocabulary, part).items())
    assert list(table) == list(vocabulary.values)


def test_orders_are_the_schemas_enum_order():
    found = vocabularies(SCHEMA_DIR)
    assert found["edisi", "$defs.tempat"].values == model.PLACES
    # a place the sources disagree on sorts just before an unknown one
    assert (*model.PLACES[:-1], model.DISPUTED, model.PLACES[-1]) == model.RANK_ORDER
    assert found["inovasi", "replikasi.kompleksitas"].values == replication.LEVELS
    assert found["inovasi", "replikasi.kelas_biaya"].values == replication.LEVELS
    assert set(replication.CONTINUING + replication.STOPPED) == set(found["inovasi", "status"].values)


def test_fields_read_as_one_scale_share_values_and_labels():
    found = vocabularies(SCHEMA_DIR)
    for first, second in SAME_VOCABULARY:
        assert (found[first].values, found[first].labels) == (found[second].values, found[second].labels)


def test_a_value_added_without_its_label_is_named(schema_copy: Path):
    def add_value(schema: dict[str, Any]) -> None:
        status(schema)["enum"].insert(-1, "dilembagakan")

    edit(schema_copy, "inovasi", add_value)
    problems = vocabulary_problems(schema_copy)
    assert any(
        problem.startswith("inovasi.schema.json: status: nilai 'dilembagakan' belum ada di \"x-labels\"")
        for problem in problems
    )
    assert any("status: deskripsi menyebut" in problem and "tidak dilembagakan" in problem for problem in problems)


BREAKAGES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "no labels": (lambda s: status(s).pop(LABELS), 'status: pilihan tanpa label; tambahkan "x-labels"'),
    "a label for no value": (
        lambda s: status(s)[LABELS].update({"dihentikan": "Dihentikan"}),
        'status: "x-labels" memuat \'dihentikan\', yang bukan salah satu nilai "enum"',
    ),
    "an empty label": (
        lambda s: status(s)[LABELS].update({"vakum": " "}),
        "status: \"x-labels\" untuk 'vakum' harus berupa teks yang tidak kosong",
    ),
    "labels in another order": (
        lambda s: status(s).update({LABELS: dict(reversed(status(s)[LABELS].items()))}),
        'status: urutan "x-labels" berbeda dengan "enum"',
    ),
    "help the description does not give": (
        lambda s: cost_class(s)["x-help"].update({"sedang": "perlu dana desa"}),
        "replikasi.kelas_biaya: deskripsi tidak menjelaskan 'sedang' seperti \"x-help\"",
    ),
    "one scale with two labellings": (
        lambda s: cost_class(s)[LABELS].update({"tinggi": "Mahal"}),
        "replikasi.kelas_biaya: pilihan dan labelnya harus sama dengan inovasi.schema.json: replikasi.kompleksitas",
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_each_disagreement_between_enum_and_annotations_is_reported(schema_copy: Path, breakage: str):
    change, message = BREAKAGES[breakage]
    edit(schema_copy, "inovasi", change)
    problems = vocabulary_problems(schema_copy)
    assert len(problems) == 1, problems
    assert message in problems[0]
    assert problems[0].startswith("inovasi.schema.json: ")


def test_both_validators_ignore_the_annotations_and_refuse_a_label_as_a_value():
    document, problems = read_document(ROOT / "innovations/lansia-smart/index.md", "x")
    assert document is not None and problems == []
    schema = load_schemas(SCHEMA_DIR)["inovasi"]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert passes_quickly(document.data, SCHEMA_DIR, "inovasi")
    assert list(validator_for(SCHEMA_DIR, "inovasi").iter_errors(document.data)) == []
    label = labels.SECTOR_LABELS["kesehatan"]
    data = {**document.data, "klasifikasi": {**document.data["klasifikasi"], "bidang": [label]}}
    with pytest.raises(Exception, match="must be one of"):
        fast_validator_for(SCHEMA_DIR, "inovasi")(data)
    assert [error.validator for error in validator_for(SCHEMA_DIR, "inovasi").iter_errors(data)] == ["enum"]


def test_contributors_page_lists_the_same_partner_kinds_and_levels():
    text = (ROOT / "docs/kontribusi.md").read_text(encoding="utf-8")
    partner_kinds = re.search(r"`jenis_mitra`: .*?dari daftar tetap \((.*?)\)", text, flags=re.DOTALL)
    levels = re.search(r"`kompleksitas` dan `kelas_biaya`: (.*?), dengan arti", text, flags=re.DOTALL)
    assert partner_kinds and levels
    assert (
        tuple(re.findall(r"`([^`]+)`", partner_kinds.group(1)))
        == own_vocabulary("inovasi", "replikasi.jenis_mitra").values
    )
    assert tuple(re.findall(r"`([^`]+)`", levels.group(1))) == replication.LEVELS


def test_a_vocabulary_holds_values_labels_and_whether_null_is_allowed():
    found = vocabularies(SCHEMA_DIR)["inovasi", "klasifikasi.jenis"]
    node = load_schemas(SCHEMA_DIR)["inovasi"]["properties"]["klasifikasi"]["properties"]["jenis"]
    assert isinstance(found, Vocabulary)
    assert found.values == tuple(value for value in node["enum"] if value is not None)
    assert found.labels == node[LABELS]
    assert found.nullable is (None in node["enum"])
    assert found.help == {}


def test_inconsistent_vocabularies_are_refused_whole_with_every_problem(schema_copy: Path):
    def break_twice(schema: dict[str, Any]) -> None:
        status(schema)[LABELS].pop("vakum")
        cost_class(schema)[LABELS]["tinggi"] = "Mahal"

    edit(schema_copy, "inovasi", break_twice)
    with pytest.raises(VocabularyError) as refused:
        checked_vocabularies(schema_copy)
    assert "status: nilai 'vakum' belum ada" in str(refused.value)
    assert "replikasi.kelas_biaya: pilihan dan labelnya harus sama" in str(refused.value)

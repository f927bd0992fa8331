"""The list of what a write-up does not record: the same gaps for the profile, the form and the plan."""

from __future__ import annotations

import dataclasses

from conftest import ROOT

from katalog.gaps import all_questions, open_questions
from katalog.load import load_catalogue
from katalog.schema import load_schemas
from katalog.schemadoc import schema_fields


def test_every_gap_names_a_field_the_schema_defines():
    fields = {field.path for field in schema_fields(load_schemas(ROOT / "innovations" / "_skema"), "inovasi")}
    assert {question.field for question in all_questions()} <= fields


def test_a_filled_field_is_no_longer_a_gap_and_an_emptied_one_is():
    inv = next(inv for inv in load_catalogue(ROOT).innovations if inv.replication.steps)
    assert "replikasi.langkah" not in {q.field for q in open_questions(inv)}
    emptied = dataclasses.replace(inv, replication=dataclasses.replace(inv.replication, steps=()), contacts=())
    fields = [q.field for q in open_questions(emptied)]
    assert "replikasi.langkah" in fields and "kontak" in fields


def test_questions_are_asked_in_indonesian_and_never_show_a_field_path():
    for question in all_questions():
        assert question.question.endswith("?")
        assert "." not in question.label and "_" not in question.label

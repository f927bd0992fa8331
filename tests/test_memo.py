"""katalog.memo: a value computed from one innovation is reused only for that very object, and goes when it does."""

from __future__ import annotations

import gc
from dataclasses import replace

from conftest import ROOT

from katalog import load_catalogue, memo

CATALOGUE = load_catalogue(ROOT)


def test_a_value_is_computed_once_per_innovation_object():
    inv = CATALOGUE.innovations[0]
    calls: list[str] = []

    def compute() -> str:
        calls.append(inv.name)
        return inv.name

    assert memo.remembered("uji", inv, compute) == inv.name
    assert memo.remembered("uji", inv, compute) == inv.name
    assert calls == [inv.name]


def test_an_edited_innovation_is_a_new_object_and_gets_its_own_value():
    inv = CATALOGUE.innovations[0]
    edited = replace(inv, name="Nama Sesudah Disunting")
    assert memo.remembered("uji-sunting", inv, lambda: inv.name) == inv.name
    assert memo.remembered("uji-sunting", edited, lambda: edited.name) == "Nama Sesudah Disunting"
    assert memo.remembered("uji-lain", inv, lambda: "kunci lain") == "kunci lain"


def test_an_equal_copy_is_another_object_and_is_not_taken_for_the_first():
    """Identity, not equality: a write-up loaded again (even unchanged) may differ in what equality ignores."""
    inv = CATALOGUE.innovations[0]
    copy = replace(inv)
    assert copy == inv
    assert memo.remembered("uji-salinan", inv, lambda: "yang pertama") == "yang pertama"
    assert memo.remembered("uji-salinan", copy, lambda: "salinannya") == "salinannya"


def test_a_freed_innovation_leaves_nothing_behind():
    edited = replace(CATALOGUE.innovations[0], name="Sementara")
    memo.remembered("uji-lepas", edited, lambda: "nilai")
    slot = ("uji-lepas", id(edited))
    assert slot in memo._remembered
    del edited
    gc.collect()
    assert slot not in memo._remembered

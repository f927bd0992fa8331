"""The readiness check's matching rules, the kit's parts and the data the browser check reads."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from conftest import ROOT

from katalog import labels, load_catalogue
from katalog.render import json_island
from katalog.replication import (
    METHOD_STEPS,
    Answers,
    Profile,
    Reason,
    as_plain,
    assess,
    check_data,
    describe,
    fields_in_use,
    kit_completeness,
    kit_parts,
    suggest,
)
from katalog.urls import CHECK_PAGE, page_of, relative_url

CATALOGUE = load_catalogue(ROOT)
BLANK = Profile("blank", ("pangan",), None, None, None, (), None)
KNOWN = Profile("known", ("pangan", "sosial"), "digital", "sedang", "sedang", ("dunia-usaha",), "berlanjut")


def codes(reasons: tuple[Reason, ...]) -> list[str]:
    return [reason.code for reason in reasons]


def test_only_innovations_sharing_a_bidang_are_suggested():
    assert suggest([BLANK, KNOWN], Answers(fields=("sosial",))) == (assess(KNOWN, Answers(fields=("sosial",))),)
    assert suggest([BLANK, KNOWN], Answers(fields=("kesehatan",))) == ()
    assert suggest([BLANK, KNOWN], Answers()) == ()


def test_the_shared_bidang_is_the_first_reason_in_the_innovations_order():
    suggestion = assess(KNOWN, Answers(fields=("sosial", "pangan")))
    assert suggestion.reasons[0] == Reason("bidang", ("pangan", "sosial"))


def test_unknown_attributes_never_block_and_are_named_as_a_caution():
    answers = Answers(fields=("pangan",), budget="rendah", capacity="rendah", digital="tidak", partners=())
    suggestion = assess(BLANK, answers)
    assert suggestion.verdict == "cocok"
    assert codes(suggestion.reasons) == ["bidang"]
    assert suggestion.blockers == ()
    assert suggestion.cautions == (
        Reason("belum-terdokumentasi", ("digital", "cost_class", "complexity", "partner_kinds", "status")),
    )


def test_a_digital_innovation_waits_for_digital_capacity():
    assert codes(assess(KNOWN, Answers(fields=("pangan",), digital="tidak")).blockers) == ["butuh-digital"]
    assert "digital-siap" in codes(assess(KNOWN, Answers(fields=("pangan",), digital="ada")).reasons)
    plain = replace(KNOWN, digital="non-digital")
    assert "tanpa-aplikasi" in codes(assess(plain, Answers(fields=("pangan",), digital="tidak")).reasons)
    neutral = assess(plain, Answers(fields=("pangan",), digital="ada"))
    assert not {"digital-siap", "tanpa-aplikasi", "butuh-digital"} & set(codes(neutral.reasons + neutral.blockers))


@pytest.mark.parametrize(
    ("budget", "capacity", "verdict", "expected"),
    [
        ("rendah", "tinggi", "tunda", ["biaya-melebihi"]),
        ("tinggi", "rendah", "tunda", ["kompleksitas-melebihi"]),
        ("rendah", "rendah", "tunda", ["biaya-melebihi", "kompleksitas-melebihi"]),
        ("sedang", "sedang", "cocok", []),
        (None, None, "cocok", []),
    ],
)
def test_cost_and_complexity_above_the_answers_put_it_on_hold(budget, capacity, verdict, expected):
    suggestion = assess(KNOWN, Answers(fields=("pangan",), budget=budget, capacity=capacity))
    assert suggestion.verdict == verdict
    assert codes(suggestion.blockers) == expected


def test_cost_and_complexity_within_reach_are_reasons_with_their_level():
    suggestion = assess(KNOWN, Answers(fields=("pangan",), budget="tinggi", capacity="sedang"))
    assert Reason("biaya-sesuai", ("sedang",)) in suggestion.reasons
    assert Reason("kompleksitas-sesuai", ("sedang",)) in suggestion.reasons


def test_partner_kinds_at_hand_are_a_reason_and_missing_ones_a_caution():
    needs_two = replace(KNOWN, partner_kinds=("dunia-usaha", "desa-kelurahan"))
    at_hand = assess(needs_two, Answers(fields=("pangan",), partners=("desa-kelurahan", "dunia-usaha", "lainnya")))
    assert Reason("mitra-ada", ("dunia-usaha", "desa-kelurahan")) in at_hand.reasons
    missing = assess(needs_two, Answers(fields=("pangan",), partners=("desa-kelurahan",)))
    assert missing.verdict == "cocok"
    assert Reason("mitra-kurang", ("dunia-usaha",)) in missing.cautions


@pytest.mark.parametrize(
    ("status", "reason", "caution"),
    [("berlanjut", "berlanjut", None), ("berkembang", "berlanjut", None), ("vakum", None, "berhenti")],
)
def test_sustainability_status_is_a_reason_or_a_caution(status, reason, caution):
    suggestion = assess(replace(KNOWN, status=status), Answers(fields=("pangan",)))
    assert (reason in codes(suggestion.reasons)) == (reason is not None)
    assert (caution in codes(suggestion.cautions)) == (caution is not None)


def test_order_puts_fitting_first_then_more_shared_bidang_then_more_reasons_then_slug():
    profiles = [
        replace(BLANK, slug="d-tunda", digital="digital"),
        replace(BLANK, slug="c-satu"),
        replace(BLANK, slug="b-dua", fields=("pangan", "sosial")),
        replace(BLANK, slug="a-satu"),
        replace(BLANK, slug="e-alasan", status="berlanjut"),
    ]
    result = suggest(profiles, Answers(fields=("pangan", "sosial"), digital="tidak"))
    assert [item.slug for item in result] == ["b-dua", "e-alasan", "a-satu", "c-satu", "d-tunda"]


def test_reasons_read_as_indonesian_sentences_with_labels():
    assert describe(Reason("bidang", ("pangan", "pemberdayaan-masyarakat-desa"))) == (
        "Menjawab bidang yang Anda pilih: Pangan, Pemberdayaan masyarakat dan desa."
    )
    assert describe(Reason("biaya-melebihi", ("tinggi",))) == "Kelas biayanya (tinggi) di atas kelas anggaran Anda."
    assert "kelas biaya, status keberlanjutan" in describe(Reason("belum-terdokumentasi", ("cost_class", "status")))
    assert describe(Reason("mitra-kurang", ("aparat-keamanan",))) == "Mitra yang perlu dijajaki: Polisi/TNI."


def test_plain_form_is_what_the_browser_rules_return():
    plain = as_plain(assess(KNOWN, Answers(fields=("pangan",), digital="tidak")))
    assert plain == {
        "slug": "known",
        "verdict": "tunda",
        "reasons": [{"code": "bidang", "values": ["pangan"]}, {"code": "berlanjut", "values": ["berlanjut"]}],
        "blockers": [{"code": "butuh-digital", "values": []}],
        "cautions": [{"code": "mitra-kurang", "values": ["dunia-usaha"]}],
    }


def test_the_real_catalogue_suggests_exactly_the_innovations_of_a_bidang():
    profiles = [Profile.of(inv) for inv in CATALOGUE.innovations]
    for field, count in fields_in_use(CATALOGUE):
        expected = {inv.slug for inv in CATALOGUE.innovations if field in inv.fields}
        suggested = suggest(profiles, Answers(fields=(field,)))
        assert {item.slug for item in suggested} == expected and len(expected) == count


def test_check_data_carries_profiles_links_sentences_and_vocabularies():
    data = check_data(CATALOGUE, CHECK_PAGE)
    assert [item["profile"]["slug"] for item in data["innovations"]] == [inv.slug for inv in CATALOGUE.innovations]
    for item, inv in zip(data["innovations"], CATALOGUE.innovations, strict=True):
        assert item["url"] == relative_url(CHECK_PAGE, page_of(inv)) == f"../../inovasi/{inv.slug}/"
        assert item["kit"] == item["url"] + "#replikasi"
        assert Profile(**{key: tuple(v) if isinstance(v, list) else v for key, v in item["profile"].items()}) == (
            Profile.of(inv)
        )
    for message in data["messages"].values():
        assert message["vocabulary"] is None or message["vocabulary"] in data["vocabularies"]
    json.dumps(data)  # serialisable as is


def test_json_island_cannot_be_closed_by_a_value():
    island = json_island("x", {"nama": "</script><script>alert(1)</script> & <!--"})
    assert island.count("</script>") == 1 and "<!--" not in island
    assert json.loads(island.split(">", 1)[1].rsplit("<", 1)[0])["nama"].startswith("</script>")


def test_kit_parts_and_completeness_follow_the_write_up():
    jamper = next(inv for inv in CATALOGUE.innovations if inv.slug == "jamper")
    assert [part.title for part in kit_parts(jamper)] == ["Prasyarat", "Sumber daya", "Mitra", "Langkah", "Risiko"]
    assert kit_completeness(jamper) == (1, 7)  # only the problem is documented
    filled = replace(
        jamper,
        replication=replace(jamper.replication, partners=(), partner_kinds=("aparat-keamanan",), steps=("a", "b")),
    )
    mitra = next(part for part in kit_parts(filled) if part.title == "Mitra")
    assert mitra.items == ("Jenis mitra: Polisi/TNI",)
    assert kit_completeness(filled) == (3, 7)


def test_every_method_step_has_its_section_in_the_guide():
    guide = (ROOT / "docs/replikasi/index.md").read_text(encoding="utf-8")
    anchors = re.findall(r"^## \d+\. .+ \{ #([a-z-]+) \}$", guide, flags=re.MULTILINE)
    assert anchors == [step.anchor for step in METHOD_STEPS]


def test_level_definitions_and_partner_kinds_match_the_published_schema():
    schema = json.loads((ROOT / "innovations/_skema/inovasi.schema.json").read_text(encoding="utf-8"))
    replikasi = schema["properties"]["replikasi"]["properties"]
    assert replikasi["jenis_mitra"]["items"]["enum"] == list(labels.PARTNER_KIND_LABELS)
    for level in ("rendah", "sedang", "tinggi"):
        assert f"{level} ({labels.COST_HELP[level]})" in replikasi["kelas_biaya"]["description"]
        assert f"{level} ({labels.COMPLEXITY_HELP[level]})" in replikasi["kompleksitas"]["description"]

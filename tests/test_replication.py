"""The readiness check's rules against their golden table, the data the check page reads, and the kit's parts.

The rules exist once, in docs/assets/replikasi/aturan.js; here they run without a browser, in QuickJS
(quickjs-ng), on the golden table in tests/fixtures/kesiapan/kasus.json. The browser tests run the same table
in Chromium.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from html import unescape
from typing import Any

import pytest
import quickjs
from conftest import ROOT

from katalog import labels, load_catalogue
from katalog.gaps import open_questions
from katalog.model import Catalogue, Contact, Innovation
from katalog.pages import generated_pages
from katalog.render import Renderer, json_island
from katalog.replication import (
    ATTRIBUTE_LABELS,
    LEVELS,
    MESSAGES,
    METHOD_STEPS,
    QUESTION_ATTRIBUTES,
    VERDICT_LABELS,
    coverage,
    kit_completeness,
    kit_parts,
    profile,
    readiness_data,
    sectors_in_use,
)
from katalog.urls import READINESS_PAGE, SiteAddress, page_of, relative_url

CATALOGUE = load_catalogue(ROOT)
DATA = readiness_data(CATALOGUE, READINESS_PAGE)
RULES_SCRIPT = ROOT / "docs/assets/replikasi/aturan.js"
GOLDEN = json.loads((ROOT / "tests/fixtures/kesiapan/kasus.json").read_text(encoding="utf-8"))
GOLDEN_PROFILES = {item["slug"]: item for item in GOLDEN["profiles"]}


def with_changed(catalogue: Catalogue, changed: Innovation) -> Catalogue:
    """The catalogue with one innovation replaced by a changed copy of it."""
    swapped = tuple(changed if inv.slug == changed.slug else inv for inv in catalogue.innovations)
    return replace(catalogue, innovations=swapped)


class Rules:
    """aturan.js loaded unchanged as an ES module in an embedded JavaScript engine; values cross as JSON."""

    def __init__(self) -> None:
        self.context = quickjs.Context()
        # A module's exports are not globals: the appended line hands them to Python.
        source = RULES_SCRIPT.read_text(encoding="utf-8")
        self.context.module(source + "\nglobalThis.aturan = { suggest, describe, badge };\n")

    def call(self, name: str, *args: Any) -> Any:
        arguments = ", ".join(json.dumps(arg) for arg in args)
        return json.loads(self.context.eval(f"JSON.stringify(aturan.{name}({arguments}))"))


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules()


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=lambda case: case["name"])
def test_rules_give_the_golden_tables_suggestions(rules: Rules, case: dict[str, Any]):
    profiles = [GOLDEN_PROFILES[slug] for slug in case["profiles"]]
    assert rules.call("suggest", profiles, case["answers"], DATA["rules"]) == case["suggestions"]


@pytest.mark.parametrize("sentence", GOLDEN["sentences"], ids=lambda sentence: sentence["reason"]["code"])
def test_reasons_read_as_indonesian_sentences_with_labels(rules: Rules, sentence: dict[str, Any]):
    assert rules.call("describe", sentence["reason"], DATA, sentence.get("origins", {})) == sentence["text"]


@pytest.mark.parametrize("case", GOLDEN["badges"], ids=lambda case: case["text"])
def test_a_badge_names_what_matched_and_how_much_is_unknown(rules: Rules, case: dict[str, Any]):
    assert rules.call("badge", case["suggestion"], DATA) == case["text"]


def test_the_golden_table_gives_every_reason_and_verdict_the_page_has_words_for():
    suggestions = [item for case in GOLDEN["cases"] for item in case["suggestions"]]
    reasons = [reason for item in suggestions for kind in ("reasons", "blockers", "cautions") for reason in item[kind]]
    codes = {reason["code"] for reason in reasons}
    assert codes == set(MESSAGES) == set(DATA["messages"])
    assert {item["verdict"] for item in suggestions} == set(VERDICT_LABELS) == set(DATA["vocabularies"]["putusan"])


def test_the_golden_profiles_have_the_shape_the_build_gives():
    shape = set(profile(CATALOGUE.innovations[0]))
    for item in GOLDEN["profiles"]:
        assert set(item) == shape, item["slug"]
    assert set(DATA["rules"]["attributes"]) <= shape


def test_the_real_catalogue_suggests_exactly_the_innovations_of_a_bidang(rules: Rules):
    profiles = [item["profile"] for item in DATA["innovations"]]
    for sector, count in sectors_in_use(CATALOGUE):
        answers = {"fields": [sector], "budget": None, "capacity": None, "digital": None, "partners": []}
        answers |= {"groups": [], "settings": []}
        suggested = {item["slug"] for item in rules.call("suggest", profiles, answers, DATA["rules"])}
        expected = {inv.slug for inv in CATALOGUE.innovations if sector in inv.sectors}
        assert suggested == expected and len(expected) == count, sector


def test_a_profile_carries_what_the_rules_read_of_a_write_up():
    jamper = next(inv for inv in CATALOGUE.innovations if inv.slug == "jamper")
    kit = replace(jamper.replication, cost_class="tinggi", complexity="rendah", partner_kinds=("aparat-keamanan",))
    read = profile(replace(jamper, status="vakum", replication=kit))
    assert list(read) == list(GOLDEN_PROFILES["kosong"])  # the keys of the golden table, in the same order
    assert list(read.values()) == [
        "jamper",
        ["kesehatan", "perhubungan"],
        "non-digital",
        "tinggi",
        "rendah",
        ["aparat-keamanan"],
        "vakum",
        ["warga-umum"],
        ["kepulauan"],
    ]
    assert profile(jamper)["cost_class"] is None  # unknown stays null, never a guess


def test_readiness_data_carries_profiles_links_vocabularies_and_sentences():
    assert [item["profile"]["slug"] for item in DATA["innovations"]] == [inv.slug for inv in CATALOGUE.innovations]
    for item, inv in zip(DATA["innovations"], CATALOGUE.innovations, strict=True):
        assert item["url"] == relative_url(READINESS_PAGE, page_of(inv)) == f"../../inovasi/{inv.slug}/"
        assert item["kit"] == item["url"] + "#replikasi"
        assert item["profile"] == profile(inv)
        assert item["gaps"] == [q.field for q in open_questions(inv)]
        assert all(DATA["questions"][field]["question"].endswith("?") for field in item["gaps"])
        assert item["summary"] is None or "[S" not in item["summary"]
    assert DATA["rules"]["levels"] == list(LEVELS) == list(labels.LEVEL_LABELS)
    assert set(DATA["rules"]["continuing"]) | set(DATA["rules"]["stopped"]) == set(labels.STATUS_LABELS)
    assert DATA["rules"]["attributes"] == list(ATTRIBUTE_LABELS) == list(DATA["vocabularies"]["atribut"])
    for message in DATA["messages"].values():
        assert message["vocabulary"] is None or message["vocabulary"] in DATA["vocabularies"]
    json.dumps(DATA)  # serialisable as is


def test_the_plan_data_carries_a_description_contacts_and_the_questions_for_the_origin():
    jamper = next(inv for inv in CATALOGUE.innovations if inv.slug == "jamper")
    office = Contact("Kantor Kecamatan Talango", "https://example.org/talango", None)
    item = readiness_data(with_changed(CATALOGUE, replace(jamper, contacts=(office,))), READINESS_PAGE)
    (entry,) = [entry for entry in item["innovations"] if entry["profile"]["slug"] == "jamper"]
    assert entry["contacts"] == [
        {"institution": "Kantor Kecamatan Talango", "url": "https://example.org/talango", "email": None}
    ]
    assert entry["summary"].startswith("Jaminan Penyeberangan") and entry["summary"].endswith("penuh.")
    assert entry["kecamatan"] == "Talango"
    fields = [question.field for question in open_questions(replace(jamper, contacts=(office,)))]
    assert "kontak" not in fields and entry["gaps"] == fields != []


def test_coverage_counts_what_the_write_ups_record_and_follows_the_data():
    found = coverage(CATALOGUE)
    assert list(found) == list(QUESTION_ATTRIBUTES)
    for question, attribute in QUESTION_ATTRIBUTES.items():
        profiles = [profile(inv) for inv in CATALOGUE.innovations]
        assert found[question]["known"] == sum(item[attribute] not in (None, []) for item in profiles), question
        assert found[question]["total"] == len(CATALOGUE.innovations)
    assert found["bidang"]["known"] == len(CATALOGUE.innovations)
    # no write-up records a cost class yet; fill one and the count follows
    assert found["anggaran"]["known"] == sum(inv.replication.cost_class is not None for inv in CATALOGUE.innovations)
    first = CATALOGUE.innovations[0]
    priced = replace(first, replication=replace(first.replication, cost_class="rendah"))
    after = coverage(with_changed(CATALOGUE, priced))
    assert after["anggaran"]["known"] == found["anggaran"]["known"] + (first.replication.cost_class is None)
    editorial = sum(
        inv.reference("klasifikasi.latar") is not None and inv.reference("klasifikasi.latar").editorial
        for inv in CATALOGUE.innovations
    )
    assert found["latar"]["editorial"] == editorial


def check_page(catalogue: Catalogue) -> str:
    """The check page's Markdown as the build renders it for this catalogue."""
    (page,) = [
        page for page in generated_pages(catalogue, ROOT / "innovations" / "_skema") if page.path == READINESS_PAGE
    ]
    return Renderer(catalogue, SiteAddress(), "").render_page(page)


def coverage_notes(markdown: str) -> dict[str, str]:
    """The data-availability note beside each question, as text."""
    found = re.findall(r'<p class="kki-cakupan[^"]*" id="cakupan-([a-z]+)"[^>]*>(.*?)</p>', markdown, re.DOTALL)
    return {question: unescape(re.sub(r"<[^>]+>", "", text)) for question, text in found}


def priced(catalogue: Catalogue, how_many: int) -> Catalogue:
    """The catalogue with a cost class for the first `how_many` innovations and none for the rest."""
    changed = tuple(
        replace(inv, replication=replace(inv.replication, cost_class="rendah" if index < how_many else None))
        for index, inv in enumerate(catalogue.innovations)
    )
    return replace(catalogue, innovations=changed)


def test_each_question_says_whether_the_data_lets_it_act_and_the_note_follows_the_data():
    total = len(CATALOGUE.innovations)
    unpriced = coverage_notes(check_page(priced(CATALOGUE, 0)))
    assert set(unpriced) == set(QUESTION_ATTRIBUTES)
    assert unpriced["anggaran"].startswith(
        "Belum dapat mempersempit saran. Belum ada tulisan di katalog yang mencatat kelas biaya"
    )
    one = coverage_notes(check_page(priced(CATALOGUE, 1)))["anggaran"]
    assert one.startswith(f"Dipakai untuk 1 dari {total} inovasi")
    every = coverage_notes(check_page(priced(CATALOGUE, total)))["anggaran"]
    assert every.startswith(f"Dipakai untuk semua {total} inovasi")
    notes = coverage_notes(check_page(CATALOGUE))
    for question, entry in coverage(CATALOGUE).items():
        editorial = f"Untuk {entry['editorial']} di antaranya, {entry['label']} adalah klasifikasi penyunting"
        assert (editorial in notes[question]) == (entry["editorial"] > 0), question


def test_json_island_cannot_be_closed_by_a_value():
    island = json_island("x", {"nama": "</script><script>alert(1)</script> & <!--"})
    assert island.count("</script>") == 1 and "<!--" not in island
    assert json.loads(island.split(">", 1)[1].rsplit("<", 1)[0])["nama"].startswith("</script>")


def test_kit_parts_and_completeness_follow_the_write_up():
    jamper = next(inv for inv in CATALOGUE.innovations if inv.slug == "jamper")
    assert [part.title for part in kit_parts(jamper)] == ["Prasyarat", "Sumber daya", "Mitra", "Langkah", "Risiko"]
    assert kit_completeness(jamper) == (4, 7)  # problem, resources, partners and steps are documented
    bare = replace(
        jamper, replication=replace(jamper.replication, resources=(), partners=(), partner_kinds=(), steps=())
    )
    assert kit_completeness(bare) == (1, 7)  # only the problem
    filled = replace(
        bare,
        replication=replace(bare.replication, partner_kinds=("aparat-keamanan",), steps=("a", "b")),
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

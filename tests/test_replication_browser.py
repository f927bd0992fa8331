"""The replication pages in headless Chromium: the rules' golden table, the check, reloads, no-JS, sorting, print."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from conftest import ROOT, copy_repository, run_build, serve
from pypdf import PdfReader

from katalog import labels, load_catalogue
from katalog.gaps import open_questions
from katalog.markup import without_citations
from katalog.model import Catalogue
from katalog.replication import (
    QUESTION_ATTRIBUTES,
    VERDICT_LABELS,
    coverage,
    kit_completeness,
    kit_parts,
    sectors_in_use,
)
from katalog.urls import MATRIX_PAGE, READINESS_PAGE, page_of, site_path

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
GOLDEN = json.loads((ROOT / "tests/fixtures/kesiapan/kasus.json").read_text(encoding="utf-8"))
CHECK = site_path(READINESS_PAGE)
MATRIX = site_path(MATRIX_PAGE)
A4_POINTS = (595.3, 841.9)  # 210 x 297 mm; Chromium rounds up to whole points
# Invented replication data for a copy of the repository, so the rules' other branches run in the browser too.
ENRICHED = {
    "e-sayur": ("sedang", "tinggi", "[kelompok-masyarakat, perangkat-daerah]", "berkembang"),
    "jamper": ("tinggi", "rendah", "[aparat-keamanan]", "vakum"),
    "lansia-smart": ("rendah", "rendah", "[kelompok-masyarakat]", "berlanjut"),
    "putik-sari": ("sedang", "sedang", "[desa-kelurahan, kelompok-masyarakat]", "null"),
}
# An invented setting and an invented institutional contact, so the rules' setting caution and the plan's
# contact line run too.
ENRICHED_SETTING = ("e-sayur", "perkotaan")
ENRICHED_CONTACT = ("lansia-smart", "Kantor Kecamatan Contoh (data uji)", "https://example.org/kecamatan-contoh")


def answers(
    fields: Iterable[str] = (),
    budget: str | None = None,
    capacity: str | None = None,
    digital: str | None = None,
    partners: Iterable[str] = (),
    groups: Iterable[str] = (),
    settings: Iterable[str] = (),
) -> dict[str, Any]:
    """Answers in the rules' terms (what cek.js's toAnswers gives aturan.js)."""
    return {
        "fields": list(fields),
        "budget": budget,
        "capacity": capacity,
        "digital": digital,
        "partners": list(partners),
        "groups": list(groups),
        "settings": list(settings),
    }


def hash_of(answered: dict[str, Any]) -> str:
    """The check's address fragment for these answers (the format cek.js writes and reads)."""
    pairs = [("bidang", field) for field in answered["fields"]] + [("mitra", kind) for kind in answered["partners"]]
    pairs += [("sasaran", group) for group in answered["groups"]] + [("latar", value) for value in answered["settings"]]
    pairs += [
        (name, answered[key])
        for name, key in (("anggaran", "budget"), ("kapasitas", "capacity"), ("digital", "digital"))
    ]
    return "#jawaban&" + urlencode([(name, value) for name, value in pairs if value])


def answer_sets(catalogue: Catalogue) -> list[dict[str, Any]]:
    """Answer sets written from the data: each bidang alone, then mixes that touch every rule."""
    fields = tuple(sector for sector, _ in sectors_in_use(catalogue))
    digital_fields = tuple(sorted({f for inv in catalogue.innovations if inv.kind == "digital" for f in inv.sectors}))
    return [
        *(answers(fields=(field,)) for field in fields),
        answers(fields=fields, digital="tidak"),
        answers(fields=fields, digital="ada", budget="rendah", capacity="rendah", partners=("kelompok-masyarakat",)),
        answers(fields=digital_fields, digital="ada", budget="sedang", capacity="tinggi", partners=("desa-kelurahan",)),
        answers(fields=fields, budget="tinggi", capacity="sedang", partners=tuple(labels.PARTNER_KIND_LABELS)),
        answers(fields=fields, digital="tidak", groups=("lansia", "anak"), settings=("perdesaan",)),
        answers(fields=fields, groups=tuple(labels.TARGET_GROUP_LABELS), settings=("kepulauan", "perkotaan")),
    ]


# The page's own rules module and data block, in the page's JavaScript realm.
RULES_IN_PAGE = """async () => ({
    rules: await import(new URL("../../assets/replikasi/aturan.js", location.href).href),
    data: JSON.parse(document.getElementById("kki-data-replikasi").textContent),
})"""


def browser_rules(page, answered: dict[str, Any]) -> list[dict]:
    """The rules' answer on the innovations of the page's data block."""
    return page.evaluate(
        f"""async (answers) => {{
            const {{ rules, data }} = await ({RULES_IN_PAGE})();
            return rules.suggest(data.innovations.map((item) => item.profile), answers, data.rules);
        }}""",
        answered,
    )


def shown_suggestions(page) -> list[list[Any]]:  # [slug, verdict, reason codes] per card
    """What the check page shows: slug, verdict and reason codes of each suggestion, in order."""
    return page.eval_on_selector_all(
        "#kki-hasil .kki-saran__butir",
        """items => items.map(item => [item.dataset.slug, item.dataset.verdict,
            [...item.querySelectorAll("[data-code]")].map(reason => reason.dataset.code)])""",
    )


def expected_shown(suggestions: list[dict]) -> list[list[Any]]:  # as shown_suggestions reads them
    return [
        [item["slug"], item["verdict"], [r["code"] for k in ("reasons", "blockers", "cautions") for r in item[k]]]
        for item in suggestions
    ]


def shown_badges(page) -> list[str]:
    return page.eval_on_selector_all("#kki-hasil .kki-lencana", "badges => badges.map(badge => badge.textContent)")


def browser_badges(page, suggestions: list[dict]) -> list[str]:
    """The rules' badge for each suggestion, with the vocabularies of the page."""
    return page.evaluate(
        f"""async (suggestions) => {{
            const {{ rules, data }} = await ({RULES_IN_PAGE})();
            return suggestions.map((suggestion) => rules.badge(suggestion, data));
        }}""",
        suggestions,
    )


@pytest.fixture
def context(browser, site_url: str) -> Iterator:
    """A fresh browser profile that records every request leaving the site's origin."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    context.foreign = []
    origin = urlsplit(site_url).netloc
    context.on("request", lambda r: urlsplit(r.url).netloc in (origin, "") or context.foreign.append(r.url))
    yield context
    assert context.foreign == [], "a request left the site's origin"
    context.close()


def open_check(context, site_url: str, answered: dict[str, Any] | None = None):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    page.goto(site_url + CHECK + (hash_of(answered) if answered else ""))
    page.wait_for_selector("#kki-hasil:not([hidden])")
    return page


def test_check_suggests_exactly_the_innovations_of_each_bidang(context, site_url: str):
    page = open_check(context, site_url)
    for sector, _ in sectors_in_use(CATALOGUE):
        page.goto(site_url + CHECK + hash_of(answers(fields=(sector,))))
        page.reload()  # a fragment-only change does not reload the page
        shown = {slug for slug, _, _ in shown_suggestions(page)}
        assert shown == {inv.slug for inv in CATALOGUE.innovations if sector in inv.sectors}, sector
    everything = answers(fields=[sector for sector, _ in sectors_in_use(CATALOGUE)], digital="tidak")
    page.goto(site_url + CHECK + hash_of(everything))
    page.reload()
    verdicts = {slug: verdict for slug, verdict, _ in shown_suggestions(page)}
    assert len(verdicts) == len(CATALOGUE.innovations)
    assert {slug for slug, verdict in verdicts.items() if verdict == "tunda"} == {
        inv.slug for inv in CATALOGUE.innovations if inv.kind == "digital"
    }
    assert page.errors == []


def test_browser_rules_give_the_golden_tables_suggestions_and_sentences(context, site_url: str):
    """The same golden table as tests/test_replication.py, in Chromium, with the vocabularies of the built page."""
    page = open_check(context, site_url)
    results = page.evaluate(
        f"""async (golden) => {{
            const {{ rules, data }} = await ({RULES_IN_PAGE})();
            const bySlug = Object.fromEntries(golden.profiles.map((profile) => [profile.slug, profile]));
            return {{
                suggestions: golden.cases.map((item) =>
                    rules.suggest(item.profiles.map((slug) => bySlug[slug]), item.answers, data.rules)),
                sentences: golden.sentences.map((item) => rules.describe(item.reason, data, item.origins ?? {{}})),
                badges: golden.badges.map((item) => rules.badge(item.suggestion, data)),
            }};
        }}""",
        GOLDEN,
    )
    for case, suggestions in zip(GOLDEN["cases"], results["suggestions"], strict=True):
        assert suggestions == case["suggestions"], case["name"]
    assert results["sentences"] == [item["text"] for item in GOLDEN["sentences"]]
    assert results["badges"] == [item["text"] for item in GOLDEN["badges"]]
    assert page.errors == []


@pytest.mark.parametrize("index", range(len(answer_sets(CATALOGUE))))
def test_check_page_shows_what_the_rules_suggest(context, site_url: str, index: int):
    answered = answer_sets(CATALOGUE)[index]
    page = open_check(context, site_url, answered)
    suggestions = browser_rules(page, answered)
    assert {item["slug"] for item in suggestions} == {
        inv.slug for inv in CATALOGUE.innovations if set(inv.sectors) & set(answered["fields"])
    }
    assert shown_suggestions(page) == expected_shown(suggestions)
    badges = shown_badges(page)
    assert badges == browser_badges(page, suggestions)
    for badge, item in zip(badges, suggestions, strict=True):
        # a badge never claims more than its reasons: without blockers it starts with what matched
        assert badge.startswith("Bidang sama") if item["verdict"] == "cocok" else badge.startswith("Tunda dulu: ")
    assert page.errors == []


@pytest.fixture(scope="module")
def enriched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Catalogue, str]]:
    """A copy of the repository with invented cost, complexity, partner and status data, built and served."""
    repo = copy_repository(tmp_path_factory.mktemp("enriched") / "repo")
    for slug, (complexity, cost, kinds, status) in ENRICHED.items():
        write_up = repo / "innovations" / slug / "index.md"
        text = write_up.read_text(encoding="utf-8")
        text = text.replace("  kompleksitas: null", f"  kompleksitas: {complexity}")
        text = text.replace("  kelas_biaya: null", f"  kelas_biaya: {cost}")
        # the invented partner kinds replace the write-up's own, wherever it wrote them
        text = re.sub(r"(?m)^  (replikasi\.)?jenis_mitra:(?: .*\n|\n(?:    - .*\n)+)", "", text)
        text = text.replace("\n  langkah:", f"\n  jenis_mitra: {kinds}\n  langkah:", 1)
        text = text.replace("\nstatus: null", f"\nstatus: {status}")
        # Invented values are the editors' (or, for status, S1's): every known fact names where it comes from.
        references = (
            "rujukan:\n"
            + ("  status: [S1]\n" if status != "null" else "")
            + "".join(f"  replikasi.{field}: redaksi\n" for field in ("kompleksitas", "kelas_biaya", "jenis_mitra"))
        )
        text = text.replace("rujukan:\n", references)
        write_up.write_text(text, encoding="utf-8")
    slug, setting = ENRICHED_SETTING
    write_up = repo / "innovations" / slug / "index.md"
    text = write_up.read_text(encoding="utf-8").replace("  latar: []", f"  latar: [{setting}]", 1)
    write_up.write_text(text.replace("rujukan:\n", "rujukan:\n  klasifikasi.latar: redaksi\n", 1), encoding="utf-8")
    slug, institution, address = ENRICHED_CONTACT
    write_up = repo / "innovations" / slug / "index.md"
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(
        text.replace("\nkontak: []", f"\nkontak:\n  - lembaga: {institution}\n    url: {address}", 1), encoding="utf-8"
    )
    site = repo / "site"
    result = run_build(repo, site)
    assert result.returncode == 0, result.stderr
    catalogue = load_catalogue(repo)
    by_slug = {inv.slug: inv for inv in catalogue.innovations}
    assert by_slug["e-sayur"].replication.cost_class == "tinggi"  # the edits took
    assert by_slug[ENRICHED_SETTING[0]].settings == (ENRICHED_SETTING[1],) and by_slug[ENRICHED_CONTACT[0]].contacts
    with serve(site) as url:
        yield catalogue, url


def test_check_page_shows_the_rules_answer_on_data_that_uses_every_rule(browser, enriched):
    catalogue, url = enriched
    context = browser.new_context()
    page = open_check(context, url)
    codes_seen: set[str] = set()
    for answered in answer_sets(catalogue):
        page.goto(url + CHECK + hash_of(answered))
        page.reload()
        assert shown_suggestions(page) == expected_shown(browser_rules(page, answered))
        codes_seen |= {code for _, _, codes in shown_suggestions(page) for code in codes}
    assert codes_seen >= {"biaya-melebihi", "kompleksitas-melebihi", "mitra-ada", "mitra-kurang", "berhenti"}
    assert codes_seen >= {"latar-berbeda", "latar-sama", "latar-lain", "sasaran-sama", "sasaran-lain", "sasaran-umum"}
    assert page.errors == []
    context.close()


def shown_coverage_notes(page) -> dict[str, str]:
    """The note beside each question on whether today's data can use its answer, as the reader sees it."""
    return page.eval_on_selector_all(
        ".kki-cakupan",
        "notes => Object.fromEntries(notes.map(note => [note.id.replace('cakupan-', ''), note.innerText.trim()]))",
    )


def expected_note_start(catalogue: Catalogue, question: str) -> str:
    """How the note must begin for this catalogue: nothing recorded, some, or all (replication.coverage)."""
    entry = coverage(catalogue)[question]
    if entry["known"] == 0:
        return "Belum dapat mempersempit saran."
    if entry["known"] < entry["total"]:
        return f"Dipakai untuk {entry['known']} dari {entry['total']} inovasi"
    return f"Dipakai untuk semua {entry['total']} inovasi"


def test_each_question_says_whether_todays_data_can_use_its_answer_and_the_note_follows_the_data(
    browser, site_url: str, enriched
):
    catalogue, url = enriched
    context = browser.new_context(viewport={"width": 360, "height": 740})
    shown: dict[str, dict[str, str]] = {}
    for name, base, data in (("real", site_url, CATALOGUE), ("enriched", url, catalogue)):
        page = open_check(context, base)
        shown[name] = shown_coverage_notes(page)
        assert set(shown[name]) == set(QUESTION_ATTRIBUTES)
        for question in QUESTION_ATTRIBUTES:
            assert shown[name][question].startswith(expected_note_start(data, question)), (name, question)
            note = page.locator(f"#soal-{question} > .kki-cakupan")
            assert note.is_visible(), question  # inside its question, not in a footnote
            assert page.locator(f"#soal-{question}").get_attribute("aria-describedby") == f"cakupan-{question}"
        assert page.errors == []
    # the invented cost classes arrived in the fixture, and the cost question's note changed by itself
    before = sum(inv.replication.cost_class is not None for inv in CATALOGUE.innovations)
    assert coverage(catalogue)["anggaran"]["known"] == before + len(ENRICHED) > before
    assert shown["real"]["anggaran"] != shown["enriched"]["anggaran"]
    assert "kelas biaya" in shown["real"]["anggaran"] and "kelas biaya" in shown["enriched"]["anggaran"]
    context.close()


def test_answers_survive_a_reload_and_a_new_visit(context, site_url: str):
    page = open_check(context, site_url)
    page.check('input[name="bidang"][value="pariwisata"]')
    page.check('input[name="digital"][value="tidak"]')
    page.check('input[name="siap"][value="camat"]')
    page.fill('input[name="kecamatan"]', "Contoh Jaya")
    before = shown_suggestions(page)
    assert before and "#jawaban&" in page.url
    fitting = sum(verdict == "cocok" for _, verdict, _ in before)
    bar = page.locator("#kki-ringkasan-saran").inner_text()
    assert bar.startswith(f"{len(before)} saran, {fitting} {VERDICT_LABELS['cocok'].lower()}")
    page.reload()
    assert page.is_checked('input[name="bidang"][value="pariwisata"]')
    assert page.is_checked('input[name="digital"][value="tidak"]')
    assert page.input_value('input[name="kecamatan"]') == "Contoh Jaya"
    assert shown_suggestions(page) == before
    second = open_check(context, site_url)  # no fragment: the answers come back from localStorage
    assert second.is_checked('input[name="siap"][value="camat"]')
    assert shown_suggestions(second) == before
    second.get_by_role("button", name="Hapus jawaban").click()
    second.reload()
    assert not second.is_checked('input[name="bidang"][value="pariwisata"]')
    assert shown_suggestions(second) == []


def test_without_javascript_the_check_is_a_printable_checklist_and_the_matrix_is_complete(browser, site_url: str):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(site_url + CHECK)
    assert page.locator(".kki-tanpa-js").is_visible()
    assert page.locator(".kki-tanpa-js").get_by_role("link", name="matriks inovasi").is_visible()
    assert page.locator("fieldset.kki-soal").count() == 9
    assert page.locator("#kki-hasil").is_hidden()
    text = pdf_text(page.pdf(format="A4"))
    assert "1. Bidang masalah yang ingin Anda tangani" in text and "Langkah rencana" in text
    page.goto(site_url + MATRIX)
    assert page.locator("table.kki-matriks tbody tr").count() == len(CATALOGUE.innovations)
    assert page.locator(".kki-urut-tombol").count() == 0
    context.close()


def matrix_order(page) -> list[str]:
    return page.eval_on_selector_all("table.kki-matriks tbody tr", "rows => rows.map(row => row.id)")


def test_matrix_sorts_by_a_column(context, site_url: str):
    page = context.new_page()
    page.goto(site_url + MATRIX)
    assert matrix_order(page) == [inv.slug for inv in CATALOGUE.innovations]
    filled = {inv.slug: kit_completeness(inv)[0] for inv in CATALOGUE.innovations}
    for direction in ("ascending", "descending"):
        page.get_by_role("button", name="Urutkan menurut Kit terisi").click()
        assert page.locator(f'th[aria-sort="{direction}"]').inner_text().startswith("Kit terisi")
        counts = [filled[slug] for slug in matrix_order(page)]
        assert counts == sorted(counts, reverse=direction == "descending")


def test_matrix_sorts_levels_in_order_and_keeps_unknowns_last(browser, enriched):
    catalogue, url = enriched
    page = browser.new_page()
    page.goto(url + MATRIX)
    costs = {inv.slug: inv.replication.cost_class for inv in catalogue.innovations}
    for direction in ("ascending", "descending"):
        page.get_by_role("button", name="Urutkan menurut Kelas biaya").click()
        assert page.locator(f'th[aria-sort="{direction}"]').count() == 1
        order = [costs[slug] for slug in matrix_order(page)]
        known = [cost for cost in order if cost]
        ranks = [("rendah", "sedang", "tinggi").index(cost) for cost in known]
        assert len(known) == len(ENRICHED) and ranks == sorted(ranks, reverse=direction == "descending")
        assert order[len(known) :] == [None] * (len(order) - len(known)), "unknown costs sort last"
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_jump_to_the_suggestions_lands_on_them_in_view_and_focused(browser, site_url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 740})
    page.goto(site_url + CHECK + "#jawaban&bidang=kesehatan")
    page.get_by_role("button", name="Lihat saran").click()
    page.wait_for_function("document.activeElement.id === 'saran'")
    page.wait_for_function(
        """() => {
            const heading = document.getElementById("saran"), box = heading.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + 5, box.top + box.height / 2);
            return box.top >= 0 && heading.contains(hit);
        }""",
        timeout=5000,
    )
    page.close()


def test_on_a_phone_every_matrix_value_and_its_source_links_sit_in_the_value_column(browser, site_url: str):
    # A phone shows each row as a card: label column, value column. Loose links and "(redaksi)" marks used to
    # become grid items of their own and drop into the label column, under the label.
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + MATRIX)
    misplaced = page.eval_on_selector_all(
        "table.kki-matriks tbody td",
        """cells => cells.flatMap(cell => {
            const labelWidth = parseFloat(getComputedStyle(cell).gridTemplateColumns.split(" ")[0]);
            const valueStart = cell.getBoundingClientRect().left + labelWidth;
            return Array.from(cell.childNodes).filter(node => {
                const range = document.createRange();
                range.selectNodeContents(node);
                const box = range.getBoundingClientRect();
                return box.width > 0 && box.left < valueStart;
            }).map(node => `${cell.closest("tr").id} ${cell.dataset.label}: ${node.textContent.trim()}`);
        })""",
    )
    assert misplaced == []
    cell_text = " ".join(page.locator("table.kki-matriks tbody td").all_inner_texts())
    linked = " ".join(page.locator("table.kki-matriks a.kki-rujukan").all_inner_texts())
    assert cell_text.count("[S") == linked.count("[S"), "a citation marker shows as plain text"
    page.close()


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    for pdf_page in reader.pages:
        size = [float(value) for value in pdf_page.mediabox.upper_right]
        assert all(abs(value - a4) <= 2 for value, a4 in zip(size, A4_POINTS, strict=True)), f"not A4: {size}"
    return "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)


@pytest.mark.parametrize("slug", ["jamper", "putik-sari"])
def test_a_profile_prints_on_a4_with_its_kit_and_without_navigation(context, site_url: str, slug: str):
    inv = next(item for item in CATALOGUE.innovations if item.slug == slug)
    page = context.new_page()
    page.goto(site_url + site_path(page_of(inv)))
    text = pdf_text(page.pdf(format="A4"))
    lines = {line.strip() for line in text.splitlines()}
    assert {"Kit replikasi", "Belum tercatat"} <= lines
    # a filled part of the kit prints under its heading; an empty one as a line of the "Belum tercatat" box
    for part in kit_parts(inv):
        assert not part.items or part.title in lines, part.title
    flat_lines = re.sub(r"\s+", " ", text)
    for question in open_questions(inv):
        assert f"{question.label}: {question.question}" in flat_lines, question.label
    assert inv.name in lines
    assert "Masalah yang dijawab" in text and "Kelengkapan kit" in text
    for chrome in ("Sumber di GitHub", "Tentang katalog", "Daftar isi", "lengkapi isian"):
        assert chrome not in text, chrome
    flat = re.sub(r"\s+", "", text)
    for source in inv.sources:
        assert source.url is None or source.url in flat, "links to other sites print with their address"


@pytest.mark.parametrize("typed", ["Kecamatan Tiris", "kec. Tiris", "Tiris"])
def test_the_plan_names_the_kecamatan_once_whatever_the_reader_typed(context, site_url: str, typed: str):
    page = open_check(context, site_url, answers(fields=("kesehatan",)))
    page.fill('input[name="kecamatan"]', typed)
    assert page.locator("#rencana").inner_text() == "Rencana replikasi Kecamatan Tiris"


def printed_items(page) -> dict[str, str]:
    """Each suggestion's text as print media lays it out (screen-only parts gone, print-only parts shown)."""
    page.emulate_media(media="print")
    items = page.eval_on_selector_all(
        "#kki-hasil .kki-saran__butir", "items => items.map(item => [item.dataset.slug, item.innerText])"
    )
    page.emulate_media(media="null")  # back to the page's own media: page.pdf() prints with print CSS again
    return dict(items)


def test_the_printed_plan_carries_a_description_a_contact_or_its_absence_and_the_questions(context, site_url: str):
    answered = answers(fields=("kesehatan", "pariwisata"), digital="tidak")
    page = open_check(context, site_url, answered)
    printed = printed_items(page)
    suggested = [inv for inv in CATALOGUE.innovations if set(inv.sectors) & set(answered["fields"])]
    assert set(printed) == {inv.slug for inv in suggested}
    for inv in suggested:
        text = printed[inv.slug]
        assert without_citations(inv.summary or "") in " ".join(text.split()), inv.slug
        if inv.contacts:
            assert all(contact.institution in text for contact in inv.contacts), inv.slug
        else:
            profile = f"{site_url}{site_path(page_of(inv))}"
            assert "Kontak kelembagaan: belum tercatat di katalog" in text and profile in text, inv.slug
        questions = open_questions(inv)
        assert f"Pertanyaan untuk Kecamatan {inv.kecamatan.name}:" in text, inv.slug
        for question in questions:
            assert question.question in text, (inv.slug, question.field)
        assert f"({len(questions)})" not in text, "the folded on-screen copy stays off paper"
    # on screen the questions fold away and the reader opens them
    first = page.locator(".kki-saran__butir details.kki-pertanyaan").first
    assert first.is_visible() and not first.get_attribute("open")
    assert page.locator(".kki-saran__butir .kki-cetak-saja").first.is_hidden()
    assert page.errors == []


def test_a_recorded_contact_prints_instead_of_the_not_recorded_line(browser, enriched):
    catalogue, url = enriched
    slug, institution, address = ENRICHED_CONTACT
    inv = next(item for item in catalogue.innovations if item.slug == slug)
    context = browser.new_context()
    page = open_check(context, url, answers(fields=inv.sectors[:1]))
    text = printed_items(page)[slug]
    assert f"Kontak kelembagaan: {institution} · {address}" in text
    assert "belum tercatat di katalog" not in text
    assert "Kontak kelembagaan" not in [q.label for q in open_questions(inv)]
    flat = re.sub(r"\s+", "", pdf_text(page.pdf(format="A4")))
    assert flat.count(address) == 1, "the address is the link's text; print does not repeat it"
    context.close()


def test_the_plan_prints_answers_suggestions_with_addresses_and_steps(context, site_url: str):
    answered = answers(fields=("pariwisata", "pangan"), digital="tidak")
    page = open_check(context, site_url, answered)
    page.fill('input[name="kecamatan"]', "Kecamatan Contoh Jaya")
    text = pdf_text(page.pdf(format="A4"))
    flat = re.sub(r"\s+", "", text)
    assert "Rencana replikasi Kecamatan Contoh Jaya" in text
    suggested = [inv for inv in CATALOGUE.innovations if set(inv.sectors) & set(answered["fields"])]
    assert suggested
    for inv in suggested:
        assert inv.name in text
        assert f"Kitreplikasi:{site_url}{site_path(page_of(inv))}#replikasi" in flat
    assert "Langkah rencana" in text and "Jaga keberlanjutannya" in text
    assert "1. Bidang masalah yang ingin Anda tangani" not in text, "the questions give way to the plan"
    assert "Cetak rencana" not in text and "Sumber di GitHub" not in text

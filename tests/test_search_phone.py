"""Search from every page, and the catalogue's search on a phone (360×740): the count and the "searching"
state in view, help pages left out of the results, only facets that offer a choice, the target-group facet."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, copy_repository, run_build, serve
from playwright.sync_api import Route

from katalog import load_catalogue
from katalog.facets import FACETS, facet_counts, facet_values, facets_with_choice

PHONE = {"width": 360, "height": 740}
HELP_PAGES = ("kontribusi/", "replikasi/", "tentang/")  # how to use and improve the site: not findings
CATALOGUE = load_catalogue(ROOT)


def ready(page) -> None:
    page.wait_for_function("document.querySelector('.kki-katalog')?.dataset.siap === '1'")


def uncovered_in_view(page, selector: str) -> bool:
    """The element is inside the viewport and on top there (not under the sticky header, say)."""
    return page.evaluate(
        """selector => {
            const element = document.querySelector(selector);
            const box = element.getBoundingClientRect();
            if (box.height === 0 || box.top < 0 || box.bottom > window.innerHeight) return false;
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return element.contains(hit);
        }""",
        selector,
    )


def open_saring(page) -> None:
    summary = page.locator("#kki-segi > summary")
    assert summary.is_visible()
    summary.click()


def visible_cards(page) -> list[str]:
    """The cards shown once the catalogue has finished the current search or filter."""
    page.wait_for_function("!document.querySelector('.kki-katalog').dataset.sibuk")
    return sorted(page.locator("#kki-daftar li:not([hidden])").evaluate_all("cards => cards.map(c => c.id.slice(6))"))


@pytest.mark.browser
def test_searching_shows_the_searching_state_and_then_the_count_in_view(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/")
    ready(page)
    assert page.locator("#kki-segi").evaluate("details => !details.open")  # folded on a phone

    # A slow phone: the search index arrives late, and the reader must see that a search is running.
    def slowly(route: Route) -> None:
        time.sleep(0.7)
        route.continue_()

    page.route("**/pagefind/**", slowly)
    page.locator("#kki-q").fill("lansia")
    page.wait_for_function("document.querySelector('#kki-jumlah').textContent === 'Mencari…'")
    assert uncovered_in_view(page, "#kki-jumlah")
    page.wait_for_function("document.querySelector('#kki-jumlah').textContent.includes('cocok')", timeout=20000)
    assert uncovered_in_view(page, "#kki-jumlah")
    assert uncovered_in_view(page, "#kki-daftar li:not([hidden]) h2")  # and the first result's name


@pytest.mark.browser
def test_ticking_a_filter_keeps_the_count_in_view(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/")
    ready(page)
    open_saring(page)
    page.locator("summary", has_text="Bidang/urusan").click()
    last = page.locator('input[name="bidang"]').last
    last.check()  # the bottom of the longest list, where the reader's eyes are
    value = last.get_attribute("value")
    matching = [inv for inv in CATALOGUE.innovations if value in [v for v, _ in facet_values(inv)["bidang"]]]
    page.wait_for_function(f"document.querySelector('#kki-jumlah').textContent === '{len(matching)} inovasi'")
    assert uncovered_in_view(page, "#kki-jumlah")
    assert page.locator("#kki-segi-aktif").inner_text() == "(1 dipilih)"


@pytest.mark.browser
def test_a_card_scrolled_to_lands_just_below_the_count_bar(browser, site_url: str):
    # The page's scroll padding clears the header and the count bar; a control's own margin for the header
    # used to add to it, leaving the card 90 px further down than needed.
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/")
    ready(page)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    fifth_card = page.locator("#kki-daftar li:not([hidden]) h2 a").nth(4)
    gap = fifth_card.evaluate(
        """link => {
            link.scrollIntoView({block: "start"});
            const bar = document.querySelector(".kki-jumlah");
            return link.getBoundingClientRect().top - bar.getBoundingClientRect().bottom;
        }"""
    )
    assert 0 <= gap <= 40


@pytest.mark.browser
def test_header_search_on_another_page_lands_on_the_catalogue_with_results(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "inovasi/jamper/")
    field = page.get_by_role("searchbox", name="Cari inovasi")
    assert field.is_visible()
    field.click()
    assert field.bounding_box()["width"] > 200  # the folded field opens across the header
    field.fill("lansia")
    field.press("Enter")
    page.wait_for_url(re.compile(r"/katalog/\?q=lansia$"))
    ready(page)
    page.wait_for_function("document.querySelector('#kki-jumlah').textContent.includes('cocok')")
    assert page.locator("#kki-q").input_value() == "lansia"
    assert page.locator("#kki-daftar li:not([hidden])").first.get_attribute("id") == "kartu-lansia-smart"
    assert uncovered_in_view(page, "#kki-jumlah")


@pytest.mark.browser
def test_header_search_works_without_javascript_and_by_keyboard(browser, site_url: str):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "skk/2023/")
    for _ in range(40):  # Tab to the field, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "kki-cari-kepala-q":
            break
    assert page.evaluate("document.activeElement.id") == "kki-cari-kepala-q"
    page.keyboard.type("pasar desa")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "katalog/?q=pasar+desa")
    assert page.locator("h1").inner_text().startswith("Katalog inovasi")
    context.close()


@pytest.mark.browser
def test_help_pages_are_not_among_the_results(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/?q=panduan+replikasi+kontribusi")
    ready(page)
    # Words from the help pages' own titles: before they were left out, these queries ranked them first.
    urls = page.evaluate(
        """async (url) => {
            const pagefind = await import(url);
            const found = [];
            for (const query of ["panduan replikasi", "kontribusi", "tentang katalog", "pull request"]) {
                const search = await pagefind.search(query);
                for (const result of search.results) found.push((await result.data()).url);
            }
            return found;
        }""",
        site_url + "pagefind/pagefind.js",
    )
    assert urls, "the queries should still find innovations or other pages"
    assert not [url for url in urls if url.strip("/") + "/" in HELP_PAGES]
    page.wait_for_function("!document.querySelector('.kki-katalog').dataset.sibuk")
    more_pages = page.get_by_role("button", name=re.compile("Tampilkan halaman lain yang cocok"))
    if more_pages.is_visible():
        more_pages.click()
        page.wait_for_function("document.querySelectorAll('#kki-hasil-lain li').length > 0")
    links = page.locator("#kki-hasil-lain a").evaluate_all("links => links.map(link => link.href)")
    assert not [link for link in links if link.endswith(tuple("/" + path for path in HELP_PAGES))]


def test_help_pages_are_left_out_of_the_search_index(site: Path):
    for path in HELP_PAGES:
        assert "data-pagefind-body" not in (site / path / "index.html").read_text(encoding="utf-8"), path
    assert "data-pagefind-body" in (site / "tentang-skk" / "index.html").read_text(encoding="utf-8")


def test_a_facet_whose_innovations_all_share_one_value_is_not_offered():
    counts = {
        "bidang": [("a", "A", 2), ("b", "B", 1)],
        "status": [("belum-terdokumentasi", "Belum terdokumentasi", 3)],
    }
    counts |= {facet.key: [("x", "X", 1), ("y", "Y", 2)] for facet in FACETS if facet.key not in counts}
    offered = [facet.key for facet in facets_with_choice(counts)]
    assert "status" not in offered and "bidang" in offered and len(offered) == len(FACETS) - 1


@pytest.mark.browser
def test_the_catalogue_shows_exactly_the_facets_that_offer_a_choice(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/")
    ready(page)
    shown = page.locator("details[data-segi]").evaluate_all("facets => facets.map(f => f.dataset.segi)")
    counts = facet_counts(CATALOGUE.innovations)
    assert shown == [facet.key for facet in FACETS if len(counts[facet.key]) > 1]


@pytest.mark.browser
def test_no_result_text_says_what_to_try_and_how_to_propose_an_innovation(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/?q=zzzqqq")
    ready(page)
    empty = page.locator("#kki-kosong-hasil")
    empty.wait_for(state="visible")
    text = empty.inner_text()
    assert "kurangi penyaring" in text and "kata lain" in text
    propose = empty.get_by_role("link", name="Usulkan inovasi")
    assert propose.get_attribute("href") == "../kontribusi/"


# The target-group facet, on a copy of the repository whose write-ups record target groups.
def _with_target_groups(text: str, groups: list[str]) -> str:
    text = re.sub(r"\n  sasaran: \[[^\]]*\]", "", text)
    text = re.sub(r"(\n  bidang: \[[^\]]*\])", rf"\1\n  sasaran: [{', '.join(groups)}]", text, count=1)
    if "klasifikasi.sasaran:" not in text:
        text = text.replace("\nrujukan:\n", "\nrujukan:\n  klasifikasi.sasaran: redaksi\n", 1)
    return text


@pytest.fixture(scope="module")
def target_group_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    repo = copy_repository(tmp_path_factory.mktemp("sasaran") / "repo")
    for slug, groups in {"lansia-smart": ["lansia", "perempuan"], "jamper": ["warga-umum"]}.items():
        write_up = repo / "innovations" / slug / "index.md"
        write_up.write_text(_with_target_groups(write_up.read_text(encoding="utf-8"), groups), encoding="utf-8")
    site_dir = repo / "site"
    result = run_build(repo, site_dir)
    assert result.returncode == 0, result.stderr
    with serve(site_dir) as url:
        yield url, repo


@pytest.mark.browser
def test_the_target_group_facet_filters(browser, target_group_site: tuple[str, Path]):
    url, repo = target_group_site
    catalogue = load_catalogue(repo)
    elderly = sorted(inv.slug for inv in catalogue.innovations if "lansia" in inv.target_groups)
    assert elderly and len(elderly) < len(catalogue.innovations)
    page = browser.new_page(viewport=PHONE)
    page.goto(url + "katalog/")
    ready(page)
    open_saring(page)
    page.locator("summary", has_text="Sasaran").click()
    page.get_by_label("Lansia").check()
    assert visible_cards(page) == elderly
    assert "sasaran=lansia" in page.url
    assert uncovered_in_view(page, "#kki-jumlah")
    # The same facet narrows a text search, through the search index's filter.
    page.goto(url + "katalog/?q=kecamatan&sasaran=warga-umum")
    ready(page)
    page.wait_for_function("document.querySelector('#kki-jumlah').textContent.includes('cocok')")
    assert visible_cards(page) == sorted(inv.slug for inv in catalogue.innovations if "warga-umum" in inv.target_groups)

"""The catalogue past its first page: every innovation reachable from /katalog/ by plain links (no
JavaScript), and filters, sorting and shareable URLs over the whole catalogue, not only the first page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from conftest import load_script, run_build, serve

from katalog import load_catalogue
from katalog.facets import facet_values
from katalog.pages import CARDS_PER_PAGE, catalogue_order

SYNTHETIC = 60  # with the real write-ups: more than one list page


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links_of(html: str, page_url: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return [urlsplit(urljoin(page_url, href)).path for href in parser.hrefs]


@pytest.fixture(scope="module")
def paged_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("halaman")
    repo = load_script("sintetis").write_synthetic_repository(folder / "repo", SYNTHETIC)
    site_dir = folder / "site"
    result = run_build(repo, site_dir)
    assert result.returncode == 0, result.stderr
    return repo, site_dir


@pytest.fixture(scope="module")
def paged_url(paged_repo: tuple[Path, Path]) -> Iterator[str]:
    with serve(paged_repo[1]) as url:
        yield url


def test_every_innovation_is_linked_from_a_catalogue_page_reachable_by_plain_links(paged_repo):
    repo, site_dir = paged_repo
    slugs = {inv.slug for inv in load_catalogue(repo).innovations}
    assert len(slugs) > CARDS_PER_PAGE
    first = (site_dir / "katalog" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<li id="kartu-', first)) == CARDS_PER_PAGE  # the first view stays one page
    # Follow only plain links between catalogue pages, from /katalog/, as a reader without JavaScript can.
    to_visit, visited, linked = ["/katalog/"], set(), set()
    while to_visit:
        path = to_visit.pop()
        if path in visited:
            continue
        visited.add(path)
        html = (site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")
        for target in links_of(html, "http://situs" + path):
            if profile := re.fullmatch(r"/inovasi/([a-z0-9-]+)/", target):
                linked.add(profile[1])
            elif target.startswith("/katalog/") and target not in visited:
                to_visit.append(target)
    assert len(visited) == -(-len(slugs) // CARDS_PER_PAGE)
    assert linked == slugs


def test_list_pages_hold_the_reading_order_and_say_where_they_are(paged_repo):
    repo, site_dir = paged_repo
    ordered = [inv.slug for inv in catalogue_order(load_catalogue(repo))]
    second = (site_dir / "katalog" / "halaman" / "2" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<li id="kartu-([a-z0-9-]+)"', second) == ordered[CARDS_PER_PAGE : 2 * CARDS_PER_PAGE]
    assert "<h1" in second and "halaman 2 dari 2" in second
    assert 'aria-current="page">2</a>' in second and 'rel="prev"' in second
    assert "data-pagefind-body" not in second  # a list page would match every query


def open_catalogue(browser, url: str, query: dict[str, str] | None = None):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(url + "katalog/" + ("?" + urlencode(query) if query else ""))
    page.wait_for_function("document.querySelector('.kki-katalog')?.dataset.siap === '1'")
    page.wait_for_function("!document.querySelector('.kki-katalog').dataset.sibuk")
    return page


def shown(page) -> list[str]:
    page.wait_for_function("!document.querySelector('.kki-katalog').dataset.sibuk")
    return page.locator("#kki-daftar li").evaluate_all("cards => cards.map(card => card.id.slice(6))")


def shown_names(page) -> list[str]:
    shown(page)
    return page.locator("#kki-daftar li h2").all_inner_texts()


@pytest.mark.browser
def test_a_filter_finds_innovations_beyond_the_first_page(browser, paged_repo, paged_url: str):
    catalogue = load_catalogue(paged_repo[0])
    ordered = catalogue_order(catalogue)
    first_page = {inv.slug for inv in ordered[:CARDS_PER_PAGE]}
    by_kabupaten: dict[str, list[str]] = {}
    for inv in ordered:  # in reading order: the order a filter without a query shows
        by_kabupaten.setdefault(facet_values(inv)["kabupaten"][0][0], []).append(inv.slug)
    value, expected = next(
        (value, slugs)
        for value, slugs in by_kabupaten.items()
        if 1 < len(slugs) <= 12 and set(slugs) - first_page and set(slugs) & first_page
    )
    page = open_catalogue(browser, paged_url, {"kabupaten": value})
    assert shown(page) == expected
    assert page.locator("#kki-jumlah").inner_text() == f"{len(expected)} inovasi"
    assert not page.locator("#kki-halaman").is_visible()  # the pager is for the unfiltered list
    page.get_by_role("button", name="Atur ulang").click()
    assert shown(page) == [inv.slug for inv in ordered[:CARDS_PER_PAGE]]
    assert page.locator("#kki-halaman").is_visible()


@pytest.mark.browser
def test_a_filter_without_a_query_downloads_one_index_chunk_not_the_whole_index(browser, paged_repo, paged_url: str):
    chunks = list((paged_repo[1] / "pagefind" / "index").glob("*.pf_index"))
    assert len(chunks) > 1  # else this test could not tell the whole index from one chunk
    page = browser.new_page(viewport={"width": 360, "height": 740})
    requests: list[str] = []
    page.context.on("request", lambda request: requests.append(request.url))  # Pagefind's web worker's too
    page.goto(paged_url + "katalog/?" + urlencode({"bidang": "kesehatan"}))
    page.wait_for_function("document.querySelector('.kki-katalog')?.dataset.siap === '1'")
    expected = [inv.slug for inv in catalogue_order(load_catalogue(paged_repo[0])) if "kesehatan" in inv.sectors]
    assert shown(page) == expected[:12] and expected
    index_requests = [url for url in requests if "/pagefind/index/" in url]
    assert len(index_requests) == 1, index_requests


@pytest.mark.browser
def test_sorting_by_name_covers_the_whole_catalogue_and_more_shows_more(browser, paged_repo, paged_url: str):
    catalogue = load_catalogue(paged_repo[0])
    by_name = sorted((inv.name for inv in catalogue.innovations), key=str.lower)  # names: two may share one
    page = open_catalogue(browser, paged_url, {"urut": "nama"})
    assert shown_names(page) == by_name[:12]
    page.get_by_role("button", name="Tampilkan lebih banyak").click()
    page.wait_for_function("document.querySelectorAll('#kki-daftar li').length > 12")
    assert shown_names(page) == by_name[:24]
    assert page.locator("#kki-jumlah").inner_text() == f"{len(by_name)} inovasi"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["katalog/", "katalog/halaman/2/", "katalog/?kabupaten=kota-batu&urut=nama"])
def test_list_pages_and_index_drawn_cards_have_no_axe_violations(browser, paged_url: str, path: str):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(paged_url + path, wait_until="networkidle")
    page.wait_for_function("!document.querySelector('.kki-katalog')?.dataset.sibuk")
    every_page = page.locator("summary", has_text="Semua halaman")
    if every_page.is_visible():  # the unfiltered list: check the folded list of every page too
        every_page.click()
    violations = [violation["id"] for violation in Axe().run(page).response["violations"]]
    assert violations == []

"""The catalogue: facets, shareable URLs, Indonesian search, and one count everywhere."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import pytest
from conftest import ROOT

from katalog import load_catalogue
from katalog.facets import facet_counts, facet_values, facets_with_choice
from katalog.urls import OTHER_PAGE_TYPE, PAGE_TYPE_FILTER

CATALOGUE = load_catalogue(ROOT)
SLUGS = sorted(inv.slug for inv in CATALOGUE.innovations)


def expected(**wanted: list[str]) -> list[str]:
    """The slugs whose facets match, computed from the data (OR within a facet, AND across facets)."""
    result = []
    for inv in CATALOGUE.innovations:
        values = {key: [value for value, _ in pairs] for key, pairs in facet_values(inv).items()}
        if all(any(value in values[key] for value in options) for key, options in wanted.items()):
            result.append(inv.slug)
    return sorted(result)


def visible_cards(page) -> list[str]:
    """The cards shown once the catalogue has finished the current search or filter."""
    page.wait_for_function("!document.querySelector('.kki-katalog').dataset.sibuk")
    return sorted(page.locator("#kki-daftar li:not([hidden])").evaluate_all("cards => cards.map(c => c.id.slice(6))"))


def open_catalogue(browser, site_url: str, query: dict[str, list[str] | str] | None = None, javascript: bool = True):
    context = browser.new_context(java_script_enabled=javascript, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(site_url + "katalog/" + ("?" + urlencode(query, doseq=True) if query else ""))
    if javascript:
        page.wait_for_function("document.querySelector('.kki-katalog').dataset.siap === '1'")
    return page


def open_facet(page, title: str) -> None:
    """Unfold "Saring" (folded on a phone) and then one facet in it."""
    if not page.locator("#kki-segi").evaluate("details => details.open"):
        page.locator("#kki-segi > summary").click()
    page.locator("summary", has_text=title).click()


@pytest.mark.browser
def test_one_facet_narrows_to_exactly_the_matching_innovations(browser, site_url: str):
    page = open_catalogue(browser, site_url)
    open_facet(page, "Kabupaten/kota")
    page.get_by_label("Kota Batu").check()
    assert visible_cards(page) == expected(kabupaten=["kota-batu"]) == ["lansia-smart", "sengkuyung-bumiaji"]
    assert page.locator("#kki-jumlah").inner_text() == "2 inovasi"
    assert "kabupaten=kota-batu" in page.url
    assert not page.get_by_role("button", name="Tampilkan lebih banyak").is_visible()


FACET_CHOICES = sorted(
    {(key, value) for inv in CATALOGUE.innovations for key, pairs in facet_values(inv).items() for value, _ in pairs}
)
# A facet offers a choice only when its innovations differ; the others are not shown (test_search_phone.py).
OFFERED = {facet.key for facet in facets_with_choice(facet_counts(CATALOGUE.innovations))}


@pytest.mark.browser
def test_every_facet_value_narrows_to_exactly_its_innovations(browser, site_url: str):
    page = open_catalogue(browser, site_url)
    facets = {"bidang", "sasaran", "kabupaten", "tahun", "peringkat", "tahapan", "status", "jenis"}
    assert {key for key, _ in FACET_CHOICES} == facets
    assert {"bidang", "kabupaten", "tahun", "peringkat"} <= OFFERED
    for key, value in [(key, value) for key, value in FACET_CHOICES if key in OFFERED]:
        # What Back and Forward do: the script reads the URL again and filters.
        page.evaluate(
            "query => { history.pushState(null, '', '?' + query); dispatchEvent(new PopStateEvent('popstate')); }",
            urlencode({key: value}),
        )
        assert visible_cards(page) == expected(**{key: [value]}), (key, value)
        # The box may sit inside the folded "Saring" control: read its state, not its role.
        assert page.locator(f'input[type="checkbox"][name="{key}"][value="{value}"]').is_checked()


@pytest.mark.browser
def test_two_facets_combine_and_back_restores_the_previous_view(browser, site_url: str):
    page = open_catalogue(browser, site_url)
    open_facet(page, "Bidang/urusan")
    page.get_by_label("Pariwisata").check()
    after_one = visible_cards(page)
    assert after_one == expected(bidang=["pariwisata"]) and len(after_one) > 1
    open_facet(page, "Digital/non-digital")
    page.get_by_label("Non-digital").check()
    assert visible_cards(page) == expected(bidang=["pariwisata"], jenis=["non-digital"])
    page.go_back()
    page.wait_for_function("!document.querySelector('input[value=non-digital]').checked")
    assert visible_cards(page) == after_one


@pytest.mark.browser
def test_reloading_a_shared_url_restores_filters_query_and_sort(browser, site_url: str):
    query: dict[str, list[str] | str] = {"bidang": ["pariwisata", "kesehatan"], "urut": "nama"}
    page = open_catalogue(browser, site_url, query)
    assert visible_cards(page) == expected(bidang=["pariwisata", "kesehatan"])
    names = page.locator("#kki-daftar li:not([hidden]) h2").all_inner_texts()
    assert names == sorted(names, key=str.lower)
    page.reload()
    page.wait_for_function("document.querySelector('.kki-katalog').dataset.siap === '1'")
    assert page.get_by_label("Pariwisata").is_checked() and page.get_by_label("Kesehatan").is_checked()
    assert visible_cards(page) == expected(bidang=["pariwisata", "kesehatan"])


@pytest.mark.browser
def test_no_results_state_offers_a_reset(browser, site_url: str):
    page = open_catalogue(browser, site_url, {"kabupaten": ["kota-batu"], "jenis": ["digital"]})
    assert visible_cards(page) == expected(kabupaten=["kota-batu"], jenis=["digital"]) == []
    assert page.locator("#kki-kosong-hasil").is_visible()
    page.get_by_role("button", name="Hapus semua penyaring").click()
    assert visible_cards(page) == SLUGS
    assert page.url.endswith("/katalog/")


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("pemberdayaan lansia", "lansia-smart"),
        ("berdaya lansia", "lansia-smart"),  # "berdaya" finds "pemberdayaan" only through the stemmer
        ("seberang", "jamper"),
        ("batik", "lansia-smart"),
        ("Junrejo", "lansia-smart"),
        ("Talango", "jamper"),
        ("Kota Madiun", "e-sayur"),
        ("Putik Sari", "putik-sari"),
    ],
)
def test_indonesian_queries_find_the_right_innovation_first(browser, site_url: str, query: str, first: str):
    page = open_catalogue(browser, site_url, {"q": query})
    page.wait_for_function("document.querySelector('#kki-jumlah').innerText.includes('cocok')")
    first_card = page.locator("#kki-daftar li:not([hidden])").first
    assert first_card.get_attribute("id") == f"kartu-{first}"
    assert "Kecamatan" in first_card.locator(".kki-kartu__tempat").inner_text()


@pytest.mark.browser
def test_a_query_also_lists_matching_pages_that_are_not_profiles(browser, site_url: str):
    page = open_catalogue(browser, site_url, {"q": "Sinergi Kinerja Kecamatan"})
    more_pages = page.get_by_role("button", name=re.compile("Tampilkan halaman lain yang cocok"))
    if page.locator("#kki-daftar li").count():  # while innovations match, other pages wait for a tap
        more_pages.click()
    page.wait_for_function("document.querySelectorAll('#kki-hasil-lain li').length > 0")
    assert page.locator("#kki-hasil-lain h2").inner_text() == "Halaman lain yang cocok"
    # Innovations first: the other pages come after the list of innovations.
    assert page.evaluate(
        "document.querySelector('#kki-daftar').compareDocumentPosition(document.querySelector('#kki-hasil-lain'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    links = page.locator("#kki-hasil-lain li a").evaluate_all("links => links.map(link => link.href)")
    assert links and not [link for link in links if "/inovasi/" in link]


@pytest.mark.browser
def test_newcomer_narrows_to_a_kabupaten_searches_and_shares(browser, site_url: str):
    page = open_catalogue(browser, site_url)
    open_facet(page, "Kabupaten/kota")
    page.get_by_label("Kota Batu").check()
    page.get_by_role("searchbox", name="Cari", exact=True).fill("pemberdayaan lansia")
    page.wait_for_function("document.querySelector('#kki-jumlah').innerText.includes('cocok')")
    assert page.locator("#kki-daftar li:not([hidden])").first.get_attribute("id") == "kartu-lansia-smart"
    found = page.locator("#kki-daftar li:not([hidden])").count()
    # the count names the filter as well as the words: it is why fewer innovations match
    assert (
        page.locator("#kki-jumlah").inner_text()
        == f"{found} inovasi cocok dengan “pemberdayaan lansia” dan 1 pilihan saringan"
    )
    shared = page.url
    assert "q=pemberdayaan+lansia" in shared and "kabupaten=kota-batu" in shared
    other = browser.new_page()
    other.goto(shared)
    other.wait_for_function("document.querySelector('#kki-jumlah').innerText.includes('cocok')")
    assert other.get_by_role("searchbox", name="Cari", exact=True).input_value() == "pemberdayaan lansia"
    assert other.locator("#kki-daftar li:not([hidden])").first.get_attribute("id") == "kartu-lansia-smart"


def shown_counts(page) -> dict[tuple[str, str], int]:
    """(facet, value) -> the count shown beside that choice."""
    choices = page.locator(".kki-segi-pilihan").evaluate_all(
        """labels => labels.map(label => {
            const box = label.querySelector("input");
            return [box.name, box.value, label.querySelector(".kki-hitung").textContent];
        })"""
    )
    return {(key, value): int(shown.strip("()")) for key, value, shown in choices}


CATALOGUE_COUNTS = {
    (key, value): count for key, rows in facet_counts(CATALOGUE.innovations).items() for value, _, count in rows
}


@pytest.mark.browser
@pytest.mark.parametrize("words", ["lansia", "pemberdayaan"])
def test_once_a_facet_is_opened_each_choice_counts_what_matches_the_words(browser, site_url: str, words: str):
    # A reader who searched "lansia" saw "Kesehatan (3)", counted over the whole catalogue, ticked it and got
    # nothing. Fetching every filter's data costs a first search too much, so it comes with opening a facet.
    page = open_catalogue(browser, site_url, {"q": words})
    page.wait_for_function("document.querySelector('#kki-jumlah').innerText.includes('cocok')")
    assert shown_counts(page) == {choice: CATALOGUE_COUNTS[choice] for choice in shown_counts(page)}
    found = set(visible_cards(page))
    assert found and found != set(SLUGS)
    open_facet(page, "Bidang/urusan")
    meaning = page.locator(".kki-hitung-arti")
    meaning.wait_for(state="visible")
    assert meaning.inner_text() == f"Angka di samping pilihan: inovasi yang cocok dengan “{words}”."
    matching: dict[tuple[str, str], int] = {}
    for inv in CATALOGUE.innovations:
        for key, pairs in facet_values(inv).items():
            for value, _ in pairs:
                matching[(key, value)] = matching.get((key, value), 0) + (inv.slug in found)
    counts = shown_counts(page)
    assert counts == {choice: matching.get(choice, 0) for choice in counts}
    page.get_by_role("searchbox", name="Cari", exact=True).fill("")
    page.wait_for_function(f"document.querySelector('#kki-jumlah').innerText === '{len(SLUGS)} inovasi'")
    assert shown_counts(page) == {choice: CATALOGUE_COUNTS[choice] for choice in counts}
    assert meaning.is_hidden()


@pytest.mark.browser
def test_a_search_alone_fetches_no_facet_s_filter_data(browser, site_url: str):
    page = open_catalogue(browser, site_url)
    fetched: list[str] = []
    page.context.on("request", lambda request: fetched.append(request.url))
    page.get_by_role("searchbox", name="Cari", exact=True).fill("lansia")
    page.wait_for_function("document.querySelector('#kki-jumlah').innerText.includes('cocok')")
    page.wait_for_load_state("networkidle")
    assert any("/pagefind/" in url for url in fetched)
    # only the filter the search names: profiles are the pages without the page-type filter
    assert len([url for url in fetched if "/pagefind/filter/" in url]) == 1


@pytest.mark.browser
def test_without_javascript_every_innovation_is_listed(browser, site_url: str):
    page = open_catalogue(browser, site_url, javascript=False)
    assert visible_cards(page) == SLUGS
    assert not page.locator("#kki-saring").is_visible()
    for inv in CATALOGUE.innovations:
        link = page.locator(f"#kartu-{inv.slug} h2 a")
        assert link.text_content() == inv.name  # in the DOM; cards far below render when scrolled to
        assert link.get_attribute("href") == f"../inovasi/{inv.slug}/"


@pytest.mark.browser
def test_search_index_holds_every_innovation_apart_from_the_other_pages(browser, site_url: str):
    page = browser.new_page()
    page.goto(site_url + "katalog/")
    profiles, others = page.evaluate(
        """async ([url, filter, other]) => {
            const pagefind = await import(url);
            const data = async (filters) => {
                const search = await pagefind.search(null, { filters });
                return Promise.all(search.results.map((result) => result.data()));
            };
            const profiles = await data({ not: { [filter]: other } });
            const others = await data({ [filter]: other });
            return [profiles.map((page) => page.meta.id), others.map((page) => page.url)];
        }""",
        [site_url + "pagefind/pagefind.js", PAGE_TYPE_FILTER, OTHER_PAGE_TYPE],
    )
    assert sorted(profiles) == SLUGS
    assert others and not [url for url in others if re.fullmatch(r"/inovasi/[a-z0-9-]+/", url)]


def test_every_export_holds_every_innovation_once(site: Path):
    html = (site / "katalog" / "index.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'<li id="kartu-([a-z0-9-]+)"', html)) == SLUGS

    records = json.loads((site / "data" / "katalog.json").read_text(encoding="utf-8"))
    assert records["jumlah"] == len(SLUGS)
    assert sorted(record["id"] for record in records["inovasi"]) == SLUGS

    raw = (site / "data" / "katalog.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sorted(row["id"] for row in rows) == SLUGS

    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    profile_items = [item for item in feed["items"] if "/inovasi/" in item["id"] and "#" not in item["id"]]
    assert sorted(item["url"].rstrip("/").rsplit("/", 1)[1] for item in profile_items) == SLUGS

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sorted(re.findall(r"/inovasi/([a-z0-9-]+)/</loc>", sitemap)) == SLUGS


def test_export_keeps_indonesian_text_and_every_field(site: Path):
    records = json.loads((site / "data" / "katalog.json").read_text(encoding="utf-8"))
    lansia = next(record for record in records["inovasi"] if record["id"] == "lansia-smart")
    assert lansia["kepanjangan"] is None  # the sources disagree: both spellings are kept with their sources
    assert [item["nilai"] for item in lansia["beda_sumber"]["kepanjangan"]] == [
        "Semangat, Mandiri, Aktif, Produktif",
        "Sehat, Mandiri, Aktif, Produktif",
    ]
    assert lansia["kecamatan"] == {
        "kode": "35.79.03",
        "nama": "Junrejo",
        "url": "https://katalog-inovasi-kecamatan-jatim.github.io/katalog/kecamatan/junrejo-kota-batu/",
    }
    assert lansia["pembinaan"][0]["putaran"] == "2024"
    schema = json.loads((ROOT / "innovations/_skema/inovasi.schema.json").read_text(encoding="utf-8"))
    for field in schema["properties"]:
        assert field in lansia, field


def test_feed_is_newest_first_with_dates_from_the_data(site: Path):
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    dates = [item["date_published"] for item in feed["items"] if "date_published" in item]
    assert dates == sorted(dates, reverse=True)
    assert dates[0].startswith("2024-12-10")  # the SKK 2024 ceremony, from its edition file
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/feed+json"' in home


@pytest.mark.browser
def test_opening_the_catalogue_does_not_fetch_the_sitemap(browser, site_url: str):
    # Material fetches and parses sitemap.xml for each link[rel=alternate] (it expects language versions);
    # with 1,000 innovations that parse was the longest task on a phone. The feed link must not trigger it.
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "katalog/", wait_until="networkidle")
    assert any(url.endswith("/assets/katalog.js") for url in requested)
    assert not [url for url in requested if "sitemap" in url]
    context.close()


def test_statistics_are_accessible_svg_with_the_same_numbers_in_tables(site: Path):
    html = (site / "statistik" / "index.html").read_text(encoding="utf-8")
    charts = re.findall(r'<svg class="kki-grafik"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', html)
    assert len(charts) == 5
    for labelled_by in charts:
        for element_id in labelled_by.split():
            assert f'id="{element_id}"' in html
    kabupaten_rows = re.findall(r"<tr>\s*<td>(Kabupaten [A-Za-z]+|Kota [A-Za-z]+)</td>\s*<td[^>]*>(\d+)</td>", html)
    per_kabupaten: dict[str, int] = {}
    for inv in CATALOGUE.innovations:
        per_kabupaten[inv.kabupaten.name] = per_kabupaten.get(inv.kabupaten.name, 0) + 1
    assert dict((name, int(count)) for name, count in kabupaten_rows) == per_kabupaten
    drawn = "".join(re.findall(r'<svg class="kki-grafik".*?</svg>', html, flags=re.DOTALL))
    assert "http" not in drawn.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_data_page_documents_every_schema_field(site: Path):
    html = unescape((site / "data" / "index.html").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "innovations/_skema/inovasi.schema.json").read_text(encoding="utf-8"))
    for field, definition in schema["properties"].items():
        assert f"<td>{field}</td>" in html
        assert definition["description"] in html
    assert "ODbL 1.0" in html and "CC BY 4.0" in html
    for name in ("inovasi", "pembinaan", "putaran"):
        assert (site / "data" / f"{name}.schema.json").exists()

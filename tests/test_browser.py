"""Real-browser checks in headless Chromium: what a reader sees, at phone and desktop width."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import BUILD_ENV
from playwright.sync_api import ConsoleMessage, Request

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "inovasi/lansia-smart/",
    "kecamatan/wonosari-kab-malang/",
    "kabupaten/kota-batu/",
    "pembinaan/2024/",
    "skk/",
    "skk/2023/",
    "kecamatan/",
    "replikasi/",
    "replikasi/matriks/",
    "replikasi/cek-kesiapan/",
    "replikasi/cek-kesiapan/#jawaban&bidang=pariwisata&bidang=pangan&digital=tidak&mitra=dunia-usaha",
]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_page_renders_without_errors_or_requests_elsewhere(browser, site_url: str, path: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    origin = urlsplit(site_url).netloc
    foreign: list[str] = []
    errors: list[str] = []

    def note_foreign(request: Request) -> None:
        if urlsplit(request.url).netloc not in (origin, ""):
            foreign.append(request.url)

    def note_error(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("request", note_foreign)
    page.on("console", note_error)
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response is not None and response.status == 200
    assert page.locator("h1").first.is_visible()
    assert foreign == [] and errors == []
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px"
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_tile_map_tiles_are_named_links_and_the_history_is_a_table(browser, site_url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + "skk/", wait_until="networkidle")
    tiles = page.locator("svg.kki-petak a")
    assert tiles.count() == 38
    for index in range(tiles.count()):
        tile = tiles.nth(index)
        assert tile.get_attribute("href")
        assert page.get_by_role("link", name=tile.get_attribute("aria-label"), exact=True).count() == 1
    assert page.locator("svg.kki-petak > title").count() == 1 and page.locator("svg.kki-petak > desc").count() == 1
    history = page.get_by_role("table").first
    headers = history.get_by_role("columnheader").all_inner_texts()
    assert headers[:2] == ["Tahun", "Nama yang dipakai"]
    assert history.get_by_role("row").count() > 1
    first_tile = tiles.first
    first_tile.click()
    page.wait_for_load_state("networkidle")
    assert "/kabupaten/" in page.url
    page.close()


def test_a_tile_focused_by_keyboard_is_wholly_in_view_on_a_phone(browser, site_url: str):
    # At 360 px the map scrolls inside its box; Chromium alone left tiles at the box's edge half hidden.
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + "skk/", wait_until="networkidle")
    page.focus(".kki-petak-gulir")
    hidden: list[str] = []
    for _ in range(page.locator("svg.kki-petak a").count()):
        page.keyboard.press("Tab")
        tile = page.evaluate(
            """() => {
              const tile = document.activeElement, box = document.querySelector(".kki-petak-gulir");
              const shown = tile.getBoundingClientRect(), frame = box.getBoundingClientRect();
              return {name: tile.getAttribute("aria-label"), inside: box.contains(tile),
                      whole: shown.left >= frame.left - 0.5 && shown.right <= frame.right + 0.5
                             && shown.top >= 0 && shown.bottom <= innerHeight};
            }"""
        )
        assert tile["inside"], "Tab left the map before reaching every tile"
        if not tile["whole"]:
            hidden.append(tile["name"])
    assert hidden == []
    page.close()


@pytest.mark.parametrize("path", ["", "inovasi/jamper/", "replikasi/cek-kesiapan/"])
def test_on_a_phone_no_heading_ends_in_an_empty_line(browser, site_url: str, path: str):
    # Material's hidden permalink mark used to wrap onto a line of its own after a heading that filled its width.
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + path)
    padded = page.eval_on_selector_all(
        "article :is(h1, h2, h3)",
        """headings => headings.filter(heading => {
            const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
            let textBottom = -Infinity;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement.closest(".headerlink") || !node.textContent.trim()) continue;
                const words = document.createRange();
                words.selectNodeContents(node);
                textBottom = Math.max(textBottom, words.getBoundingClientRect().bottom);
            }
            return heading.getBoundingClientRect().bottom - textBottom > 4;
        }).map(heading => heading.textContent.trim())""",
    )
    assert padded == []
    page.close()


def test_a_table_wider_than_the_screen_says_it_scrolls_sideways_and_only_then(browser, site_url: str):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(site_url)  # the home page's table of the newest edition: wider than a phone
    wrapper = page.locator(".md-typeset__scrollwrap").first
    assert wrapper.evaluate("box => box.scrollWidth > box.clientWidth")
    hint = page.locator(".kki-geser").first
    assert hint.is_visible() and hint.inner_text().startswith("Geser tabel ke samping")
    assert hint.evaluate("(hint, box) => hint.nextElementSibling === box", wrapper.element_handle())
    page.set_viewport_size({"width": 1280, "height": 800})  # the same table fits on a desktop
    page.wait_for_function("!document.querySelector('.kki-geser').checkVisibility()")
    assert wrapper.evaluate("box => box.scrollWidth <= box.clientWidth")
    page.close()


def test_reader_goes_from_home_to_a_profile_and_its_kecamatan(browser, site_url: str):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(site_url)
    rows = page.locator("article table tbody tr")
    assert rows.count() == 7
    # the home table is the newest edition (SKK 2024), whose Juara 1 has a write-up
    page.get_by_role("link", name="Posyandu Keluarga").first.click()
    assert heading(page) == "Posyandu Keluarga"
    assert page.get_by_text("Juara 1").first.is_visible()
    page.locator(".kki-fakta").get_by_role("link", name="Tandes").click()
    assert heading(page) == "Kecamatan Tandes"
    assert page.get_by_text("35.78.14").first.is_visible()
    page.close()


def heading(page) -> str:
    """The page's h1 without Material's permalink mark."""
    return page.locator("h1").inner_text().removesuffix("¶").strip()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_server(url: str, process: subprocess.Popen, seconds: float = 120) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read() if process.stdout else "mkdocs serve stopped")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"mkdocs serve did not answer at {url}")


def test_editing_a_write_up_reloads_the_served_page(browser, repo: Path):
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    process = subprocess.Popen(
        command,
        cwd=repo,
        env={**BUILD_ENV, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/katalog/inovasi/lansia-smart/"
        _wait_for_server(url, process)
        page = browser.new_page()
        page.goto(url, timeout=120_000)  # generous: a loaded 2-core machine rebuilds slowly
        assert heading(page) == "Lansia Smart"
        write_up = repo / "innovations/lansia-smart/index.md"
        write_up.write_text(
            write_up.read_text(encoding="utf-8").replace("nama: Lansia Smart", "nama: Lansia Smart Baru")
        )
        page.wait_for_function(
            "document.querySelector('h1').firstChild.textContent.trim() === 'Lansia Smart Baru'", timeout=120_000
        )
        page.close()
    finally:
        process.terminate()
        process.wait(timeout=30)

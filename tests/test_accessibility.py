"""axe-core finds no violations on each page type, at phone and desktop width."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "katalog/",
    "katalog/?q=lansia",
    "inovasi/lansia-smart/",
    "inovasi/lansia-smart/kuesioner/",
    "kecamatan/junrejo-kota-batu/",
    "kabupaten/kab-malang/",
    "pembinaan/2024/",
    "skk/",
    "skk/2023/",
    "statistik/",
    "data/",
    "replikasi/",
    "replikasi/matriks/",
    "replikasi/cek-kesiapan/",
    "replikasi/cek-kesiapan/#jawaban&bidang=pariwisata&digital=tidak",
]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_no_axe_violations(browser, site_url: str, axe, path: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + path, wait_until="networkidle")
    if "q=" in path:
        page.wait_for_function("document.querySelector('#kki-jumlah').innerText.includes('cocok')")
    results = axe.run(page)
    violations = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}×, {violation['nodes'][0]['target']})"
        for violation in results.response["violations"]
    ]
    page.close()
    assert violations == []

"""What tells a reader whom to trust: "Tentang katalog" says who keeps the catalogue, where to reach them and
how old its data is (all from the build's own configuration and data), and the region data is credited to its
source repository, never to a package registry's page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

from conftest import BUILD_ENV, ROOT, load_script

from katalog import load_catalogue
from katalog.history import last_commit_date
from katalog.policy import date_id
from katalog.regions import load_regions

REGISTRIES = re.compile(r"https?://(www\.)?(npmjs\.com|registry\.npmjs\.org|pypi\.org|yarnpkg\.com)/")
REGION_REPOSITORY = load_regions().source["repositori"]


def text_of(html: str) -> str:
    """The page's words, tags dropped and spaces collapsed, for sentence checks."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def about_page(site: Path) -> str:
    html = (site / "tentang" / "index.html").read_text(encoding="utf-8")
    return html[html.index('<article class="md-content__inner') : html.index("</article>")]


def test_about_page_says_what_the_catalogue_is_not_and_who_keeps_it(site: Path):
    words = text_of(about_page(site))
    assert "Bukan terbitan resmi pemerintah." in words
    assert "dikelola oleh para kontributor" in words
    assert 'href="https://github.com/katalog-inovasi-kecamatan-jatim/katalog/issues"' in about_page(site)


def test_about_page_dates_come_from_the_repository_and_the_write_ups(site: Path):
    words = text_of(about_page(site))
    changed = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%cs", "--", "innovations"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert changed, "the repository's history is needed (CI: actions/checkout with fetch-depth: 0)"
    assert f"Terakhir diubah: {date_id(changed)}." in words
    catalogue = load_catalogue(ROOT)
    verified = [inv.last_verified for inv in catalogue.innovations if inv.last_verified]
    if verified:  # the real catalogue decides which sentence is true; the build below checks the other one
        assert f"Dicocokkan ulang: {len(verified)} dari {len(catalogue.innovations)} tulisan inovasi" in words
    else:
        assert f"Tak satu pun dari {len(catalogue.innovations)} tulisan inovasi" in words


def test_about_page_follows_the_configured_repository_and_a_verified_write_up(repo: Path, tmp_path: Path):
    write_up = repo / "innovations/lansia-smart/index.md"
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(text.replace("terakhir_diverifikasi: null", "terakhir_diverifikasi: 2025-03-14"))
    env = {**BUILD_ENV, "KATALOG_REPO_URL": "https://example.org/contoh/katalog-lain"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")]
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    html = about_page(tmp_path / "site")
    words = text_of(html)
    assert 'href="https://example.org/contoh/katalog-lain/issues"' in html
    assert "github.com/katalog-inovasi-kecamatan-jatim" not in html
    total = len(load_catalogue(repo).innovations)
    assert f"Dicocokkan ulang: 1 dari {total} tulisan inovasi, terakhir pada 14 Maret 2025." in words
    # a copy outside any git repository has no history to date its last change from, and says so
    assert last_commit_date(repo, "innovations") is None
    assert "Tanggal perubahan terakhir tidak tersedia" in words and "Terakhir diubah:" not in words
    not_found = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/contoh/katalog-lain/issues"' in not_found


def test_region_data_is_credited_to_its_source_repository_with_package_and_version(site: Path):
    assert REGION_REPOSITORY == "https://github.com/fityannugroho/idn-area-data"
    credit = f'<a href="{REGION_REPOSITORY}">idn-area-data 4.0.1</a>'
    assert credit in about_page(site)
    assert credit in (site / "kecamatan" / "index.html").read_text(encoding="utf-8")  # the footer, every page
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not REGISTRIES.search(html), f"{page.relative_to(site)} links a package registry's page"
    for path in ("docs/tentang.md", "scripts/perbarui_wilayah.py", "hooks/katalog/data/wilayah-jatim.json"):
        assert not REGISTRIES.search((ROOT / path).read_text(encoding="utf-8")), path


def test_region_update_takes_the_repository_from_the_packages_own_metadata(tmp_path: Path):
    script = load_script("perbarui_wilayah")
    package = {"name": "idn-area-data", "repository": {"type": "git", "url": "git+https://github.com/o/r.git"}}
    (tmp_path / "package.json").write_text(json.dumps(package), encoding="utf-8")
    assert script.source_repository(tmp_path) == "https://github.com/o/r"
    (tmp_path / "package.json").write_text(json.dumps({"repository": "https://gitlab.com/o/r"}), encoding="utf-8")
    assert script.source_repository(tmp_path) == "https://gitlab.com/o/r"


def test_last_change_date_is_none_without_history(tmp_path: Path):
    assert last_commit_date(tmp_path, "innovations") is None
    assert isinstance(last_commit_date(ROOT, "innovations"), date)


def test_landmarks_and_footer_credit_speak_indonesian(site: Path):
    pages = [page for page in site.rglob("*.html") if "pagefind" not in page.parts]
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'aria-label="Kepala situs"' in html, page.relative_to(site)
        for english in ('aria-label="Header"', 'aria-label="Footer"', "Made with"):
            assert english not in html, f"{page.relative_to(site)}: {english}"
        assert "Dibuat dengan" in html and "Tentang katalog</a>" in html

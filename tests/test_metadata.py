"""Every page describes itself to search engines and link previews; profiles carry schema.org data."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, run_build

from katalog import load_catalogue
from katalog.urls import page_of, site_path

CATALOGUE = load_catalogue(ROOT)


class HeadReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta":
            key = values.get("name") or values.get("property")
            if key:
                self.meta[key] = values.get("content") or ""
        elif tag == "link" and (rel := values.get("rel")):
            self.links[rel] = values.get("href") or ""
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag: str) -> None:
        self._in_json_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)


def read_head(path: Path) -> HeadReader:
    reader = HeadReader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def test_every_page_has_description_open_graph_and_canonical(site: Path):
    pages = [path for path in site.rglob("index.html")]
    assert len(pages) > 30
    for path in pages:
        head = read_head(path)
        where = path.relative_to(site)
        assert len(head.meta.get("description", "")) >= 50, where
        assert head.meta.get("og:title") and head.meta.get("og:description"), where
        assert head.links.get("canonical", "").startswith("https://"), where
        assert head.meta.get("og:url") == head.links["canonical"], where


def test_profiles_carry_schema_org_json_ld_about_the_innovation_and_its_place(site: Path):
    for inv in CATALOGUE.innovations:
        head = read_head(site / site_path(page_of(inv)) / "index.html")
        (raw,) = head.json_ld
        data = json.loads(raw)
        assert data["@context"] == "https://schema.org" and data["name"] == inv.name
        place = data["spatialCoverage"]
        assert place["identifier"] == inv.kecamatan.code
        assert place["containedInPlace"]["name"] == inv.kabupaten.name
        assert any(inv.best_award.rank in award for award in data["award"])


def test_quotes_in_a_summary_cannot_break_out_of_an_attribute(repo: Path, tmp_path: Path):
    write_up = repo / "innovations/lansia-smart/index.md"
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(
        text.replace("lewat belajar dan memproduksi batik", 'antara lain "membatik" onmouseover=alert(1) &')
    )
    result = run_build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site/inovasi/lansia-smart/index.html"
    head = read_head(page)
    assert 'antara lain "membatik" onmouseover=alert(1) &' in head.meta["description"]
    assert 'antara lain "membatik" onmouseover=alert(1) &' in head.meta["og:description"]

    class AttributeNames(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.names: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.names.update(name for name, _ in attrs)

    reader = AttributeNames()
    reader.feed(page.read_text(encoding="utf-8"))
    assert "onmouseover=alert(1)" not in reader.names and "onmouseover" not in reader.names

"""SKK editions: every edition file becomes its page, every ranking row is shown where readers look for it
(its edition, its kecamatan or kab/kota), the exports count the same rows, and ranks have one home."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

from katalog import load_catalogue, validate_catalogue
from katalog.facets import facet_values
from katalog.model import DISPUTED, RankingRow
from katalog.site import SiteBuild, build_site
from katalog.tilemap import GRID, Tile, svg
from katalog.urls import edition_page, page_of

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def built() -> SiteBuild:
    return build_site(ROOT)


def _row_names(row: RankingRow) -> str:
    return f"[Kecamatan {row.kecamatan.name}]" if row.kecamatan else row.kabupaten.name


def test_every_edition_file_has_its_page(built: SiteBuild):
    files = sorted(int(path.stem) for path in (ROOT / "innovations/_skk").glob("*.yml"))
    assert files and [edition.year for edition in built.catalogue.editions] == files
    for year in files:
        page = built.pages[edition_page(year)]
        assert f"# SKK {year}: " in page
    history = built.pages["skk/index.md"]
    for year in range(2011, max(files) + 1):  # every year from the first one the sources cover, found or not
        assert re.search(rf"^\| {year} \|", history, flags=re.MULTILINE), year


def test_every_ranking_row_is_on_its_edition_page_and_its_place_page(built: SiteBuild):
    for edition in built.catalogue.editions:
        page = built.pages[edition_page(edition.year)]
        table = [line for line in page.split("\n") if line.startswith("| ") and "](/kabupaten/" in line]
        assert len(table) == len(edition.rows)
        for row in edition.rows:
            assert any(_row_names(row) in line and row.kabupaten.name in line for line in table), row
            place = row.kecamatan or row.kabupaten
            history = built.pages[page_of(place)]
            assert f"[SKK {edition.year}](/skk/{edition.year}/index.md)" in history


def test_a_group_a_source_lists_in_full_is_said_so_on_its_edition_page(built: SiteBuild):
    editions = [edition for edition in built.catalogue.editions if edition.complete_groups]
    assert editions  # 2022, 2023 and 2024 name their whole group
    for edition in editions:
        page = built.pages[edition_page(edition.year)]
        for group in edition.complete_groups:
            assert f"Sumber menyebut semua anggota {group.text} di atas" in page


def test_home_shows_the_newest_edition_a_source_covers(built: SiteBuild):
    newest = max(edition.year for edition in built.catalogue.editions if edition.found)
    assert f"### SKK {newest}" in built.plan.winners


def test_exports_count_the_same_rows(built: SiteBuild):
    rows = built.catalogue.rows
    document = json.loads(built.data_files["data/skk.json"])
    assert document["jumlah_baris"] == len(rows) == sum(len(item["peringkat"]) for item in document["edisi"])
    raw = built.data_files["data/skk.csv"]
    assert isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(table) == len(rows)
    assert {record["peringkat"] for record in table} <= {row.rank for row in rows}


def test_a_disputed_place_is_sumber_berbeda_everywhere_with_each_sources_place(built: SiteBuild):
    modo = next(inv for inv in built.catalogue.innovations if inv.slug == "modo-berbudaya")
    award = modo.awards[0]
    assert award.rank == DISPUTED and {alt.value for alt in award.alternatives} == {"Juara Harapan 3", "7 besar"}
    assert facet_values(modo)["peringkat"][0][1] == DISPUTED
    profile = built.pages[page_of(modo)]
    assert "sumber berbeda: Juara Harapan 3; 7 besar; sumbernya di halaman edisi" in profile
    assert "(/skk/2023/index.md)" in profile
    raw = built.data_files["data/skk.csv"]
    assert isinstance(raw, bytes)  # with a byte-order mark, for spreadsheets
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    row = next(record for record in table if record["kecamatan"] == "Modo")
    assert (row["peringkat"], row["peringkat_menurut_sumber"]) == (DISPUTED, "Juara Harapan 3 (S1); 7 besar (S2, S5)")


def test_ranks_have_one_home_the_write_ups_read_theirs_from_the_edition(built: SiteBuild):
    for inv in built.catalogue.innovations:
        for award in inv.awards:
            row = built.catalogue.edition(award.year).row_for(inv.kecamatan)
            assert row is not None and award.rank == row.rank
    text = (ROOT / "innovations/jamper/index.md").read_text(encoding="utf-8")
    assert "peringkat" not in text.split("\n---", 1)[0]


def test_every_kecamatan_placed_in_an_edition_has_a_page_even_without_a_write_up(tmp_path: Path):
    repo = tmp_path / "repo"
    (repo / "innovations").mkdir(parents=True)
    for name in ("_skema", "_pembinaan", "_skk", "jamper"):
        source = ROOT / "innovations" / name
        target = repo / "innovations" / name
        target.mkdir()
        for file in source.iterdir():
            target.joinpath(file.name).write_bytes(file.read_bytes())
    for edition in (repo / "innovations/_skk").glob("*.yml"):  # only 2023: its seven kecamatan are the fixture
        if edition.name != "2023.yml":
            edition.unlink()
    (repo / "innovations/_pembinaan/2024.yml").unlink()
    (repo / "innovations/jamper/pembinaan-2024.md").unlink()
    catalogue = load_catalogue(repo)
    assert len(catalogue.innovations) == 1
    placed = {row.kecamatan for row in catalogue.rows if row.kecamatan}
    assert placed <= set(catalogue.kecamatan) and len(placed) == 7
    # the edition's links to write-ups left out of this copy show the innovations by their names
    wonosari = next(row for row in catalogue.rows if row.kecamatan and row.kecamatan.name == "Wonosari")
    assert next(item.name for item in wonosari.named_only).startswith("Putik Sari")


def test_the_tile_map_has_one_named_link_per_kabupaten_kota():
    tiles = [Tile(code, f"Kota Contoh {code}", index % 5, f"../kabupaten/{code}/") for index, code in enumerate(GRID)]
    drawing = ET.fromstring(svg(tiles, "Peta contoh", "Uraian contoh"))
    assert drawing.get("role") == "group" and drawing.find(f"{SVG}title").text == "Peta contoh"
    assert drawing.find(f"{SVG}desc").text == "Uraian contoh"
    links = drawing.findall(f"{SVG}a")
    assert len(links) == len(GRID) == 38
    for link, tile in zip(links, sorted(tiles, key=lambda item: GRID[item.code]), strict=True):
        assert link.get("href") == tile.url
        assert link.get("aria-label") == f"{tile.name}: {tile.count} kali masuk peringkat"
    assert len(set(GRID.values())) == 38  # no two tiles on one square


def test_the_history_page_draws_the_map_with_the_same_numbers_as_its_table(built: SiteBuild):
    page = built.pages["skk/index.md"]
    svg = re.search(r"<svg.*?</svg>", page, flags=re.DOTALL)
    assert svg is not None
    drawing = ET.fromstring(svg.group(0))
    labels = [link.get("aria-label") or "" for link in drawing.findall(f"{SVG}a")]
    found = [re.fullmatch(r"(.+): (\d+) kali masuk peringkat", label) for label in labels]
    counts = [match for match in found if match is not None]
    assert labels and len(counts) == len(labels), labels
    for match in counts:
        name, count = match.groups()
        assert re.search(rf"\| (\[{re.escape(name)}\]\([^)]*\)|{re.escape(name)}) \| 35\.\d\d \| {count} \|", page)
    assert sum(int(match.group(2)) for match in counts) == len(built.catalogue.rows)


def test_a_year_searched_in_vain_is_recorded_and_listed_as_such(repo: Path):
    (repo / "innovations/_skk/2012.yml").write_text(
        'tahun: 2012\nnama: null\nperingkat: []\nbelum_diketahui:\n  - "Dicari dengan kueri contoh; tidak ada."\n'
        "sumber: []\n",
        encoding="utf-8",
    )
    built = build_site(repo)
    history = built.pages["skk/index.md"]
    assert "| 2012 | tidak ada sumber yang ditemukan | — | — | [yang sudah dicari](/skk/2012/index.md) |" in history
    assert "Dicari dengan kueri contoh; tidak ada." in built.pages[edition_page(2012)]
    assert "2012" not in [item["title"][4:8] for item in json.loads(built.data_files["feed.json"])["items"]]


def test_a_year_without_sources_may_not_rank_anyone(repo: Path):
    edition = repo / "innovations/_skk/2012.yml"
    edition.write_text(
        "tahun: 2012\nnama: null\nperingkat:\n  - tempat: Juara 1\n    kecamatan: null\n"
        "    kabupaten: Kota Batu\n    sumber: [S1]\nsumber: []\n",
        encoding="utf-8",
    )
    _, problems = validate_catalogue(repo)
    messages = {(problem.line, problem.message.split(";")[0]) for problem in problems}
    assert (3, "edisi tanpa sumber tidak boleh punya baris peringkat") in messages
    assert (8, "edisi tanpa sumber: tulis di belum_diketahui apa yang sudah dicari dan tidak ditemukan") in messages
    assert (7, "sumber 'S1' tidak ada di daftar sumber") in messages

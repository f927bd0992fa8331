"""Every fact traceable (issue 11): the real content keeps the rules, and the pages and exports show them."""

from __future__ import annotations

import csv
import io
import json
from html import unescape
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import ROOT

from katalog import load_catalogue
from katalog.export import catalogue_csv, catalogue_json
from katalog.frontmatter import parse_document, parse_yaml_file, read_document
from katalog.inventory import COACHING_FILE
from katalog.labels import NO_VISIT_REPORT
from katalog.provenance import (
    REFERENCED_FIELDS,
    cited_ids,
    declared_ids,
    is_conflict,
    is_placeholder_title,
    source_list_problems,
    value_at,
)
from katalog.site import build_site
from katalog.urls import SiteAddress

WRITE_UPS = sorted((ROOT / "innovations").glob("*/index.md"))
RESULTS = sorted(path for path in (ROOT / "innovations").glob("*/*.md") if COACHING_FILE.fullmatch(path.name))
ROUNDS = sorted((ROOT / "innovations/_pembinaan").glob("*.yml"))


def document_of(path: Path):
    document, problems = read_document(path, path.relative_to(ROOT).as_posix())
    assert problems == [] and document is not None
    return document


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "def_list", "md_in_html", "admonition"])


@pytest.mark.parametrize("path", WRITE_UPS, ids=lambda path: path.parent.name)
def test_every_known_fact_of_a_real_write_up_names_declared_sources(path: Path):
    document = document_of(path)
    data, declared = document.data, declared_ids(document.data)
    references = data.get("rujukan", {})
    for field in REFERENCED_FIELDS:
        value = value_at(data, field)
        if value is None or value == []:
            assert field not in references, field
        elif is_conflict(value):
            assert field not in references, field
            assert all(set(item["sumber"]) <= declared for item in value["beda_sumber"]), field
        else:
            entry = references[field]
            assert entry == "redaksi" or (entry and set(entry) <= declared), (field, entry)


@pytest.mark.parametrize(
    "path", WRITE_UPS + RESULTS, ids=lambda path: path.relative_to(ROOT / "innovations").as_posix()
)
def test_every_real_source_is_real_cited_and_listed_once(path: Path):
    document = document_of(path)
    sources = document.data["sumber"]
    assert not [item["judul"] for item in sources if is_placeholder_title(item["judul"])]
    urls = [item["url"].rstrip("/") for item in sources]
    assert len(urls) == len(set(urls)), "one URL, one source id"
    assert all(item["penerbit"] for item in sources)
    assert declared_ids(document.data) <= cited_ids(document), "every source cited"
    assert cited_ids(document) <= declared_ids(document.data), "every cited id declared"


@pytest.mark.parametrize("path", ROUNDS, ids=lambda path: path.name)
def test_a_real_round_cites_every_source_it_lists(path: Path):
    document, problems = parse_yaml_file(path.read_text(encoding="utf-8"), path.name)
    assert problems == [] and document is not None
    assert declared_ids(document.data) == cited_ids(document)


FOUNDING_TITLE = "Inovasi Kecamatan Berlanjut: Pembinaan Pemenang SKK 2023 Hadirkan Rencana Pengembangan"


def test_the_founding_article_is_cited_with_its_address_and_publisher():
    citing = 0
    for path in WRITE_UPS + RESULTS:
        for item in document_of(path).data["sumber"]:
            if item["judul"] == FOUNDING_TITLE or "jpipnetwork.id/?p=1709" in item["url"]:
                assert item["url"] == "https://jpipnetwork.id/?p=1709", path
                assert item["penerbit"] == "JPIP (The Jawa Pos Institute of Pro Otonomi)", path
                citing += 1
    assert citing >= len(RESULTS)  # every coaching result cites it, and so do the 2023 write-ups


def test_sources_named_in_fields_the_collector_does_not_know_count_as_cited():
    data = {
        "ringkasan": "Teks [S1].",
        "skk": [{"tahun": 2023, "sumber": ["S2"]}],
        "penghargaan_lain": [{"nama": "Top 30 KIPP", "sumber": ["S3", "S4"]}],
        "program_terkait": [{"nama": "Program lain", "sumber": ["S5"]}],
        "rujukan": {"nama": ["S6"], "klasifikasi.jenis": "redaksi"},
        "akronim": {"beda_sumber": [{"nilai": "A", "sumber": ["S7"]}, {"nilai": "B", "sumber": ["S8"]}]},
        "sumber": [{"id": "S9", "catatan": "Salinan rilis yang sama dengan [S10]."}],
    }
    document, problems = parse_document(f"---\n{yaml.safe_dump(data, allow_unicode=True)}---\nIsi [S11].\n", "x.md")
    assert problems == [] and document is not None
    assert cited_ids(document) == {f"S{number}" for number in range(1, 12)} - {"S9"}


@pytest.mark.parametrize(
    ("title", "placeholder"),
    [
        ("jpipnetwork.id artikel 1602", True),
        ("malangpagi.com", True),
        ("https://radarjatim.id/inovasi-jamper", True),
        ("Sumber 3", True),
        ("judul", True),
        ("Wonosari Sabet Juara 1 Sinergi Kinerja Kecamatan se-Jatim", False),
        ("SKK Jatim 2023 (1): Aplikasi E-Sayur Digitalisasi Ketahanan Pangan P2L Manguharjo Kota Madiun", False),
    ],
)
def test_placeholder_titles_are_told_from_real_ones(title: str, placeholder: bool):
    assert is_placeholder_title(title) is placeholder


def _with_conflict_and_no_visit_report(repo: Path) -> None:
    write_up = repo / "innovations/lansia-smart/index.md"
    text = write_up.read_text(encoding="utf-8")
    text = text.replace(
        "tahun_mulai: 2023\n",
        "tahun_mulai:\n  beda_sumber:\n    - {nilai: 2023, sumber: [S3]}\n    - {nilai: 2022, sumber: [S2]}\n",
    )
    write_up.write_text(text.replace("  tahun_mulai: [S3]\n", ""), encoding="utf-8")
    result = repo / "innovations/lansia-smart/pembinaan-2024.md"
    text = result.read_text(encoding="utf-8").replace("laporan_kunjungan: ada", "laporan_kunjungan: tidak-ada")
    start, end = text.index("temuan:"), text.index("status_tindak_lanjut:")
    result.write_text(text[:start] + "temuan: []\nrencana_pengembangan: []\n" + text[end:], encoding="utf-8")


def test_the_fact_box_links_each_value_to_its_source_and_shows_conflicts(repo: Path):
    _with_conflict_and_no_visit_report(repo)
    page = build_site(repo, SiteAddress()).pages["inovasi/lansia-smart/index.md"]
    html = to_html(page.split("---", 2)[2])
    box = html[html.index('class="kki-fakta"') : html.index("</dl>")]
    assert 'Lansia Smart <a href="#sumber-s0">[S0]</a> <a href="#sumber-s3">[S3]</a>' in box
    assert 'sumber berbeda: 2023 <a href="#sumber-s3">[S3]</a>; 2022 <a href="#sumber-s2">[S2]</a>' in box
    assert "Non-digital · <em>klasifikasi redaksi</em>" in box
    assert "nilai bertanda <em>klasifikasi redaksi</em> juga\nditetapkan penyunting" in html
    assert unescape(html).count(NO_VISIT_REPORT) == 1  # in the coaching block; the kit points there, never repeats it
    s0 = html[html.index('id="sumber-s0"') :]
    assert "JPIP (The Jawa Pos Institute of Pro Otonomi) · <em>Catatan:</em> Diterbitkan JPIP" in s0[:600]


def test_exports_keep_conflicts_and_references_as_structure(repo: Path):
    _with_conflict_and_no_visit_report(repo)
    catalogue = load_catalogue(repo)
    record = next(
        item
        for item in json.loads(catalogue_json(catalogue, "https://x.id"))["inovasi"]
        if item["id"] == "lansia-smart"
    )
    assert record["tahun_mulai"] is None
    assert record["beda_sumber"] == {
        "kepanjangan": [
            {"nilai": "Semangat, Mandiri, Aktif, Produktif", "sumber": ["S3", "S5"]},
            {"nilai": "Sehat, Mandiri, Aktif, Produktif", "sumber": ["S4"]},
        ],
        "tahun_mulai": [{"nilai": 2023, "sumber": ["S3"]}, {"nilai": 2022, "sumber": ["S2"]}],
    }
    assert record["rujukan"]["klasifikasi.jenis"] == "redaksi" and record["rujukan"]["nama"] == ["S0", "S3"]
    assert record["pembinaan"][0]["laporan_kunjungan"] == "tidak-ada"
    rows = list(csv.DictReader(io.StringIO(catalogue_csv(catalogue, "https://x.id").decode("utf-8-sig"))))
    row = next(item for item in rows if item["id"] == "lansia-smart")
    assert row["tahun_mulai"] == "2023 [S3] | 2022 [S2]"


def test_where_a_source_can_be_read_and_who_published_it_is_said_in_one_place():
    # A kecamatan's written answer kept in the repository (issue 15.5) says where by its file, not a URL.
    text = (
        "---\nsumber:\n"
        "  - {id: S1, judul: Jawaban tertulis Kecamatan Junrejo, berkas: jawaban.pdf, penerbit: Kecamatan Junrejo}\n"
        "  - {id: S2, judul: Judul tanpa alamat dan penerbit}\n"
        "---\n"
    )
    document, problems = parse_document(text, "x.md")
    assert problems == [] and document is not None
    found = [(problem.line, problem.field, problem.message) for problem in source_list_problems(document)]
    assert found == [
        (4, "sumber.1", "sumber ini tidak menyebut di mana dapat dibaca; tulis alamat halamannya di url (https://…)"),
        (4, "sumber.1", "sumber ini tidak menyebut penerbitnya; tulis nama media atau lembaganya di penerbit"),
    ]


def test_a_source_whose_address_and_file_are_both_null_says_nowhere():
    text = "---\nsumber:\n  - {id: S1, judul: Judul contoh, url: null, berkas: null, penerbit: Contoh}\n---\n"
    document, _ = parse_document(text, "x.md")
    assert document is not None
    assert [problem.message for problem in source_list_problems(document)] == [
        "sumber ini tidak menyebut di mana dapat dibaca; tulis alamat halamannya di url (https://…)"
    ]

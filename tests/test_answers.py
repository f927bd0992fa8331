"""A kecamatan's written answer as a source (`jenis: jawaban-kecamatan`): kept as a public file beside the
write-up, listed and linked like any source, and the facts it alone supports marked "dilaporkan kecamatan".
The fixture (tests/fixtures/jawaban/) is made-up test data, not an answer from any real kecamatan."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from conftest import copy_repository, run_build

from katalog import load_catalogue
from katalog.export import catalogue_csv, catalogue_json

FIXTURE = Path(__file__).parent / "fixtures" / "jawaban"
SLUG = "jawaban-contoh"
ANSWER = "jawaban-kecamatan-contoh.pdf"


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_repository(tmp_path_factory.mktemp("repo"))
    shutil.copytree(FIXTURE, repo / "innovations", dirs_exist_ok=True)
    return repo


@pytest.fixture(scope="module")
def answered_site(answered: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = run_build(answered, site)
    assert result.returncode == 0, result.stderr
    return site


def article(site: Path) -> str:
    html = (site / "inovasi" / SLUG / "index.html").read_text(encoding="utf-8")
    return html[html.index('<article class="md-content__inner') : html.index("</article>")]


def text_of(html: str) -> str:
    """The text a reader sees: blocks apart, inline markup (links, spans) run into its sentence."""
    blocks = re.sub(r"</?(?:p|li|dt|dd|h\d|div|ol|ul|dl)\b[^>]*>", " ", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", blocks)).split())


def test_the_answer_is_loaded_as_a_self_reported_source(answered: Path):
    inv = next(inv for inv in load_catalogue(answered).innovations if inv.slug == SLUG)
    (answer,) = [source for source in inv.sources if source.self_reported]
    assert (answer.id, answer.url, answer.file) == ("S2", None, ANSWER)
    assert answer.respondent == "Jabatan contoh di kecamatan (data uji)" and answer.published == "2026-11-20"
    assert inv.self_reported_ids == {"S2"}


def test_the_answers_file_is_published_beside_the_profile_and_linked_from_its_source_list(answered_site: Path):
    published = answered_site / "inovasi" / SLUG / ANSWER
    assert published.read_bytes() == (FIXTURE / SLUG / ANSWER).read_bytes()
    (item,) = re.findall(r'<li id="sumber-s2">(.*?)</li>', article(answered_site), re.DOTALL)
    assert f'href="{ANSWER}"' in item
    text = text_of(item)
    assert "jawaban tertulis kecamatan, oleh Jabatan contoh di kecamatan (data uji)" in text
    assert "Pemerintah kecamatan contoh (data uji) · 20 November 2026" in text


def test_facts_cited_only_to_the_answer_are_marked_as_reported_by_the_kecamatan(answered_site: Path):
    text = text_of(article(answered_site))
    assert "Tahapan Penerapan [S2] · dilaporkan kecamatan" in text  # rujukan: [S2] only
    assert "Status keberlanjutan Berlanjut [S1] [S2] Terakhir" in text  # a web source states it too
    assert "Langkah contoh yang hanya dilaporkan kecamatan [S2] · dilaporkan kecamatan." in text
    assert "Langkah contoh yang juga disebut sumber web [S1] [S2]. Belum tercatat" in text
    assert "Masalah contoh yang dijawab inovasi contoh ini [S2] · dilaporkan kecamatan." in text
    assert "Cara kerja¶ Teks contoh [S2] · dilaporkan kecamatan." in text  # the story too
    assert "bukan inovasi sungguhan [S1]." in text
    assert text.count("· dilaporkan kecamatan") == 4


def test_exports_carry_the_answers_kind_who_answered_and_its_published_address(answered: Path):
    catalogue = load_catalogue(answered)
    record = next(
        item for item in json.loads(catalogue_json(catalogue, "https://x.id/"))["inovasi"] if item["id"] == SLUG
    )
    web, answer = record["sumber"]
    assert "jenis" not in web and web["url"] == "https://contoh.invalid/sumber"
    assert answer == {
        "id": "S2",
        "judul": "Jawaban contoh atas kuesioner katalog (data uji)",
        "url": None,
        "penerbit": "Pemerintah kecamatan contoh (data uji)",
        "tanggal": "2026-11-20",
        "catatan": None,
        "jenis": "jawaban-kecamatan",
        "berkas": ANSWER,
        "berkas_url": f"https://x.id/inovasi/{SLUG}/{ANSWER}",
        "penjawab": "Jabatan contoh di kecamatan (data uji)",
    }
    rows = list(csv.DictReader(io.StringIO(catalogue_csv(catalogue, "https://x.id/").decode("utf-8-sig"))))
    row = next(row for row in rows if row["id"] == SLUG)
    assert row["sumber"] == (
        f"https://contoh.invalid/sumber; https://x.id/inovasi/{SLUG}/{ANSWER} (jawaban tertulis kecamatan)"
    )

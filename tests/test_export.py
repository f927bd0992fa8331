"""The catalogue export's JSON, put together from each record's remembered text, is exactly what encoding the
whole document at once gives: for the real catalogue, an empty one, and after an edit."""

from __future__ import annotations

import json
from dataclasses import replace

from conftest import ROOT

from katalog import load_catalogue
from katalog.export import CONTENT_LICENCE, REGION_LICENCE, catalogue_json, file_url, innovation_record
from katalog.model import Catalogue

CATALOGUE = load_catalogue(ROOT)
SITE_URL = "https://contoh.go.id/katalog/"


def encoded_at_once(catalogue: Catalogue) -> str:
    document = {
        "judul": "Katalog Inovasi Kecamatan Jawa Timur",
        "skema": file_url(SITE_URL, "data/inovasi.schema.json"),
        "lisensi": {"isi": CONTENT_LICENCE, "data_wilayah": REGION_LICENCE},
        "jumlah": len(catalogue.innovations),
        "inovasi": [innovation_record(inv, SITE_URL) for inv in catalogue.innovations],
    }
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def test_the_export_is_the_whole_document_encoded_at_once():
    assert catalogue_json(CATALOGUE, SITE_URL) == encoded_at_once(CATALOGUE)


def test_an_empty_catalogue_exports_an_empty_list():
    empty = replace(CATALOGUE, innovations=())
    assert catalogue_json(empty, SITE_URL) == encoded_at_once(empty)
    assert json.loads(catalogue_json(empty, SITE_URL))["inovasi"] == []


def test_an_edited_write_up_is_encoded_again():
    catalogue_json(CATALOGUE, SITE_URL)
    edited = replace(CATALOGUE.innovations[0], name='Nama "baru"\nbaris kedua')
    catalogue = replace(CATALOGUE, innovations=(edited, *CATALOGUE.innovations[1:]))
    assert catalogue_json(catalogue, SITE_URL) == encoded_at_once(catalogue)
    assert json.loads(catalogue_json(catalogue, SITE_URL))["inovasi"][0]["nama"] == 'Nama "baru"\nbaris kedua'


def test_an_unchanged_document_keeps_its_text_and_a_changed_one_is_encoded_again():
    """The feed and the editions are encoded again only when their document changed, and compared so that
    values Python counts as equal but JSON writes differently (1, 1.0, true) are not taken for each other."""
    from katalog.export import _indented_json

    first = _indented_json("uji", {"nilai": 1, "nama": "Kecamatan"}, indent=2)
    assert _indented_json("uji", {"nilai": 1, "nama": "Kecamatan"}, indent=2) is first
    for value in (1.0, True, 2):
        document = {"nilai": value, "nama": "Kecamatan"}
        assert _indented_json("uji", document, indent=2) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_the_feed_and_the_editions_follow_an_edit():
    from katalog.export import editions_json, feed_json

    editions_json(CATALOGUE, SITE_URL)
    feed_json(CATALOGUE, SITE_URL, "Katalog")
    edition = CATALOGUE.editions[0]
    renamed = replace(edition, name="Nama edisi yang baru")
    catalogue = replace(CATALOGUE, editions=(renamed, *CATALOGUE.editions[1:]))
    assert json.loads(editions_json(catalogue, SITE_URL))["edisi"][0]["nama"] == "Nama edisi yang baru"
    edited = replace(CATALOGUE.innovations[0], summary="Ringkasan yang baru")
    catalogue = replace(CATALOGUE, innovations=(edited, *CATALOGUE.innovations[1:]))
    assert "Ringkasan yang baru" in [
        item.get("summary") for item in json.loads(feed_json(catalogue, SITE_URL, "K"))["items"]
    ]

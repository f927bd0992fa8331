"""Rendering: values are data (escaped), citations link to sources, unknowns say so; which pages are
sanitised, and the page registry."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import markdown
from conftest import ROOT, load_script

from katalog import load_catalogue
from katalog.markup import cite_text, escape_markdown
from katalog.pages import generated_pages
from katalog.policy import ALLOWED_HTML, date_id
from katalog.render import TEMPLATE_DIR
from katalog.site import SAFE_ATTRIBUTES, SAFE_TAGS, SiteBuilder, build_site
from katalog.urls import SiteAddress, edit_base, page_of

write_synthetic_repository = load_script("sintetis").write_synthetic_repository

EXTENSIONS = ["attr_list", "def_list", "md_in_html", "tables", "admonition"]


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def test_markdown_and_html_in_a_value_render_as_plain_text():
    hostile = '**tebal** _miring_ [klik](javascript:alert(1)) <img src=x onerror="alert(1)"> `kode` # judul'
    html = to_html(f"Nama: {escape_markdown(hostile)}")
    for markup in ("<strong>", "<em>", "<a ", "<img", "<code>", "<h1"):
        assert markup not in html
    assert unescape(html) == f"<p>Nama: {hostile}</p>"


def test_escaped_value_stays_one_line_so_it_cannot_start_a_block():
    assert "\n" not in escape_markdown("baris satu\n\n# baris dua")


def test_citations_become_links_and_the_rest_stays_escaped():
    cited = cite_text("Berjalan sejak 2019 *resmi* [S2] [S3].", "sumber")
    html = to_html(cited)
    assert '<a href="#sumber-s2">[S2]</a>' in html
    assert '<a href="#sumber-s3">[S3]</a>' in html
    assert "*resmi*" in unescape(html) and "<em>" not in html


def test_a_statement_cited_only_to_the_kecamatans_answers_is_marked_once_after_its_citations():
    reported = frozenset({"S2", "S5"})
    html = to_html(cite_text("Satu [S2] [S5]. Dua [S1] [S2]. Tiga [S1].", "sumber", reported=reported))
    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert text == "Satu [S2] [S5] · dilaporkan kecamatan. Dua [S1] [S2]. Tiga [S1]."
    assert html.count('<span class="kki-dilaporkan">') == 1
    assert cite_text("Satu [S2].", "sumber") == cite_text("Satu [S2].", "sumber", reported=frozenset({"S9"}))


def test_dates_are_written_the_indonesian_way():
    assert date_id("2024-10-21") == "21 Oktober 2024"
    assert date_id(None) is None


def test_edit_base_points_at_the_repository_root():
    assert edit_base("https://github.com/o/r", "edit/main/docs/") == "https://github.com/o/r/edit/main/"
    assert edit_base(None, "edit/main/docs/") is None


def test_profile_page_shows_facts_unknowns_and_a_hostile_summary_as_text(repo: Path):
    write_up = repo / "innovations/lansia-smart/index.md"
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(
        text.replace("lewat belajar dan memproduksi batik", "antara lain **membatik** [klik](https://contoh.id)")
    )
    address = SiteAddress(repo_url="https://github.com/o/r", edit_uri="edit/main/docs/")
    page = build_site(repo, address).pages["inovasi/lansia-smart/index.md"]
    html = to_html(page.split("---", 2)[2])
    assert "antara lain **membatik** [klik](https://contoh.id)" in unescape(html)
    assert 'href="https://contoh.id"' not in html
    assert "Juara Harapan 2" in html
    assert "35.79.03" in html
    assert 'class="kki-kosong">belum terdokumentasi</span>' in html
    assert "https://github.com/o/r/issues/new?template=lengkapi-inovasi.yml&amp;" in html


def test_home_shows_the_newest_edition_in_full_and_links_to_the_history(tmp_path: Path):
    repo = write_synthetic_repository(tmp_path / "repo", 40)
    catalogue = load_catalogue(repo)
    assert len(catalogue.editions) > 1
    newest = max(catalogue.editions, key=lambda edition: edition.year)
    winners = SiteBuilder(repo, SiteAddress()).plan().winners
    assert re.findall(r"^### SKK (\d{4})$", winners, flags=re.MULTILINE) == [str(newest.year)]
    table_rows = [line for line in winners.split("\n") if line.startswith("| ") and "---" not in line][1:]
    assert len(table_rows) == len(newest.rows)
    for row in newest.rows:
        assert row.kecamatan is not None
        assert f"[Kecamatan {row.kecamatan.name}](/kecamatan/{row.kecamatan.slug}/index.md)" in winners
    assert f"(/skk/{newest.year}/index.md)" in winners and "(/skk/index.md)" in winners


def test_the_sanitiser_keeps_every_tag_and_attribute_a_write_up_may_use():
    for tag, attributes in ALLOWED_HTML.items():
        assert tag in SAFE_TAGS, tag
        kept = SAFE_ATTRIBUTES.get(tag, set()) | SAFE_ATTRIBUTES["*"]
        assert attributes <= kept, (tag, attributes - kept)


def test_exactly_the_pages_with_contributor_markdown_are_sanitised():
    builder = SiteBuilder(ROOT, SiteAddress())
    profiles = {page_of(inv) for inv in builder.catalogue.innovations}
    assert builder.plan().sanitized_paths == profiles
    for path, page in builder.pages.items():
        markdown = builder.render(path)
        bodies = [inv.body.strip()[:60] for inv in builder.catalogue.innovations if inv.body.strip()]
        assert page.contributor_markdown == any(body in markdown for body in bodies), path


def test_every_page_record_has_its_own_path_and_an_existing_template():
    pages = generated_pages(load_catalogue(ROOT), ROOT / "innovations" / "_skema")
    assert len({page.path for page in pages}) == len(pages)
    for page in pages:
        assert (TEMPLATE_DIR / page.template).is_file(), page.template
        assert all((ROOT / "docs" / script).is_file() for script in page.scripts), page.scripts
        assert page.source is None or (ROOT / page.source).is_file(), page.source

"""The whole site, built once with `mkdocs build --strict`, read as a visitor's browser would get it."""

from __future__ import annotations

import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from conftest import ROOT, run_build

from katalog import labels, load_catalogue
from katalog.gaps import all_questions, open_questions
from katalog.pages import catalogue_order
from katalog.policy import CITATION
from katalog.replication import (
    METHOD_STEPS,
    QUESTION_ATTRIBUTES,
    READINESS_ITEMS,
    kit_parts,
    readiness_data,
    sectors_in_use,
)
from katalog.search import ALLOCATOR_SETTINGS, fragments, index_site, start_indexing, write_orders
from katalog.urls import (
    GUIDE_PAGE,
    MATRIX_PAGE,
    ORDER_FILE,
    PROFILE_MARKER,
    READINESS_PAGE,
    READING_ORDER,
    Profiled,
    page_of,
    questionnaire_page,
    relative_url,
    site_path,
)

CATALOGUE = load_catalogue(ROOT)
SITE_URL = "https://katalog-inovasi-kecamatan-jatim.github.io/katalog/"


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value:
                self.links.append((tag, name, value))


def read_links(html_file: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(html_file.read_text(encoding="utf-8"))
    return collector


def html_of(site: Path, page_path: str) -> str:
    return (site / site_path(page_path) / "index.html").read_text(encoding="utf-8")


def test_strict_build_passes_without_warnings(tmp_path: Path):
    result = run_build(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_every_write_up_has_a_profile_with_its_facts(site: Path):
    for inv in CATALOGUE.innovations:
        html = html_of(site, page_of(inv))
        assert "<h1 id=" in html and inv.name.replace(",", "") in html.replace(",", "")
        assert inv.kecamatan.name in html and inv.kecamatan.code in html
        assert inv.kabupaten.name in html
        assert inv.best_award.rank in html
        for source in inv.sources:
            assert source.url is None or source.url in html
        assert f"edit/main/{inv.source_path}" in html, "the edit link must open the write-up's own file"


def test_place_pages_list_their_innovations(site: Path):
    for kec in CATALOGUE.kecamatan:
        html = html_of(site, page_of(kec))
        assert kec.code in html and kec.kabupaten.name in html
        assert all(inv.name in html for inv in CATALOGUE.innovations_in(kec))
    for kab in CATALOGUE.kabupaten:
        html = html_of(site, page_of(kab))
        assert kab.code in html
        assert all(inv.name in html for inv in CATALOGUE.innovations_in(kab))
    # a kecamatan has a page when it has a write-up or placed in an edition; so does its kabupaten/kota
    placed = {row.kecamatan for row in CATALOGUE.rows if row.kecamatan}
    assert set(CATALOGUE.kecamatan) == {inv.kecamatan for inv in CATALOGUE.innovations} | placed
    assert {kec.kabupaten for kec in CATALOGUE.kecamatan} <= set(CATALOGUE.kabupaten)


def test_coaching_round_page_shows_dates_team_and_every_visit(site: Path):
    (coaching_round,) = CATALOGUE.rounds
    html = html_of(site, page_of(coaching_round))
    assert "21 Oktober 2024" in html and "2 November 2024" in html
    for member in coaching_round.team:
        assert member.name in html and member.institution in html
    # A team member's note cites sources; they link to the round's source list like every other citation.
    cited = {source for member in coaching_round.team for source in CITATION.findall(member.note or "")}
    assert cited and "&#91;S" not in html
    for source in cited:
        assert f'href="#sumber-putaran-{source.lower()}">[{source}]</a>' in html
    for inv, _ in CATALOGUE.results_of_round(coaching_round.id):
        assert f'href="../../{site_path(page_of(inv))}#pembinaan-2024"' in html


def test_list_pages_show_a_table_row_per_place_and_round(site: Path):
    for page_path, items, header in (
        ("kecamatan/index.md", CATALOGUE.kecamatan, "<th>Kecamatan</th>"),
        ("kabupaten/index.md", CATALOGUE.kabupaten, "<th>Kabupaten/kota</th>"),
        ("pembinaan/index.md", CATALOGUE.rounds, "<th>Putaran</th>"),
    ):
        article = article_of(html_of(site, page_path))
        assert header in article and "&#124;" not in article, page_path
        body = article[article.index("<tbody>") : article.index("</tbody>")]
        assert body.count("<tr>") == len(items), page_path
        for item in items:
            assert f'href="{relative_url(page_path, page_of(item))}"' in body


def test_every_profile_place_and_round_is_one_list_away_from_home(site: Path):
    lists = ("katalog/", "kecamatan/", "kabupaten/", "pembinaan/")
    home_hrefs = {href for _, _, href in read_links(site / "index.html").links}
    assert set(lists) <= home_hrefs
    listed = set()
    for folder in lists:
        page = site / folder / "index.html"
        listed |= {posixpath.normpath(posixpath.join(folder, href)) + "/" for _, _, href in read_links(page).links}
    items: tuple[Profiled, ...] = (
        *CATALOGUE.innovations,
        *CATALOGUE.kecamatan,
        *CATALOGUE.kabupaten,
        *CATALOGUE.rounds,
    )
    for item in items:
        assert site_path(page_of(item)) in listed, page_of(item)


def test_home_links_the_newest_editions_profiles_and_places(site: Path):
    hrefs = {href for _, _, href in read_links(site / "index.html").links}
    newest = CATALOGUE.editions[-1]
    presented = [inv for row in newest.rows for inv in CATALOGUE.presented(row)]
    places = [place for row in newest.rows for place in (row.kecamatan, row.kabupaten) if place]
    assert presented
    for item in (newest, *presented, *places):
        assert site_path(page_of(item)) in hrefs, page_of(item)


def test_profiles_stay_out_of_the_sidebar(site: Path):
    html = (site / "index.html").read_text(encoding="utf-8")
    sidebar = html[html.index('class="md-nav md-nav--primary"') : html.index("md-sidebar--secondary")]
    assert "inovasi/" not in sidebar
    assert "kecamatan/" in sidebar  # the list page is there, the profiles are not


def test_every_internal_link_and_anchor_resolves(site: Path):
    pages = sorted(site.rglob("*.html"))
    ids_by_file = {page: read_links(page).ids for page in pages}
    broken = []
    for page in pages:
        base = "http://situs/" + page.relative_to(site).as_posix()
        for _, _, url in read_links(page).links:
            absolute = urljoin(base, url)
            parts = urlsplit(absolute)
            if parts.netloc != "situs":
                continue
            path = unquote(parts.path)
            if url.startswith("/"):  # 404.html links from the published root, /katalog/
                path = path.removeprefix(urlsplit(SITE_URL).path)
            target = site / path.lstrip("/")
            if target.is_dir() or not target.suffix:
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {url}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids_by_file.get(target, set()):
                broken.append(f"{page.relative_to(site)} -> {url} (anchor)")
    assert broken == []


def test_pages_load_nothing_from_another_origin(site: Path):
    for page in site.rglob("*.html"):
        for tag, attribute, url in read_links(page).links:
            if tag in ("a",) or url.startswith(SITE_URL):
                continue
            assert not re.match(r"^(https?:)?//", url), f"{page.relative_to(site)}: <{tag} {attribute}={url}>"
    css = "".join(path.read_text(encoding="utf-8") for path in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_region_attribution_is_shown(site: Path):
    html = (site / "tentang" / "index.html").read_text(encoding="utf-8")
    assert "idn-area-data 4.0.1" in html and "Open Database License (ODbL) 1.0" in html
    kecamatan_html = html_of(site, page_of(CATALOGUE.kecamatan[0]))
    assert "idn-area-data 4.0.1" in kecamatan_html and "ODbL" in kecamatan_html


def test_a_broken_write_up_fails_the_mkdocs_build_with_its_location(repo: Path, tmp_path: Path):
    write_up = repo / "innovations/jamper/index.md"
    write_up.write_text(write_up.read_text(encoding="utf-8").replace("tahapan: null", "tahapan: selesai"))
    result = run_build(repo, tmp_path / "site")
    assert result.returncode != 0
    assert "innovations/jamper/index.md:" in result.stderr
    assert "tahapan: nilai 'selesai' tidak dikenal" in result.stderr
    assert not (tmp_path / "site" / "inovasi").exists()


def article_of(html: str) -> str:
    """The page's own content, without Material's header, navigation and footer."""
    return html[html.index('<article class="md-content__inner') : html.index("</article>")]


def test_matrix_has_a_row_per_innovation_with_resolving_links_and_honest_unknowns(site: Path):
    html = html_of(site, MATRIX_PAGE)
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    assert body.count("<tr ") == len(CATALOGUE.innovations)
    for inv in CATALOGUE.innovations:
        url = relative_url(MATRIX_PAGE, page_of(inv))
        assert f'href="{url}"' in body and f'href="{url}#replikasi"' in body
        assert (site / site_path(MATRIX_PAGE) / url / "index.html").resolve().is_file()
    expected_unknown = sum(
        value in (None, ())
        for inv in CATALOGUE.innovations
        for value in (
            inv.replication.problem,
            inv.replication.complexity,
            inv.replication.cost_class,
            inv.kind,
            inv.replication.partners + inv.replication.partner_kinds,
            inv.status,
        )
    )
    assert body.count('<span class="kki-kosong">belum terdokumentasi</span>') == expected_unknown
    (script,) = re.findall(r'<script type="module" src="([^"]+)"', html)
    assert (site / site_path(MATRIX_PAGE) / script).resolve().is_file()


def test_check_page_embeds_the_rules_data_and_works_as_a_checklist_without_a_form(site: Path):
    html = html_of(site, READINESS_PAGE)
    match = re.search(r'<script type="application/json" id="kki-data-replikasi">(.*?)</script>', html, re.DOTALL)
    assert match, "the check's data block is missing"
    assert json.loads(match.group(1)) == json.loads(json.dumps(readiness_data(CATALOGUE, READINESS_PAGE)))
    (script,) = re.findall(r'<script type="module" src="([^"]+)"', html)
    assert (site / site_path(READINESS_PAGE) / script).resolve().is_file()
    assert "<form" not in article_of(html), "a form could send answers somewhere; the check has none"
    for sector, _ in sectors_in_use(CATALOGUE):
        assert f'name="bidang" value="{sector}"' in html
    for kind in labels.PARTNER_KIND_LABELS:
        assert f'name="mitra" value="{kind}"' in html
    for group in labels.TARGET_GROUP_LABELS:
        assert f'name="sasaran" value="{group}"' in html
    for setting in labels.SETTING_LABELS:
        assert f'name="latar" value="{setting}"' in html
    for question in QUESTION_ATTRIBUTES:  # each question the rules act on says whether today's data can use it
        assert f'<fieldset class="kki-soal" id="soal-{question}" aria-describedby="cakupan-{question}">' in html
        assert f'id="cakupan-{question}"' in html
    for key in READINESS_ITEMS:
        assert f'name="siap" value="{key}"' in html
    for step in METHOD_STEPS:
        assert f'href="../#{step.anchor}"' in html
    assert 'href="../matriks/"' in html


def test_every_profile_keeps_its_kit_anchors_on_a_filled_part_or_its_belum_tercatat_item(site: Path):
    for inv in CATALOGUE.innovations:
        article = article_of(html_of(site, page_of(inv)))
        box = box_of(article)
        for anchor_id in ("replikasi", *(part.anchor for part in kit_parts(inv)), "replikasi-kontak"):
            assert article.count(f'id="{anchor_id}"') == 1, (inv.slug, anchor_id)
        for part in kit_parts(inv):
            # an empty part takes no heading: it is one line of the box, which carries its anchor
            assert (f'<h3 id="{part.anchor}"' in article) == bool(part.items), (inv.slug, part.anchor)
            assert (f'<li id="{part.anchor}"' in box) == (not part.items), (inv.slug, part.anchor)
        assert ('<li id="replikasi-kontak"' in box) == (not inv.contacts)
        for result in inv.coaching:
            for finding in result.findings:
                assert finding.split("[S")[0].strip()[:40] in unescape(article)


def box_of(article: str) -> str:
    """The profile's "Belum tercatat" box ("" when the write-up records everything it is asked)."""
    start = article.find('<div class="kki-belum">')
    return article[start : article.index("</div>", start)] if start >= 0 else ""


def visible_text(html: str) -> str:
    """What a reader sees of some HTML: tags and attributes gone, references decoded."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_belum_tercatat_box_lists_exactly_the_open_questions_each_linked_to_its_prefilled_form(site: Path):
    for inv in CATALOGUE.innovations:
        article = article_of(html_of(site, page_of(inv)))
        questions = open_questions(inv)
        box = box_of(article)
        assert bool(box) == bool(questions), inv.slug
        items = re.findall(r"<li[^>]*>(.*?)</li>", box, re.DOTALL)
        assert [visible_text(item).split(":")[0].strip() for item in items] == [q.label for q in questions], inv.slug
        for item, question in zip(items, questions, strict=True):
            (link,) = [href for href in re.findall(r'href="([^"]+)"', item) if "/issues/new" in href]
            query = parse_qs(urlsplit(unescape(link)).query)
            assert query["template"] == ["lengkapi-inovasi.yml"]
            assert query["inovasi"] == [inv.slug]
            assert query["isian"] == [f"{question.label} ({question.field})"]
            assert question.question in visible_text(item)
        if questions:
            assert f'href="{relative_url(page_of(inv), questionnaire_page(inv))}"' in box


def test_every_form_link_on_a_profile_names_one_of_its_open_questions(site: Path):
    for inv in CATALOGUE.innovations:
        article = article_of(html_of(site, page_of(inv)))
        asked = {f"{q.label} ({q.field})" for q in open_questions(inv)}
        links = [unescape(href) for href in re.findall(r'href="([^"]+/issues/new\?[^"]+)"', article)]
        named = {parse_qs(urlsplit(link).query)["isian"][0] for link in links}
        assert named == asked, inv.slug  # every open question is linked, and nothing else is


def test_no_raw_field_path_reaches_a_profiles_visible_text(site: Path):
    # a path the way contributors write it; a one-word field ("status", "kontak") is also a plain word
    fields = {question.field for question in all_questions()} | {"rencana_pengembangan", "replikasi.jenis_mitra"}
    paths = {field for field in fields if "." in field or "_" in field}
    assert "replikasi.kelas_biaya" in paths and "tahun_mulai" in paths
    for inv in CATALOGUE.innovations:
        text = visible_text(article_of(html_of(site, page_of(inv))))
        for path in paths:
            assert not re.search(rf"(?<![\w.]){re.escape(path)}(?![\w.])", text), (inv.slug, path)
        assert "lengkapi isian" not in text


def test_a_profile_prints_nothing_twice_and_says_when_it_was_never_verified(site: Path):
    for inv in CATALOGUE.innovations:
        text = visible_text(article_of(html_of(site, page_of(inv))))
        assert text.count(labels.NO_VISIT_REPORT) == sum(not result.visit_reported for result in inv.coaching)
        for result in inv.coaching:
            for finding in result.findings:
                assert text.count(visible_text(finding.split("[S")[0])[:40]) == 1, (inv.slug, finding)
        if inv.last_verified is None:
            assert "Terakhir diverifikasi belum pernah diverifikasi redaksi" in text
            assert "Terakhir diverifikasi belum terdokumentasi" not in text


def test_every_innovation_has_a_questionnaire_with_exactly_its_open_questions(site: Path):
    for inv in CATALOGUE.innovations:
        article = article_of(html_of(site, questionnaire_page(inv)))
        questions = open_questions(inv)
        items = re.findall(r'<ol class="kki-kuesioner">(.*?)</ol>', article, re.DOTALL)
        asked = re.findall(r"<li><p><strong>(.*?)</strong><br>(.*?)<", items[0] if items else "", re.DOTALL)
        assert [(unescape(label), unescape(text)) for label, text in asked] == [
            (q.label, q.question) for q in questions
        ], inv.slug
        assert article.count('class="kki-ruang-jawab"') == len(questions)
        text = visible_text(article)
        assert inv.name in text and f"Kecamatan {inv.kecamatan.name}, {inv.kabupaten.name}" in text
        assert inv.slug in text and "Cara mengirim kembali" in text


def test_generated_pages_keep_scripts_and_form_controls_only_on_the_tool_pages(site: Path):
    profiled: tuple[Profiled, ...] = (*CATALOGUE.innovations, *CATALOGUE.kecamatan, *CATALOGUE.rounds)
    for item in profiled:
        article = article_of(html_of(site, page_of(item)))
        assert "<script" not in article and "<input" not in article
    assert "<input" in article_of(html_of(site, READINESS_PAGE))


def test_page_scripts_load_only_on_their_own_page(site: Path):
    own_page = {"katalog.js": "katalog/index.html", "urut.js": "replikasi/matriks/index.html"}
    own_page["cek.js"] = "replikasi/cek-kesiapan/index.html"
    for page in site.rglob("*.html"):
        scripts = {posixpath.basename(src) for tag, _, src in read_links(page).links if tag == "script"}
        for script, owner in own_page.items():
            assert (script in scripts) == (page.relative_to(site).as_posix() == owner), (page, script)


def test_guide_is_labelled_as_guidance_and_attributes_its_figures(site: Path):
    article = article_of(html_of(site, GUIDE_PAGE))
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).split())
    assert "Ini panduan, bukan pedoman resmi" in text
    assert "Menurut data JIPPNas KemenPAN-RB, dari 2.355 catatan inovasi yang diperbarui pada 2024" in text
    assert "Indeks Inovasi Daerah (Kemendagri/BSKDN)" in text
    for word in ("inisiatif", "uji coba", "penerapan", "amati", "tiru", "modifikasi"):
        assert word in text.lower()
    external = [url for url in re.findall(r'href="(https?://[^"]+)"', article) if "/edit/main/docs/" not in url]
    assert external == [], "the guide cites by name; FACTS.md gives it no addresses"
    nav = (site / "index.html").read_text(encoding="utf-8")
    for path in (GUIDE_PAGE, MATRIX_PAGE, READINESS_PAGE):
        assert f'href="{site_path(path)}"' in nav


def _search_fragments(site: Path) -> dict[str, str]:
    """Each indexed page's text as Pagefind stores it for results."""
    return {fragment["url"]: fragment["content"] for _, fragment in fragments(site / "pagefind")}


def test_the_search_index_holds_each_profile_s_story_but_not_the_explanations_every_profile_repeats(site: Path):
    fragments = _search_fragments(site)
    for inv in CATALOGUE.innovations:
        content = fragments["/" + site_path(page_of(inv))]
        assert inv.name in content
        assert inv.kecamatan.name in content
        repeated_texts = (
            "Tanda [S1]",
            "Panduan, bukan fakta",
            "Katalog belum punya keterangan",
            "kirim jawaban",
            "ditulis di berkas tersendiri",
            "ada di bagian Hasil pembinaan di atas",
            *labels.COMPLEXITY_HELP.values(),
            *labels.COST_HELP.values(),
        )
        for repeated in repeated_texts:
            assert repeated not in content, (inv.slug, repeated)
        assert not re.search(r"\[S[0-9]+\]", content), inv.slug  # citation links


def test_every_profile_and_no_other_page_holds_the_word_a_filter_without_a_query_searches_for(site: Path):
    fragments = _search_fragments(site)
    profiles = {"/" + site_path(page_of(inv)) for inv in CATALOGUE.innovations}
    assert profiles < set(fragments)
    for url, content in fragments.items():
        assert (PROFILE_MARKER in content.split()) == (url in profiles), url


def _fragment_urls(site: Path) -> dict[str, str]:
    """Pagefind's page id (a result's `id`, the fragment's file name) -> the page's URL."""
    return {page_id: fragment["url"] for page_id, fragment in fragments(site / "pagefind")}


def _orders(bundle: Path) -> dict[str, list[str]]:
    """The order file with every order as Pagefind page ids (the file lists the others as positions)."""
    lists = json.loads((bundle / ORDER_FILE).read_text(encoding="utf-8"))
    reading = lists[READING_ORDER]
    return {name: ids if name == READING_ORDER else [reading[at] for at in ids] for name, ids in lists.items()}


def test_the_order_file_lists_every_profile_once_in_each_of_the_catalogue_s_orders(site: Path):
    orders = _orders(site / "pagefind")
    url_of = _fragment_urls(site)
    slugs = {name: [url_of[page_id].split("/")[-2] for page_id in ids] for name, ids in orders.items()}
    assert slugs["peringkat"] == [inv.slug for inv in catalogue_order(CATALOGUE)]
    assert slugs["nama"] == [inv.slug for inv in sorted(CATALOGUE.innovations, key=lambda inv: inv.name.lower())]
    # Pagefind's own sorts would put both orders into the metadata every first search downloads.
    assert not [path for path in site.rglob("*.html") if "data-pagefind-sort" in path.read_text(encoding="utf-8")]


def test_the_order_file_follows_the_index_it_is_written_from(site: Path, tmp_path: Path):
    shutil.copytree(site / "pagefind", tmp_path / "pagefind")
    profile_id = next(page_id for page_id, url in _fragment_urls(site).items() if url.startswith("/inovasi/"))
    (tmp_path / "pagefind" / "fragment" / f"{profile_id}.pf_fragment").unlink()
    write_orders(tmp_path)
    orders = _orders(tmp_path / "pagefind")
    assert set(orders) == {"nama", "peringkat"}
    for ids in orders.values():
        assert profile_id not in ids
        assert len(set(ids)) == len(ids) == len(CATALOGUE.innovations) - 1


def test_serve_s_background_index_brings_its_order_file(site: Path, tmp_path: Path):
    served = tmp_path / "situs"
    shutil.copytree(site, served, ignore=shutil.ignore_patterns("pagefind"))
    indexing = start_indexing(served)
    assert indexing.process.wait(timeout=120) == 0
    indexing.orders.join(timeout=60)
    built = json.loads((site / "pagefind" / ORDER_FILE).read_text(encoding="utf-8"))
    assert json.loads((served / "pagefind" / ORDER_FILE).read_text(encoding="utf-8")) == built


def _index_command(site_dir: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "katalog.search", str(site_dir)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_make_build_s_index_after_mkdocs_is_the_index_one_mkdocs_build_writes(site: Path, tmp_path: Path):
    pages_only = tmp_path / "situs"
    built = run_build(ROOT, pages_only, with_index=False)
    assert built.returncode == 0, built.stderr
    assert f"python -m katalog.search {pages_only}" in built.stderr  # says what is left to do
    assert not (pages_only / "pagefind").exists()
    indexed = _index_command(pages_only)
    assert indexed.returncode == 0, indexed.stderr
    assert "Indeks pencarian ditulis" in indexed.stdout
    assert _fragment_urls(pages_only) == _fragment_urls(site)
    assert _orders(pages_only / "pagefind") == _orders(site / "pagefind")


def test_the_index_command_refuses_a_folder_that_holds_no_built_site(tmp_path: Path):
    indexed = _index_command(tmp_path)
    assert indexed.returncode == 1
    assert "bukan folder situs yang sudah dibangun" in indexed.stderr
    assert not (tmp_path / "pagefind").exists()


def test_make_build_runs_the_index_only_once_mkdocs_has_exited():
    # `make -n` prints what make would run, in order, without running it.
    dry_run = subprocess.run(["make", "-n", "build"], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = dry_run.stdout.splitlines()
    mkdocs = next(at for at, line in enumerate(lines) if "mkdocs build" in line)
    assert lines[mkdocs].startswith("KATALOG_TANPA_INDEKS=1 ") and lines[mkdocs].endswith("--site-dir site")
    assert lines[mkdocs + 1].endswith("-m katalog.search site")


def test_pagefind_is_told_to_give_freed_memory_back_at_once_unless_the_caller_chose(site: Path, tmp_path: Path):
    served = tmp_path / "situs"
    shutil.copytree(site, served, ignore=shutil.ignore_patterns("pagefind"))
    (setting,) = ALLOCATOR_SETTINGS.items()
    for chosen, expected in ((None, setting[1]), ("narenas:1", "narenas:1")):
        environment = {key: value for key, value in os.environ.items() if key != setting[0]}
        if chosen:
            environment[setting[0]] = chosen
        # What the Pagefind process itself was started with, read from /proc while it runs.
        with mock.patch.dict(os.environ, environment, clear=True):
            indexing = start_indexing(served)
        try:
            seen = (Path("/proc") / str(indexing.process.pid) / "environ").read_bytes().split(b"\0")
        finally:
            indexing.stop()
        assert f"{setting[0]}={expected}".encode() in seen


def test_every_page_meant_for_search_is_in_the_index(site: Path):
    meant = {
        "/" + path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if "data-pagefind-body" in path.read_text(encoding="utf-8")
    }
    assert len(meant) > len(CATALOGUE.innovations)
    assert set(_search_fragments(site)) == meant


def test_pagefind_reads_every_folder_but_the_questionnaires(tmp_path: Path):
    page = '<!doctype html><html lang="id"><head><title>{0}</title></head><body><main data-pagefind-body>{0}</main>'
    for path in ("index.html", "inovasi/a/index.html", "inovasi/a/kuesioner/index.html", "baru/b/c/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(page.format(path.replace("/", " ")) + "</body></html>", encoding="utf-8")
    index_site(tmp_path)
    assert {fragment["url"] for _, fragment in fragments(tmp_path / "pagefind")} == {"/", "/inovasi/a/", "/baru/b/c/"}


def test_pagefind_reads_nothing_of_the_pages_it_does_not_index(site: Path):
    # Pagefind keeps what it read from every page until it has read them all, indexed or not (memory).
    pages = {path: path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    with_content = {path: html for path, html in pages.items() if "<article" in html}  # not redirect stubs
    assert len(with_content) > 50
    for path, html in with_content.items():
        # The whole content block: indexed, or not read at all.
        assert re.search(r'<article[^>]*>\s*<div (data-pagefind-body|data-pagefind-ignore="all")>', html), path

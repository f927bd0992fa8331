"""Edit links: each opens the file a contributor must change, and that file exists in the repository.

Hand-written pages edit their file under docs/; an innovation profile edits its write-up (and each
coaching result its own file) under innovations/; a coaching round page edits its round file. Place and
list pages are put together from many write-ups and the official region data, so they have no edit
button: they say so, and each innovation they list has its own.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import ROOT

from katalog.site import build_site
from katalog.urls import (
    COMPLETION_FORM,
    FORM_INNOVATION_FIELD,
    FORM_QUESTION_FIELD,
    PROPOSAL_FORM,
    Profiled,
    SiteAddress,
    page_of,
    site_path,
    with_repository_links,
)

EDIT_PREFIX = "/edit/main/"
EDIT_BUTTON = re.compile(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit">')
ANY_EDIT_LINK = re.compile(r'href="([^"]*/edit/main/[^"]*)"')
BUILD = build_site(ROOT, SiteAddress(repo_url="https://github.com/o/r", edit_uri="edit/main/docs/"))


def repository_file(edit_url: str) -> str:
    """The repository path an edit URL opens, as GitHub resolves it ("docs/../innovations/x" included)."""
    return posixpath.normpath(edit_url.split(EDIT_PREFIX, 1)[1])


def html_of(site: Path, page_path: str) -> str:
    return (site / site_path(page_path) / "index.html").read_text(encoding="utf-8")


def edit_button(site: Path, page_path: str) -> str | None:
    buttons = EDIT_BUTTON.findall(html_of(site, page_path))
    assert len(buttons) <= 1
    return repository_file(buttons[0]) if buttons else None


def test_every_edit_link_in_the_site_opens_an_existing_file(site: Path):
    followed = set()
    for page in site.rglob("*.html"):
        for url in ANY_EDIT_LINK.findall(page.read_text(encoding="utf-8")):
            target = repository_file(url)
            assert (ROOT / target).is_file(), f"{page.relative_to(site)} -> {url}"
            assert target.startswith(("docs/", "innovations/")), url
            followed.add(target)
    write_ups = {inv.source_path for inv in BUILD.catalogue.innovations}
    results = {result.source_path for inv in BUILD.catalogue.innovations for result in inv.coaching}
    assert write_ups | results <= followed


def test_hand_written_pages_edit_their_file_under_docs(site: Path):
    hand_written = sorted(path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*.md"))
    assert hand_written
    for source in hand_written:
        assert edit_button(site, source) == f"docs/{source}"


def test_generated_pages_edit_their_source_under_innovations_or_have_no_button(site: Path):
    for inv in BUILD.catalogue.innovations:
        page = page_of(inv)
        assert repository_file(BUILD.plan.edit_urls[page]) == inv.source_path
        assert edit_button(site, page) == inv.source_path
        html = html_of(site, page)
        for result in inv.coaching:
            assert f"{EDIT_PREFIX}{result.source_path}" in html
    for coaching_round in BUILD.catalogue.rounds:
        page = page_of(coaching_round)
        assert repository_file(BUILD.plan.edit_urls[page]) == coaching_round.source_path
        assert edit_button(site, page) == coaching_round.source_path
    for edition in BUILD.catalogue.editions:
        page = page_of(edition)
        assert repository_file(BUILD.plan.edit_urls[page]) == edition.source_path
        assert edit_button(site, page) == edition.source_path
    without_source = [page for page in BUILD.pages if page not in BUILD.plan.edit_urls]
    records: tuple[Profiled, ...] = (*BUILD.catalogue.innovations, *BUILD.catalogue.rounds, *BUILD.catalogue.editions)
    with_source = {page_of(item) for item in records}
    assert sorted(without_source) == sorted(set(BUILD.pages) - with_source)
    assert "kecamatan/index.md" in without_source and "katalog/index.md" in without_source
    for page in without_source:
        assert edit_button(site, page) is None, page
        assert "disusun otomatis" in html_of(site, page), page


def test_a_completion_link_prefills_the_form_whatever_the_innovations_name():
    inv = BUILD.catalogue.innovations[0]
    hostile = dataclasses.replace(inv, name='A & B #1 ?x=y "kutip" +plus')
    address = SiteAddress(repo_url="https://github.com/o/r/", edit_uri="edit/main/docs/")
    url = address.completion_url(hostile, "Kelas biaya", "replikasi.kelas_biaya")
    assert url is not None and url.startswith("https://github.com/o/r/issues/new?")
    assert "#" not in url and " " not in url and '"' not in url
    query = parse_qs(urlsplit(url).query, strict_parsing=True)
    assert query == {
        "template": [COMPLETION_FORM],
        "title": ['Lengkapi A & B #1 ?x=y "kutip" +plus: Kelas biaya'],
        FORM_INNOVATION_FIELD: [inv.slug],
        FORM_QUESTION_FIELD: ["Kelas biaya (replikasi.kelas_biaya)"],
    }
    assert SiteAddress().completion_url(inv, "Kelas biaya", "replikasi.kelas_biaya") is None


def test_hand_written_pages_link_repository_files_through_the_repository_address():
    address = SiteAddress(repo_url="https://github.com/o/r", edit_uri="edit/main/docs/")
    markdown = "[panduan](repo:blob/HEAD/.github/CONTRIBUTING.md) dan [lain](https://contoh.id/repo:x)"
    assert with_repository_links(markdown, address, "kontribusi.md") == (
        "[panduan](https://github.com/o/r/blob/HEAD/.github/CONTRIBUTING.md) dan [lain](https://contoh.id/repo:x)"
    )
    with pytest.raises(
        ValueError, match=re.escape("kontribusi.md: tautan repo:blob/HEAD/.github/CONTRIBUTING.md butuh")
    ):
        with_repository_links(markdown, SiteAddress(), "kontribusi.md")


def test_the_contributing_page_links_both_issue_forms_and_the_guide_on_github(site: Path):
    repository = "https://github.com/katalog-inovasi-kecamatan-jatim/katalog"
    html = html_of(site, "kontribusi.md")
    for target in (
        f"issues/new?template={COMPLETION_FORM}",
        f"issues/new?template={PROPOSAL_FORM}",
        "issues/new/choose",
        "blob/HEAD/.github/CONTRIBUTING.md",
    ):
        assert f'href="{repository}/{target}"' in html, target
    for form in (COMPLETION_FORM, PROPOSAL_FORM):
        assert (ROOT / ".github" / "ISSUE_TEMPLATE" / form).is_file()
    assert "repo:" not in html

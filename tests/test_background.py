"""The build's worker: the second process and its single-process mode (KATALOG_SATU_PROSES=1) hand
MkDocs the same plan, pages, sanitised HTML and data files as a build in this process."""

from __future__ import annotations

import multiprocessing

import pytest
from conftest import ROOT

from katalog.background import BackgroundBuild
from katalog.site import build_site, sanitize
from katalog.urls import SiteAddress

ADDRESS = SiteAddress(repo_url="https://github.com/o/r", edit_uri="edit/main/docs/")
EXPECTED = build_site(ROOT, ADDRESS)


def deliveries(build: BackgroundBuild) -> tuple[dict[str, str], dict[str, str], dict[str, str | bytes]]:
    plan = build.plan()
    pages = {path: build.page(path) for path in plan.page_paths}
    for path in sorted(plan.sanitized_paths):
        build.sanitize(path, pages[path])
    return pages, build.sanitized(), build.data_files()


@pytest.mark.parametrize("single_process", ["1", ""])
def test_both_modes_deliver_what_a_build_in_this_process_makes(monkeypatch, single_process: str):
    monkeypatch.setenv("KATALOG_SATU_PROSES", single_process)
    build = BackgroundBuild(ROOT, ADDRESS)
    try:
        worker_alive = bool(multiprocessing.active_children())
        pages, sanitized, data_files = deliveries(build)
        assert build.plan() == EXPECTED.plan
    finally:
        build.close()
    assert worker_alive != bool(single_process)
    assert pages == EXPECTED.pages
    assert sanitized == {path: sanitize(EXPECTED.pages[path]) for path in EXPECTED.plan.sanitized_paths}
    assert data_files == EXPECTED.data_files

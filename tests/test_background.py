"""The build's worker: the second process and its single-process mode (KATALOG_SATU_PROSES=1) hand
MkDocs the same plan, pages, sanitised HTML and data files as a build in this process."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from katalog import background
from katalog.background import BackgroundBuild
from katalog.site import build_site, sanitize
from katalog.urls import SiteAddress

ADDRESS = SiteAddress(repo_url="https://github.com/o/r", edit_uri="edit/main/docs/")
EXPECTED = build_site(ROOT, ADDRESS)


def deliveries(build: BackgroundBuild) -> tuple[dict[str, str], dict[str, str], dict[str, str | bytes]]:
    plan = build.plan()
    build.render(plan.page_paths)
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


def test_the_worker_renders_only_a_bounded_number_of_pages_ahead_of_mkdocs(monkeypatch):
    monkeypatch.setenv("KATALOG_SATU_PROSES", "1")  # tasks run as they are queued: the count is exact
    monkeypatch.setattr(background, "LOOKAHEAD_PAGES", 3)
    rendered: list[str] = []
    render = background._render
    monkeypatch.setattr(background, "_render", lambda paths: rendered.extend(paths) or render(paths))
    build = BackgroundBuild(ROOT, ADDRESS)
    try:
        paths = build.plan().page_paths
        build.render(paths)
        ahead = len(rendered)
        pages = {path: build.page(path) for path in paths}
    finally:
        build.close()
    assert len(paths) > 10
    assert 0 < ahead <= 3 + background.MAX_TASK_PAGES
    assert ahead < len(paths)
    assert pages == EXPECTED.pages


def test_pages_asked_for_out_of_order_are_still_delivered(monkeypatch):
    monkeypatch.setenv("KATALOG_SATU_PROSES", "1")
    monkeypatch.setattr(background, "LOOKAHEAD_PAGES", 1)
    build = BackgroundBuild(ROOT, ADDRESS)
    try:
        paths = build.plan().page_paths
        build.render(paths)
        last = build.page(paths[-1])
        with pytest.raises(KeyError):
            build.page("tidak/ada/index.md")
    finally:
        build.close()
    assert last == EXPECTED.pages[paths[-1]]


@pytest.mark.parametrize("single_process", [True, False])
def test_a_worker_kept_for_many_builds_delivers_what_a_fresh_one_does(single_process: bool):
    """`mkdocs serve` hands one worker to every build: the second build reuses what the first validated
    (katalog.load.LoadCache) and must deliver the same site; a build that stops early leaves it usable."""
    pool = background.worker_pool(single_process)
    try:
        abandoned = BackgroundBuild(ROOT, ADDRESS, pool=pool)
        abandoned.render(abandoned.plan().page_paths)  # then closed before MkDocs reads a page: a failed build
        abandoned.close()
        for _ in range(2):
            build = BackgroundBuild(ROOT, ADDRESS, pool=pool)
            try:
                pages, sanitized, data_files = deliveries(build)
                assert build.plan() == EXPECTED.plan
            finally:
                build.close()
            assert pages == EXPECTED.pages
            assert sanitized == {path: sanitize(EXPECTED.pages[path]) for path in EXPECTED.plan.sanitized_paths}
            assert data_files == EXPECTED.data_files
    finally:
        pool.shutdown()


def _running(pid: int) -> bool:
    """Whether a process exists and has not exited (an orphan's zombie may wait long for a reaper)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_a_worker_leaves_when_its_parent_is_killed_without_shutting_it_down():
    parent_code = (
        "import os, sys, time\n"
        "from katalog.background import worker_pool\n"
        # kept in a name: an executor no one holds shuts its worker down, and the test raced that
        "pool = worker_pool(single_process=False)\n"
        "print(pool.submit(os.getpid).result(), flush=True)\n"
        "time.sleep(120)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", parent_code],
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    try:
        assert _running(worker)
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 15
        while _running(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _running(worker)
    finally:
        if _running(worker):  # never leave it behind, even when this test fails
            os.kill(worker, signal.SIGKILL)

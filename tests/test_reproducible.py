"""Two builds of the same sources are byte-identical (what a reader downloads, what a mirror diffs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import BUILD_ENV, ROOT

COMPARED = (".html", ".json", ".csv", ".xml", ".css", ".js", ".gz")


def build(site_dir: Path, epoch: str, **variables: str) -> None:
    env = {**BUILD_ENV, "SOURCE_DATE_EPOCH": epoch, **variables}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def outputs(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in site_dir.rglob("*")
        if path.suffix in COMPARED and "pagefind" not in path.parts
    }


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path):
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "1730505600")
    build(tmp_path / "a", epoch)
    build(tmp_path / "b", epoch)
    first, second = outputs(tmp_path / "a"), outputs(tmp_path / "b")
    assert sorted(first) == sorted(second)
    assert any(name.endswith(".csv") for name in first) and any(name.endswith(".json") for name in first)
    assert [name for name in first if first[name] != second[name]] == []


def test_dates_in_the_output_come_from_source_date_epoch(tmp_path: Path):
    build(tmp_path / "site", "1730505600")  # 2024-11-02
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-11-02</lastmod>" in sitemap


def test_the_single_process_mode_builds_the_same_site(tmp_path: Path):
    build(tmp_path / "worker", "1730505600")
    build(tmp_path / "single", "1730505600", KATALOG_SATU_PROSES="1")
    worker, single = outputs(tmp_path / "worker"), outputs(tmp_path / "single")
    assert sorted(worker) == sorted(single)
    assert "inovasi/lansia-smart/index.html" in worker
    assert [name for name in worker if worker[name] != single[name]] == []

"""The site's one search: Pagefind indexes the built HTML (Indonesian stemming, filters, chunked index)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Material's permalink marks and edit buttons are page furniture, not content.
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file")


class SearchIndexError(RuntimeError):
    pass


def _command(site_dir: Path) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def index_site(site_dir: Path) -> str:
    """Write site_dir/pagefind/ from the built pages; returns Pagefind's own summary."""
    result = subprocess.run(_command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def start_indexing(site_dir: Path) -> subprocess.Popen[bytes]:
    """The same index, written in the background (`mkdocs serve`: the page reloads without waiting for it).
    Only Pagefind's errors reach the console."""
    return subprocess.Popen([*_command(site_dir), "--silent"], stdout=subprocess.DEVNULL)

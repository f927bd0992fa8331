"""The site's one search: Pagefind indexes the built HTML (Indonesian stemming, filters, chunked index)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Material's permalink marks and edit buttons are page furniture, not content.
EXCLUDE_SELECTORS = (".headerlink", ".md-content__button", ".md-source-file")


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> str:
    """Write site_dir/pagefind/ from the built pages; returns Pagefind's own summary."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}\n{result.stderr}")
    return result.stdout

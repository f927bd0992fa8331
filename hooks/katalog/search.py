"""The site's one search: Pagefind indexes the built HTML (Indonesian stemming, filters, chunked index)."""

from __future__ import annotations

import ctypes
import gc
import subprocess
import sys
from pathlib import Path

# Not content a reader searches for, and repeated on every profile: Material's permalink marks and edit
# buttons; the [S1] citation links; the same explanations, guidance notes, "belum terdokumentasi" marks and
# questions on what a write-up lacks. Left in, every profile's index entry and result fragment carries them:
# Pagefind's memory grows with the text it indexes (5,000 synthetic profiles: 1.68 GB with them, 1.06 GB
# without). The "belum terdokumentasi" marks go on every page; the same words written in a sentence stay.
EXCLUDE_SELECTORS = (
    ".headerlink",
    ".md-content__button",
    ".md-source-file",
    'a[href^="#sumber-"]',
    ".kki-keterangan",
    ".kki-panduan",
    ".kki-kosong",
    ".kki-sunting",
    ".kki-belum",
)


class SearchIndexError(RuntimeError):
    pass


def _command(site_dir: Path) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir)]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def _return_freed_memory() -> None:
    """Give the memory the build has freed back to the system. Pagefind runs while MkDocs is still alive, so
    a build's peak is the two together; glibc keeps freed memory for reuse (5,000 innovations: 352 -> 260 MB)."""
    gc.collect()
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, Alpine): nothing to hand back this way
        return
    trim(0)


def index_site(site_dir: Path) -> str:
    """Write site_dir/pagefind/ from the built pages; returns Pagefind's own summary."""
    _return_freed_memory()
    result = subprocess.run(_command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def start_indexing(site_dir: Path) -> subprocess.Popen[bytes]:
    """The same index, written in the background (`mkdocs serve`: the page reloads without waiting for it).
    Only Pagefind's errors reach the console."""
    return subprocess.Popen([*_command(site_dir), "--silent"], stdout=subprocess.DEVNULL)

"""The site's one search: Pagefind indexes the built HTML (Indonesian stemming, filters, chunked index),
and the catalogue's orders are written beside it."""

from __future__ import annotations

import argparse
import ctypes
import gc
import gzip
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .urls import ORDER_FILE, ORDER_META_PREFIX, PROFILES, READING_ORDER, SEARCH_INDEX_DIR

# Not content a reader searches for, and repeated on every profile: Material's permalink marks and edit
# buttons; the [S1] citation links; the same explanations, guidance notes, "belum terdokumentasi" marks and
# questions on what a write-up lacks. Left in, every profile's index entry and result fragment carries them:
# Pagefind's memory grows with the text it indexes (5,000 synthetic profiles: 1.68 GB with the first of them,
# 1.06 GB without). The "belum terdokumentasi" marks go on every page; the same words written in a sentence stay.
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


# Pagefind's allocator (jemalloc) keeps freed pages for 10 s by default, for reuse. Pagefind frees most of what it
# parsed just before it builds the index, so that kept memory is all in its peak: 5,000 innovations, 859 -> 680 MB,
# and no slower (20.6 -> 17.7 s). These are jemalloc's own settings, read from the environment of the Pagefind
# binary from PyPI; a Pagefind built on another allocator ignores them.
ALLOCATOR_SETTINGS = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}


def _environment() -> dict[str, str]:
    """Pagefind's environment: ours, with the allocator settings unless the caller set their own."""
    return ALLOCATOR_SETTINGS | dict(os.environ)


def _glob(site_dir: Path) -> str:
    """Every HTML file of the site but the write-ups' questionnaires, as one Pagefind glob. Pagefind keeps what
    it read from each file it reads until it has read them all, indexed or not: the questionnaires (one per
    write-up, never indexed) cost 23 MB at 5,000 innovations. Built from the site's own folders, so a new
    folder is read like any other."""
    folders = sorted(entry.name for entry in site_dir.iterdir() if entry.is_dir())
    profiles = PROFILES.rstrip("/")
    patterns = ["*.html", *(f"{folder}/**/*.html" for folder in folders if folder != profiles)]
    patterns += [f"{PROFILES}*.html", f"{PROFILES}*/index.html"]
    return "{" + ",".join(patterns) + "}"


def _command(site_dir: Path) -> list[str]:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", _glob(site_dir)]
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


def fragments(bundle: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(Pagefind's page id, the page's stored data: url, content, meta...) for every indexed page, one at a time.
    The id is what a search result's `id` holds; a fragment is gzipped JSON after Pagefind's signature."""
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        yield path.stem, json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))


def write_orders(site_dir: Path) -> None:
    """The catalogue's orders, from the order keys in each profile's metadata: the reading order as a list of
    Pagefind page ids, every other order as positions in that list (random ids compress badly, positions
    well: 36 KB gzipped at 5,000 innovations instead of 48).

    Pagefind's own sort orders go into the metadata file every search downloads first: at 5,000 innovations the
    two orders were 20 KB of a 217 KB first search. Written here instead, they cost only a sorted view."""
    bundle = site_dir / SEARCH_INDEX_DIR
    keyed: dict[str, list[tuple[str, str]]] = {}
    for page_id, fragment in fragments(bundle):
        for key, value in fragment["meta"].items():
            if key.startswith(ORDER_META_PREFIX):
                keyed.setdefault(key.removeprefix(ORDER_META_PREFIX), []).append((value, page_id))
    in_order = {name: [page_id for _, page_id in sorted(entries)] for name, entries in sorted(keyed.items())}
    reading = in_order.pop(READING_ORDER, [])
    position = {page_id: at for at, page_id in enumerate(reading)}
    orders: dict[str, list[str] | list[int]] = {READING_ORDER: reading}
    orders |= {name: [position[page_id] for page_id in ids] for name, ids in in_order.items()}
    (bundle / ORDER_FILE).write_text(json.dumps(orders, separators=(",", ":")), encoding="utf-8")


def index_site(site_dir: Path) -> str:
    """Write site_dir/pagefind/ from the built pages, with the order file; returns Pagefind's own summary."""
    _return_freed_memory()
    result = subprocess.run(_command(site_dir), capture_output=True, text=True, check=False, env=_environment())
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian:\n{result.stdout}\n{result.stderr}")
    write_orders(site_dir)
    return result.stdout


@dataclass
class BackgroundIndexing:
    """The same index, written in the background (`mkdocs serve`: the page reloads without waiting for it),
    and the order file once Pagefind is done. Only Pagefind's errors reach the console."""

    process: subprocess.Popen[bytes]
    orders: threading.Thread

    def stop(self) -> None:
        """Before the next build changes the site folder: nothing of this run may write into it after."""
        self.process.kill()
        self.process.wait()
        self.orders.join()


def _orders_once_indexed(process: subprocess.Popen[bytes], site_dir: Path) -> None:
    if process.wait() == 0:
        write_orders(site_dir)


def start_indexing(site_dir: Path) -> BackgroundIndexing:
    process = subprocess.Popen([*_command(site_dir), "--silent"], stdout=subprocess.DEVNULL, env=_environment())
    orders = threading.Thread(target=_orders_once_indexed, args=(process, site_dir), daemon=True)
    orders.start()
    return BackgroundIndexing(process, orders)


def main(argv: list[str] | None = None) -> int:
    """`python -m katalog.search site`: the search index of a site MkDocs has built with KATALOG_TANPA_INDEKS=1
    (`make build`). Run after MkDocs has exited, Pagefind's memory peak is not added to MkDocs'."""
    parser = argparse.ArgumentParser(
        prog="python -m katalog.search", description="Buat indeks pencarian (Pagefind) untuk situs yang sudah dibangun."
    )
    parser.add_argument("situs", type=Path, help="folder situs hasil mkdocs build, mis. site")
    site_dir = parser.parse_args(argv).situs
    if not (site_dir / "index.html").is_file():
        print(f"Galat: {site_dir} bukan folder situs yang sudah dibangun (tidak ada index.html).", file=sys.stderr)
        return 1
    try:
        index_site(site_dir)
    except SearchIndexError as error:
        print(f"Galat: {error}", file=sys.stderr)
        return 1
    print(f"Indeks pencarian ditulis ke {site_dir / SEARCH_INDEX_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Measure the catalogue at scale: page weight and what a first search downloads, gzip-served.

    python scripts/ukur_katalog.py            # 1,000 synthetic innovations
    python scripts/ukur_katalog.py --jumlah 5000   # issue 14's size (targets: 120 KB, 200 KB)
    python scripts/ukur_katalog.py --jumlah 7 --situs site   # an existing build instead

Prints figures; it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peramban import CHROMIUM_FLAGS, chromium_executable
from sajikan import served
from sintetis import write_synthetic_repository

PAGE_TARGET_KB = 120  # the first view of /katalog/, gzipped, at 5,000 innovations
SEARCH_TARGET_KB = 200  # everything a first search downloads


def build(repo: Path, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    subprocess.run(command, cwd=repo, env=env, check=True)


@contextmanager
def _catalogue(base_url: str, query_string: str = "") -> Iterator[tuple[Any, list[Any]]]:
    """Headless Chromium on /katalog/<query_string> once its script is ready, and the requests finished since
    the page was opened (context-level events include the requests Pagefind's web worker makes)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        finished: list[Any] = []
        page.context.on("requestfinished", lambda request: finished.append(request))
        page.goto(base_url + "katalog/" + query_string)
        page.wait_for_function("document.querySelector('.kki-katalog').dataset.siap === '1'")
        yield page, finished
        browser.close()


def _wire_bytes(sizes: dict[str, int]) -> int:
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def first_search_bytes(base_url: str, query: str) -> tuple[int, int, list[str]]:
    """(bytes on the wire, request count, resources) from typing a query until the results show."""
    with _catalogue(base_url) as (page, finished):
        finished.clear()  # the page itself is not the search
        page.get_by_role("searchbox", name="Cari", exact=True).fill(query)
        page.wait_for_function("document.querySelector('#kki-jumlah').innerText.includes('cocok')")
        page.wait_for_load_state("networkidle")
        transfers = {request.url: _wire_bytes(request.sizes()) for request in finished}
    resources = sorted(f"{size / 1024:6.1f} KB  {url.split('/pagefind/')[-1]}" for url, size in transfers.items())
    return sum(transfers.values()), len(transfers), resources


def sorted_view_bytes(base_url: str) -> tuple[int, int]:
    """(bytes on the wire, request count) of the search files for the whole catalogue sorted by name: a view
    without a query, like any filter alone, and one that needs the order file."""
    with _catalogue(base_url, "?urut=nama") as (page, finished):
        page.wait_for_function("!document.querySelector('.kki-katalog').dataset.sibuk")
        page.wait_for_load_state("networkidle")
        sizes = [_wire_bytes(request.sizes()) for request in finished if "/pagefind/" in request.url]
    return sum(sizes), len(sizes)


def measure(site_dir: Path, query: str) -> dict[str, Any]:
    catalogue_html = (site_dir / "katalog" / "index.html").read_bytes()
    with served(site_dir) as base_url:
        search_bytes, requests, resources = first_search_bytes(base_url, query)
        sorted_bytes, sorted_requests = sorted_view_bytes(base_url)
    return {
        "catalogue_gzip_kb": len(gzip.compress(catalogue_html, 6)) / 1024,
        "catalogue_raw_kb": len(catalogue_html) / 1024,
        "search_kb": search_bytes / 1024,
        "search_requests": requests,
        "resources": resources,
        "sorted_kb": sorted_bytes / 1024,
        "sorted_requests": sorted_requests,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jumlah", type=int, default=1000, help="jumlah inovasi sintetis (bawaan 1000)")
    parser.add_argument("--situs", type=Path, help="ukur situs yang sudah dibangun, tanpa membuat data sintetis")
    parser.add_argument("--kueri", default="pemberdayaan lansia", help="kueri pencarian pertama")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = args.situs
        if site_dir is None:
            repo = write_synthetic_repository(Path(tmp) / "repo", args.jumlah)
            site_dir = Path(tmp) / "site"
            build(repo, site_dir)
        figures = measure(site_dir, args.kueri)
    print(f"Katalog ({args.jumlah if args.situs is None else 'situs ' + str(args.situs)}):")
    print(
        f"  halaman /katalog/: {figures['catalogue_gzip_kb']:.1f} KB gzip ({figures['catalogue_raw_kb']:.0f} KB mentah)"
        f" — target ≤ {PAGE_TARGET_KB} KB"
    )
    print(
        f"  pencarian pertama '{args.kueri}': {figures['search_kb']:.1f} KB terunduh dalam "
        f"{figures['search_requests']} permintaan — target ≤ {SEARCH_TARGET_KB} KB"
    )
    for resource in figures["resources"]:
        print(f"    {resource}")
    print(
        f"  /katalog/?urut=nama (tanpa kueri, seperti penyaring saja): {figures['sorted_kb']:.1f} KB berkas "
        f"pencarian dalam {figures['sorted_requests']} permintaan"
    )
    ok = figures["catalogue_gzip_kb"] <= PAGE_TARGET_KB and figures["search_kb"] <= SEARCH_TARGET_KB
    print("  hasil:", "memenuhi target" if ok else "MELEBIHI target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

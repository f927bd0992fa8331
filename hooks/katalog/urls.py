"""The one place that decides where each record's page lives in the site.

Markdown links use the page's path from the docs root ("/inovasi/x/index.md"): MkDocs checks them
(validation.links.absolute_links: relative_to_docs) and rewrites them relative to the linking page.
Raw HTML links, which MkDocs does not check, are built with `relative_url` from the same paths.
"""

from __future__ import annotations

import posixpath

from .model import CoachingRound, Innovation
from .regions import Kabupaten, Kecamatan

KECAMATAN_INDEX = "kecamatan/index.md"
KABUPATEN_INDEX = "kabupaten/index.md"
ROUNDS_INDEX = "pembinaan/index.md"
CATALOGUE = "katalog/index.md"
STATISTICS = "statistik/index.md"
DATA = "data/index.md"
SEARCH_INDEX_DIR = "pagefind/"
GUIDE_PAGE = "replikasi/index.md"  # hand-written, in docs/
MATRIX_PAGE = "replikasi/matriks/index.md"
CHECK_PAGE = "replikasi/cek-kesiapan/index.md"


def page_of(item: Innovation | Kecamatan | Kabupaten | CoachingRound) -> str:
    """The source path of a record's generated page, e.g. "inovasi/lansia-smart/index.md"."""
    if isinstance(item, Innovation):
        return f"inovasi/{item.slug}/index.md"
    if isinstance(item, Kecamatan):
        return f"kecamatan/{item.slug}/index.md"
    if isinstance(item, Kabupaten):
        return f"kabupaten/{item.slug}/index.md"
    if isinstance(item, CoachingRound):
        return f"pembinaan/{item.id}/index.md"
    raise TypeError(f"no page for {item!r}")


def markdown_link(page_path: str) -> str:
    return "/" + page_path


def site_path(page_path: str) -> str:
    """The directory URL of a page path, as served: "inovasi/x/index.md" -> "inovasi/x/"."""
    if page_path == "index.md":
        return ""
    if page_path.endswith("/index.md"):
        return page_path[: -len("index.md")]
    return page_path[: -len(".md")] + "/"


def relative_url(from_page: str, to_page: str) -> str:
    """A link from one page to another that works on any host path (GitHub Pages project sites too)."""
    source_dir = site_path(from_page) or "."
    target = site_path(to_page) or "."
    relative = posixpath.relpath(target, source_dir)
    return "./" if relative == "." else relative + "/"


def asset_url(from_page: str, asset_path: str) -> str:
    """A link from a page to a file in the site, e.g. "assets/replikasi/cek.js" -> "../../assets/replikasi/cek.js"."""
    return posixpath.relpath(asset_path, site_path(from_page) or ".")

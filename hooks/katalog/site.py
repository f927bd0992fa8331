"""Everything one build of the site needs from the core, computed once per build."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import nh3

from . import export, urls
from .load import CONTENT_DIR, SCHEMA_DIR, load_catalogue
from .model import Catalogue
from .regions import load_regions
from .render import Renderer, SiteLinks

DOCS_DIR = "docs"
SITE_NAME = "Katalog Inovasi Kecamatan Jawa Timur"
# What generated pages may contain after Markdown rendering; anything else is stripped (defence in depth:
# the validator already refuses raw HTML outside policy.ALLOWED_HTML).
_SAFE_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "img",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_SAFE_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "details": {"open"},
    "td": {"align"},
    "th": {"align"},
}


# Interactive pages (the matrix, the readiness check) also keep their form controls and data attributes.
# They hold no contributor Markdown, only escaped values; no <form> is allowed, so nothing can be submitted.
_TOOL_TAGS = _SAFE_TAGS | {"caption", "fieldset", "input", "label", "legend"}
_TOOL_ATTRIBUTES = {
    **_SAFE_ATTRIBUTES,
    "div": {"hidden"},
    "input": {"type", "name", "value", "checked", "autocomplete", "maxlength"},
    "table": {"data-kki-urut"},
    "td": {"align", "data-label", "data-nilai"},
    "th": {"align", "scope", "data-label", "data-nilai", "data-urut"},
}


@dataclass(frozen=True)
class SiteBuild:
    catalogue: Catalogue
    pages: dict[str, str]  # page path in the site -> Markdown
    data_files: dict[str, str | bytes]  # site path -> content (JSON, CSV, feed)
    edit_paths: dict[str, str]  # page path -> source file, relative to docs/ (what MkDocs' File.edit_uri wants)
    assets: dict[str, Path]  # site path -> file next to a write-up (images and the like)
    winners: str  # Markdown for the home page's winners table
    islands: dict[str, str]  # page path -> trusted HTML (scripts, their JSON data) appended after sanitising

    def holds_contributor_markup(self, page_path: str) -> bool:
        """Pages whose Markdown includes a write-up's own body, which the sanitizer then re-checks."""
        return page_path in self.pages and page_path.startswith("inovasi/")

    @staticmethod
    def sanitize(html: str, tool: bool = False) -> str:
        return nh3.clean(
            html,
            tags=_TOOL_TAGS if tool else _SAFE_TAGS,
            attributes=_TOOL_ATTRIBUTES if tool else _SAFE_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel=None,
        )

    def page_html(self, page_path: str, html: str) -> str:
        """A generated page's HTML as published: tool pages sanitised with their own scripts appended,
        write-up pages sanitised; the rest hold only escaped data (and the catalogue's filter form)."""
        island = self.islands.get(page_path)
        if island is not None:
            return self.sanitize(html, tool=True) + island
        if self.holds_contributor_markup(page_path):
            return self.sanitize(html)
        return html


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    """The repository's edit URL for its root, from MkDocs' repo_url and edit_uri ("edit/main/docs/")."""
    if not repo_url or not edit_uri:
        return None
    return urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/../")


def regions_credit() -> str:
    source = load_regions().source
    return f"paket {source['paket']}, data berlisensi {source['lisensi_data']}"


def build_site(
    root: Path, site_url: str = "http://127.0.0.1:8000/", repo_url: str | None = None, edit_uri: str | None = None
) -> SiteBuild:
    catalogue = load_catalogue(root)
    schema_dir = root / CONTENT_DIR / SCHEMA_DIR
    renderer = Renderer(catalogue, SiteLinks(edit_base(repo_url, edit_uri)), regions_credit(), schema_dir)
    pages = renderer.pages()
    data_files: dict[str, str | bytes] = {
        export.JSON_PATH: export.catalogue_json(catalogue, site_url),
        export.CSV_PATH: export.catalogue_csv(catalogue, site_url),
        export.FEED_PATH: export.feed_json(catalogue, site_url, SITE_NAME),
    }
    edit_paths = {urls.page_of(inv): posixpath.relpath(inv.source_path, DOCS_DIR) for inv in catalogue.innovations}
    edit_paths |= {urls.page_of(item): posixpath.relpath(item.source_path, DOCS_DIR) for item in catalogue.rounds}
    assets = {f"data/{schema.name}": schema for schema in sorted(schema_dir.glob("*.schema.json"))}
    for inv in catalogue.innovations:
        folder = root / CONTENT_DIR / inv.slug
        for file in sorted(folder.iterdir()):
            if file.is_file() and file.suffix != ".md" and not file.name.startswith("."):
                assets[posixpath.join(posixpath.dirname(urls.page_of(inv)), file.name)] = file
    return SiteBuild(catalogue, pages, data_files, edit_paths, assets, renderer.winners(), renderer.islands())


__all__ = ["SiteBuild", "build_site"]

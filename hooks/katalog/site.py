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
DATA_PATHS = (export.JSON_PATH, export.CSV_PATH, export.FEED_PATH)
# What generated pages may contain after Markdown rendering (see sanitize()).
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
class SitePlan:
    """What MkDocs needs before it reads any generated page: which files exist, where their sources are,
    and the trusted pieces the hooks add (the home page's winners, the tool pages' scripts)."""

    page_paths: tuple[str, ...]  # generated pages, in the order they are rendered
    data_paths: tuple[str, ...]  # JSON, CSV and feed files
    edit_paths: dict[str, str]  # page path -> source file, relative to docs/ (what MkDocs' File.edit_uri wants)
    assets: dict[str, Path]  # site path -> file next to a write-up (images and the like)
    winners: str  # Markdown for the home page's winners table
    islands: dict[str, str]  # page path -> trusted HTML (scripts, their JSON data) appended after sanitising

    def holds_contributor_markup(self, page_path: str) -> bool:
        """Pages whose Markdown includes a write-up's own body, which the sanitizer then re-checks."""
        return page_path.startswith("inovasi/") and page_path in self.edit_paths

    def is_tool_page(self, page_path: str) -> bool:
        """The interactive pages (matrix, readiness check): sanitised with form controls allowed."""
        return page_path in self.islands

    def needs_sanitizing(self, page_path: str) -> bool:
        """Write-up and tool pages; the other generated pages hold only escaped data."""
        return self.is_tool_page(page_path) or self.holds_contributor_markup(page_path)

    def published_html(self, page_path: str, clean_html: str) -> str:
        """A sanitised page with its trusted scripts (if any) appended."""
        return clean_html + self.islands.get(page_path, "")


def sanitize(html: str, tool: bool = False) -> str:
    """Generated HTML through an allow-list: anything else is stripped (defence in depth: the validator
    already refuses raw HTML outside policy.ALLOWED_HTML)."""
    return nh3.clean(
        html,
        tags=_TOOL_TAGS if tool else _SAFE_TAGS,
        attributes=_TOOL_ATTRIBUTES if tool else _SAFE_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    """The repository's edit URL for its root, from MkDocs' repo_url and edit_uri ("edit/main/docs/")."""
    if not repo_url or not edit_uri:
        return None
    return urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/../")


def regions_credit() -> str:
    source = load_regions().source
    return f"paket {source['paket']}, data berlisensi {source['lisensi_data']}"


class SiteBuilder:
    """One build of the catalogue, step by step: the plan first, then each page, then the data files.

    build_site() runs the steps in this process; katalog.background runs them in a second one.
    """

    def __init__(
        self,
        root: Path,
        site_url: str = "http://127.0.0.1:8000/",
        repo_url: str | None = None,
        edit_uri: str | None = None,
    ) -> None:
        self.root = root
        self.site_url = site_url
        self.catalogue = load_catalogue(root)  # raises CatalogueError with every problem
        self.schema_dir = root / CONTENT_DIR / SCHEMA_DIR
        self.renderer = Renderer(
            self.catalogue, SiteLinks(edit_base(repo_url, edit_uri)), regions_credit(), self.schema_dir
        )
        self.page_jobs = dict(self.renderer.page_jobs())  # page path -> how to render it, in plan order

    def plan(self) -> SitePlan:
        catalogue = self.catalogue
        edit_paths = {urls.page_of(inv): posixpath.relpath(inv.source_path, DOCS_DIR) for inv in catalogue.innovations}
        edit_paths |= {urls.page_of(item): posixpath.relpath(item.source_path, DOCS_DIR) for item in catalogue.rounds}
        assets = {f"data/{schema.name}": schema for schema in sorted(self.schema_dir.glob("*.schema.json"))}
        for inv in catalogue.innovations:  # only the attachments load.py vetted (type, size, no symlink)
            for name in inv.attachments:
                assets[posixpath.join(posixpath.dirname(urls.page_of(inv)), name)] = (
                    self.root / inv.source_path
                ).parent / name
        return SitePlan(
            page_paths=tuple(self.page_jobs),
            data_paths=DATA_PATHS,
            edit_paths=edit_paths,
            assets=assets,
            winners=self.renderer.winners(),
            islands=self.renderer.islands(),
        )

    def render(self, page_path: str) -> str:
        return self.page_jobs[page_path]()

    def data_files(self) -> dict[str, str | bytes]:
        return {
            export.JSON_PATH: export.catalogue_json(self.catalogue, self.site_url),
            export.CSV_PATH: export.catalogue_csv(self.catalogue, self.site_url),
            export.FEED_PATH: export.feed_json(self.catalogue, self.site_url, SITE_NAME),
        }


@dataclass(frozen=True)
class SiteBuild:
    catalogue: Catalogue
    plan: SitePlan
    pages: dict[str, str]  # page path in the site -> Markdown
    data_files: dict[str, str | bytes]  # site path -> content (JSON, CSV, feed)


def build_site(
    root: Path, site_url: str = "http://127.0.0.1:8000/", repo_url: str | None = None, edit_uri: str | None = None
) -> SiteBuild:
    """The whole build in this process (scripts and tests; the hooks use katalog.background)."""
    builder = SiteBuilder(root, site_url, repo_url, edit_uri)
    return SiteBuild(builder.catalogue, builder.plan(), builder.renderer.pages(), builder.data_files())


__all__ = ["SiteBuild", "SiteBuilder", "SitePlan", "build_site", "sanitize"]

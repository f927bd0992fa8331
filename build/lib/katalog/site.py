"""Everything one build of the site needs from the core, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nh3

from . import export, urls
from .load import CONTENT_DIR, SCHEMA_DIR, load_catalogue
from .model import Catalogue
from .pages import generated_pages, winners_context
from .regions import load_regions
from .render import Renderer

SITE_NAME = "Katalog Inovasi Kecamatan Jawa Timur"
DATA_PATHS = (export.JSON_PATH, export.CSV_PATH, export.EDITIONS_JSON_PATH, export.EDITIONS_CSV_PATH, export.FEED_PATH)
# What a page that renders contributor Markdown may contain after Markdown rendering (see sanitize()).
# A superset of policy.ALLOWED_HTML: it also holds what Markdown itself writes.
SAFE_TAGS = {
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
SAFE_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "details": {"open"},
    "td": {"align"},
    "th": {"align"},
}


@dataclass(frozen=True)
class SitePlan:
    """What MkDocs needs before it reads any generated page, derived from the page records: which files
    exist, where their edit buttons go, which pages are sanitised, and the home page's winners."""

    page_paths: tuple[str, ...]  # generated pages, in the order they are rendered
    data_paths: tuple[str, ...]  # JSON, CSV and feed files
    edit_urls: dict[str, str]  # page path -> its edit button's URL (pages with a source file of their own)
    sanitized_paths: frozenset[str]  # pages that render contributor Markdown: their HTML goes through sanitize()
    assets: dict[str, Path]  # site path -> file next to a write-up (images and the like)
    winners: str  # Markdown for the home page's winners table


def sanitize(html: str) -> str:
    """A page's HTML through an allow-list: anything else is stripped (defence in depth: the validator
    already refuses raw HTML outside policy.ALLOWED_HTML)."""
    return nh3.clean(
        html,
        tags=SAFE_TAGS,
        attributes=SAFE_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )


def regions_credit() -> str:
    source = load_regions().source
    return f"paket {source['paket']}, data berlisensi {source['lisensi_data']}"


class SiteBuilder:
    """One build of the catalogue, step by step: the plan first, then each page, then the data files.

    build_site() runs the steps in this process; katalog.background runs them in a second one.
    """

    def __init__(self, root: Path, address: urls.SiteAddress) -> None:
        self.root = root
        self.address = address
        self.catalogue = load_catalogue(root)  # raises CatalogueError with every problem
        self.schema_dir = root / CONTENT_DIR / SCHEMA_DIR
        self.renderer = Renderer(self.catalogue, address, regions_credit())
        self.pages = {page.path: page for page in generated_pages(self.catalogue, self.schema_dir)}

    def plan(self) -> SitePlan:
        edit_urls = {path: self.address.edit_url(page.source) for path, page in self.pages.items() if page.source}
        return SitePlan(
            page_paths=tuple(self.pages),
            data_paths=DATA_PATHS,
            edit_urls={path: url for path, url in edit_urls.items() if url},
            sanitized_paths=frozenset(path for path, page in self.pages.items() if page.contributor_markdown),
            assets=self._assets(),
            winners=self.renderer.render("pemenang.md.j2", winners_context(self.catalogue)),
        )

    def _assets(self) -> dict[str, Path]:
        assets = {urls.schema_path(schema.name): schema for schema in sorted(self.schema_dir.glob("*.schema.json"))}
        for inv in self.catalogue.innovations:  # only the attachments load.py vetted (type, size, no symlink)
            for name in inv.attachments:
                assets[urls.attachment_path(inv, name)] = (self.root / inv.source_path).parent / name
        return assets

    def render(self, page_path: str) -> str:
        return self.renderer.render_page(self.pages[page_path])

    def data_files(self) -> dict[str, str | bytes]:
        site_url = self.address.site_url
        return {
            export.JSON_PATH: export.catalogue_json(self.catalogue, site_url),
            export.CSV_PATH: export.catalogue_csv(self.catalogue, site_url),
            export.EDITIONS_JSON_PATH: export.editions_json(self.catalogue, site_url),
            export.EDITIONS_CSV_PATH: export.editions_csv(self.catalogue, site_url),
            export.FEED_PATH: export.feed_json(self.catalogue, site_url, SITE_NAME),
        }


@dataclass(frozen=True)
class SiteBuild:
    catalogue: Catalogue
    plan: SitePlan
    pages: dict[str, str]  # page path in the site -> Markdown
    data_files: dict[str, str | bytes]  # site path -> content (JSON, CSV, feed)


def build_site(root: Path, address: urls.SiteAddress | None = None) -> SiteBuild:
    """The whole build in this process (scripts and tests; the hooks use katalog.background)."""
    builder = SiteBuilder(root, address or urls.SiteAddress())
    pages = {path: builder.render(path) for path in builder.pages}
    return SiteBuild(builder.catalogue, builder.plan(), pages, builder.data_files())


__all__ = ["SiteBuild", "SiteBuilder", "SitePlan", "build_site", "sanitize"]

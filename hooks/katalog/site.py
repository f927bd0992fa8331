"""Everything one build of the site needs from the core, computed once per build."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nh3
from markupsafe import Markup

from . import export, urls
from .history import last_commit_date
from .load import CONTENT_DIR, SCHEMA_DIR, LoadCache, load_catalogue
from .markup import escape_markdown, safe_url
from .model import Catalogue, Innovation
from .pages import about_context, generated_pages, winners_context
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
    about: str  # Markdown for the generated part of "Tentang katalog": contact, data dates, licences
    # page path -> the write-up folders ("innovations/x") whose content it shows; None: it lists or counts
    # every write-up. `mkdocs serve --dirty` rebuilds a page only when one of these changed (katalog.incremental).
    page_sources: dict[str, frozenset[str] | None]


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


def write_up_folder(inv: Innovation) -> str:
    """The folder that holds everything of one write-up: its text, coaching results and attachments."""
    return str(PurePosixPath(inv.source_path).parent)


def page_sources(catalogue: Catalogue, page_paths: tuple[str, ...]) -> dict[str, frozenset[str] | None]:
    """For each generated page, the write-up folders it shows (see SitePlan.page_sources).

    A page about one thing (a profile, a place, a coaching round, an SKK edition) shows the write-ups that
    belong to it; every other page (catalogue, lists, matrix, statistics) may change with any write-up.
    Files outside write-up folders (editions, rounds, schemas, templates) change every page: a rebuild
    after such an edit is a full one. tests/test_inkremental.py checks this map against full builds.
    """
    rounds = {item.id: item for item in catalogue.rounds}
    sources: dict[str, set[str]] = {}
    about_one_thing: list[urls.Profiled] = [*catalogue.rounds, *catalogue.editions]
    about_one_thing += [*catalogue.kabupaten, *catalogue.kecamatan]
    for item in about_one_thing:
        sources[urls.page_of(item)] = set()
    for inv in catalogue.innovations:
        folder = write_up_folder(inv)
        for item in (inv, inv.kecamatan, inv.kabupaten):
            sources.setdefault(urls.page_of(item), set()).add(folder)
        sources.setdefault(urls.questionnaire_page(inv), set()).add(folder)
        for result in inv.coaching:
            sources[urls.page_of(rounds[result.round_id])].add(folder)
    for edition in catalogue.editions:
        for row in edition.rows:
            sources[urls.page_of(edition)].update(write_up_folder(inv) for inv in catalogue.presented(row))
    return {path: frozenset(sources[path]) if path in sources else None for path in page_paths}


def regions_credit() -> Markup:
    """The region data's credit, as Markdown: the package and version, linked to its source repository."""
    source = load_regions().source
    name, _, version = source["paket"].partition("@")
    package = f"[{escape_markdown(f'{name} {version}')}]({safe_url(source['repositori'])})"
    return Markup(f"paket {package}, data berlisensi {escape_markdown(source['lisensi_data'])}")


class SiteBuilder:
    """One build of the catalogue, step by step: the plan first, then each page, then the data files.

    build_site() runs the steps in this process; katalog.background runs them in a second one.
    """

    def __init__(
        self,
        root: Path,
        address: urls.SiteAddress,
        template_cache: Path | None = None,
        load_cache: LoadCache | None = None,
    ) -> None:
        self.root = root
        self.address = address
        self.catalogue = load_catalogue(root, load_cache)  # raises CatalogueError with every problem
        self.schema_dir = root / CONTENT_DIR / SCHEMA_DIR
        self.renderer = Renderer(self.catalogue, address, regions_credit(), template_cache)
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
            about=self.renderer.render("tentang.md.j2", self._about()),
            page_sources=page_sources(self.catalogue, tuple(self.pages)),
        )

    def _about(self) -> dict[str, object]:
        last_change = last_commit_date(self.root, CONTENT_DIR)
        return about_context(self.catalogue, self.address, CONTENT_DIR, last_change)

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


__all__ = ["SiteBuild", "SiteBuilder", "SitePlan", "build_site", "page_sources", "sanitize"]

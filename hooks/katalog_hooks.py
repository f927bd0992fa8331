"""MkDocs hooks: a thin layer that hands the catalogue core's pages to MkDocs.

All loading, validation and rendering lives in the `katalog` package next to this file (no MkDocs
imports there), so scripts and a future generator can reuse it. The core runs in a second process
(katalog.background) that streams each page to on_pre_page just before MkDocs reads it. MkDocs does not
reload hook modules on `mkdocs serve` rebuilds: every piece of state is rebuilt in on_config.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from katalog import CatalogueError, clear_caches
from katalog.background import BackgroundBuild, WorkerError
from katalog.regions import load_regions
from katalog.search import SearchIndexError, index_site
from katalog.site import SitePlan
from katalog.urls import (
    ABOUT,
    HOME,
    OTHER_PAGE_TYPE,
    PAGE_TYPE_FILTER,
    SiteAddress,
    with_about,
    with_repository_links,
    with_winners,
)

log = logging.getLogger("mkdocs.hooks.katalog")
T = TypeVar("T")

_build: BackgroundBuild | None = None
_plan: SitePlan | None = None
_address = SiteAddress()
_generated: set[str] = set()  # page paths whose Markdown comes from the worker


def _from_worker(receive: Callable[[], T]) -> T:
    try:
        return receive()
    except CatalogueError as error:
        raise PluginError(error.report()) from None
    except WorkerError as error:
        raise PluginError(str(error)) from None


def _stop_worker() -> None:
    global _build
    if _build is not None:
        _build.close()
        _build = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _plan, _address
    _stop_worker()
    clear_caches()
    root = Path(config.config_file_path).parent
    _address = SiteAddress(config.site_url or SiteAddress.site_url, config.repo_url, config.edit_uri)
    _build = BackgroundBuild(root, _address)
    _plan = None
    # overrides/main.html marks every indexed page that is not a profile with this Pagefind filter.
    config.extra["kki_halaman_lain"] = f"{PAGE_TYPE_FILTER}:{OTHER_PAGE_TYPE}"
    # The footer credits the region data on every page (overrides/partials/copyright.html).
    config.extra["kki_wilayah"] = load_regions().source
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _plan, _generated
    assert _build is not None
    _plan = _from_worker(_build.plan)
    _generated = set(_plan.page_paths)
    # Pages and data files get their content later (on_pre_page, on_env), as the worker delivers it.
    for page_path in _plan.page_paths:
        files.append(File.generated(config, page_path, content=""))
    for site_path in _plan.data_paths:
        files.append(File.generated(config, site_path, content=b""))
    for site_path, source in _plan.assets.items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    assert _build is not None
    assert _plan is not None
    if page.file.src_uri in _generated:
        page.file.content_string = _from_worker(partial(_build.page, page.file.src_uri))
        page.edit_url = _plan.edit_urls.get(page.file.src_uri)  # None: a page put together from many files
    return page


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _plan is not None
    if page.file.src_uri in _generated and not page.meta.get("title"):
        # MkDocs drops a front matter it cannot parse without a word: never publish a page that lost it.
        raise PluginError(f"{page.file.src_uri}: MkDocs tidak dapat membaca front matter halaman yang dibangkitkan")
    if page.file.src_uri in _generated:
        return markdown
    try:
        # Hand-written pages link repository files and issue forms as "repo:<path>", wherever it is hosted.
        markdown = with_repository_links(markdown, _address, page.file.src_uri)
        if page.file.src_uri == HOME:
            return with_winners(markdown, _plan.winners)
        if page.file.src_uri == ABOUT:
            return with_about(markdown, _plan.about)
        return markdown
    except ValueError as error:
        raise PluginError(str(error)) from None


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Pages with contributor Markdown are sanitised in the worker while MkDocs converts the next page;
    # on_env puts the result in place. Every other generated page holds only escaped data.
    assert _build is not None and _plan is not None
    if page.file.src_uri in _plan.sanitized_paths:
        _build.sanitize(page.file.src_uri, html)
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Before MkDocs writes anything: sanitised pages and the data files from the worker."""
    assert _build is not None and _plan is not None
    for page_path, clean_html in _from_worker(_build.sanitized).items():
        file = files.get_file_from_path(page_path)
        assert file is not None and file.page is not None
        file.page.content = clean_html
    for site_path, content in _from_worker(_build.data_files).items():
        file = files.get_file_from_path(site_path)
        assert file is not None
        file.content_bytes = content if isinstance(content, bytes) else content.encode("utf-8")
    _stop_worker()
    return env


def on_build_error(error: Exception) -> None:
    _stop_worker()


def on_post_build(config: MkDocsConfig) -> None:
    if os.environ.get("KATALOG_TANPA_INDEKS"):  # scripts/bench.py times the indexing step on its own
        return
    try:
        summary = index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    log.debug(summary)

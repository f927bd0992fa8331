"""MkDocs hooks: a thin layer that hands the catalogue core's pages to MkDocs.

All loading, validation and rendering lives in the `katalog` package next to this file (no MkDocs
imports there), so scripts and a future generator can reuse it. MkDocs does not reload hook modules
on `mkdocs serve` rebuilds: every piece of state is rebuilt in on_config.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from katalog import CatalogueError, clear_caches
from katalog.search import SearchIndexError, index_site
from katalog.site import SiteBuild, build_site

log = logging.getLogger("mkdocs.hooks.katalog")
HOME_MARKER = "<!-- katalog:pemenang -->"

_site: SiteBuild | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _site
    _site = None
    clear_caches()
    root = Path(config.config_file_path).parent
    try:
        _site = build_site(root, site_url=config.site_url, repo_url=config.repo_url, edit_uri=config.edit_uri)
    except CatalogueError as error:
        raise PluginError(error.report()) from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    assert _site is not None
    for page_path, markdown in _site.pages.items():
        file = File.generated(config, page_path, content=markdown)
        file.edit_uri = _site.edit_paths.get(page_path)
        files.append(file)
    for site_path, content in _site.data_files.items():
        files.append(File.generated(config, site_path, content=content))
    for site_path, source in _site.assets.items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _site is not None
    if page.file.src_uri == "index.md":
        if HOME_MARKER not in markdown:
            raise PluginError(f"docs/index.md: penanda {HOME_MARKER} untuk daftar pemenang tidak ditemukan")
        return markdown.replace(HOME_MARKER, _site.winners)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    assert _site is not None
    if page.file.src_uri in _site.pages:
        return _site.page_html(page.file.src_uri, html)
    return html


def on_post_build(config: MkDocsConfig) -> None:
    if os.environ.get("KATALOG_TANPA_INDEKS"):  # scripts/bench.py times the indexing step on its own
        return
    try:
        summary = index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    log.debug(summary)

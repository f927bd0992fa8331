"""MkDocs hooks: a thin layer that hands the catalogue core's pages to MkDocs.

All loading, validation and rendering lives in the `katalog` package next to this file (no MkDocs
imports there), so scripts and a future generator can reuse it. The core runs in a second process
(katalog.background) that streams each page to on_pre_page just before MkDocs reads it. MkDocs does not
reload hook modules on `mkdocs serve` rebuilds: every piece of one build's state is rebuilt in on_config;
only the record of the last good build (for `mkdocs serve --dirty`, see katalog.incremental) and the
worker, with what it validated (katalog.background.worker_pool), carry over.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from katalog import CatalogueError, clear_caches, urls
from katalog.background import BackgroundBuild, WorkerError, worker_pool
from katalog.incremental import (
    BuildRecord,
    Inputs,
    markdown_digest,
    pages_to_render,
    read_inputs,
    remove_outputs,
    stale_outputs,
)
from katalog.regions import load_regions
from katalog.search import BackgroundIndexing, SearchIndexError, index_site, start_indexing
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
# `mkdocs serve` keeps MkDocs' own polling when this is set (see on_serve)
POLLING_VARIABLE = "KATALOG_PANTAU_POLLING"

# For the whole `mkdocs serve` session (on_startup):
_serving = False
_incremental = False  # `mkdocs serve --dirty`: a rebuild redoes only what an edit changed
_record: BuildRecord | None = None  # the last good build, while serving with --dirty
_indexing: BackgroundIndexing | None = None  # Pagefind, in the background while serving
_template_cache: Path | None = None  # compiled Jinja templates (ours and the theme's), while serving
_pool: Executor | None = None  # one worker for every build while serving: it keeps what it validated

# For one build (on_config):
_build: BackgroundBuild | None = None
_plan: SitePlan | None = None
_address = SiteAddress()
_started = 0.0
_inputs: Inputs | None = None
_generated: set[str] = set()  # page paths whose Markdown comes from the worker
_rendered: dict[str, str] = {}  # page path -> Markdown rendered ahead (a dirty rebuild compares it first)
_compared: dict[str, bool] = {}  # page path -> whether its Markdown changed since the last build
_digests: dict[str, bytes] = {}  # page path -> digest of the Markdown this build converted
_outputs: frozenset[str] = frozenset()  # site paths of every generated page and file
# MkDocs keeps every page's HTML from reading it to writing it: we keep it compressed in between.
_held_html: dict[str, bytes] = {}


class _Kept(File):
    """A generated page an edit did not change: a dirty build keeps its output from the last build."""

    def is_modified(self) -> bool:
        return False


class _Compared(File):
    """A generated page an edit may have changed (it shows an edited write-up, or lists every write-up).
    Whether MkDocs converts it again is settled when MkDocs first asks, as it reads the pages: until then the
    worker renders it while MkDocs builds its navigation, instead of MkDocs waiting for it in on_files."""

    def is_modified(self) -> bool:
        return _markdown_changed(self.src_uri)


class _ConsoleFilter(logging.Filter):
    """While serving: errors, warnings, the address, and our one line per build."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING or record.name == log.name:
            return True
        return record.name == "mkdocs.livereload" and record.getMessage().startswith("Serving on")


def _from_worker(receive: Callable[[], T]) -> T:
    try:
        return receive()
    except CatalogueError as error:
        raise PluginError(error.report()) from None
    except WorkerError as error:
        _drop_pool()  # the next build starts a new worker
        raise PluginError(str(error)) from None


def _stop_worker() -> None:
    global _build
    if _build is not None:
        _build.close()
        _build = None


def _drop_pool() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool = None


def _stop_indexing() -> None:
    global _indexing
    if _indexing is not None:
        _indexing.stop()
        _indexing = None


def _nav_paths(items: Any) -> Iterator[str]:
    if isinstance(items, str):
        yield items
    elif isinstance(items, list):
        for item in items:
            yield from _nav_paths(item)
    elif isinstance(items, dict):
        for value in items.values():
            yield from _nav_paths(value)


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _incremental, _record, _template_cache, _pool
    _serving = command == "serve"
    _incremental = _serving and dirty
    _record = None
    _drop_pool()
    _pool = worker_pool() if _serving else None
    # MkDocs makes a new theme environment per build: without a cache every rebuild compiles every template.
    _template_cache = Path(tempfile.mkdtemp(prefix="katalog-templat-")) if _serving else None
    mkdocs_log = logging.getLogger("mkdocs")
    if _serving and mkdocs_log.getEffectiveLevel() > logging.DEBUG:  # `serve -v` still shows everything
        for handler in mkdocs_log.handlers:
            if isinstance(handler, logging.StreamHandler):
                handler.addFilter(_ConsoleFilter())
    if _incremental:
        # The dirty build is ours to keep right (katalog.incremental): MkDocs' warning about it would
        # stop every rebuild in strict mode, `serve -v` included.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith("A 'dirty' build is being performed")
        )


# What a change is: the operating system also reports files opened and read, and every build reads them all.
CHANGE_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class _FolderChangesToo(FileSystemEventHandler):
    """MkDocs' handler ignores folder events, and polling never needed them: it sees every file of a removed
    folder go. The operating system reports a write-up folder moved out of the watched tree (to the trash, say)
    as one folder event and nothing else, so it is handed on as the same change to a file at that path."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if isinstance(event, DirMovedEvent):
            event = FileMovedEvent(event.src_path, event.dest_path)
        elif isinstance(event, DirDeletedEvent):
            event = FileDeletedEvent(event.src_path)
        elif isinstance(event, DirCreatedEvent):
            event = FileCreatedEvent(event.src_path)
        self.handler.dispatch(event)


class _ChangeObserver(Observer):  # type: ignore[misc,valid-type]  # the platform's observer class
    """The operating system's observer, passing on changes only (MkDocs rebuilds on any event it gets),
    folders' included."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
    ) -> ObservedWatch:
        return super().schedule(
            _FolderChangesToo(event_handler), path, recursive=recursive, event_filter=event_filter or CHANGE_EVENTS
        )


def _watch_with(server: LiveReloadServer, observer: BaseObserver) -> None:
    """The same paths, watched by another observer (before the server starts)."""
    paths = dict(server._watched_paths)  # path -> times watched; MkDocs has no public list of them
    for path, times in paths.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = observer  # type: ignore[assignment]  # typed as the polling one it replaces
    for path, times in paths.items():
        for _ in range(times):
            server.watch(path)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    """The operating system's file events (inotify, FSEvents, ReadDirectoryChangesW) instead of MkDocs'
    polling, which looks at every watched file twice a second: a saved write-up waited a quarter of a second
    on average before its rebuild even started. MkDocs 1.6.1 is the last 1.x, so the server's attributes
    read here stay as they are. Where such events do not arrive (a network drive, a Docker bind mount on
    macOS), KATALOG_PANTAU_POLLING=1 keeps the polling."""
    if not os.environ.get(POLLING_VARIABLE) and isinstance(server.observer, PollingObserver):
        _watch_with(server, _ChangeObserver())
    return server


def on_shutdown() -> None:
    _stop_indexing()
    _stop_worker()
    _drop_pool()
    if _template_cache is not None:
        shutil.rmtree(_template_cache, ignore_errors=True)


def _start_worker(config: MkDocsConfig) -> BackgroundBuild:
    global _address, _pool
    root = Path(config.config_file_path).parent
    _address = SiteAddress(config.site_url or SiteAddress.site_url, config.repo_url, config.edit_uri)
    if not _serving:
        return BackgroundBuild(root, _address, template_cache=_template_cache)
    if _pool is None:
        _pool = worker_pool()
    return BackgroundBuild(root, _address, template_cache=_template_cache, pool=_pool)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build, _plan, _started, _inputs, _generated, _rendered, _compared, _digests, _outputs, _held_html
    _stop_worker()
    _stop_indexing()  # it reads the site folder this build is about to change
    clear_caches()
    _started = time.monotonic()
    _inputs = read_inputs(Path(config.config_file_path).parent) if _incremental else None
    _build = _start_worker(config)
    _plan = None
    _generated, _rendered, _compared, _digests, _outputs, _held_html = set(), {}, {}, {}, frozenset(), {}
    # overrides/main.html marks every indexed page that is not a profile with this Pagefind filter.
    config.extra["kki_halaman_lain"] = f"{PAGE_TYPE_FILTER}:{OTHER_PAGE_TYPE}"
    # The footer credits the region data on every page (overrides/partials/copyright.html).
    config.extra["kki_wilayah"] = load_regions().source
    # The 404 page's "report a broken link", built as the core builds it for the about page.
    config.extra["kki_isu"] = _address.issues_url
    return config


def _pages_to_compare(plan: SitePlan, site_dir: Path) -> set[str] | None:
    """Queue the pages to render; under a dirty rebuild, the ones an edit may have changed (the rest are
    kept). None: a full build, which converts every page."""
    assert _build is not None
    render = pages_to_render(_record, _inputs, plan.page_sources) if _inputs is not None else None
    if render is None:
        if _incremental:
            clean_directory(str(site_dir))  # a full rebuild keeps nothing of the last one
        _build.render(plan.page_paths)
        return None
    assert _record is not None
    _build.render(render, data_files_first=False)
    for page_path, markdown in _spliced(plan).items():
        if markdown != _record.spliced.get(page_path):  # MkDocs then builds that hand-written page again
            remove_outputs(site_dir, [urls.site_path(page_path) + "index.html"])
    return set(render)


def _markdown_changed(page_path: str) -> bool:
    """Whether a page's Markdown differs from the last build's (asked once per build); a changed page's
    Markdown waits in _rendered for on_pre_page."""
    if page_path not in _compared:
        assert _build is not None and _record is not None
        markdown = _from_worker(partial(_build.page, page_path))
        _compared[page_path] = markdown_digest(markdown) != _record.digests.get(page_path)
        if _compared[page_path]:
            _rendered[page_path] = markdown
    return _compared[page_path]


def _plan_once_more_if_lost(config: MkDocsConfig) -> SitePlan:
    """The worker's plan; read once more from the start when a file went away while the worker read it (a
    folder deleted or renamed during `mkdocs serve`: its events came before this build started, so no
    rebuild follows), or when the worker kept from the last build had died since (killed, out of memory)."""
    global _build
    assert _build is not None
    try:
        return _build.plan()
    except (FileNotFoundError, WorkerError) as error:
        if isinstance(error, WorkerError):
            _drop_pool()
        _stop_worker()
        _build = _start_worker(config)
        return _build.plan()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _plan, _generated, _outputs
    assert _build is not None
    _plan = _from_worker(partial(_plan_once_more_if_lost, config))
    _generated = set(_plan.page_paths)
    compare = _pages_to_compare(_plan, Path(config.site_dir))
    in_nav = set(_nav_paths(config.nav))
    # Pages and data files get their content later (on_pre_page, on_env), as the worker delivers it.
    added: list[File] = []
    for page_path in _plan.page_paths:
        kind = File if compare is None else _Compared if page_path in compare else _Kept
        inclusion = InclusionLevel.UNDEFINED if page_path in in_nav else InclusionLevel.NOT_IN_NAV
        added.append(kind.generated(config, page_path, content="", inclusion=inclusion))
    for site_path in _plan.data_paths:
        added.append(File.generated(config, site_path, content=b""))
    for site_path, source in _plan.assets.items():
        added.append(File.generated(config, site_path, abs_src_path=str(source)))
    for file in added:
        files.append(file)
    _outputs = frozenset(file.dest_uri for file in added)
    if _record is not None and _inputs is not None:
        remove_outputs(Path(config.site_dir), stale_outputs(_record, _outputs))
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    assert _build is not None
    assert _plan is not None
    page_path = page.file.src_uri
    if page_path in _generated:
        ready = _rendered.pop(page_path, None)
        markdown = ready if ready is not None else _from_worker(partial(_build.page, page_path))
        _digests[page_path] = markdown_digest(markdown)
        page.file.content_string = markdown
        page.edit_url = _plan.edit_urls.get(page_path)  # None: a page put together from many files
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


def _spliced(plan: SitePlan) -> dict[str, str]:
    """The hand-written pages with catalogue data spliced in (on_page_markdown), and that data."""
    return {HOME: plan.winners, ABOUT: plan.about}


def _hold(page_path: str, html: str) -> None:
    _held_html[page_path] = zlib.compress(html.encode("utf-8"), 1)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Pages with contributor Markdown are sanitised in the worker while MkDocs converts the next pages;
    # each result replaces the raw HTML as soon as it is back. Every other page holds only escaped data.
    assert _build is not None and _plan is not None
    if page.file.src_uri in _generated:
        page.file.content_string = ""  # the Markdown, read again by nobody
    page.markdown = None
    if page.file.src_uri in _plan.sanitized_paths:
        _build.sanitize(page.file.src_uri, html)
    else:
        _hold(page.file.src_uri, html)
    for page_path, clean_html in _from_worker(_build.sanitized_so_far).items():
        _hold(page_path, clean_html)
    return ""


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Before MkDocs writes anything: the last sanitised pages and the data files from the worker."""
    assert _build is not None and _plan is not None
    for page_path, clean_html in _from_worker(_build.sanitized).items():
        _hold(page_path, clean_html)
    for site_path, content in _from_worker(_build.data_files).items():
        file = files.get_file_from_path(site_path)
        assert file is not None
        file.content_bytes = content if isinstance(content, bytes) else content.encode("utf-8")
    _stop_worker()
    if _template_cache is not None:
        env.bytecode_cache = FileSystemBytecodeCache(str(_template_cache))
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    page.content = zlib.decompress(_held_html.pop(page.file.src_uri)).decode("utf-8")
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page.content = None  # written right after this; nothing reads it again
    return output


def on_build_error(error: Exception) -> None:
    global _record
    _stop_worker()
    _record = None  # the site folder may be half written: the next build starts from scratch


def _build_summary() -> str:
    assert _plan is not None
    seconds = f"{time.monotonic() - _started:.1f}".replace(".", ",")
    pages = f"{len(_digests)} dari {len(_plan.page_paths)} halaman katalog dibangun ulang"
    return f"Situs selesai dalam {seconds} detik ({pages})"


def on_post_build(config: MkDocsConfig) -> None:
    global _record, _indexing
    assert _plan is not None
    if _incremental and _inputs is not None:
        digests = {path: digest for path, digest in (_record.digests if _record else {}).items() if path in _generated}
        _record = BuildRecord(_inputs, _plan.page_sources, _spliced(_plan), _outputs, digests | _digests)
    site_dir = Path(config.site_dir)
    if os.environ.get("KATALOG_TANPA_INDEKS"):
        # `make build` indexes once MkDocs has exited, so the two memory peaks do not add up (katalog.search.main)
        if not _serving:
            log.info(f"Indeks pencarian belum dibuat (KATALOG_TANPA_INDEKS): python -m katalog.search {site_dir}")
    elif _serving:
        # The page reloads now; the search index follows a few seconds later.
        _indexing = start_indexing(site_dir)
    else:
        try:
            log.debug(index_site(site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
    if _serving:
        log.info(_build_summary())

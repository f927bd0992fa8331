"""The catalogue built in a second process while MkDocs works in the first.

MkDocs renders Markdown on one core. One worker process loads, validates and renders the catalogue
(katalog.site.SiteBuilder, the same steps as build_site) while MkDocs lists its theme files and converts
the hand-written pages, and later sanitises each generated page's HTML while MkDocs converts the next
one. On two cores our own work then costs the build little wall-clock time (scripts/bench.py measures it).

The worker keeps the loaded catalogue between tasks, so the executor has exactly one worker process.
Under `mkdocs serve` one worker serves every build (worker_pool()): it keeps what it validated
(katalog.load.LoadCache), so a rebuild reads and checks again only the write-up folders that changed.
For debugging (a breakpoint, a profiler, a plain traceback) KATALOG_SATU_PROSES=1 runs the same tasks,
through the same methods, in this process as they are queued.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TypeVar

from . import clear_caches
from .load import LoadCache
from .site import SiteBuilder, SitePlan, sanitize
from .urls import SiteAddress

# Pages per task: the first tasks are small so MkDocs gets its first (largest) pages soon; later ones are
# large to keep the per-task overhead down.
FIRST_TASK_PAGES = 1
MAX_TASK_PAGES = 50
# Rendered pages waiting for MkDocs at most: the worker stays this far ahead of MkDocs instead of holding
# every page of the site in memory at once.
LOOKAHEAD_PAGES = 4 * MAX_TASK_PAGES
SANITIZE_TASK_PAGES = 25  # HTML pages sent to the allow-list per task
SINGLE_PROCESS_VARIABLE = "KATALOG_SATU_PROSES"
WORKER_DIED = "proses pembangun katalog berhenti sebelum selesai (dimatikan atau kehabisan memori)"

T = TypeVar("T")
_builder: SiteBuilder | None = None  # in the worker: this build's catalogue and renderer
_load_cache: LoadCache | None = None  # in a worker that serves many builds: what earlier builds validated


class WorkerError(RuntimeError):
    """The worker process died (killed, out of memory) before it finished."""


def _load(root: Path, address: SiteAddress, template_cache: Path | None, reuse_loaded: bool) -> SitePlan:
    global _builder, _load_cache
    _builder = None  # the last build's catalogue is of no use to this one
    clear_caches()  # a worker kept from an earlier build may hold schemas that changed since
    if reuse_loaded and _load_cache is None:
        _load_cache = LoadCache()
    cache = _load_cache if reuse_loaded else None
    _builder = SiteBuilder(root, address, template_cache, cache)  # raises CatalogueError with every problem
    return _builder.plan()


def _render(page_paths: list[str]) -> dict[str, str]:
    assert _builder is not None
    return {page_path: _builder.render(page_path) for page_path in page_paths}


def _sanitize(pages: list[tuple[str, str]]) -> dict[str, str]:
    return {page_path: sanitize(html) for page_path, html in pages}


def _data_files() -> dict[str, str | bytes]:
    assert _builder is not None
    return _builder.data_files()


def _chunks(page_paths: list[str]) -> Iterator[list[str]]:
    """1, 2, 4, … pages per task, at most MAX_TASK_PAGES."""
    size, start = FIRST_TASK_PAGES, 0
    while start < len(page_paths):
        yield page_paths[start : start + size]
        start += size
        size = min(size * 2, MAX_TASK_PAGES)


class InProcessExecutor(Executor):
    """Runs each task at once, in this process, when it is submitted (KATALOG_SATU_PROSES=1)."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        global _builder
        _builder = None


def single_process_requested() -> bool:
    return os.environ.get(SINGLE_PROCESS_VARIABLE, "") not in ("", "0")


def _exit_with(parent: int) -> None:
    """Worker initializer. A parent stopped by a signal (`kill`, an editor stopping `mkdocs serve`) never shuts
    its worker down, and a forked worker holds both ends of its task pipe, so it would wait for the next task
    for ever: it leaves once its parent is gone."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def worker_pool(single_process: bool | None = None) -> Executor:
    """A worker to hand to many BackgroundBuilds in turn (`mkdocs serve`); shut it down when done."""
    if single_process if single_process is not None else single_process_requested():
        return InProcessExecutor()
    # The platform's default start method: fork on Linux, so the worker starts with our modules loaded.
    return ProcessPoolExecutor(max_workers=1, initializer=_exit_with, initargs=(os.getpid(),))


class BackgroundBuild:
    """One build's worker. Each method waits only for what it returns; tasks run in the order queued.

    single_process=True (default: KATALOG_SATU_PROSES=1) runs every task here instead, for debugging.
    template_cache: see katalog.render.Renderer.
    pool: a worker from worker_pool() that outlives this build and reuses what earlier builds loaded;
    without one, this build starts its own worker and stops it in close().
    """

    def __init__(
        self,
        root: Path,
        address: SiteAddress,
        single_process: bool | None = None,
        template_cache: Path | None = None,
        pool: Executor | None = None,
    ) -> None:
        self._executor = pool or worker_pool(single_process)
        self._own_executor = pool is None
        self._loading = self._submit(_load, root, address, template_cache, pool is not None)
        self._plan: SitePlan | None = None
        self._pages: dict[str, Future[dict[str, str]]] = {}  # queued pages MkDocs has not read yet
        self._unqueued: Iterator[list[str]] = iter(())
        self._waiting = 0  # pages queued and not read yet
        self._data_files: Future[dict[str, str | bytes]] | None = None
        self._unsent: list[tuple[str, str]] = []  # pages waiting to fill a sanitising task
        self._sanitizing: list[Future[dict[str, str]]] = []

    def _submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        try:
            return self._executor.submit(fn, *args)
        except BrokenProcessPool as error:
            # A shared worker that died since the last build: reported where every other death is, when the
            # result is asked for (_result), so the hooks handle it in one place.
            failed: Future[T] = Future()
            failed.set_exception(error)
            return failed

    @staticmethod
    def _result(future: Future[T]) -> T:
        try:
            return future.result()
        except BrokenProcessPool:
            raise WorkerError(WORKER_DIED) from None

    def plan(self) -> SitePlan:
        """Waits for the catalogue to load (raising CatalogueError)."""
        if self._plan is None:
            self._plan = self._result(self._loading)
        return self._plan

    def render(self, page_paths: Sequence[str], data_files_first: bool = True) -> None:
        """The pages MkDocs will read, in the order it reads them; rendered at most LOOKAHEAD_PAGES ahead.

        A full build has the data files made first, while MkDocs reads its theme and the hand-written pages;
        a rebuild of a few pages (data_files_first=False) waits for those pages only, so they go first.
        """
        if data_files_first:
            self._data_files = self._submit(_data_files)
        self._unqueued = _chunks(list(page_paths))
        self._queue_ahead()
        if not data_files_first:
            self._data_files = self._submit(_data_files)

    def _queue_ahead(self) -> None:
        while self._waiting < LOOKAHEAD_PAGES and (chunk := next(self._unqueued, None)):
            self._queue(chunk)

    def _queue(self, chunk: list[str]) -> None:
        future = self._submit(_render, chunk)
        self._pages.update(dict.fromkeys(chunk, future))
        self._waiting += len(chunk)

    def page(self, page_path: str) -> str:
        """A generated page's Markdown (handed over once: MkDocs reads each page once per build)."""
        while page_path not in self._pages:  # MkDocs reads in the order queued: this only guards that
            chunk = next(self._unqueued, None)
            if chunk is None:
                raise KeyError(f"{page_path}: halaman ini tidak diantrekan untuk dirender")
            self._queue(chunk)
        markdown = self._result(self._pages.pop(page_path))[page_path]
        self._waiting -= 1
        self._queue_ahead()
        return markdown

    def data_files(self) -> dict[str, str | bytes]:
        assert self._data_files is not None
        return self._result(self._data_files)

    def sanitize(self, page_path: str, html: str) -> None:
        """Queue a page's HTML for the allow-list; collect it with sanitized()."""
        self._unsent.append((page_path, html))
        if len(self._unsent) == SANITIZE_TASK_PAGES:
            self._send_unsanitized()

    def _send_unsanitized(self) -> None:
        if self._unsent:
            self._sanitizing.append(self._submit(_sanitize, self._unsent))
            self._unsent = []

    def sanitized_so_far(self) -> dict[str, str]:
        """The sanitised HTML the worker has finished, without waiting: MkDocs can drop the raw HTML early."""
        results: dict[str, str] = {}
        while self._sanitizing and self._sanitizing[0].done():
            pages: dict[str, str] = self._result(self._sanitizing.pop(0))
            results |= pages
        return results

    def sanitized(self) -> dict[str, str]:
        """Every queued page's sanitised HTML not collected yet, by page path."""
        self._send_unsanitized()
        results: dict[str, str] = {}
        for future in self._sanitizing:
            pages: dict[str, str] = self._result(future)
            results |= pages
        self._sanitizing.clear()
        return results

    def close(self) -> None:
        """Stop the worker, or drop this build's tasks from a shared one; after a failed build it may still
        hold queued tasks."""
        if self._own_executor:
            self._executor.shutdown(wait=True, cancel_futures=True)
            return
        queued: list[Future[Any]] = [self._loading, *self._pages.values(), *self._sanitizing]
        for future in [*queued, *([self._data_files] if self._data_files else [])]:
            # A task already running, or already handed to the worker process, cannot be cancelled: it
            # finishes into a future nobody reads, and the next build's tasks queue behind it.
            future.cancel()


__all__ = ["BackgroundBuild", "InProcessExecutor", "WorkerError", "worker_pool"]

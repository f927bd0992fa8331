"""`mkdocs serve` learns of a saved file from the operating system instead of polling for it, and rebuilds
on changes only: every build reads every write-up, and a read is no reason to build again."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver


def _hooks_module():
    """The hooks file as MkDocs loads it: by its path."""
    spec = importlib.util.spec_from_file_location("katalog_hooks", ROOT / "hooks" / "katalog_hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


katalog_hooks = _hooks_module()


def _server(watched: Path) -> LiveReloadServer:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(watched))
    server.watch(str(watched))
    return server


def _watched_paths(server: LiveReloadServer) -> set[str]:
    return {emitter.watch.path for emitter in server.observer.emitters}


def test_serve_watches_the_same_paths_with_the_systems_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(katalog_hooks.POLLING_VARIABLE, raising=False)
    server = _server(tmp_path)
    served = katalog_hooks.on_serve(server, MkDocsConfig(), builder=lambda: None)
    assert not isinstance(served.observer, PollingObserver)
    assert _watched_paths(served) == {str(tmp_path)}
    server.server_close()


def test_polling_is_kept_when_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(katalog_hooks.POLLING_VARIABLE, "1")
    server = _server(tmp_path)
    served = katalog_hooks.on_serve(server, MkDocsConfig(), builder=lambda: None)
    assert isinstance(served.observer, PollingObserver)
    assert _watched_paths(served) == {str(tmp_path)}
    server.server_close()


class _Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: list[str] = []
        self.file_events: list[str] = []
        self.seen = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.events.append(event.event_type)
        if not event.is_directory:  # what MkDocs' own handler acts on
            self.file_events.append(event.event_type)
        self.seen.set()


def test_reading_a_file_is_not_a_change_and_writing_one_is(tmp_path: Path):
    write_up = tmp_path / "index.md"
    write_up.write_text("lama", encoding="utf-8")
    recorder = _Recorder()
    observer = katalog_hooks._ChangeObserver()
    observer.schedule(recorder, str(tmp_path), recursive=True)
    observer.start()
    try:
        write_up.read_text(encoding="utf-8")
        assert not recorder.seen.wait(timeout=1.0), recorder.events
        write_up.write_text("baru", encoding="utf-8")
        assert recorder.seen.wait(timeout=5.0)
        assert "modified" in recorder.events
    finally:
        observer.stop()
        observer.join()


def test_a_folder_moved_out_of_the_watched_tree_is_a_change_mkdocs_acts_on(tmp_path: Path):
    """MkDocs' handler skips folder events; a write-up folder moved to the trash is reported as nothing else."""
    watched, trash = tmp_path / "innovations", tmp_path / "sampah"
    (watched / "lama").mkdir(parents=True)
    (watched / "lama" / "index.md").write_text("isi", encoding="utf-8")
    trash.mkdir()
    recorder = _Recorder()
    observer = katalog_hooks._ChangeObserver()
    observer.schedule(recorder, str(watched), recursive=True)
    observer.start()
    try:
        (watched / "lama").rename(trash / "lama")
        assert recorder.seen.wait(timeout=5.0)
        assert recorder.file_events == ["deleted"]
    finally:
        observer.stop()
        observer.join()

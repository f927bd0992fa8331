"""What a `mkdocs serve --dirty` rebuild must redo after an edit, and what it may keep from the last build.

MkDocs' own dirty mode compares a page's source file with its output by modification time; a generated
page has no source file of its own, so MkDocs rebuilds every one of them. Instead the hooks keep a record
of the last good build: the modification time and size of every input file, the write-up folders each
generated page shows (katalog.site.page_sources) and a digest of each page's Markdown. After an edit:

- a change outside the write-up folders (docs/, overrides/, hooks/, mkdocs.yml, editions, coaching
  rounds, schemas) makes a full rebuild: those files reach every page;
- otherwise only pages that show a changed folder (before or after the edit) or list every write-up are
  rendered again, and of those MkDocs converts only the ones whose Markdown differs from the last build;
- output of pages and files that no longer exist (a renamed or deleted write-up) is removed.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .load import CONTENT_DIR

# Everything besides innovations/ that can change what a page shows; MkDocs watches the same places.
OTHER_INPUTS = ("docs", "overrides", "hooks", "mkdocs.yml")

Stamp = tuple[int, int]  # modification time (ns) and size of a file


@dataclass(frozen=True)
class Inputs:
    """The files a build reads, with their stamps: write-up files apart from everything else."""

    write_ups: dict[str, Stamp]  # "innovations/x/index.md" -> stamp: files inside write-up folders
    others: dict[str, Stamp]  # every other input file


def _stamps(root: Path, top: str) -> dict[str, Stamp]:
    stamps: dict[str, Stamp] = {}
    start = root / top
    if start.is_file():
        status = start.stat()
        return {top: (status.st_mtime_ns, status.st_size)}
    for folder, subfolders, names in os.walk(start):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            path = Path(folder, name)
            status = path.stat()
            stamps[path.relative_to(root).as_posix()] = (status.st_mtime_ns, status.st_size)
    return stamps


def read_inputs(root: Path) -> Inputs:
    write_ups: dict[str, Stamp] = {}
    others: dict[str, Stamp] = {}
    for path, stamp in _stamps(root, CONTENT_DIR).items():
        parts = PurePosixPath(path).parts
        in_write_up_folder = len(parts) > 2 and not parts[1].startswith("_")
        (write_ups if in_write_up_folder else others)[path] = stamp
    for top in OTHER_INPUTS:
        others |= _stamps(root, top)
    return Inputs(write_ups, others)


def changed_folders(before: Inputs, now: Inputs) -> set[str] | None:
    """The write-up folders an edit touched (added, changed, removed); None: something else changed too."""
    if before.others != now.others:
        return None
    paths = before.write_ups.keys() | now.write_ups.keys()
    changed = {path for path in paths if before.write_ups.get(path) != now.write_ups.get(path)}
    return {str(PurePosixPath(path).parent) for path in changed}


def markdown_digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest()


@dataclass
class BuildRecord:
    """One good build, for the next rebuild to compare with."""

    inputs: Inputs
    page_sources: Mapping[str, frozenset[str] | None]
    # hand-written page -> the catalogue's Markdown spliced into it (the home page's winners, Tentang's dates)
    spliced: dict[str, str]
    outputs: frozenset[str] = frozenset()  # site paths of every generated page and file
    digests: dict[str, bytes] = field(default_factory=dict)  # page path -> its Markdown's digest


def pages_to_render(
    before: BuildRecord | None, inputs: Inputs, page_sources: Mapping[str, frozenset[str] | None]
) -> list[str] | None:
    """The generated pages to render again, in build order; None: all of them (a full rebuild)."""
    if before is None:
        return None
    changed = changed_folders(before.inputs, inputs)
    if changed is None:
        return None
    if not changed:
        return []

    def touched(path: str, sources: frozenset[str] | None) -> bool:
        if sources is None or path not in before.page_sources:
            return True
        old = before.page_sources[path]
        return old is None or not changed.isdisjoint(sources | old)

    return [path for path, sources in page_sources.items() if touched(path, sources)]


def stale_outputs(before: BuildRecord, outputs: Iterable[str]) -> set[str]:
    """Site paths the last build wrote that this one does not produce (a renamed or deleted write-up)."""
    return set(before.outputs - frozenset(outputs))


def remove_outputs(site_dir: Path, site_paths: Iterable[str]) -> None:
    """Delete the files and then any folder they leave empty."""
    for site_path in site_paths:
        target = site_dir / site_path
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


__all__ = [
    "BuildRecord",
    "Inputs",
    "changed_folders",
    "markdown_digest",
    "pages_to_render",
    "read_inputs",
    "remove_outputs",
    "stale_outputs",
]

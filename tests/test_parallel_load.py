"""A cold load of many write-up folders is shared among the cores (katalog.load.PARALLEL_FROM): it must give
exactly what one process gives, the same catalogue, or the same problems in the same order."""

from __future__ import annotations

import shutil
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from conftest import load_script

from katalog import clear_caches, load
from katalog.load import LoadCache, validate_catalogue

TODAY = date(2026, 11, 28)
SYNTHETIC = load.PARALLEL_FROM + 10


@pytest.fixture(scope="module")
def clean_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("paralel")
    return load_script("sintetis").write_synthetic_repository(folder / "repo", SYNTHETIC)


@pytest.fixture(scope="module")
def broken_repo(clean_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = shutil.copytree(clean_repo, tmp_path_factory.mktemp("paralel-rusak") / "repo")
    folders = sorted(path for path in (root / "innovations").iterdir() if not path.name.startswith("_"))
    # Broken write-ups near the start and near the end, so more than one worker reports problems.
    for folder in (folders[2], folders[-3]):
        write_up = folder / "index.md"
        write_up.write_text(write_up.read_text(encoding="utf-8").replace("---\n", "---\nisian_asing: 1\n", 1))
    return root


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of workers of each process pool a load starts."""
    started: list[int] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, max_workers: int, mp_context) -> None:
            started.append(max_workers)
            super().__init__(max_workers=max_workers, mp_context=mp_context)

    monkeypatch.setattr(load, "ProcessPoolExecutor", Counted)
    # Two workers whatever this machine has: on one core the load would not be shared, and the tests would
    # compare the single-process load with itself.
    monkeypatch.setattr(load, "_usable_cores", lambda: 2)
    return started


def load_both_ways(repo: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple, tuple]:
    clear_caches()
    shared = validate_catalogue(repo, today=TODAY)
    monkeypatch.setattr(load, "PARALLEL_FROM", 10**9)
    clear_caches()
    single = validate_catalogue(repo, today=TODAY)
    monkeypatch.undo()
    return shared, single


def test_a_load_shared_among_cores_gives_the_same_catalogue(clean_repo: Path, pools, monkeypatch):
    (catalogue, problems), (expected, expected_problems) = load_both_ways(clean_repo, monkeypatch)
    assert pools == [2]
    assert problems == expected_problems == []
    assert catalogue is not None and catalogue == expected
    assert len(catalogue.innovations) == len(expected.innovations) >= SYNTHETIC


def test_a_load_shared_among_cores_gives_the_same_problems_in_order(broken_repo: Path, pools, monkeypatch):
    (catalogue, problems), (expected, expected_problems) = load_both_ways(broken_repo, monkeypatch)
    assert pools == [2]
    assert catalogue is None and expected is None
    assert problems == expected_problems
    assert len({problem.path for problem in problems}) == 2


def test_the_serve_worker_s_cache_shares_a_cold_load_and_reuses_it_after(clean_repo: Path, pools, monkeypatch):
    # After a rename every folder is loaded again: that load is shared among the cores too.
    cache = LoadCache()
    clear_caches()
    cached, problems = validate_catalogue(clean_repo, today=TODAY, cache=cache)
    assert pools == [2] and problems == []
    clear_caches()
    again, problems = validate_catalogue(clean_repo, today=TODAY, cache=cache)
    assert pools == [2] and problems == [], "nothing changed: nothing is loaded again"
    monkeypatch.setattr(load, "PARALLEL_FROM", 10**9)
    clear_caches()
    expected, _ = validate_catalogue(clean_repo, today=TODAY)
    assert cached == again == expected

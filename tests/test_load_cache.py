"""A catalogue loaded again with katalog.load.LoadCache (the worker of `mkdocs serve`) reads and checks
again only the write-up folders that changed, and gives exactly what a load from scratch gives: the same
catalogue, the same problems, nothing kept from a file that changed or went away."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import copy_repository

from katalog import load
from katalog.load import LoadCache, validate_catalogue


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_repository(tmp_path / "repo")


@pytest.fixture
def folders_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the write-up folders each load reads and validates."""
    read: list[str] = []
    load_folder = load._load_folder

    def counted(folder, *args, **kwargs):
        read.append(folder.path.name)
        return load_folder(folder, *args, **kwargs)

    monkeypatch.setattr(load, "_load_folder", counted)
    return read


def write_ups(repo: Path) -> list[Path]:
    return sorted(repo.glob("innovations/*/index.md"))


def test_a_second_load_reads_no_folder_that_did_not_change(repo, folders_read):
    cache = LoadCache()
    first, _ = validate_catalogue(repo, cache=cache)
    assert len(folders_read) == len(write_ups(repo))
    folders_read.clear()

    again, problems = validate_catalogue(repo, cache=cache)

    assert problems == []
    assert folders_read == []
    assert again == first


def test_an_edited_write_up_is_read_again_and_its_change_arrives(repo, folders_read):
    cache = LoadCache()
    validate_catalogue(repo, cache=cache)
    write_up = write_ups(repo)[0]
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(text.replace("## Cara kerja\n", "## Cara kerja\n\nKalimat baru [S1].\n", 1), encoding="utf-8")
    folders_read.clear()

    cached, problems = validate_catalogue(repo, cache=cache)

    assert problems == []
    assert folders_read == [write_up.parent.name]
    fresh, _ = validate_catalogue(repo)
    assert cached == fresh
    assert cached is not None
    edited = next(inv for inv in cached.innovations if inv.slug == write_up.parent.name)
    assert "Kalimat baru" in edited.body


def test_a_problem_appears_with_the_edit_and_goes_with_the_fix(repo):
    cache = LoadCache()
    validate_catalogue(repo, cache=cache)
    write_up = write_ups(repo)[0]
    text = write_up.read_text(encoding="utf-8")

    write_up.write_text(text.replace("\nnama: ", "\nnama_salah: ", 1), encoding="utf-8")
    broken, problems = validate_catalogue(repo, cache=cache)
    assert broken is None
    assert problems == validate_catalogue(repo)[1]
    assert any(problem.path.endswith(f"{write_up.parent.name}/index.md") for problem in problems)

    write_up.write_text(text, encoding="utf-8")
    mended, problems = validate_catalogue(repo, cache=cache)
    assert problems == []
    assert mended == validate_catalogue(repo)[0]


def test_a_deleted_folder_is_forgotten(repo):
    cache = LoadCache()
    validate_catalogue(repo, cache=cache)
    gone = write_ups(repo)[0].parent
    shutil.rmtree(gone)

    catalogue, problems = validate_catalogue(repo, cache=cache)

    assert problems == []
    assert catalogue is not None
    assert gone.name not in {inv.slug for inv in catalogue.innovations}
    assert gone not in cache.folders


def test_a_change_outside_the_write_up_folders_reads_every_folder_again(repo, folders_read):
    cache = LoadCache()
    validate_catalogue(repo, cache=cache)
    schema = repo / "innovations" / "_skema" / "inovasi.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    folders_read.clear()

    validate_catalogue(repo, cache=cache)

    assert sorted(folders_read) == sorted(path.parent.name for path in write_ups(repo))


def test_a_new_day_reads_every_folder_again(repo, folders_read):
    """A date that was in the future yesterday may be allowed today: no outcome outlives its day."""
    from datetime import date

    cache = LoadCache()
    validate_catalogue(repo, today=date(2026, 11, 28), cache=cache)
    folders_read.clear()

    validate_catalogue(repo, today=date(2026, 11, 29), cache=cache)

    assert len(folders_read) == len(write_ups(repo))

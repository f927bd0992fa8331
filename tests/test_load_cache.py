"""A catalogue loaded again with katalog.load.LoadCache (the worker of `mkdocs serve`) reads and checks
again only the write-up folders that changed, and gives exactly what a load from scratch gives: the same
catalogue, the same problems, nothing kept from a file that changed or went away."""

from __future__ import annotations

import shutil
from datetime import date
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

    assert (catalogue, problems) == validate_catalogue(repo)
    assert catalogue is not None
    assert gone.name not in {inv.slug for inv in catalogue.innovations}
    assert gone not in cache.folders


def test_a_link_to_another_folder_follows_that_folder_s_files(repo):
    """A relative link is checked against the other folder: adding or removing the file it names changes the
    outcome of the folder that links, though none of that folder's own files changed."""
    linking, other = write_ups(repo)[0], write_ups(repo)[1]
    text = linking.read_text(encoding="utf-8")
    link = f"Catatan rapatnya ada di [lampiran](../{other.parent.name}/catatan-rapat.pdf) [S1].\n"
    linking.write_text(text.replace("## Cara kerja\n", "## Cara kerja\n\n" + link, 1), encoding="utf-8")
    cache = LoadCache()

    _, problems = validate_catalogue(repo, cache=cache)
    assert [problem.path for problem in problems] == [linking.relative_to(repo).as_posix()]

    attachment = other.parent / "catatan-rapat.pdf"
    attachment.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert validate_catalogue(repo, cache=cache) == validate_catalogue(repo)
    assert validate_catalogue(repo, cache=cache)[1] == []

    attachment.unlink()
    assert validate_catalogue(repo, cache=cache)[1] == problems


def test_a_change_outside_the_write_up_folders_reads_every_folder_again(repo, folders_read):
    cache = LoadCache()
    validate_catalogue(repo, cache=cache)
    schema = repo / "innovations" / "_skema" / "inovasi.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    folders_read.clear()

    validate_catalogue(repo, cache=cache)

    assert sorted(folders_read) == sorted(path.parent.name for path in write_ups(repo))


def test_a_date_refused_as_future_is_accepted_once_its_day_comes(repo):
    """No outcome outlives its day: a date that was in the future yesterday is allowed today."""
    write_up = write_ups(repo)[0]
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(text.replace("terakhir_diverifikasi: null", "terakhir_diverifikasi: 2030-01-02", 1))
    cache = LoadCache()

    _, before = validate_catalogue(repo, today=date(2030, 1, 1), cache=cache)
    assert [problem.field for problem in before] == ["terakhir_diverifikasi"]

    catalogue, after = validate_catalogue(repo, today=date(2030, 1, 2), cache=cache)
    assert after == []
    assert catalogue == validate_catalogue(repo, today=date(2030, 1, 2))[0]


def test_a_change_in_the_region_data_reads_every_folder_again(repo, folders_read, monkeypatch, tmp_path):
    regions_file = tmp_path / "wilayah.json"
    shutil.copy(load.REGIONS_FILE, regions_file)
    monkeypatch.setattr(load, "REGIONS_FILE", regions_file)
    cache = LoadCache()
    validate_catalogue(repo, cache=cache)
    folders_read.clear()

    regions_file.write_text(regions_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    validate_catalogue(repo, cache=cache)

    assert len(folders_read) == len(write_ups(repo))

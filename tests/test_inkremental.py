"""`mkdocs serve --dirty` rebuilds only what an edit changes (katalog.incremental), and the site it leaves
behind is the very site a clean `mkdocs build` makes from the edited repository: the catalogue, place pages
and exports list the edit, nothing stale survives a rename or a deletion.

The builds run in this process as `mkdocs serve` runs them: one hook module for the whole session, a new
config per build, dirty builds into the same folder.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_repository, load_script, run_build
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from katalog.background import BackgroundBuild

sintetis = load_script("sintetis")
SERVE_URL = "http://127.0.0.1:8000/"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KATALOG_TANPA_INDEKS", "1")  # Pagefind's index is not what these tests compare
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730505600")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return sintetis.write_synthetic_repository(tmp_path / "repo", 12)


def _build(repo: Path, site_dir: Path, *, serving: bool) -> None:
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = SERVE_URL
    if not serving:
        config.plugins.on_startup(command="build", dirty=False)
    build(config, serve_url=SERVE_URL if serving else None, dirty=serving)


@pytest.fixture
def session(repo: Path, tmp_path: Path) -> Iterator[Path]:
    """A `mkdocs serve --dirty` session on `repo`, after its first build: the site folder it serves."""
    site_dir = tmp_path / "served"
    config = load_config(str(repo / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=True)
    _build(repo, site_dir, serving=True)
    yield site_dir
    config.plugins.on_shutdown()


def rebuild(repo: Path, site_dir: Path) -> None:
    _build(repo, site_dir, serving=True)


def site_files(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file() and "pagefind" not in path.parts
    }


def assert_same_as_a_clean_build(repo: Path, site_dir: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    shutil.copytree(repo, tmp_path / "clean-repo")  # its own hook module: the session's state stays as it is
    _build(tmp_path / "clean-repo", clean, serving=False)
    served, expected = site_files(site_dir), site_files(clean)
    assert sorted(served) == sorted(expected)  # nothing stale, nothing missing
    differing = [path for path in expected if served[path] != expected[path]]
    assert differing == []


def write_ups(repo: Path) -> list[Path]:
    return sorted(repo.glob("innovations/*-00[0-9][0-9]/index.md"))


def mtimes(site_dir: Path) -> dict[str, int]:
    return {path.relative_to(site_dir).as_posix(): path.stat().st_mtime_ns for path in site_dir.rglob("*.html")}


def test_editing_a_story_rebuilds_its_profile_and_keeps_unrelated_pages(repo, session, tmp_path):
    write_up = write_ups(repo)[0]
    slug = write_up.parent.name
    before = mtimes(session)
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(text.replace("## Cara kerja\n", "## Cara kerja\n\nKalimat suntingan baru [S1].\n", 1))

    rebuild(repo, session)

    after = mtimes(session)
    profile = f"inovasi/{slug}/index.html"
    assert "Kalimat suntingan baru" in (session / profile).read_text(encoding="utf-8")
    assert after[profile] != before[profile]
    unchanged = [path for path in before if after.get(path) == before[path]]
    # The other profiles and the catalogue (whose cards show no story) were not written again.
    assert f"inovasi/{write_ups(repo)[1].parent.name}/index.html" in unchanged
    assert "katalog/index.html" in unchanged
    assert_same_as_a_clean_build(repo, session, tmp_path)


def test_a_new_name_reaches_the_catalogue_place_pages_and_exports(repo, session, tmp_path):
    write_up = write_ups(repo)[0]
    text = write_up.read_text(encoding="utf-8")
    old_name = re.search(r"^nama: (.+)$", text, re.MULTILINE)
    assert old_name is not None
    write_up.write_text(text.replace(f"nama: {old_name[1]}", "nama: Nama Baru Sekali", 1), encoding="utf-8")

    rebuild(repo, session)

    assert "Nama Baru Sekali" in (session / "katalog" / "index.html").read_text(encoding="utf-8")
    names = [item["nama"] for item in json.loads((session / "data" / "katalog.json").read_text())["inovasi"]]
    assert "Nama Baru Sekali" in names
    assert_same_as_a_clean_build(repo, session, tmp_path)


def test_a_renamed_write_up_leaves_no_page_at_its_old_address(repo, session, tmp_path):
    write_up = write_ups(repo)[0]
    old_slug = write_up.parent.name
    new_slug = "nama-baru-" + old_slug
    text = write_up.read_text(encoding="utf-8").replace(f"id: {old_slug}", f"id: {new_slug}", 1)
    write_up.write_text(text, encoding="utf-8")
    write_up.parent.rename(write_up.parent.with_name(new_slug))
    assert (session / "inovasi" / old_slug / "index.html").is_file()

    rebuild(repo, session)

    assert not (session / "inovasi" / old_slug).exists()
    assert (session / "inovasi" / new_slug / "index.html").is_file()
    assert f"inovasi/{new_slug}/" in (session / "katalog" / "index.html").read_text(encoding="utf-8")
    assert_same_as_a_clean_build(repo, session, tmp_path)


def test_a_deleted_write_up_leaves_nothing_behind(repo, session, tmp_path):
    write_up = write_ups(repo)[0]
    slug = write_up.parent.name
    shutil.rmtree(write_up.parent)

    rebuild(repo, session)

    assert not (session / "inovasi" / slug).exists()
    assert slug not in (session / "data" / "katalog.json").read_text(encoding="utf-8")
    assert_same_as_a_clean_build(repo, session, tmp_path)


def test_an_edit_outside_the_write_ups_rebuilds_everything(repo, session, tmp_path):
    about = repo / "docs" / "tentang.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSatu kalimat tambahan.\n", encoding="utf-8")
    before = mtimes(session)

    rebuild(repo, session)

    after = mtimes(session)
    assert all(after[path] != before[path] for path in before)
    assert_same_as_a_clean_build(repo, session, tmp_path)


def test_the_build_lists_no_generated_page_as_omitted_but_fails_on_a_forgotten_hand_written_one(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    quiet = run_build(repo, tmp_path / "site")
    assert quiet.returncode == 0, quiet.stderr
    assert "not included in the" not in quiet.stderr
    assert len(quiet.stderr.splitlines()) < 10

    (repo / "docs" / "lupa.md").write_text("# Halaman yang lupa dimasukkan ke nav\n", encoding="utf-8")
    forgotten = run_build(repo, tmp_path / "site-2")
    assert forgotten.returncode != 0
    assert "lupa.md" in forgotten.stderr


def test_a_file_removed_while_the_catalogue_is_read_does_not_stop_the_server(repo, session, monkeypatch):
    write_up = write_ups(repo)[0]
    shutil.rmtree(write_up.parent)
    plan = BackgroundBuild.plan
    calls: list[int] = []

    def vanishing_once(self: BackgroundBuild):  # the worker found the folder, then the file was gone
        calls.append(1)
        if len(calls) == 1:
            raise FileNotFoundError(write_up)
        return plan(self)

    monkeypatch.setattr(BackgroundBuild, "plan", vanishing_once)

    rebuild(repo, session)

    assert len(calls) >= 2
    assert not (session / "inovasi" / write_up.parent.name).exists()


def test_a_write_up_broken_and_mended_while_serving_gives_the_clean_site(repo, session, tmp_path):
    """The worker outlives a failed build with what it validated; nothing of the broken file survives."""
    write_up = write_ups(repo)[0]
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(text.replace("\nnama: ", "\nnama_salah: ", 1), encoding="utf-8")
    with pytest.raises(Abort):
        rebuild(repo, session)

    mended = text.replace("## Cara kerja\n", "## Cara kerja\n\nKalimat setelah perbaikan [S1].\n", 1)
    write_up.write_text(mended, encoding="utf-8")
    rebuild(repo, session)

    page = session / "inovasi" / write_up.parent.name / "index.html"
    assert "Kalimat setelah perbaikan" in page.read_text(encoding="utf-8")
    assert_same_as_a_clean_build(repo, session, tmp_path)


def test_a_worker_killed_between_builds_is_replaced_without_a_failed_build(repo, session, tmp_path):
    """The kept worker may be killed while the server idles (out of memory): the next save still builds."""
    for child in multiprocessing.active_children():
        child.kill()
        child.join()
    write_up = write_ups(repo)[0]
    text = write_up.read_text(encoding="utf-8")
    write_up.write_text(text.replace("## Cara kerja\n", "## Cara kerja\n\nSesudah pekerja diganti [S1].\n", 1))

    rebuild(repo, session)

    page = session / "inovasi" / write_up.parent.name / "index.html"
    assert "Sesudah pekerja diganti" in page.read_text(encoding="utf-8")
    assert_same_as_a_clean_build(repo, session, tmp_path)

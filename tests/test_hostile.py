"""Hostile contributions beyond single broken write-ups: what is published, what the exports hold, and sites
with no write-up or exactly one."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_repository, load_script, run_build

from katalog import CatalogueError, load_catalogue, validate_catalogue
from katalog.export import catalogue_csv, spreadsheet_safe
from katalog.frontmatter import FORBIDDEN_CHARACTER, parse_document
from katalog.problems import Problem, format_problems, show
from katalog.site import build_site

daftar = load_script("daftar")

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
WRITE_UPS = sorted(path.parent.name for path in (ROOT / "innovations").glob("*/index.md"))


def _keep_only(repo: Path, kept: set[str]) -> None:
    for folder in (repo / "innovations").iterdir():
        if folder.name[0] not in "._" and folder.name not in kept:
            shutil.rmtree(folder)


@pytest.fixture
def content_root(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "innovations", tmp_path / "innovations")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_only_vetted_attachments_are_published(content_root: Path):
    (content_root / "innovations/jamper/foto-kegiatan.png").write_bytes(PNG)
    build = build_site(content_root)
    jamper = next(inv for inv in build.catalogue.innovations if inv.slug == "jamper")
    assert jamper.attachments == ("foto-kegiatan.png",)
    published = {path for path in build.plan.assets if path.startswith("inovasi/")}
    assert published == {"inovasi/jamper/foto-kegiatan.png"}
    assert build.plan.assets["inovasi/jamper/foto-kegiatan.png"].read_bytes() == PNG


def test_a_symlinked_write_up_is_refused_and_never_read(content_root: Path, tmp_path: Path):
    outside = tmp_path / "rahasia.md"
    outside.write_text((ROOT / "innovations/jamper/index.md").read_text(encoding="utf-8"), encoding="utf-8")
    write_up = content_root / "innovations/jamper/index.md"
    write_up.unlink()
    write_up.symlink_to(outside)
    with pytest.raises(CatalogueError) as refused:
        load_catalogue(content_root)
    assert refused.value.problems == [
        Problem(
            "innovations/jamper/index.md",
            0,
            "",
            "tautan simbolik (symlink) tidak diizinkan di innovations/; salin berkasnya ke sini sebagai berkas biasa",
        )
    ]


def test_every_character_the_yaml_reader_refuses_is_refused_first():
    """What MkDocs parses as page front matter never holds a character its YAML reader refuses."""
    reader_refuses = yaml.reader.Reader.NON_PRINTABLE
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char not in "\t\n\r" and reader_refuses.match(char):
            assert FORBIDDEN_CHARACTER.match(char), hex(code)


def test_values_are_echoed_with_invisible_characters_spelled_out():
    assert show("a\u200bb\u202e\n") == "'a\\u200bb\\u202e\\n'"
    _, problems = parse_document('---\nnama: "Lansia\u202eSmart"\n---\n', "f.md")
    assert [problem.message.split(";")[0] for problem in problems] == [
        "karakter tak terlihat atau karakter kendali '\\u202e' tidak diizinkan"
    ]


def test_one_printer_for_text_and_github_annotations():
    problem = Problem("innovations/x/index.md", 3, "nama", "salah")
    assert format_problems([problem, problem]) == ["innovations/x/index.md:3: nama: salah"]
    assert format_problems([problem], "github") == [
        "::error file=innovations/x/index.md,line=3,title=Isian nama::salah"
    ]


@pytest.mark.parametrize("cell", ["=HYPERLINK(1)", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])
def test_spreadsheet_formulas_are_neutralised(cell: str):
    assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe("Lansia Smart") == "Lansia Smart"


def test_every_csv_the_project_writes_is_safe_to_open(content_root: Path, capsys: pytest.CaptureFixture[str]):
    write_up = content_root / "innovations/jamper/index.md"
    text = write_up.read_text(encoding="utf-8")
    name = next(line for line in text.split("\n") if line.startswith("nama: "))
    write_up.write_text(text.replace(name, 'nama: "=HYPERLINK(\\"https://contoh.invalid\\")"', 1), encoding="utf-8")
    catalogue = load_catalogue(content_root)
    exported = list(csv.reader(io.StringIO(catalogue_csv(catalogue, "https://contoh.invalid/").decode("utf-8-sig"))))
    listed = list(csv.reader(io.StringIO(_listing_csv(content_root, capsys))))
    for rows in (exported, listed):
        cells = [cell for row in rows for cell in row]
        assert '\'=HYPERLINK("https://contoh.invalid")' in cells
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def _listing_csv(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert daftar.main(["--root", str(root), "--format", "csv"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("slug", WRITE_UPS)
def test_a_catalogue_of_any_single_write_up_builds(content_root: Path, slug: str):
    _keep_only(content_root, {slug})
    build = build_site(content_root)
    assert [inv.slug for inv in build.catalogue.innovations] == [slug]
    assert f"inovasi/{slug}/index.md" in build.pages


def test_mkdocs_builds_a_site_with_no_write_up_that_says_so(tmp_path: Path):
    repo = copy_repository(tmp_path / "repo")
    _keep_only(repo, set())
    result = run_build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "Katalog belum berisi inovasi." in (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "0 inovasi" in (tmp_path / "site/katalog/index.html").read_text(encoding="utf-8")


def test_mkdocs_builds_a_site_with_exactly_one_write_up(tmp_path: Path):
    repo = copy_repository(tmp_path / "repo")
    _keep_only(repo, {WRITE_UPS[-1]})
    result = run_build(repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / f"site/inovasi/{WRITE_UPS[-1]}/index.html").is_file()
    assert not (tmp_path / f"site/inovasi/{WRITE_UPS[0]}").exists()


def test_file_names_that_hide_or_reverse_text_are_refused_visibly(content_root: Path):
    folder = content_root / "innovations/jamper"
    (folder / "\u202egpj.exe").write_bytes(b"x")
    os.mkdir(os.path.join(os.fsencode(content_root / "innovations"), b"\xfe"))
    _, problems = validate_catalogue(content_root)
    assert [(problem.path, problem.message.split(";")[0]) for problem in problems] == [
        ("innovations/\\udcfe", "nama '\\udcfe' berisi karakter yang tidak diizinkan"),
        ("innovations/jamper/\\u202egpj.exe", "nama '\\u202egpj.exe' berisi karakter yang tidak diizinkan"),
    ]


def test_no_build_of_ours_combines_strict_with_quiet():
    """MkDocs 1.6 counts strict-mode warnings only when they are logged: `--strict -q` passes a broken site."""
    places = [ROOT / "Makefile", *ROOT.glob("scripts/*.py"), *ROOT.glob("tests/*.py"), *ROOT.glob(".github/**/*.yml")]
    quiet = re.compile(r"""(?<![\w-])(-q|--quiet)(?![\w-])|["']-q["']|["']--quiet["']""")
    offenders = []
    for place in places:
        for number, line in enumerate(place.read_text(encoding="utf-8").split("\n"), start=1):
            if "--strict" in line and "mkdocs" in line and quiet.search(line) and "quiet = re.compile" not in line:
                offenders.append(f"{place.relative_to(ROOT)}:{number}")
    assert offenders == []

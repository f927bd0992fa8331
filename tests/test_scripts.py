"""The command-line tools in scripts/: scaffold, validator, listing and benchmark, run as a contributor would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, copy_repository, load_script, run_build

from katalog import Problem, load_catalogue, validate_catalogue
from katalog.frontmatter import read_document
from katalog.schema import load_schemas

baru = load_script("baru")
daftar = load_script("daftar")
validasi = load_script("validasi")
write_synthetic_repository = load_script("sintetis").write_synthetic_repository

NEW = "innovations/program-uji/index.md"
REAL = load_catalogue(ROOT)
NEVER_VERIFIED = {inv.slug for inv in REAL.innovations if inv.last_verified is None}
ARGS = ["--kecamatan", "Junrejo", "--kabupaten", "Kota Batu", "--nama", "Program Uji"]
# What a contributor types on each "ISI:" line of a fresh scaffold (test data, not facts).
FILLED = {
    "ringkasan": "Ringkasan uji dengan kata-kata sendiri, cukup panjang [S1].",
    "tahun": "2023",
    "bidang": "[sosial]",
    "judul": "Sumber uji",
    "url": "https://contoh.invalid/sumber-uji",
    "penerbit": "Penerbit uji",
}


def scaffold(repo: Path, *args: str) -> int:
    return baru.main([*ARGS, *args, "--root", str(repo)])


def fill_in(text: str) -> str:
    def field(match: re.Match[str]) -> str:
        return f"{match.group(1)}{match.group(2)}: {FILLED[match.group(2)]}"

    text = re.sub(r"^(\s*(?:- )?)(\w+): (?:null|\[\])  # ISI:.*$", field, text, flags=re.MULTILINE)
    return re.sub(r"^ISI:.*$", "Teks uji dengan rujukan [S1].", text, flags=re.MULTILINE)


def schema_paths(schema: dict[str, Any], prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for key, prop in schema.get("properties", {}).items():
        yield (*prefix, key)
        if "properties" in prop:
            yield from schema_paths(prop, (*prefix, key))
        elif prop.get("minItems") and "properties" in prop.get("items", {}):
            yield from schema_paths(prop["items"], (*prefix, key, "0"))


def test_scaffold_has_every_schema_field_and_the_official_code(repo: Path, capsys: pytest.CaptureFixture[str]):
    assert scaffold(repo) == 0
    document, problems = read_document(repo / NEW, NEW)
    assert problems == [] and document is not None
    written = {tuple(str(part) for part in path) for path in document.lines}
    expected = set(schema_paths(load_schemas(repo / "innovations/_skema")["inovasi"]))
    assert expected - written == set()
    assert document.data["kecamatan"] == {"kode": "35.79.03", "nama": "Junrejo", "kabupaten": "Kota Batu"}
    assert document.data["id"] == "program-uji" and document.data["nama"] == "Program Uji"
    out = capsys.readouterr().out
    assert "Dibuat: innovations/program-uji/index.md — Kecamatan Junrejo (Kota Batu, 35.79.03)." in out
    assert "Yang masih perlu diisi (10):" in out


def test_fresh_scaffold_fails_exactly_on_its_fill_in_lines(repo: Path):
    scaffold(repo)
    lines = (repo / NEW).read_text(encoding="utf-8").split("\n")
    marked = {number for number, line in enumerate(lines, 1) if "ISI:" in line and not line.startswith("# ")}
    _, problems = validate_catalogue(repo)
    assert {problem.path for problem in problems} == {NEW}
    assert {problem.line for problem in problems} == marked
    messages = {problem.field: problem.message for problem in problems}
    assert messages["skk.0.tahun"] == "belum diisi; isi dengan bilangan bulat"
    assert messages["klasifikasi.bidang"].startswith("daftar ini minimal berisi 1 butir, mis. [administrasi-")
    assert "; pilihan: 'administrasi-kependudukan', 'kebudayaan'," in messages["klasifikasi.bidang"]


def test_filled_scaffold_passes_and_joins_the_catalogue(repo: Path):
    scaffold(repo)
    path = repo / NEW
    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    catalogue, problems = validate_catalogue(repo)
    assert problems == [], [problem.format() for problem in problems]
    assert catalogue is not None
    new = next(inv for inv in catalogue.innovations if inv.slug == "program-uji")
    assert (
        new.kecamatan.code == "35.79.03" and new.best_award.label == "SKK 2023 Juara Harapan 2"
    )  # Junrejo's row in the 2023 edition


def test_scaffold_refuses_an_existing_slug(repo: Path, capsys: pytest.CaptureFixture[str]):
    before = (repo / "innovations/lansia-smart/index.md").read_bytes()
    assert scaffold(repo, "--id", "lansia-smart") == 1
    assert "folder innovations/lansia-smart/ sudah ada" in capsys.readouterr().err
    assert (repo / "innovations/lansia-smart/index.md").read_bytes() == before


def test_scaffold_accepts_a_code_and_refuses_an_ambiguous_name(repo: Path, capsys: pytest.CaptureFixture[str]):
    assert baru.main(["--kecamatan", "35.07.32", "--nama", "Program Uji", "--root", str(repo)]) == 0
    document, _ = read_document(repo / NEW, NEW)
    assert document is not None and document.data["kecamatan"]["nama"] == "Wonosari"
    assert baru.main(["--kecamatan", "Wonosari", "--nama", "Lain Lagi", "--root", str(repo)]) == 2
    err = capsys.readouterr().err
    assert "Wonosari (Kabupaten Malang, 35.07.32) dan Wonosari (Kabupaten Bondowoso, 35.11.09)" in err
    assert not (repo / "innovations/lain-lagi").exists()


def test_scaffold_asks_for_what_is_missing_and_asks_again_after_a_typo(repo: Path, capsys: pytest.CaptureFixture[str]):
    answers = iter(["Junrejoo", "", "Junrejo", "Kota Batu", "Program Uji"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    assert baru.main(["--root", str(repo)], ask=ask) == 0
    assert "mungkin maksud Anda: Junrejo (Kota Batu, 35.79.03)" in capsys.readouterr().err
    assert prompts[-1] == "Nama program inovasi: "
    assert (repo / NEW).is_file()


def test_scaffold_without_a_terminal_names_the_missing_argument(repo: Path, capsys: pytest.CaptureFixture[str]):
    assert baru.main(["--nama", "Program Uji", "--root", str(repo)]) == 2
    assert "kecamatan belum diisi; tambahkan --kecamatan" in capsys.readouterr().err


def test_validator_passes_the_real_catalogue(capsys: pytest.CaptureFixture[str]):
    assert validasi.main([]) == 0
    counts = len(REAL.innovations), sum(len(inv.coaching) for inv in REAL.innovations), len(REAL.rounds)
    expected = "Katalog valid: {} inovasi, {} hasil pembinaan, {} putaran pembinaan.".format(*counts)
    assert capsys.readouterr().out.strip() == expected


def test_validator_reports_every_problem_with_a_count(repo: Path, capsys: pytest.CaptureFixture[str]):
    write_up = repo / "innovations/jamper/index.md"
    write_up.write_text(write_up.read_text(encoding="utf-8").replace("tahapan: null", "tahapan: selesai"))
    scaffold(repo)
    capsys.readouterr()
    assert validasi.main(["--root", str(repo)]) == 1
    lines = capsys.readouterr().out.strip().split("\n")
    assert lines[-1] == "Katalog tidak valid: 11 masalah di 2 berkas."
    assert any(line.startswith("innovations/jamper/index.md:") and "'selesai' tidak dikenal" in line for line in lines)


def test_github_annotations_escape_what_github_reads_as_syntax():
    problem = Problem("innovations/a,b/index.md", 7, "nama", "100% salah:\r\nbaris dua")
    assert validasi.github_annotation(problem) == (
        "::error file=innovations/a%2Cb/index.md,line=7,title=Isian nama::100%25 salah:%0D%0Abaris dua"
    )
    whole_file = Problem("innovations/x/index.md", 0, "", "berkas terlalu besar")
    assert validasi.github_annotation(whole_file) == (
        "::error file=innovations/x/index.md,title=Tulisan inovasi::berkas terlalu besar"
    )


def test_validator_github_format_from_the_command_line(repo: Path):
    write_up = repo / "innovations/jamper/index.md"
    write_up.write_text(write_up.read_text(encoding="utf-8").replace("jenis: non-digital", "jenis: analog"))
    command = [sys.executable, str(ROOT / "scripts/validasi.py"), "--format", "github", "--root", str(repo)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    first, last = result.stdout.strip().split("\n")
    line = next(n for n, text in enumerate(write_up.read_text().split("\n"), 1) if "jenis: analog" in text)
    assert first.startswith(f"::error file=innovations/jamper/index.md,line={line},title=Isian klasifikasi.jenis::")
    assert "nilai 'analog' tidak dikenal" in first
    assert last == "Katalog tidak valid: 1 masalah di 1 berkas."
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        ("no-content", "folder innovations/ tidak ditemukan"),
        ("broken-schema", "katalog tidak dapat dibaca"),
    ],
)
def test_validator_never_shows_a_stack_trace(repo: Path, breakage: str, expected: str):
    if breakage == "no-content":
        root = repo / "kosong"
        root.mkdir()
    else:
        root = repo
        (repo / "innovations/_skema/inovasi.schema.json").write_text("{ bukan json", encoding="utf-8")
    command = [sys.executable, str(ROOT / "scripts/validasi.py"), "--root", str(root)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert expected in result.stderr and "Traceback" not in result.stderr


def _verified(repo: Path, slug: str, day: str) -> None:
    write_up = repo / f"innovations/{slug}/index.md"
    text = write_up.read_text(encoding="utf-8").replace("terakhir_diverifikasi: null", f"terakhir_diverifikasi: {day}")
    write_up.write_text(text, encoding="utf-8")


def test_stale_listing_uses_the_given_date(repo: Path, capsys: pytest.CaptureFixture[str]):
    _verified(repo, "lansia-smart", "2024-11-02")
    assert daftar.main(["--basi", "--hari-ini", "2025-11-02", "--format", "json", "--root", str(repo)]) == 0
    stale = {row["id"] for row in json.loads(capsys.readouterr().out)}
    assert stale == NEVER_VERIFIED - {"lansia-smart"}  # verified exactly a year before: not yet stale
    assert daftar.main(["--basi", "--hari-ini", "2025-11-03", "--format", "json", "--root", str(repo)]) == 0
    assert "lansia-smart" in {row["id"] for row in json.loads(capsys.readouterr().out)}


def test_listing_as_csv_and_as_a_table(repo: Path, capsys: pytest.CaptureFixture[str]):
    _verified(repo, "jamper", "2025-06-01")
    assert daftar.main(["--format", "csv", "--hari-ini", "2025-11-02", "--root", str(repo)]) == 0
    lines = capsys.readouterr().out.strip().split("\n")
    assert lines[0] == (
        "id,nama,kecamatan,kode,kabupaten,penghargaan,status,terakhir_diverifikasi,basi,belum_terdokumentasi,berkas"
    )
    jamper = next(line for line in lines if line.startswith("jamper,"))
    assert ",35.29.04,Kabupaten Sumenep," in jamper and ",2025-06-01,tidak," in jamper
    assert daftar.main(["--basi", "--hari-ini", "2025-11-02", "--root", str(repo)]) == 0
    table = capsys.readouterr().out.strip().split("\n")
    assert table[-1] == (
        f"{len(NEVER_VERIFIED - {'jamper'})} dari {len(REAL.innovations)} tulisan perlu dicek ulang "
        "(belum pernah diverifikasi, atau terakhir diverifikasi sebelum 2024-11-02)."
    )
    assert not any(line.startswith("jamper ") for line in table)


def test_listing_refuses_an_invalid_catalogue(repo: Path, capsys: pytest.CaptureFixture[str]):
    scaffold(repo)
    capsys.readouterr()
    assert daftar.main(["--root", str(repo)]) == 1
    assert "katalog tidak valid (10 masalah di 1 berkas)" in capsys.readouterr().err


def test_bench_corpus_is_valid_and_varied(tmp_path: Path):
    write_synthetic_repository(tmp_path / "repo", 60)
    catalogue, problems = validate_catalogue(tmp_path / "repo")
    real, _ = validate_catalogue(ROOT)
    assert catalogue is not None and real is not None
    assert problems == [] and len(catalogue.innovations) == 60 + len(real.innovations)
    assert len(catalogue.kecamatan) > 50 and len(catalogue.kabupaten) > 20
    assert 5 < sum(len(inv.coaching) for inv in catalogue.innovations) < 40
    assert {inv.status for inv in catalogue.innovations} >= {None, "berlanjut", "vakum"}


def _bench_row(count: int, **figures: float) -> dict[str, float]:
    row = dict.fromkeys(("hooks_s", "baseline_s", "cpu_ratio", "index_s", "profile_kb", "one_process_mb"), 1.0)
    row |= {"count": count, "ratio": 1.05, "full_s": 60.0, "memory_mb": 600.0, "catalogue_kb": 13.0, "search_kb": 190.0}
    return row | figures


def test_bench_checks_issue_14_goals_at_5000(capsys: pytest.CaptureFixture[str]):
    bench = load_script("bench")
    assert bench.report([_bench_row(1000), _bench_row(5000, full_s=300.0)])
    assert "✓ build(5000)/build(1000) 5.00 ≤ 5.5" in capsys.readouterr().out
    for over in (
        {"memory_mb": 1100.0},
        {"search_kb": 216.8},
        {"ratio": 1.2},
        {"catalogue_kb": 130.0},
        {"full_s": 340.0},
    ):
        assert not bench.report([_bench_row(1000), _bench_row(5000, **over)]), over
        assert "  ✗ " in capsys.readouterr().out
    assert bench.report([_bench_row(1000, memory_mb=9999.0)])  # the goals are about 5,000


def test_a_new_user_scaffolds_fills_validates_and_sees_the_pages(tmp_path: Path):
    repo = copy_repository(tmp_path / "repo")
    assert scaffold(repo) == 0
    assert validasi.main(["--root", str(repo)]) == 1  # not publishable until the ISI lines are filled
    path = repo / NEW
    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert validasi.main(["--root", str(repo)]) == 0
    site = tmp_path / "site"
    result = run_build(repo, site)
    assert result.returncode == 0, result.stderr
    profile = (site / "inovasi/program-uji/index.html").read_text(encoding="utf-8")
    assert "Program Uji" in profile and "35.79.03" in profile
    assert 'href="../inovasi/program-uji/"' in (site / "katalog/index.html").read_text(encoding="utf-8")
    for place in ("kecamatan/junrejo-kota-batu", "kabupaten/kota-batu"):
        assert 'href="../../inovasi/program-uji/"' in (site / place / "index.html").read_text(encoding="utf-8")

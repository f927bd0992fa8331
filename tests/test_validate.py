"""Invalid write-ups fail with a located Indonesian message, and nothing valid is lost along the way."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from katalog import CatalogueError, Problem, load_catalogue, validate_catalogue

WRITE_UP = "innovations/lansia-smart/index.md"
RESULT = "innovations/lansia-smart/pembinaan-2024.md"
ROUND = "innovations/_pembinaan/2024.yml"


def edit(repo: Path, rel: str, change: Callable[[str], str]) -> None:
    path = repo / rel
    before = path.read_text(encoding="utf-8")
    after = change(before)
    assert after != before, "the test's edit did not change the file"
    path.write_text(after, encoding="utf-8")


def line_containing(repo: Path, rel: str, text: str) -> int:
    lines = (repo / rel).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def failing_problems(repo: Path) -> list[Problem]:
    catalogue, problems = validate_catalogue(repo)
    assert catalogue is None, "a broken write-up must fail the whole catalogue, not vanish from it"
    assert problems
    return problems


def only_problem(repo: Path) -> Problem:
    problems = failing_problems(repo)
    assert len(problems) == 1, [problem.format() for problem in problems]
    return problems[0]


def test_the_real_content_is_valid_and_complete(repo: Path):
    catalogue = load_catalogue(repo)
    folders = sorted(path.name for path in (repo / "innovations").iterdir() if path.name[0] not in "._")
    assert [inv.slug for inv in catalogue.innovations] == folders
    # the 2024 round visited the seven SKK 2023 kecamatan its article names; no other write-up has a result
    coached_year = catalogue.rounds[0].target_year
    coached = [inv for inv in catalogue.innovations if inv.coaching]
    assert len(coached) == 7 and all(len(inv.coaching) == 1 for inv in coached)
    assert all(any(award.year == coached_year for award in inv.awards) for inv in coached)


def test_malformed_yaml_is_located(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("nama: Lansia Smart", 'nama: "Lansia Smart'))
    problem = only_problem(repo)
    assert problem.path == WRITE_UP
    assert problem.line == line_containing(repo, WRITE_UP, 'nama: "Lansia Smart')
    assert "tanda kutip" in problem.message


def test_missing_required_field_is_named(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("nama: Lansia Smart\n", ""))
    problem = only_problem(repo)
    assert (problem.field, problem.message) == ("nama", "wajib diisi, tetapi tidak ada")
    assert problem.format() == f"{WRITE_UP}:1: nama: wajib diisi, tetapi tidak ada"


def test_unknown_bidang_lists_what_is_allowed_and_suggests_the_closest(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("bidang: [sosial,", "bidang: [sosiall,"))
    problem = only_problem(repo)
    assert problem.field == "klasifikasi.bidang.0"
    assert problem.line == line_containing(repo, WRITE_UP, "bidang: [sosiall,")
    assert "nilai 'sosiall' tidak dikenal (mungkin maksud Anda 'sosial'?)" in problem.message
    assert "'kesehatan'" in problem.message


def test_unknown_kecamatan_gets_suggestions(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace('  kode: "35.79.03"\n  nama: Junrejo', "  nama: Junrejoo"))
    problem = only_problem(repo)
    assert problem.field == "kecamatan.nama"
    assert problem.line == line_containing(repo, WRITE_UP, "nama: Junrejoo")
    assert "'Junrejoo' tidak ada dalam data wilayah Jawa Timur" in problem.message
    assert "Junrejo (Kota Batu, 35.79.03)" in problem.message


def test_ambiguous_kecamatan_names_both_places(repo: Path):
    edit(
        repo,
        WRITE_UP,
        lambda text: text.replace('  kode: "35.79.03"\n  nama: Junrejo\n  kabupaten: Kota Batu', "  nama: Wonosari"),
    )
    problem = only_problem(repo)
    assert "Wonosari (Kabupaten Malang, 35.07.32)" in problem.message
    assert "Wonosari (Kabupaten Bondowoso, 35.11.09)" in problem.message
    assert "tambahkan kabupaten/kota atau kode" in problem.message


def test_code_and_name_that_disagree_are_refused(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace('kode: "35.79.03"', 'kode: "35.07.32"'))
    problem = only_problem(repo)
    assert "kode 35.07.32 adalah Kecamatan Wonosari (Kabupaten Malang, 35.07.32), bukan 'Junrejo'" in problem.message


def test_duplicate_slug_is_refused_and_names_the_first_owner(repo: Path):
    shutil.copytree(repo / "innovations/lansia-smart", repo / "innovations/lansia-smart-kedua")
    problems = failing_problems(repo)
    messages = [problem.format() for problem in problems]
    copy = "innovations/lansia-smart-kedua/index.md"
    assert f"{copy}:2: id: id 'lansia-smart' harus sama dengan nama foldernya 'lansia-smart-kedua'" in messages
    assert any("sudah dipakai oleh innovations/lansia-smart/index.md" in message for message in messages)


def test_bad_date_asks_for_iso_format(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("terakhir_diverifikasi: null", "terakhir_diverifikasi: 02-11-2024"))
    problem = only_problem(repo)
    assert problem.field == "terakhir_diverifikasi"
    assert problem.line == line_containing(repo, WRITE_UP, "terakhir_diverifikasi:")
    assert "tanggal '02-11-2024' tidak valid; tulis tahun-bulan-tanggal (YYYY-MM-DD)" in problem.message


def test_round_that_ends_before_it_starts_is_refused(repo: Path):
    edit(repo, ROUND, lambda text: text.replace("selesai: 2024-11-02", "selesai: 2024-10-02"))
    problem = only_problem(repo)
    assert (problem.path, problem.field) == (ROUND, "selesai")
    assert "lebih awal dari tanggal mulai" in problem.message


def test_coaching_result_for_a_missing_innovation_is_refused(repo: Path):
    orphan = repo / "innovations/tidak-ada"
    orphan.mkdir()
    shutil.copy(repo / RESULT, orphan / "pembinaan-2024.md")
    problem = only_problem(repo)
    assert problem.path == "innovations/tidak-ada/pembinaan-2024.md"
    assert "inovasi 'tidak-ada' yang tidak ada" in problem.message


def test_links_in_a_coaching_result_are_checked_against_the_site_pages(repo: Path):
    result = repo / RESULT
    result.write_text(
        result.read_text(encoding="utf-8")
        + "\nLihat [Jamper](/inovasi/jamper/index.md) dan [x](/inovasi/tidak-ada/index.md).\n",
        encoding="utf-8",
    )
    problem = only_problem(repo)
    assert isinstance(problem, Problem), problem  # a coaching result's links were once returned as its problems
    assert problem.path == RESULT
    assert "tidak-ada" in problem.message


def test_coaching_result_for_an_unknown_round_is_refused(repo: Path):
    shutil.copy(repo / RESULT, repo / "innovations/lansia-smart/pembinaan-2030.md")
    edit(
        repo,
        "innovations/lansia-smart/pembinaan-2030.md",
        lambda text: text.replace('putaran: "2024"', 'putaran: "2030"'),
    )
    problem = only_problem(repo)
    assert problem.field == "putaran"
    assert "putaran '2030' tidak ada di innovations/_pembinaan/; putaran yang ada: 2024" in problem.message


def test_script_tag_in_a_field_is_refused(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("nama: Lansia Smart", "nama: Lansia <script>alert(1)</script>"))
    problem = only_problem(repo)
    assert problem.field == "nama"
    assert problem.line == line_containing(repo, WRITE_UP, "<script>")
    assert "tidak boleh berisi tag HTML" in problem.message


def test_script_tag_in_the_body_is_refused(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("## Cara kerja\n", "## Cara kerja\n\n<script>alert(1)</script>\n"))
    problem = only_problem(repo)
    assert problem.line == line_containing(repo, WRITE_UP, "<script>")
    assert problem.message.startswith("tag HTML <script> tidak diizinkan")


def test_citation_of_an_unlisted_source_is_refused(repo: Path):
    edit(
        repo,
        WRITE_UP,
        lambda text: text.replace("paling menonjol [S3]", "paling menonjol [S9]"),
    )
    problem = only_problem(repo)
    assert "rujukan [S9] tidak ada di daftar sumber; sumber yang ada: S0, S1, S2, S3, S4, S5" in problem.message


def test_citation_in_the_replication_kit_is_checked_where_it_stands(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("  prasyarat: []", "  prasyarat:\n    - Ada kelompok lansia [S7]."))
    problem = only_problem(repo)
    assert problem.field == "replikasi.prasyarat.0"
    assert problem.line == line_containing(repo, WRITE_UP, "Ada kelompok lansia [S7].")
    assert "rujukan [S7] tidak ada di daftar sumber" in problem.message


def test_unknown_partner_kind_lists_the_allowed_ones(repo: Path):
    edit(
        repo,
        WRITE_UP,
        lambda text: text.replace("  jenis_mitra: [kelompok-masyarakat, dunia-usaha]", "  jenis_mitra: [swasta]"),
    )
    problem = only_problem(repo)
    assert problem.field == "replikasi.jenis_mitra.0"
    assert "nilai 'swasta' tidak dikenal" in problem.message and "'dunia-usaha'" in problem.message


def test_every_broken_file_is_reported_in_one_pass(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("nama: Lansia Smart\n", ""))
    edit(repo, "innovations/jamper/index.md", lambda text: text.replace("jenis: non-digital", "jenis: analog"))
    edit(repo, ROUND, lambda text: text.replace("mulai: 2024-10-21", "mulai: 21-10-2024"))
    paths = {problem.path for problem in failing_problems(repo)}
    assert paths == {WRITE_UP, "innovations/jamper/index.md", ROUND}


def test_load_raises_with_the_full_report(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("jenis: non-digital", "jenis: digitall"))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(repo)
    report = str(raised.value)
    assert report.startswith("Katalog tidak dapat dibangun: 1 masalah di 1 berkas.")
    assert "(mungkin maksud Anda 'digital'?)" in report

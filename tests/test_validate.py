"""Invalid write-ups fail with a located Indonesian message, and nothing valid is lost along the way."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from katalog import CatalogueError, Problem, load_catalogue, policy, scaffold, validate_catalogue
from katalog.schema import load_schemas

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


# Issue 15: the validator's new refusals, each located (file, line, field) — the fixtures in
# tests/fixtures/rusak/ hold one case each; these tests pin what a fixture cannot: the day, the scaffold.
EDITION = "innovations/_skk/2023.yml"


def test_a_date_after_the_day_given_is_refused_and_that_day_itself_is_not(repo: Path):
    edit(repo, WRITE_UP, lambda text: text.replace("terakhir_diverifikasi: null", "terakhir_diverifikasi: 2025-03-02"))
    assert validate_catalogue(repo, today=date(2025, 3, 2))[1] == []
    _, problems = validate_catalogue(repo, today=date(2025, 3, 1))
    assert len(problems) == 1, [problem.format() for problem in problems]
    problem = problems[0]
    assert (problem.path, problem.field) == (WRITE_UP, "terakhir_diverifikasi")
    assert problem.line == line_containing(repo, WRITE_UP, "terakhir_diverifikasi: 2025-03-02")
    assert problem.message.startswith("tanggal 2 Maret 2025 belum tiba (hari ini 1 Maret 2025)")


def test_a_future_visit_and_a_future_round_are_refused(repo: Path):
    edit(repo, RESULT, lambda text: text.replace("tanggal_kunjungan: null", "tanggal_kunjungan: 2024-10-23"))
    _, problems = validate_catalogue(repo, today=date(2024, 10, 22))
    located = {(problem.path, problem.field, problem.line) for problem in problems}
    visit = (RESULT, "tanggal_kunjungan", line_containing(repo, RESULT, "tanggal_kunjungan: 2024-10-23"))
    end = (ROUND, "selesai", line_containing(repo, ROUND, "selesai: 2024-11-02"))
    assert visit in located and end in located
    assert all("belum tiba (hari ini 22 Oktober 2024)" in problem.message for problem in problems)


def test_today_is_the_latest_calendar_date_on_earth():
    latest = datetime.now(timezone(timedelta(hours=14))).date()
    assert policy.today() in (latest, latest + timedelta(days=1))  # the clock may pass midnight in between
    assert policy.today() >= datetime.now(UTC).date()


def test_an_award_date_in_another_year_than_its_edition_is_refused(repo: Path):
    edit(
        repo,
        EDITION,
        lambda text: text.replace("{nilai: 2023-12-13, sumber: [S2]}", "{nilai: 2025-12-13, sumber: [S2]}"),
    )
    problem = only_problem(repo)
    assert (problem.path, problem.field) == (EDITION, "tahapan.2.mulai.beda_sumber.1.nilai")
    assert problem.line == line_containing(repo, EDITION, "nilai: 2025-12-13")
    assert problem.message.startswith(
        "tanggal 13 Desember 2025 di luar edisi 2023: penganugerahan edisi 2023 jatuh pada tahun 2023 atau 2024"
    )


def test_an_assessment_stage_in_the_next_year_is_refused(repo: Path):
    edit(repo, EDITION, lambda text: text.replace("mulai: 2023-11-27", "mulai: 2024-11-27"))
    problems = failing_problems(repo)
    stage = next(problem for problem in problems if problem.path == EDITION)
    assert stage.field == "tahapan.1.mulai" and stage.line == line_containing(repo, EDITION, "mulai: 2024-11-27")
    assert "tahapan penilaian edisi 2023 jatuh pada tahun 2023 " in stage.message


def test_a_source_with_no_address_and_no_publisher_is_refused_on_each_field(repo: Path):
    edit(repo, RESULT, lambda text: text.replace("url: https://jpipnetwork.id/?p=1709", 'url: "https://-"', 1))
    edit(
        repo,
        RESULT,
        lambda text: text.replace("penerbit: JPIP (The Jawa Pos Institute of Pro Otonomi)", "penerbit: tidak ada", 1),
    )
    problems = failing_problems(repo)
    assert {(problem.path, problem.field) for problem in problems} == {
        (RESULT, "sumber.0.url"),
        (RESULT, "sumber.0.penerbit"),
    }
    by_field = {problem.field: problem for problem in problems}
    assert by_field["sumber.0.url"].line == line_containing(repo, RESULT, 'url: "https://-"')
    assert "tidak menunjuk halaman mana pun" in by_field["sumber.0.url"].message
    assert by_field["sumber.0.penerbit"].line == line_containing(repo, RESULT, "penerbit: tidak ada")
    assert "tidak menyebut siapa pun; tulis nama media atau lembaga" in by_field["sumber.0.penerbit"].message


def test_a_missing_address_is_said_once(repo: Path):
    edit(repo, RESULT, lambda text: text.replace("    url: https://jpipnetwork.id/?p=1709\n", "", 1))
    problem = only_problem(repo)
    assert (problem.field, problem.message) == ("sumber.0.url", "wajib diisi, tetapi tidak ada")


def test_a_coaching_result_that_cites_nothing_is_refused_at_its_first_line(repo: Path):
    edit(repo, RESULT, lambda text: text.replace("[S0]", ""))
    problems = failing_problems(repo)
    body = (repo / RESULT).read_text(encoding="utf-8").split("\n---\n", 1)[1]
    first_text = next(line for line in body.split("\n") if line.strip())
    located = {(problem.path, problem.line, problem.field): problem.message for problem in problems}
    body_problem = located.pop((RESULT, line_containing(repo, RESULT, first_text), ""))
    assert body_problem.startswith("isi di bawah front matter tidak merujuk satu sumber pun")
    assert list(located.values()) == [  # and its only source, now cited nowhere
        "sumber S0 tidak pernah dirujuk; rujuk di teks ([S0]), di rujukan, atau hapus dari daftar sumber"
    ]


@pytest.mark.parametrize("title", list(scaffold.SECTION_HINTS))
def test_each_section_hint_of_the_scaffold_left_in_is_refused(repo: Path, title: str):
    # The hint as the scaffold writes it (its own string, not a copy), with the 'ISI:' marker deleted.
    hint = scaffold.SECTION_HINTS[title]
    edit(repo, WRITE_UP, lambda text: text.replace(f"## {title}\n", f"## {title}\n\n{hint}\n", 1))
    problems = [problem for problem in failing_problems(repo) if "petunjuk templat" in problem.message]
    assert [(problem.path, problem.line) for problem in problems] == [(WRITE_UP, line_containing(repo, WRITE_UP, hint))]


def test_the_hints_suggested_wording_may_stay(repo: Path):
    edit(
        repo, WRITE_UP, lambda text: text.replace("## Dampak\n", "## Dampak\n\nData dampak belum terdokumentasi.\n", 1)
    )
    assert validate_catalogue(repo)[1] == []


def test_a_story_may_use_a_few_words_a_hint_uses(repo: Path):
    # whole sentences of guidance are refused, not the ordinary words in them
    sentence = "Hasil yang tercatat di sumber hanya penyerahan penghargaan [S1].\n"
    edit(repo, WRITE_UP, lambda text: text.replace("## Dampak\n", f"## Dampak\n\n{sentence}", 1))
    assert validate_catalogue(repo)[1] == []


def test_a_field_left_with_its_scaffold_comment_is_refused(repo: Path):
    schema = load_schemas(repo / "innovations/_skema")["inovasi"]
    hint = next(text for text in scaffold.field_hints(schema) if text.startswith("Masalah yang dijawab"))
    edit(repo, WRITE_UP, lambda text: text.replace("  prasyarat: []", f"  prasyarat:\n    - {hint} [S1]", 1))
    problem = only_problem(repo)
    assert problem.field == "replikasi.prasyarat.0"
    assert problem.line == line_containing(repo, WRITE_UP, hint)
    assert problem.message.startswith("isi ini masih petunjuk templat")

"""From an "Usulkan inovasi" issue body (as GitHub renders the form) to a write-up folder.

The sample bodies in tests/fixtures/isu/ are made-up test data, not facts about a real program.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, load_script

from katalog.frontmatter import read_document
from katalog.load import STORY_SECTIONS
from katalog.schema import load_schemas

dari_isu = load_script("dari_isu")

SAMPLES = Path(__file__).parent / "fixtures" / "isu"
FORM = yaml.safe_load((ROOT / dari_isu.FORM).read_text(encoding="utf-8"))
USED_IDS = {"nama", "akronim", "kecamatan", "kabupaten", "tahun", "bidang", "ringkasan", "sumber"}


def form_options(field_id: str) -> list[str]:
    return next(item["attributes"]["options"] for item in FORM["body"] if item.get("id") == field_id)


def run(repo: Path, sample: str, *args: str) -> int:
    return dari_isu.main([str(SAMPLES / sample), "--root", str(repo), *args])


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A repository root with innovations/ and .github/: all the script reads and writes."""
    for name in ("innovations", ".github"):
        subprocess.run(["cp", "-r", str(ROOT / name), str(tmp_path / name)], check=True)
    return tmp_path


def test_the_script_reads_every_answer_it_needs_from_the_form():
    labels = dari_isu.form_labels(ROOT)
    assert USED_IDS | set(dari_isu.SECTION_IDS) <= set(labels.values())
    assert [labels[title] for title in STORY_SECTIONS] == list(dari_isu.SECTION_IDS)


def test_form_choices_are_the_schema_choices():
    schema = load_schemas(ROOT / "innovations/_skema")["inovasi"]["properties"]
    assert form_options("bidang") == schema["klasifikasi"]["properties"]["bidang"]["items"]["enum"]


def test_issue_body_is_split_into_answers():
    body = (SAMPLES / "lengkap.md").read_text(encoding="utf-8")
    proposal = dari_isu.parse_issue(body, dari_isu.form_labels(ROOT))
    assert proposal.get("kecamatan") == "Junrejo" and proposal.get("bidang") == "sosial, pendidikan"
    assert "dampak" not in proposal.answers  # "_No response_"
    assert proposal.get("latar").endswith("### Heading buatan pengusul\n\nBaris ini tetap bagian dari latar belakang.")
    assert "```" not in proposal.get("sumber")


def test_sources_are_one_a_line_with_title_and_address():
    listed = dari_isu.sources(
        "Judul satu — https://contoh.invalid/a\n\n- Judul dua: https://contoh.invalid/b.\nJudul tiga"
    )
    assert [(item["id"], item["judul"], item["url"]) for item in listed] == [
        ("S1", "Judul satu", "https://contoh.invalid/a"),
        ("S2", "Judul dua", "https://contoh.invalid/b"),
        ("S3", "Judul tiga", None),
    ]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("SMART = Semangat, Mandiri", ("SMART", "Semangat, Mandiri")),
        ("ICW (Inovasi Contoh Warga)", ("ICW", "Inovasi Contoh Warga")),
        ("SMART", ("SMART", None)),
        ("", (None, None)),
    ],
)
def test_acronym_and_expansion(answer: str, expected: tuple):
    assert dari_isu.acronym(answer) == expected


def test_complete_issue_becomes_a_write_up_with_every_answer(root: Path, capsys: pytest.CaptureFixture[str]):
    assert run(root, "lengkap.md", "--nomor", "7") == 0
    rel = "innovations/inovasi-contoh-warga/index.md"
    document, problems = read_document(root / rel, rel)
    assert problems == [] and document is not None
    data = document.data
    assert data["kecamatan"] == {"kode": "35.79.03", "nama": "Junrejo", "kabupaten": "Kota Batu"}
    assert (data["akronim"], data["kepanjangan"]) == ("ICW", "Inovasi Contoh Warga")
    assert data["skk"] == [{"tahun": 2023, "sumber": ["S1"]}]  # the rank lives in the edition file
    assert data["klasifikasi"]["bidang"] == ["sosial", "pendidikan"]
    assert data["ringkasan"].endswith("bukan inovasi sungguhan. Baris kedua ringkasan.")
    assert [(item["judul"], item["url"]) for item in data["sumber"]] == [
        ("Berita contoh pertama", "https://contoh.invalid/berita-1"),
        ("Berita contoh kedua", "https://contoh.invalid/berita-2"),
        (None, "https://contoh.invalid/tanpa-judul"),
    ]
    assert "## Cara kerja\n\nTeks contoh cara kerja." in document.body
    assert "# Dibuat dari isu #7" in (root / rel).read_text(encoding="utf-8")
    out = capsys.readouterr().out
    # akronim/kepanjangan, the summary and the story need their source, each source its publisher and a citation
    assert "Yang masih perlu diisi atau dibetulkan (11):" in out
    assert "isi di bawah front matter tidak merujuk satu sumber pun" in out  # an issue's story cites nothing yet
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    untitled = 1 + next(i for i, line in enumerate(lines) if "contoh.invalid/tanpa-judul" in line)
    title_line = next(n for n in range(untitled, 0, -1) if lines[n - 1].lstrip().startswith(("- id:", "judul:")))
    assert f"{rel}:{title_line}: sumber.2.judul: belum diisi" in out
    assert f"{rel}:8: akronim: fakta ini belum punya rujukan" in out
    assert "petunjuk templat 'ISI: …' belum diganti" in out  # the empty "Dampak" answer


def test_partial_issue_notes_what_it_could_not_use(root: Path, capsys: pytest.CaptureFixture[str]):
    assert run(root, "sebagian.md") == 0
    rel = "innovations/program-contoh-sebagian/index.md"
    document, _ = read_document(root / rel, rel)
    assert document is not None
    assert document.data["kecamatan"]["kode"] == "35.07.32"
    assert document.data["skk"][0]["tahun"] is None
    assert document.data["klasifikasi"]["bidang"] == ["kesehatan"]
    out = capsys.readouterr().out
    assert "Catatan: tahun penghargaan 'dua ribu dua puluh tiga' bukan tahun" in out
    assert "Catatan: bidang 'olahraga' tidak dikenal dan dilewati" in out


def test_unknown_kabupaten_is_refused_with_a_suggestion(root: Path, capsys: pytest.CaptureFixture[str]):
    assert run(root, "kabupaten-salah.md") == 2
    assert "'Kabupaten Malangg' tidak dikenal; mungkin maksud Anda: Kabupaten Malang" in capsys.readouterr().err
    assert not (root / "innovations/usulan-kabupaten-keliru").exists()


def test_a_body_that_is_not_the_form_is_refused(root: Path, capsys: pytest.CaptureFixture[str]):
    assert run(root, "bukan-formulir.md") == 2
    assert "bukan isi formulir Usulkan inovasi" in capsys.readouterr().err


def test_existing_id_is_refused(root: Path, capsys: pytest.CaptureFixture[str]):
    assert run(root, "lengkap.md", "--id", "lansia-smart") == 1
    assert "folder innovations/lansia-smart/ sudah ada" in capsys.readouterr().err


def test_hostile_answers_stay_data_and_are_reported(root: Path):
    body = (SAMPLES / "lengkap.md").read_text(encoding="utf-8")
    body = body.replace("Teks contoh cara kerja.", "<script>alert(1)</script>")
    body = body.replace("Inovasi Contoh Warga\n", 'Inovasi "Contoh": Warga\n', 1)
    command = [sys.executable, str(ROOT / "scripts/dari_isu.py"), "-", "--root", str(root)]
    result = subprocess.run(command, input=body, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "tag HTML <script> tidak diizinkan" in result.stdout
    document, problems = read_document(root / "innovations/inovasi-contoh-warga/index.md", "x")
    assert problems == [] and document is not None and document.data["nama"] == 'Inovasi "Contoh": Warga'

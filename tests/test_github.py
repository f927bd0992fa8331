"""The .github folder: workflows and the issue form pass their schemas and zizmor; the contributing guide's
field reference and the issue form's choices are current with the schemas; the guide shares its checklist
with the pull-request template."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, load_script

from katalog.gaps import all_questions
from katalog.urls import COMPLETION_FORM, FORM_INNOVATION_FIELD, FORM_QUESTION_FIELD, PROPOSAL_FORM
from katalog.vocabulary import vocabularies

dokumen_skema = load_script("dokumen_skema")

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml"))
BIN = Path(sys.executable).parent
CHECKLIST = re.compile(r"^- \[ \] .+$", flags=re.MULTILINE)


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    executable = BIN / name
    assert executable.exists(), f"{name} belongs in requirements-dev.txt and the virtual environment"
    return subprocess.run([str(executable), *args], capture_output=True, text=True, check=False, cwd=ROOT)


def test_there_is_a_workflow_for_pull_requests_and_one_for_pages_and_an_issue_form():
    triggers = {path.name: yaml.safe_load(path.read_text(encoding="utf-8"))[True] for path in WORKFLOWS}
    assert "pull_request" in triggers["periksa.yml"]
    assert triggers["terbitkan.yml"]["push"] == {"branches": ["main"]}
    assert [path.name for path in ISSUE_FORMS] == [COMPLETION_FORM, PROPOSAL_FORM]


def test_workflows_match_githubs_workflow_schema():
    result = tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_matches_githubs_issue_form_schema():
    result = tool("check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", *map(str, ISSUE_FORMS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_high_in_the_workflows():
    result = tool("zizmor", "--offline", "--format", "json", *map(str, WORKFLOWS))
    assert result.returncode in (0, 10, 11, 12, 13, 14), result.stderr  # 1x: findings, graded below
    findings = json.loads(result.stdout)
    high = [finding["ident"] for finding in findings if finding["determinations"]["severity"] == "High"]
    assert high == []


def test_actions_are_pinned_to_full_commit_shas():
    for path in WORKFLOWS:
        uses = re.findall(r"uses:\s*(\S+)", path.read_text(encoding="utf-8"))
        assert uses
        for action in uses:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), f"{path.name}: {action}"


def test_workflows_grant_only_what_they_need():
    review = yaml.safe_load((GITHUB / "workflows/periksa.yml").read_text(encoding="utf-8"))
    assert review["permissions"] == {"contents": "read"}
    assert all("permissions" not in job for job in review["jobs"].values())
    publish = yaml.safe_load((GITHUB / "workflows/terbitkan.yml").read_text(encoding="utf-8"))
    assert publish["permissions"] == {}
    assert publish["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_review_workflow_validates_with_annotations_builds_strictly_and_tests_with_chromium():
    text = (GITHUB / "workflows/periksa.yml").read_text(encoding="utf-8")
    for step in (
        "scripts/validasi.py --format github",
        "mkdocs build --strict",
        "apt-get install -y -q --no-install-recommends chromium",
        "KATALOG_CHROMIUM: /usr/bin/chromium",
        "python -m pytest",
    ):
        assert step in text


def test_publish_workflow_sets_the_addresses_mkdocs_reads():
    text = (GITHUB / "workflows/terbitkan.yml").read_text(encoding="utf-8")
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for variable in ("KATALOG_SITE_URL", "KATALOG_REPO_URL"):
        assert f"!ENV [{variable}," in mkdocs
        assert f"{variable}: " in text


def test_field_reference_and_issue_form_are_generated_from_the_schemas(capsys: pytest.CaptureFixture[str]):
    assert dokumen_skema.main(["--periksa"]) == 0, "jalankan: python scripts/dokumen_skema.py"
    text = (GITHUB / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "| `skk[].tahun` | ya | bilangan bulat |" in text
    assert "| `peringkat[].kabupaten` | ya | teks |" in text.split("_skk/&lt;tahun&gt;.yml")[-1]  # the edition file
    coaching = text.split("pembinaan-<putaran>.md")[1]
    assert "| `sumber[].penerbit` | ya | teks |" in coaching  # via $ref
    assert "| `sumber[].berkas` |  | teks, boleh `null` | Untuk jawaban-kecamatan" in coaching  # also via $ref


def test_field_reference_shows_a_label_beside_its_value_where_the_label_says_more():
    text = (GITHUB / "CONTRIBUTING.md").read_text(encoding="utf-8")
    shown = [
        (value, label)
        for vocabulary in vocabularies(ROOT / "innovations/_skema").values()
        for value, label in vocabulary.labels.items()
    ]
    labelled = [(value, label) for value, label in shown if f"`{value}` ({label})" in text]
    assert labelled  # e.g. `perikanan` (Kelautan dan perikanan)
    for value, label in set(shown) - set(labelled):  # the rest only capitalise the value or drop its hyphens
        assert label.replace("-", " ").casefold() == value.replace("-", " ").casefold(), value


def test_issue_form_offers_each_vocabularys_values_in_the_schemas_order():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / PROPOSAL_FORM).read_text(encoding="utf-8"))
    options = {item["id"]: item["attributes"].get("options") for item in form["body"] if "id" in item}
    found = vocabularies(ROOT / "innovations/_skema")
    assert dokumen_skema.FORM_CHOICES
    for field_id, key in dokumen_skema.FORM_CHOICES.items():
        assert tuple(options[field_id]) == found[key].values


def test_the_fields_a_profiles_link_fills_are_text_fields_of_the_completion_form():
    # GitHub fills only text fields from a link's query (its docs: "fill custom text fields"); a dropdown
    # named in the query leaves the reader with a blank issue instead of the form
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / COMPLETION_FORM).read_text(encoding="utf-8"))
    kinds = {item["id"]: item["type"] for item in form["body"] if "id" in item}
    assert kinds[FORM_INNOVATION_FIELD] == kinds[FORM_QUESTION_FIELD] == "input"
    assert {"jawaban", "asal", "penjawab", "dokumen", "persetujuan"} <= set(kinds)
    consent = next(item for item in form["body"] if item.get("id") == "persetujuan")
    assert all(option["required"] for option in consent["attributes"]["options"])


def test_the_completion_form_names_every_gap_a_profile_can_ask_about():
    form = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / COMPLETION_FORM).read_text(encoding="utf-8"))
    field = next(item for item in form["body"] if item.get("id") == FORM_QUESTION_FIELD)
    description = field["attributes"]["description"]
    assert description == dokumen_skema.completion_choices()
    for question in all_questions():
        assert f" {question.label};" in description or f" {question.label}." in description


def test_a_new_gap_makes_the_completion_form_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    form = GITHUB / "ISSUE_TEMPLATE" / COMPLETION_FORM
    text = form.read_text(encoding="utf-8")
    assert dokumen_skema.completion_form(text, ROOT / "innovations/_skema") == text
    monkeypatch.setattr(dokumen_skema, "all_questions", lambda: (*all_questions(), all_questions()[0]))
    stale = dokumen_skema.completion_form(text, ROOT / "innovations/_skema")
    assert stale != text and stale.count("Masalah yang dijawab") == 2


@pytest.fixture
def generated_copy(tmp_path: Path) -> Path:
    """A root with the schemas and the two files written from them."""
    shutil.copytree(ROOT / "innovations/_skema", tmp_path / "innovations/_skema")
    shutil.copytree(GITHUB, tmp_path / ".github")
    return tmp_path


def edit_schema(root: Path, change: Callable[[dict[str, Any]], None]) -> None:
    schema_file = root / "innovations/_skema/inovasi.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    change(schema)
    schema_file.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")


def test_a_new_labelled_value_makes_the_reference_stale(generated_copy: Path, capsys: pytest.CaptureFixture[str]):
    def add_status(schema: dict[str, Any]) -> None:
        status = schema["properties"]["status"]
        status["enum"].insert(-1, "dilembagakan")
        status["x-labels"]["dilembagakan"] = "Dilembagakan lewat peraturan"
        status["description"] = status["description"].replace("atau vakum", "vakum, atau dilembagakan")

    edit_schema(generated_copy, add_status)
    assert dokumen_skema.main(["--periksa", "--root", str(generated_copy)]) == 1
    assert "CONTRIBUTING.md: tidak sesuai skema" in capsys.readouterr().err
    assert dokumen_skema.main(["--root", str(generated_copy)]) == 0
    text = (generated_copy / ".github/CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "`vakum`, `dilembagakan` (Dilembagakan lewat peraturan), `null`." in text
    assert dokumen_skema.main(["--periksa", "--root", str(generated_copy)]) == 0


def test_a_reordered_vocabulary_rewrites_only_the_forms_options(
    generated_copy: Path, capsys: pytest.CaptureFixture[str]
):
    def reverse_fields(schema: dict[str, Any]) -> None:
        field = schema["properties"]["klasifikasi"]["properties"]["bidang"]["items"]
        field["enum"].reverse()
        field["x-labels"] = dict(reversed(field["x-labels"].items()))

    form_file = generated_copy / ".github/ISSUE_TEMPLATE/usulkan-inovasi.yml"
    before = form_file.read_text(encoding="utf-8")
    edit_schema(generated_copy, reverse_fields)
    assert dokumen_skema.main(["--periksa", "--root", str(generated_copy)]) == 1
    assert "usulkan-inovasi.yml: tidak sesuai skema" in capsys.readouterr().err
    assert dokumen_skema.main(["--root", str(generated_copy)]) == 0
    after = form_file.read_text(encoding="utf-8")
    options = next(item for item in yaml.safe_load(after)["body"] if item.get("id") == "bidang")
    assert options["attributes"]["options"][0] == "lainnya"  # the last field first
    assert sorted(before.split("\n")) == sorted(after.split("\n"))  # the same lines, the options reordered
    assert before != after


def test_a_value_without_a_label_stops_the_generator(generated_copy: Path, capsys: pytest.CaptureFixture[str]):
    edit_schema(generated_copy, lambda schema: schema["properties"]["tahapan"]["enum"].insert(-1, "replikasi"))
    reference = (generated_copy / ".github/CONTRIBUTING.md").read_text(encoding="utf-8")
    assert dokumen_skema.main(["--root", str(generated_copy)]) == 1
    err = capsys.readouterr().err
    assert "innovations/_skema/inovasi.schema.json: tahapan: nilai 'replikasi' belum ada di \"x-labels\"" in err
    assert (generated_copy / ".github/CONTRIBUTING.md").read_text(encoding="utf-8") == reference


def test_pull_request_checklist_is_the_reviewers_checklist():
    template = CHECKLIST.findall((GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8"))
    guide = (GITHUB / "CONTRIBUTING.md").read_text(encoding="utf-8")
    reviewer = guide.split("<!-- daftar-periksa:mulai")[1].split("<!-- daftar-periksa:selesai -->")[0]
    assert len(template) >= 8
    assert CHECKLIST.findall(reviewer) == template

"""The .github folder: workflows and the issue form pass their schemas and zizmor; the contributing guide
is current with the schemas and shares its checklist with the pull-request template."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dokumen_skema
import pytest
import yaml
from conftest import ROOT

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
    assert [path.name for path in ISSUE_FORMS] == ["usulkan-inovasi.yml"]


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


def test_field_reference_in_contributing_is_generated_from_the_schemas(capsys: pytest.CaptureFixture[str]):
    assert dokumen_skema.main(["--periksa"]) == 0, "jalankan: python scripts/dokumen_skema.py"
    text = (GITHUB / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "| `penghargaan[].peringkat` | ya | pilihan |" in text
    assert "| `sumber[].url` |  | teks, boleh `null` |" in text.split("pembinaan-<putaran>.md")[1]  # via $ref


def test_a_schema_change_makes_the_reference_stale(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    shutil.copytree(ROOT / "innovations/_skema", tmp_path / "innovations/_skema")
    (tmp_path / ".github").mkdir()
    shutil.copy(GITHUB / "CONTRIBUTING.md", tmp_path / ".github/CONTRIBUTING.md")
    schema_file = tmp_path / "innovations/_skema/inovasi.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["status"]["enum"].insert(-1, "dilembagakan")
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    assert dokumen_skema.main(["--periksa", "--root", str(tmp_path)]) == 1
    assert "tidak sesuai skema" in capsys.readouterr().err
    assert dokumen_skema.main(["--root", str(tmp_path)]) == 0
    assert "`dilembagakan`" in (tmp_path / ".github/CONTRIBUTING.md").read_text(encoding="utf-8")
    assert dokumen_skema.main(["--periksa", "--root", str(tmp_path)]) == 0


def test_pull_request_checklist_is_the_reviewers_checklist():
    template = CHECKLIST.findall((GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8"))
    guide = (GITHUB / "CONTRIBUTING.md").read_text(encoding="utf-8")
    reviewer = guide.split("<!-- daftar-periksa:mulai")[1].split("<!-- daftar-periksa:selesai -->")[0]
    assert len(template) >= 8
    assert CHECKLIST.findall(reviewer) == template

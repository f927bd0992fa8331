"""The fast schema gate (fastjsonschema) must never pass what the exact validator (jsonschema) refuses."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from katalog.frontmatter import parse_yaml_file, read_document
from katalog.schema import fast_validator_for, load_schemas, passes_quickly, validator_for

SCHEMA_DIR = ROOT / "innovations" / "_skema"
DELETE = object()


def _write_up() -> dict[str, Any]:
    document, problems = read_document(ROOT / "innovations/lansia-smart/index.md", "x")
    assert document is not None and problems == []
    return document.data


def _result() -> dict[str, Any]:
    document, problems = read_document(ROOT / "innovations/lansia-smart/pembinaan-2024.md", "x")
    assert document is not None and problems == []
    return document.data


def _edition() -> dict[str, Any]:
    file = ROOT / "innovations/_skk/2023.yml"
    document, problems = parse_yaml_file(file.read_text(encoding="utf-8"), "x")
    assert document is not None and problems == []
    return document.data


def _changed(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    parent: Any = changed  # a mapping or a list, by the path's step
    for part in path[:-1]:
        parent = parent[part]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return changed


# (schema, field path, new value): valid and invalid edits alike, chosen where validators often differ.
EDITS = [
    ("inovasi", ("nama",), "X"),
    ("inovasi", ("nama",), True),
    ("inovasi", ("id",), "Lansia_Smart"),
    ("inovasi", ("id",), "x" * 61),
    ("inovasi", ("ringkasan",), None),
    ("inovasi", ("ringkasan",), "terlalu pendek"),
    ("inovasi", ("tahun_mulai",), True),
    ("inovasi", ("tahun_mulai",), 2023.0),
    ("inovasi", ("tahun_mulai",), 2023.5),
    ("inovasi", ("skk", 0, "tahun"), 2023.0),
    ("inovasi", ("id",), "lansia-smart\n"),
    ("inovasi", ("sumber", 0, "id"), "S1\n"),
    ("inovasi", ("kecamatan",), {"kode": "35.79.03\n"}),
    ("inovasi", ("tahun_mulai",), "2023"),
    ("inovasi", ("tahun_mulai",), 1989),
    ("inovasi", ("tahun_mulai",), None),
    ("inovasi", ("terakhir_diverifikasi",), "2024-02-30"),
    ("inovasi", ("terakhir_diverifikasi",), "20241021"),
    ("inovasi", ("terakhir_diverifikasi",), "2024-1-5"),
    ("inovasi", ("terakhir_diverifikasi",), "2024-10-21"),
    ("inovasi", ("terakhir_diverifikasi",), 2024),
    ("inovasi", ("tahapan",), "selesai"),
    ("inovasi", ("tahapan",), False),
    ("inovasi", ("status",), None),
    ("inovasi", ("kecamatan",), {}),
    ("inovasi", ("kecamatan",), {"kabupaten": "Kota Batu"}),
    ("inovasi", ("kecamatan",), {"kode": "35.7.3"}),
    ("inovasi", ("kecamatan",), {"kode": "35.79.03", "desa": "x"}),
    ("inovasi", ("skk",), []),
    ("inovasi", ("skk", 0, "tahun"), "2023"),
    ("inovasi", ("skk", 0, "sumber"), "S1"),
    ("inovasi", ("skk", 0, "sumber"), ["S1", "S1"]),
    ("inovasi", ("skk", 0, "sumber"), DELETE),
    ("inovasi", ("penghargaan_lain",), [{"nama": "Top 30", "tahun": None, "sumber": ["S1"]}]),
    ("inovasi", ("penghargaan_lain",), [{"nama": "Top 30", "tahun": 2022}]),
    ("inovasi", ("klasifikasi", "bidang"), []),
    ("inovasi", ("klasifikasi", "bidang"), ["sosial", "sosial"]),
    ("inovasi", ("klasifikasi", "bidang"), "sosial"),
    ("inovasi", ("klasifikasi", "tag"), ["Batik"]),
    ("inovasi", ("klasifikasi", "jenis"), None),
    ("inovasi", ("nama_lain",), ["A", "A"]),
    ("inovasi", ("replikasi", "langkah"), ["ok"]),
    ("inovasi", ("replikasi", "langkah"), None),
    ("inovasi", ("kontak",), [{"lembaga": "Kecamatan X", "email": "bukan email"}]),
    ("inovasi", ("kontak",), [{"lembaga": "Kecamatan X", "url": "ftp://x"}]),
    ("inovasi", ("sumber",), 5),
    ("inovasi", ("sumber", 0, "id"), "S 1"),
    ("inovasi", ("sumber", 0, "url"), "javascript:alert(1)"),
    ("inovasi", ("sumber", 0, "tanggal"), "2024-13-01"),
    ("inovasi", ("sumber", 0, "judul"), DELETE),
    ("inovasi", ("tambahan",), "x"),
    ("inovasi", (1,), "kunci bukan teks"),
    ("pembinaan", ("putaran",), 2024),
    ("pembinaan", ("tanggal_kunjungan",), "2024-10-32"),
    ("pembinaan", ("sumber", 0, "judul"), "ab"),
    ("pembinaan", ("sumber", 0, "url"), "http://contoh.invalid/"),
    ("pembinaan", ("rencana_pengembangan",), [{"rencana": "Rencana", "status": "batal"}]),
    ("pembinaan", ("temuan",), ["pendek"]),
    ("pembinaan", ("temuan",), ["abc"]),
    ("edisi", ("tahun",), 2023.0),
    ("edisi", ("peringkat", 0, "tempat"), "juara 1"),
    ("edisi", ("peringkat", 0, "tempat"), {"beda_sumber": [{"nilai": "Juara 1", "sumber": ["S1"]}]}),
    ("edisi", ("peringkat", 0, "tempat"), {"beda_sumber": [{"nilai": "7 besar", "sumber": ["S1"]}] * 2}),
    (
        "edisi",
        ("peringkat", 0, "camat"),
        {"beda_sumber": [{"nilai": "A", "sumber": []}, {"nilai": "B", "sumber": ["S1"]}]},
    ),
    ("edisi", ("peringkat", 0, "kecamatan"), None),
    ("edisi", ("peringkat", 0, "kecamatan", "kode"), "35.7.32"),
    ("edisi", ("tahapan", 0, "mulai"), "2023-12-32"),
    ("edisi", ("tahapan", 0, "jenis"), "upacara"),
    ("edisi", ("sumber", 0, "url"), None),
]


@pytest.mark.parametrize(("schema", "path", "value"), EDITS, ids=lambda value: str(value)[:30])
def test_fast_gate_and_exact_validator_agree(schema: str, path: tuple, value: Any):
    base = {"inovasi": _write_up, "pembinaan": _result, "edisi": _edition}[schema]()
    data = _changed(base, path, value)
    exact_errors = list(validator_for(SCHEMA_DIR, schema).iter_errors(data))
    assert passes_quickly(data, SCHEMA_DIR, schema) == (not exact_errors), [e.message for e in exact_errors]


def test_the_real_content_passes_the_fast_gate():
    assert passes_quickly(_write_up(), SCHEMA_DIR, "inovasi")
    assert passes_quickly(_result(), SCHEMA_DIR, "pembinaan")
    assert passes_quickly(_edition(), SCHEMA_DIR, "edisi")


def test_a_surprise_inside_the_gate_falls_back_to_the_exact_path(monkeypatch: pytest.MonkeyPatch):
    def broken_gate(schema_dir: Path, name: str):
        def check(data: Any) -> None:
            raise RuntimeError("unexpected")

        return check

    monkeypatch.setattr("katalog.schema.fast_validator_for", broken_gate)
    assert passes_quickly(_write_up(), SCHEMA_DIR, "inovasi") is False
    fast_validator_for.cache_clear()


def test_compiling_the_gate_leaves_the_shared_schemas_untouched():
    fast_validator_for.cache_clear()
    before = json.dumps(load_schemas(SCHEMA_DIR), sort_keys=True)
    for name in ("inovasi", "pembinaan", "putaran", "edisi"):
        fast_validator_for(SCHEMA_DIR, name)
    assert json.dumps(load_schemas(SCHEMA_DIR), sort_keys=True) == before


def test_the_compiled_gate_outlives_clear_caches_until_a_schema_changes(tmp_path: Path):
    """`mkdocs serve` clears the schema caches before every rebuild; compiling is the slow part, so the gate
    is kept for unchanged schemas, and an edited schema gets a gate compiled from it."""
    from katalog import clear_caches

    schema_dir = tmp_path / "_skema"
    schema_dir.mkdir()
    for name in ("inovasi", "pembinaan", "putaran", "edisi"):
        (schema_dir / f"{name}.schema.json").write_text(
            (SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"), "utf-8"
        )
    gate = fast_validator_for(schema_dir, "inovasi")
    clear_caches()
    assert fast_validator_for(schema_dir, "inovasi") is gate

    schema = json.loads((schema_dir / "inovasi.schema.json").read_text("utf-8"))
    schema["properties"]["nama"]["maxLength"] = 3
    (schema_dir / "inovasi.schema.json").write_text(json.dumps(schema), "utf-8")
    clear_caches()
    assert passes_quickly(_write_up(), SCHEMA_DIR, "inovasi")
    assert not passes_quickly(_write_up(), schema_dir, "inovasi")

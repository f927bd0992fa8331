"""Synthetic, valid, varied write-ups for benchmarks: a copy of the site with N generated innovations.

The copy keeps the real write-ups too (the site's own pages link to them), so it holds N + 7 innovations:
the catalogue as it would look after years of new winners.

    python scripts/sintetis.py 1000 /tmp/katalog-1000    # writes a buildable repository there

Every write-up passes the real validator; nothing here is meant to look like a real innovation.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path

from katalog.labels import SECTOR_LABELS
from katalog.model import SINGLE_PLACES
from katalog.regions import Kecamatan, load_regions

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "pemberdayaan",
    "lansia",
    "batik",
    "penyeberangan",
    "darurat",
    "pangan",
    "pekarangan",
    "sayur",
    "wisata",
    "kampung",
    "tematik",
    "budaya",
    "arkeologi",
    "kerja",
    "industri",
    "pelatihan",
    "perangkat",
    "desa",
    "apel",
    "pagi",
    "sampah",
    "bank",
    "air",
    "bersih",
    "posyandu",
    "gizi",
    "anak",
    "sekolah",
    "literasi",
    "perpustakaan",
    "umkm",
    "koperasi",
    "pasar",
    "digital",
    "aplikasi",
    "layanan",
    "administrasi",
    "akta",
    "nikah",
    "kesehatan",
    "ibu",
    "hamil",
    "ambulans",
    "perahu",
    "nelayan",
    "tambak",
    "padi",
    "pupuk",
    "irigasi",
    "jalan",
    "lampu",
    "keamanan",
    "ronda",
    "sungai",
    "banjir",
    "hutan",
    "kopi",
    "tembakau",
    "garam",
    "sapi",
    "kambing",
    "madu",
    "jamu",
    "tenun",
    "gerabah",
    "santri",
    "pesantren",
]
STAGES = ("inisiatif", "uji-coba", "penerapan", None)
STATUSES = ("berlanjut", "berkembang", "berhenti", "vakum", None)
COPIED = ("docs", "hooks", "overrides", "mkdocs.yml")


def _sentence(rng: random.Random, words: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(words)]
    return (" ".join(picked)).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng, rng.randint(6, 14)) for _ in range(sentences))


def _yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(items) + "]"


# Synthetic editions: years the schema allows (2000 on) before the first real edition (2011): none is overwritten.
SYNTHETIC_YEARS = (2000, 2010)


def write_up(index: int, rng: random.Random) -> tuple[str, str, str, int, Kecamatan]:
    """(slug, index.md, pembinaan-2024.md or "", SKK year, kecamatan) for synthetic innovation number `index`."""
    kecamatan = rng.choice(load_regions().kecamatan)
    name = " ".join(word.capitalize() for word in rng.sample(WORDS, 2))
    slug = f"{name.lower().replace(' ', '-')}-{index:04d}"
    year = rng.randint(*SYNTHETIC_YEARS)
    fields = rng.sample(sorted(SECTOR_LABELS), rng.randint(1, 3))
    stage, status = rng.choice(STAGES), rng.choice(STATUSES)
    # Drawn in the order the text uses them, so a seed gives the same corpus as before.
    summary = _sentence(rng, 14)
    digital = rng.choice(("digital", "non-digital", "null"))
    form = rng.choice(("tata-kelola", "pelayanan-publik", "lainnya", "null"))
    tags = rng.sample(WORDS, 3)
    start = rng.choice((year - 1, year - 2, "null"))
    verified = rng.choice(("null", f"{year + 1 if year < 2024 else 2024}-0{rng.randint(1, 9)}-15"))
    problem, prerequisite = _sentence(rng, 8), _sentence(rng, 6)
    partner = rng.choice(WORDS).capitalize()
    steps = [_sentence(rng, 5), _sentence(rng, 5)]
    complexity = rng.choice(("rendah", "sedang", "tinggi", "null"))
    cost = rng.choice(("rendah", "sedang", "tinggi", "null"))
    facts = {
        "klasifikasi.jenis": digital,
        "klasifikasi.bentuk": form,
        "tahapan": stage or "null",
        "tahun_mulai": start,
        "status": status or "null",
        "replikasi.kompleksitas": complexity,
        "replikasi.kelas_biaya": cost,
    }
    references = "".join(f"  {key}: [S1]\n" for key, value in facts.items() if value != "null")
    text = f"""---
id: {slug}
nama: {name}
akronim: null
kepanjangan: null
nama_lain: []
ringkasan: >-
  {summary} Uji sintetis nomor {index} [S1].
kecamatan:
  kode: "{kecamatan.code}"
skk:
  - tahun: {year}
    sumber: [S1]
penghargaan_lain: []
klasifikasi:
  bidang: {_yaml_list(fields)}
  jenis: {digital}
  bentuk: {form}
  tag: {_yaml_list(tags)}
tahapan: {stage or "null"}
tahun_mulai: {start}
status: {status or "null"}
terakhir_diverifikasi: {verified}
replikasi:
  masalah: {problem} [S1]
  prasyarat: ["{prerequisite} [S1]"]
  sumber_daya: []
  mitra: ["{partner} [S1]"]
  langkah: ["{steps[0]} [S1]", "{steps[1]} [S1]"]
  risiko: []
  kompleksitas: {complexity}
  kelas_biaya: {cost}
kontak: []
rujukan:
  nama: [S1]
  kecamatan: [S1]
{references}sumber:
  - id: S1
    judul: Sumber sintetis {index}
    url: https://contoh.invalid/sintetis/{index}
    penerbit: Penerbit sintetis
---

## Latar belakang dan masalah

{_paragraph(rng, 3)} [S1]

## Cara kerja

{_paragraph(rng, 4)}

## Dampak

{_paragraph(rng, 2)}

## Pemangku kepentingan

{_paragraph(rng, 1)}
"""
    coaching = ""
    if rng.random() < 0.3:
        coaching = f"""---
putaran: "2024"
laporan_kunjungan: ada
tanggal_kunjungan: null
temuan:
  - {_sentence(rng, 9)} [S1]
rencana_pengembangan:
  - rencana: {_sentence(rng, 7)} [S1]
    target: null
    status: {rng.choice(("direncanakan", "berjalan", "selesai", "tertunda", "null"))}
status_tindak_lanjut: null
sumber:
  - id: S1
    judul: Sumber sintetis pembinaan {index}
    url: https://contoh.invalid/pembinaan/{index}
    penerbit: Penerbit sintetis
---

{_paragraph(rng, 2)} [S1]
"""
    return slug, text, coaching, year, kecamatan


def edition(year: int, kecamatan: list[Kecamatan]) -> str:
    """A synthetic edition file: one row per kecamatan, the first ones placed, the rest nominated."""
    rows = []
    for position, kec in enumerate(kecamatan):
        place = SINGLE_PLACES[position] if position < len(SINGLE_PLACES) else "Nominasi"
        rows.append(
            f"""  - tempat: {place}
    kecamatan: {{kode: "{kec.code}", nama: {json.dumps(kec.name)}, ejaan_sumber: null}}
    kabupaten: {json.dumps(kec.kabupaten.name)}
    sumber: [S1]
"""
        )
    return f"""tahun: {year}
nama: Edisi sintetis {year}
tahapan:
  - jenis: penganugerahan
    mulai: {year}-12-{1 + year % 28:02d}
    sumber: [S1]
peringkat:
{"".join(rows)}sumber:
  - id: S1
    judul: Sumber sintetis edisi {year}
    url: https://contoh.invalid/edisi/{year}
    penerbit: Contoh
"""


def write_synthetic_repository(target: Path, count: int, seed: int = 2023) -> Path:
    """A buildable repository at `target`: this site, real write-ups included, plus `count` synthetic ones."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy(source, target / name)
    content = target / "innovations"
    shutil.copytree(ROOT / "innovations", content, ignore=ignore)
    rng = random.Random(seed)
    placed: dict[int, dict[Kecamatan, None]] = {}  # year -> its kecamatan, in order, once each
    for index in range(count):
        slug, text, coaching, year, kecamatan = write_up(index, rng)
        placed.setdefault(year, {})[kecamatan] = None
        folder = content / slug
        folder.mkdir()
        (folder / "index.md").write_text(text, encoding="utf-8")
        if coaching:
            (folder / "pembinaan-2024.md").write_text(coaching, encoding="utf-8")
    for year, year_kecamatan in placed.items():
        (content / "_skk" / f"{year}.yml").write_text(edition(year, list(year_kecamatan)), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("jumlah", type=int, help="jumlah inovasi sintetis")
    parser.add_argument("tujuan", type=Path, help="folder tujuan (dihapus dan dibuat ulang)")
    parser.add_argument("--benih", type=int, default=2023, help="benih acak, agar hasil dapat diulang")
    args = parser.parse_args(argv)
    write_synthetic_repository(args.tujuan, args.jumlah, args.benih)
    print(f"{args.jumlah} inovasi sintetis ditulis ke {args.tujuan}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

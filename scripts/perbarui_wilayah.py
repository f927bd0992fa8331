"""Regenerate the vendored Jawa Timur region subset from the npm package idn-area-data.

    python scripts/perbarui_wilayah.py                # fetches the pinned version with `npm pack`
    python scripts/perbarui_wilayah.py --dari DIR     # uses an unpacked package folder instead

The data is ODbL 1.0: the licence text and the attribution are written beside the subset. The attribution
links the package's source repository, as its own package.json names it (not a registry page).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "idn-area-data"
VERSION = "4.0.1"
PROVINCE_CODE = "35"
OUT_DIR = Path(__file__).resolve().parents[1] / "hooks" / "katalog" / "data"


def fetch_package(workdir: Path) -> Path:
    """Download the pinned package tarball from the npm registry and unpack it."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=workdir, check=True, stdout=subprocess.DEVNULL
    )
    tarball = workdir / f"{PACKAGE}-{VERSION}.tgz"
    with tarfile.open(tarball) as archive:
        archive.extractall(workdir, filter="data")
    return workdir / "package"


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def source_repository(package_dir: Path) -> str:
    """The package's source repository as a web address, from the `repository` its package.json declares
    ("git+https://github.com/o/r.git" or {"url": ...} -> "https://github.com/o/r")."""
    repository = json.loads((package_dir / "package.json").read_text(encoding="utf-8"))["repository"]
    url = repository["url"] if isinstance(repository, dict) else repository
    url = re.sub(r"^git\+", "", url).removesuffix(".git")
    if not url.startswith("https://"):
        raise ValueError(f"{package_dir / 'package.json'}: repository: alamat {url!r} bukan https://")
    return url


def build_subset(package_dir: Path) -> dict:
    data_dir = package_dir / "data"
    province = next(row for row in read_rows(data_dir / "provinces.csv") if row["code"] == PROVINCE_CODE)
    regencies = [row for row in read_rows(data_dir / "regencies.csv") if row["province_code"] == PROVINCE_CODE]
    regency_codes = {row["code"] for row in regencies}
    districts = [row for row in read_rows(data_dir / "districts.csv") if row["regency_code"] in regency_codes]
    return {
        "sumber": {
            "paket": f"{PACKAGE}@{VERSION}",
            "repositori": source_repository(package_dir),
            "lisensi_data": "Open Database License (ODbL) 1.0",
            "lisensi_kode": "MIT",
        },
        "provinsi": {"kode": province["code"], "nama": province["name"]},
        "kabupaten": [{"kode": row["code"], "nama": row["name"]} for row in sorted(regencies, key=lambda r: r["code"])],
        "kecamatan": [
            {"kode": row["code"], "kabupaten": row["regency_code"], "nama": row["name"]}
            for row in sorted(districts, key=lambda r: r["code"])
        ],
    }


def write_subset(package_dir: Path, out_dir: Path) -> dict:
    subset = build_subset(package_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(subset, ensure_ascii=False, indent=1) + "\n"
    (out_dir / "wilayah-jatim.json").write_text(text, encoding="utf-8")
    licence = (package_dir / "data" / "LICENSE.md").read_text(encoding="utf-8")
    (out_dir / "LISENSI-DATA-WILAYAH.md").write_text(licence, encoding="utf-8")
    return subset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dari", type=Path, help="folder paket idn-area-data yang sudah dibuka")
    parser.add_argument("--ke", type=Path, default=OUT_DIR, help="folder tujuan (bawaan: hooks/katalog/data)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        package_dir = args.dari or fetch_package(Path(tmp))
        subset = write_subset(package_dir, args.ke)
    print(
        f"{len(subset['kabupaten'])} kabupaten/kota dan {len(subset['kecamatan'])} kecamatan "
        f"{subset['provinsi']['nama']} ditulis ke {args.ke}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

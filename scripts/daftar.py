"""List or export the catalogue for maintainers: what is stale, what is still undocumented."""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import asdict, dataclass
from datetime import date

import _inti

from katalog import validate_catalogue
from katalog.export import spreadsheet_safe
from katalog.model import Innovation
from katalog.problems import format_problems, summary

DESCRIPTION = """\
Daftar tulisan inovasi untuk pengelola katalog, sebagai tabel, CSV, atau JSON.

--basi menampilkan hanya tulisan yang perlu dicek ulang: terakhir_diverifikasi masih null, atau
lebih dari setahun sebelum hari ini (atau sebelum tanggal --hari-ini)."""
EXAMPLES = """\
contoh:
  python scripts/daftar.py
  python scripts/daftar.py --basi
  python scripts/daftar.py --basi --hari-ini 2025-11-02 --format csv > basi.csv
  python scripts/daftar.py --format json"""

# Fields shown as "belum terdokumentasi" on a profile when empty: what a maintainer may ask kecamatan for.
_OPTIONAL = {
    "ringkasan": lambda inv: inv.summary,
    "tahapan": lambda inv: inv.stage,
    "tahun_mulai": lambda inv: inv.start_year,
    "status": lambda inv: inv.status,
    "klasifikasi.jenis": lambda inv: inv.kind,
    "klasifikasi.bentuk": lambda inv: inv.form,
    "replikasi.masalah": lambda inv: inv.replication.problem,
    "replikasi.langkah": lambda inv: inv.replication.steps,
    "kontak": lambda inv: inv.contacts,
}


@dataclass(frozen=True)
class Row:
    id: str
    nama: str
    kecamatan: str
    kode: str
    kabupaten: str
    penghargaan: str
    status: str
    terakhir_diverifikasi: str
    basi: bool
    belum_terdokumentasi: str
    berkas: str


def a_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def is_stale(inv: Innovation, today: date) -> bool:
    """Never verified, or last verified more than a year before `today`."""
    if inv.last_verified is None:
        return True
    return date.fromisoformat(inv.last_verified) < a_year_before(today)


def row_of(inv: Innovation, today: date) -> Row:
    missing = [name for name, value in _OPTIONAL.items() if value(inv) in (None, (), "")]
    return Row(
        id=inv.slug,
        nama=inv.name,
        kecamatan=inv.kecamatan.name,
        kode=inv.kecamatan.code,
        kabupaten=inv.kabupaten.name,
        penghargaan=inv.best_award.label,
        status=inv.status or "",
        terakhir_diverifikasi=inv.last_verified or "",
        basi=is_stale(inv, today),
        belum_terdokumentasi=", ".join(missing),
        berkas=inv.source_path,
    )


def as_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(Row.__dataclass_fields__), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        cells = {**asdict(row), "basi": "ya" if row.basi else "tidak"}
        writer.writerow({key: spreadsheet_safe(str(value)) for key, value in cells.items()})
    return buffer.getvalue().rstrip("\n")


def as_json(rows: list[Row]) -> str:
    return json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2)


def as_table(rows: list[Row], today: date, stale_only: bool, total: int) -> str:
    columns = ("id", "kecamatan", "kabupaten", "penghargaan", "terakhir_diverifikasi")
    headers = ("id", "kecamatan", "kabupaten/kota", "penghargaan", "terakhir diverifikasi")
    cells = [[str(getattr(row, name)) or "belum pernah" for name in columns] for row in rows]
    widths = [max(len(text) for text in column) for column in zip(headers, *cells, strict=False)]
    lines = [
        "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        for line in [headers, *cells]
    ]
    if stale_only:
        cutoff = a_year_before(today).isoformat()
        lines.append(
            f"{len(rows)} dari {total} tulisan perlu dicek ulang "
            f"(belum pernah diverifikasi, atau terakhir diverifikasi sebelum {cutoff})."
        )
    else:
        lines.append(f"{len(rows)} tulisan.")
    return "\n".join(lines)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise SystemExit(f"daftar.py: tanggal '{text}' tidak valid; tulis YYYY-MM-DD, mis. 2025-11-02") from None


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("daftar.py", DESCRIPTION, EXAMPLES)
    parser.add_argument(
        "--basi", action="store_true", help="hanya tulisan yang belum/lebih dari setahun tidak diverifikasi"
    )
    parser.add_argument("--hari-ini", metavar="YYYY-MM-DD", help="tanggal acuan (bawaan: hari ini)")
    parser.add_argument(
        "--format", choices=("teks", "csv", "json"), default="teks", help="bentuk keluaran (bawaan: teks)"
    )
    args = parser.parse_args(argv)
    today = parse_day(args.hari_ini) if args.hari_ini else date.today()
    catalogue, problems = validate_catalogue(args.root)
    if catalogue is None:
        print("\n".join(format_problems(problems)), file=sys.stderr)
        print(
            f"daftar.py: katalog tidak valid ({summary(problems)}); perbaiki dulu, lihat scripts/validasi.py",
            file=sys.stderr,
        )
        return 1
    rows = [row_of(inv, today) for inv in catalogue.innovations]
    if args.basi:
        rows = [row for row in rows if row.basi]
    if args.format == "csv":
        print(as_csv(rows))
    elif args.format == "json":
        print(as_json(rows))
    else:
        print(as_table(rows, today, args.basi, len(catalogue.innovations)))
    return 0


if __name__ == "__main__":
    _inti.run(main)

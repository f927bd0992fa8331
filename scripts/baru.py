"""Scaffold a new write-up: innovations/<id>/index.md with every field present and the blanks marked."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

import _inti

from katalog.regions import Kecamatan, load_regions, resolve_kecamatan
from katalog.scaffold import Draft, print_still_to_fill, slug_for, slug_problem, write_draft

KODE = "35."  # every Jawa Timur code starts so; a value like this is read as a Kemendagri code
DESCRIPTION = """\
Membuat kerangka tulisan inovasi baru: innovations/<id>/index.md.

Kecamatan dicocokkan dengan data wilayah resmi dan kode Kemendagri-nya diisikan. Semua isian skema
ada di berkas; yang belum diketahui berisi null atau [], dan yang wajib diisi ditandai "# ISI: …".
Kerangka ini SENGAJA belum lolos validasi: `python scripts/validasi.py` baru lolos setelah semua
baris bertanda ISI diisi (tahun edisi SKK, bidang, ringkasan, judul sumber, dan
keempat bagian kisah). Dengan begitu tulisan kosong tidak mungkin terbit.

Argumen yang tidak diberikan ditanyakan satu per satu bila dijalankan di terminal."""
EXAMPLES = """\
contoh:
  python scripts/baru.py --kecamatan Junrejo --kabupaten "Kota Batu" --nama "Nama Program"
  python scripts/baru.py --kecamatan 35.79.03 --nama "Nama Program" --id nama-program
  python scripts/baru.py            # ditanya satu per satu"""

Ask = Callable[[str], str]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _inti.parser("baru.py", DESCRIPTION, EXAMPLES)
    parser.add_argument("--kecamatan", help="nama kecamatan (mis. Junrejo) atau kode Kemendagri (mis. 35.79.03)")
    parser.add_argument("--kabupaten", help='kabupaten/kota, mis. "Kota Batu" atau "Kabupaten Malang"')
    parser.add_argument("--nama", help="nama program inovasi seperti yang dipakai kecamatan")
    parser.add_argument("--id", help="id (nama folder) tulisan; bawaan: dibentuk dari nama program")
    return parser.parse_args(argv)


def find_kecamatan(place: str, kabupaten: str | None) -> tuple[Kecamatan | None, str]:
    regions = load_regions()
    place = place.strip()
    if place.startswith(KODE):
        return resolve_kecamatan(regions, place, None, kabupaten or None)
    return resolve_kecamatan(regions, None, place, kabupaten or None)


def _ask_until(ask: Ask, prompt: str) -> str:
    while True:
        answer = ask(prompt).strip()
        if answer:
            return answer


def _given_or_asked(value: str | None, ask: Ask | None, prompt: str) -> str | None:
    """The argument's value, else the answer on a terminal, else None."""
    if value and value.strip():
        return value.strip()
    return _ask_until(ask, prompt) if ask else None


def gather(args: argparse.Namespace, ask: Ask | None) -> tuple[Draft | None, str]:
    """The draft the arguments (or the answers) describe, or None and why not."""
    place = _given_or_asked(args.kecamatan, ask, "Kecamatan (nama atau kode Kemendagri): ")
    if place is None:
        return None, "kecamatan belum diisi; tambahkan --kecamatan NAMA (atau kode, mis. 35.79.03)"
    kabupaten = args.kabupaten
    if kabupaten is None and ask and not place.startswith(KODE):
        kabupaten = ask("Kabupaten/kota (mis. Kota Batu; kosongkan bila nama kecamatan hanya ada satu): ")
    kecamatan, message = find_kecamatan(place, kabupaten)
    while kecamatan is None and ask:
        print(f"  {message}", file=sys.stderr)
        place = _ask_until(ask, "Kecamatan (nama atau kode Kemendagri): ")
        kabupaten = "" if place.startswith(KODE) else ask("Kabupaten/kota: ")
        kecamatan, message = find_kecamatan(place, kabupaten)
    if kecamatan is None:
        return None, message
    name = _given_or_asked(args.nama, ask, "Nama program inovasi: ")
    if name is None:
        return None, 'nama program belum diisi; tambahkan --nama "Nama Program"'
    slug = (args.id or slug_for(name)).strip()
    if not slug:
        return None, f"nama '{name}' tidak menghasilkan id; tentukan sendiri dengan --id nama-program"
    return Draft(slug=slug, name=name, kecamatan=kecamatan), ""


def main(argv: list[str] | None = None, ask: Ask | None = None) -> int:
    args = parse_args(argv)
    if ask is None and sys.stdin.isatty():
        ask = input
    draft, message = gather(args, ask)
    if draft is None:
        print(f"baru.py: {message}", file=sys.stderr)
        return 2
    refused = slug_problem(draft.slug, args.root)
    if refused:
        print(f"baru.py: {refused}", file=sys.stderr)
        return 1
    file = write_draft(args.root, draft)
    rel = file.relative_to(args.root).as_posix()
    print(f"Dibuat: {rel} — Kecamatan {draft.kecamatan.label}.")
    print_still_to_fill(args.root, rel, "Yang masih perlu diisi")
    print("Setelah diisi, periksa dengan: python scripts/validasi.py")
    return 0


if __name__ == "__main__":
    _inti.run(main)

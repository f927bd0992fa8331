"""Turn an "Usulkan inovasi" issue (GitHub's rendering of the form) into a write-up folder.

GitHub renders each form answer as "### <label>", a blank line, then the answer ("_No response_" when
left empty). The labels are read from .github/ISSUE_TEMPLATE/usulkan-inovasi.yml, so the form and this
script cannot drift apart. The write-up is written by the same generator as scripts/baru.py.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import _inti
import yaml
from baru import find_kecamatan

from katalog.load import CONTENT_DIR, SCHEMA_DIR, STORY_SECTIONS
from katalog.policy import FENCE
from katalog.scaffold import Draft, print_still_to_fill, slug_for, slug_problem, write_draft
from katalog.schema import load_schemas

FORM = Path(".github") / "ISSUE_TEMPLATE" / "usulkan-inovasi.yml"
NO_RESPONSE = "_No response_"
SECTION_IDS = dict(zip(("latar", "cara", "dampak", "pemangku"), STORY_SECTIONS, strict=True))
_URL = re.compile(r"https?://[^\s<>()\"']+")
DESCRIPTION = """\
Membuat tulisan inovasi (innovations/<id>/index.md) dari isi isu formulir "Usulkan inovasi".

Isi isu dibaca dari BERKAS, atau dari masukan standar bila BERKAS adalah "-". Kerangkanya sama dengan
scripts/baru.py: jawaban formulir diisikan, yang kosong ditandai "# ISI: …". Setelah itu skrip mencetak
apa yang masih perlu diisi atau dibetulkan. Periksa setiap fakta dengan sumbernya sebelum terbit."""
EXAMPLES = """\
contoh:
  python scripts/dari_isu.py isu-12.md --nomor 12
  gh issue view 12 --json body --jq .body | python scripts/dari_isu.py - --nomor 12"""


@dataclass(frozen=True)
class Proposal:
    """What a filled-in form says, as plain values; empty answers are absent."""

    answers: dict[str, str]  # form field id -> answer text

    def get(self, field_id: str) -> str:
        return self.answers.get(field_id, "")


def form_labels(root: Path) -> dict[str, str]:
    """Form label -> field id, from the issue form itself."""
    form = yaml.safe_load((root / FORM).read_text(encoding="utf-8"))
    return {item["attributes"]["label"]: item["id"] for item in form["body"] if "id" in item}


def parse_issue(body: str, labels: dict[str, str]) -> Proposal:
    """The answers of an issue body; a "### " line that is not one of the form's labels stays text."""
    answers: dict[str, list[str]] = {}
    current: str | None = None
    for line in body.replace("\r\n", "\n").split("\n"):
        heading = line[4:].strip() if line.startswith("### ") else None
        if heading in labels:
            current = labels[heading]
            answers[current] = []
        elif current is not None:
            answers[current].append(line)
    cleaned = {field_id: _answer(lines) for field_id, lines in answers.items()}
    return Proposal({field_id: text for field_id, text in cleaned.items() if text})


def _answer(lines: list[str]) -> str:
    text = "\n".join(line for line in lines if not FENCE.match(line)).strip()
    return "" if text == NO_RESPONSE else text


def acronym(answer: str) -> tuple[str | None, str | None]:
    """ "SMART = Semangat, Mandiri, …" -> ("SMART", "Semangat, Mandiri, …"); a lone word is the acronym."""
    if not answer:
        return None, None
    parts = re.split(r"\s*([=:—–(]| - )\s*", answer.strip(), maxsplit=1)
    if len(parts) == 1:
        return answer.strip(), None
    short, _, expansion = parts
    return short.strip() or None, expansion.strip(" )") or None


def sources(answer: str) -> list[dict[str, Any]]:
    """One source a line: its title and its web address (either may be missing)."""
    found: list[dict[str, Any]] = []
    for line in answer.split("\n"):
        line = re.sub(r"^\s*(?:[-*]|\d+[.)])\s+", "", line).strip()
        if not line:
            continue
        match = _URL.search(line)
        url = match.group(0).rstrip(".,;") if match else None
        text = (line[: match.start()] + line[match.end() :]) if match else line
        title = text.strip(" \t-—–:|,;") or None
        publisher = None
        if title and " — " in title:  # "Judul — Penerbit — https://…", as the form asks
            title, publisher = (part.strip() or None for part in title.rsplit(" — ", 1))
        found.append({"id": f"S{len(found) + 1}", "judul": title, "url": url, "penerbit": publisher, "tanggal": None})
    return found


def draft_values(proposal: Proposal, schema: dict[str, Any]) -> tuple[dict[tuple, Any], list[str]]:
    """Known field values from the answers, and notes on answers that could not be used as they are."""
    values: dict[tuple, Any] = {}
    notes: list[str] = []
    properties = schema["properties"]
    short, expansion = acronym(proposal.get("akronim"))
    if short:
        values[("akronim",)] = short
    if expansion:
        values[("kepanjangan",)] = expansion
    if proposal.get("ringkasan"):
        values[("ringkasan",)] = " ".join(proposal.get("ringkasan").split())
    year = proposal.get("tahun")
    if re.fullmatch(r"\d{4}", year):
        values[("skk", 0, "tahun")] = int(year)
    elif year:
        notes.append(f"tahun penghargaan '{year}' bukan tahun (mis. 2023); isi sendiri")
    allowed = properties["klasifikasi"]["properties"]["bidang"]["items"]["enum"]
    chosen = [item.strip() for item in proposal.get("bidang").split(",") if item.strip()]
    if [item for item in chosen if item in allowed]:
        values[("klasifikasi", "bidang")] = [item for item in chosen if item in allowed]
    notes += [f"bidang '{item}' tidak dikenal dan dilewati" for item in chosen if item not in allowed]
    listed = sources(proposal.get("sumber"))
    if listed:
        values[("sumber",)] = listed
    return values, notes


def to_draft(proposal: Proposal, root: Path, slug: str | None, number: int | None) -> tuple[Draft | None, list[str]]:
    """The write-up a proposal describes, and notes for the maintainer; None when it cannot be made."""
    name = " ".join(proposal.get("nama").split())
    if not name:
        return None, ["jawaban 'Nama program inovasi' kosong; ini bukan isi formulir Usulkan inovasi?"]
    place = proposal.get("kecamatan")
    if not place:
        return None, ["jawaban 'Kecamatan' kosong"]
    kecamatan, message = find_kecamatan(place, proposal.get("kabupaten") or None)
    if kecamatan is None:
        return None, [message]
    schema = load_schemas(root / CONTENT_DIR / SCHEMA_DIR)["inovasi"]
    values, notes = draft_values(proposal, schema)
    sections = {title: proposal.get(field_id) for field_id, title in SECTION_IDS.items()}
    origin = f"isu #{number}" if number else "isu formulir Usulkan inovasi"
    note = f"Dibuat dari {origin} dengan scripts/dari_isu.py; cocokkan setiap fakta dengan sumbernya."
    chosen = slug or slug_for(name)
    return Draft(chosen, name, kecamatan, values=values, sections=sections, note=note), notes


def main(argv: list[str] | None = None) -> int:
    parser = _inti.parser("dari_isu.py", DESCRIPTION, EXAMPLES)
    parser.add_argument("berkas", metavar="BERKAS", help='berkas berisi isi isu, atau "-" untuk masukan standar')
    parser.add_argument("--nomor", type=int, help="nomor isu, dicatat di tulisan")
    parser.add_argument("--id", help="id (nama folder) tulisan; bawaan: dibentuk dari nama program")
    args = parser.parse_args(argv)
    try:
        body = sys.stdin.read() if args.berkas == "-" else Path(args.berkas).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"dari_isu.py: isi isu tidak dapat dibaca: {error}", file=sys.stderr)
        return 2
    proposal = parse_issue(body, form_labels(args.root))
    draft, notes = to_draft(proposal, args.root, args.id, args.nomor)
    if draft is None:
        print(f"dari_isu.py: {notes[0]}", file=sys.stderr)
        return 2
    refused = slug_problem(draft.slug, args.root)
    if refused:
        print(f"dari_isu.py: {refused}", file=sys.stderr)
        return 1
    rel = write_draft(args.root, draft).relative_to(args.root).as_posix()
    print(f"Dibuat: {rel} — Kecamatan {draft.kecamatan.label}.")
    for note in notes:
        print(f"Catatan: {note}")
    print_still_to_fill(args.root, rel, "Yang masih perlu diisi atau dibetulkan")
    print("Tambahkan rujukan [S1] dst. di teks, cocokkan dengan sumbernya, lalu: python scripts/validasi.py")
    return 0


if __name__ == "__main__":
    _inti.run(main)

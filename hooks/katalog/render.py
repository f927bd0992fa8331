"""Render the catalogue to Markdown pages with Jinja, so MkDocs renders, links and checks them like any page.

Every value from a write-up is data: the environment escapes each `{{ value }}` for Markdown and HTML
alike (as character references), unless the template passes trusted Markup built here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import labels, replication, urls
from .charts import bar_chart
from .facets import FACETS, UNKNOWN_ID, facet_counts, facet_values
from .model import Catalogue, CoachingRound, Innovation
from .policy import CITATION
from .regions import Kabupaten, Kecamatan
from .schemadoc import SCHEMA_FILES, field_docs, schema_summary

TEMPLATE_DIR = Path(__file__).parent / "templates"
# Characters that Markdown, attr_list or HTML could read as syntax, written as character references.
_MARKDOWN_ESCAPES = {ord(char): f"&#{ord(char)};" for char in "\\`*_{}[]<>#|~&\"'!:"}
_WHITESPACE = re.compile(r"\s+")
_UNKNOWN = Markup('<span class="kki-kosong">belum terdokumentasi</span>')
_HEADING = re.compile(r"^(#{1,4})(?=\s)", flags=re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
MATRIX_COLUMNS = (
    "Inovasi",
    "Masalah yang dijawab",
    "Bidang",
    "Kompleksitas",
    "Kelas biaya",
    "Jenis",
    "Mitra",
    "Status keberlanjutan",
    "Kit terisi",
)
CARDS_PER_GROUP = 50  # catalogue cards per list: what a phone skips at once while off screen
SORT_SCRIPT = "assets/replikasi/urut.js"
CHECK_SCRIPT = "assets/replikasi/cek.js"
CHECK_DATA_ID = "kki-data-replikasi"


@dataclass(frozen=True)
class SiteLinks:
    """Where the repository lives, for edit links; None leaves them out."""

    edit_base: str | None  # e.g. "https://github.com/owner/repo/edit/main/"

    def edit_url(self, source_path: str) -> str | None:
        return f"{self.edit_base}{source_path}" if self.edit_base else None


def escape_markdown(value: Any) -> Markup:
    """Plain text that renders as itself in Markdown and in raw HTML: one line, specials as references."""
    if isinstance(value, Markup):
        return value
    return Markup(_WHITESPACE.sub(" ", str(value)).translate(_MARKDOWN_ESCAPES))


def safe_url(url: str) -> Markup:
    """A URL that cannot end a Markdown link early or break out of an attribute."""
    return Markup(quote(url, safe=":/?#@!$&*+,;=%~-._[]"))


def anchor(prefix: str, source_id: str) -> Markup:
    return Markup(f"{prefix}-{source_id.lower()}")


def cite_text(text: str, prefix: str, target: str = "") -> Markup:
    """Escape a data value, turning its [S1] citations into links to the source list."""
    pieces: list[str] = []
    position = 0
    for match in CITATION.finditer(text):
        pieces.append(escape_markdown(text[position : match.start()]))
        pieces.append(Markup(f"[\\[{match.group(1)}\\]]({target}#{anchor(prefix, match.group(1))})"))
        position = match.end()
    pieces.append(escape_markdown(text[position:]))
    return Markup("".join(pieces).strip())


def cite_body(body: str, prefix: str, heading_shift: int = 0) -> Markup:
    """A validated Markdown body with citations linked and, when nested, headings moved down."""
    lines = []
    in_fence = False
    for line in body.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            line = CITATION.sub(lambda match: f"[\\[{match.group(1)}\\]](#{anchor(prefix, match.group(1))})", line)
            if heading_shift:
                line = _HEADING.sub(lambda match: "#" * min(6, len(match.group(1)) + heading_shift), line)
        lines.append(line)
    return Markup("\n".join(lines).strip())


def json_island(element_id: str, data: Any) -> str:
    """Data for a page's script, as a JSON block that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def or_unknown(value: Any, value_labels: dict[str, str] | None = None) -> Markup:
    """A value (through its label when given), or the "belum terdokumentasi" mark when it is missing.

    A plain function, not a Jinja macro: profiles call it a dozen times each, and macros are slow.
    """
    if value is None or value == "" or value == []:
        return _UNKNOWN
    return escape_markdown(value_labels[value] if value_labels else value)


def date_id(value: str | date | None) -> str | None:
    """A date the Indonesian way ("21 Oktober 2024"); None stays None so templates show it as unknown."""
    if value is None:
        return None
    day = value if isinstance(value, date) else date.fromisoformat(value)
    return format_date(day, "d MMMM y", locale="id")


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_markdown(str(value).strip())


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Autoescape makes macros return Markup; _finalize has already escaped every plain value.
        autoescape=True,
    )
    env.filters.update(
        # Material prints page.meta.title and .description into HTML without escaping: escape them here.
        yaml=lambda value: Markup(json.dumps(html.escape(str(value)), ensure_ascii=False)),
        json=lambda value: Markup(json.dumps(value, ensure_ascii=False, sort_keys=True)),
        url=safe_url,
        date_id=date_id,
        md_join=lambda values, separator=", ": Markup(separator).join(escape_markdown(value) for value in values),
    )
    env.globals.update(
        labels=labels,
        page=lambda item: Markup(urls.markdown_link(urls.page_of(item))),
        anchor=anchor,
        cite_text=cite_text,
        unknown=lambda: _UNKNOWN,
        or_unknown=or_unknown,
    )
    return env


def _description(text: str, limit: int = 160) -> str:
    text = " ".join(CITATION.sub("", text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def search_fields(inv: Innovation) -> dict[str, dict[str, object]]:
    """What the theme writes into a profile for Pagefind: facet filters, result metadata and sort keys."""
    best = inv.best_award
    filters: dict[str, object] = {"halaman": ["inovasi"]}
    filters |= {key: [value for value, _ in values] for key, values in facet_values(inv).items()}
    return {
        "filter": filters,
        "meta": {
            "id": inv.slug,
            "tempat": f"Kecamatan {inv.kecamatan.name}, {inv.kabupaten.name}",
            "penghargaan": f"{best.event} {best.year} · {best.rank}",
        },
        "sort": {
            "nama": inv.name.lower(),
            "tahun": str(best.year),
            "peringkat": f"{9999 - best.year}-{best.rank_position:02d}",
        },
    }


def structured_data(inv: Innovation) -> dict[str, object]:
    """schema.org JSON-LD: the innovation as a work of its kecamatan, with its award and place."""
    kabupaten = {
        "@type": "AdministrativeArea",
        "name": inv.kabupaten.name,
        "identifier": inv.kabupaten.code,
        "containedInPlace": {"@type": "AdministrativeArea", "name": "Provinsi Jawa Timur", "identifier": "35"},
    }
    kecamatan = {
        "@type": "AdministrativeArea",
        "name": f"Kecamatan {inv.kecamatan.name}",
        "identifier": inv.kecamatan.code,
        "containedInPlace": kabupaten,
    }
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": inv.name,
        "identifier": inv.slug,
        "inLanguage": "id",
        "creator": {"@type": "GovernmentOrganization", "name": f"Pemerintah Kecamatan {inv.kecamatan.name}"},
        "spatialCoverage": kecamatan,
        "award": [f"{labels.EVENT_NAMES[award.event]} {award.year}: {award.rank}" for award in inv.awards],
        "keywords": [labels.FIELD_LABELS[field] for field in inv.fields] + list(inv.tags),
        "citation": [source.url for source in inv.sources if source.url],
    }
    if inv.summary:
        data["abstract"] = inv.summary
    if inv.start_year:
        data["dateCreated"] = str(inv.start_year)
    return data


@dataclass
class Renderer:
    catalogue: Catalogue
    links: SiteLinks
    regions_credit: str
    schema_dir: Path

    def __post_init__(self) -> None:
        self.env = make_environment()
        self.rounds = {item.id: item for item in self.catalogue.rounds}

    def _render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(rounds=self.rounds, **context)

    def innovation(self, inv: Innovation) -> str:
        place = f"Kecamatan {inv.kecamatan.name}, {inv.kabupaten.name}"
        summary = inv.summary or f"Inovasi {inv.name} dari {place}."
        return self._render(
            "inovasi.md.j2",
            inv=inv,
            description=_description(f"{summary} {inv.best_award.label}, {place}."),
            story=cite_body(inv.body, "sumber"),
            coaching_bodies={
                result.round_id: cite_body(result.body, f"sumber-{result.round_id}", heading_shift=2)
                for result in inv.coaching
            },
            kit=replication.kit_parts(inv),
            completeness=replication.kit_completeness(inv),
            latest_coaching=sorted(inv.coaching, key=lambda result: self.rounds[result.round_id].start, reverse=True),
            edit_url=self.links.edit_url(inv.source_path),
            search=search_fields(inv),
            jsonld=structured_data(inv),
            edit_of=self.links.edit_url,
        )

    def _history(self, innovations: tuple[Innovation, ...]) -> list:
        return sorted(
            ((inv, result) for inv in innovations for result in inv.coaching),
            key=lambda pair: (self.rounds[pair[1].round_id].start, pair[0].name),
        )

    def kecamatan(self, kec: Kecamatan) -> str:
        innovations = self.catalogue.innovations_in(kec)
        names = ", ".join(inv.name for inv in innovations)
        return self._render(
            "kecamatan.md.j2",
            kec=kec,
            innovations=innovations,
            history=self._history(innovations),
            description=_description(f"Kecamatan {kec.name}, {kec.kabupaten.name} (kode {kec.code}): inovasi {names}."),
            regions_credit=self.regions_credit,
        )

    def kabupaten(self, kab: Kabupaten) -> str:
        innovations = self.catalogue.innovations_in(kab)
        kecamatan = sorted({inv.kecamatan for inv in innovations}, key=lambda kec: kec.code)
        return self._render(
            "kabupaten.md.j2",
            kab=kab,
            kecamatan=kecamatan,
            innovations=innovations,
            history=self._history(innovations),
            description=_description(
                f"{kab.name} (kode {kab.code}): {len(innovations)} inovasi kecamatan pemenang penghargaan di katalog."
            ),
            regions_credit=self.regions_credit,
        )

    def coaching_round(self, coaching_round: CoachingRound) -> str:
        period = f"{date_id(coaching_round.start)} – {date_id(coaching_round.end)}"
        return self._render(
            "pembinaan.md.j2",
            round=coaching_round,
            results=self.catalogue.results_of_round(coaching_round.id),
            description=_description(
                f"{coaching_round.name}, {period}, oleh {coaching_round.organiser}: "
                "tim, hasil, dan rencana tiap kunjungan."
            ),
        )

    def winners(self) -> str:
        years = sorted({award.year for inv in self.catalogue.innovations for award in inv.awards}, reverse=True)
        by_year = [
            (
                year,
                sorted(
                    ((inv, award) for inv in self.catalogue.innovations for award in inv.awards if award.year == year),
                    key=lambda pair: (pair[1].rank_position, pair[0].name),
                ),
            )
            for year in years
        ]
        return self._render("pemenang.md.j2", by_year=by_year, catalogue_url=Markup(urls.markdown_link(urls.CATALOGUE)))

    def listing(self, title: str, description: str, intro: str, headers: list[str], rows: list[list[Markup]]) -> str:
        return self._render(
            "daftar.md.j2", title=title, description=description, intro=intro, headers=headers, rows=rows
        )

    def link(self, text: str, item: Any) -> Markup:
        return Markup(f"[{escape_markdown(text)}]({urls.markdown_link(urls.page_of(item))})")

    def kecamatan_index(self) -> str:
        rows = [
            [
                self.link(kec.name, kec),
                self.link(kec.kabupaten.name, kec.kabupaten),
                escape_markdown(kec.code),
                escape_markdown(len(self.catalogue.innovations_in(kec))),
            ]
            for kec in sorted(self.catalogue.kecamatan, key=lambda kec: kec.name)
        ]
        return self.listing(
            "Kecamatan",
            "Daftar kecamatan di Jawa Timur yang inovasinya tercatat di katalog, dengan kode Kemendagri.",
            "Kecamatan yang inovasinya tercatat di katalog ini.",
            ["Kecamatan", "Kabupaten/kota", "Kode", "Jumlah inovasi"],
            rows,
        )

    def kabupaten_index(self) -> str:
        rows = [
            [
                self.link(kab.name, kab),
                escape_markdown(kab.code),
                escape_markdown(len(self.catalogue.innovations_in(kab))),
            ]
            for kab in sorted(self.catalogue.kabupaten, key=lambda kab: kab.name)
        ]
        return self.listing(
            "Kabupaten/kota",
            "Daftar kabupaten/kota di Jawa Timur yang kecamatannya punya inovasi di katalog.",
            "Kabupaten/kota yang kecamatannya punya inovasi di katalog ini.",
            ["Kabupaten/kota", "Kode", "Jumlah inovasi"],
            rows,
        )

    def rounds_index(self) -> str:
        rows = [
            [
                self.link(item.name, item),
                escape_markdown(f"{date_id(item.start)} – {date_id(item.end)}"),
                escape_markdown(item.organiser),
                escape_markdown(len(self.catalogue.results_of_round(item.id))),
            ]
            for item in sorted(self.catalogue.rounds, key=lambda item: item.start, reverse=True)
        ]
        return self.listing(
            "Pembinaan",
            "Putaran pembinaan pemenang SKK oleh Pemerintah Provinsi Jawa Timur: periode, tim, dan hasilnya.",
            "Setelah penghargaan, tim pembina mengunjungi kecamatan pemenang untuk menjaga inovasinya tetap berjalan.",
            ["Putaran", "Periode", "Penyelenggara", "Kunjungan"],
            rows,
        )

    def catalogue_page(self) -> str:
        innovations = sorted(
            self.catalogue.innovations,
            key=lambda inv: (-inv.best_award.year, inv.best_award.rank_position, inv.name.lower()),
        )
        cards = [
            {
                "inv": inv,
                "url": urls.relative_url(urls.CATALOGUE, urls.page_of(inv)),
                "facets": facet_values(inv),
            }
            for inv in innovations
        ]
        return self._render(
            "katalog.md.j2",
            innovations=innovations,
            cards=cards,
            cards_per_group=CARDS_PER_GROUP,
            unknown_id=UNKNOWN_ID,
            facets=FACETS,
            counts=facet_counts(self.catalogue.innovations),
            pagefind_url=urls.relative_url(urls.CATALOGUE, urls.SEARCH_INDEX_DIR + "index.md") + "pagefind.js",
            site_root=urls.relative_url(urls.CATALOGUE, "index.md"),
            description=_description(
                f"Cari dan saring {len(innovations)} inovasi kecamatan pemenang penghargaan di Jawa Timur "
                "menurut bidang, wilayah, tahun, peringkat, tahapan, dan status keberlanjutan."
            ),
        )

    def statistics_page(self) -> str:
        counts = facet_counts(self.catalogue.innovations)
        total = len(self.catalogue.innovations)
        charts = []
        for key, title, column in (
            ("bidang", "Menurut bidang/urusan", "Bidang/urusan"),
            ("kabupaten", "Menurut kabupaten/kota", "Kabupaten/kota"),
            ("tahun", "Menurut tahun penghargaan", "Tahun"),
            ("tahapan", "Menurut tahapan", "Tahapan"),
            ("status", "Menurut status keberlanjutan", "Status"),
        ):
            rows = [(label, count) for _, label, count in counts[key]]
            summary = "; ".join(f"{label}: {count}" for label, count in rows)
            description = f"Diagram batang jumlah inovasi {title.lower()} dari {total} inovasi. {summary}."
            chart_id = f"grafik-{key}"
            svg = bar_chart(chart_id, f"Jumlah inovasi {title.lower()}", description, rows)
            charts.append({"id": key, "title": title, "column": column, "rows": rows, "svg": svg})
        return self._render(
            "statistik.md.j2",
            charts=charts,
            total=total,
            description=_description(
                f"Jumlah {total} inovasi kecamatan di katalog menurut bidang, kabupaten/kota, tahun, tahapan, "
                "dan status keberlanjutan, dalam grafik dan tabel."
            ),
        )

    def data_page(self) -> str:
        names = tuple(SCHEMA_FILES)
        return self._render(
            "data.md.j2",
            schema_names=names,
            schema_files=SCHEMA_FILES,
            schema_titles={name: schema_summary(self.schema_dir, name)[0] for name in names},
            schema_fields={name: field_docs(self.schema_dir, name) for name in names},
            regions_credit=self.regions_credit,
            description=_description(
                "Unduh katalog inovasi kecamatan Jawa Timur sebagai JSON dan CSV, beserta JSON Schema, "
                "rujukan isian, dan lisensinya."
            ),
        )

    def matrix(self) -> str:
        rows = []
        for inv in self.catalogue.innovations:
            filled, parts = replication.kit_completeness(inv)
            problem = inv.replication.problem
            kinds = [labels.PARTNER_KIND_LABELS[kind] for kind in inv.replication.partner_kinds]
            rows.append(
                {
                    "inv": inv,
                    "url": urls.relative_url(urls.MATRIX_PAGE, urls.page_of(inv)),
                    "kit": urls.relative_url(urls.MATRIX_PAGE, urls.page_of(inv)) + "#replikasi",
                    "problem": " ".join(CITATION.sub("", problem).split()) if problem else None,
                    "partners": [*kinds, *inv.replication.partners],
                    "filled": filled,
                    "parts": parts,
                }
            )
        return self._render(
            "matriks.md.j2",
            rows=rows,
            columns=MATRIX_COLUMNS,
            levels=replication.LEVELS,
            statuses=tuple(labels.STATUS_LABELS),
            description=(
                "Matriks inovasi kecamatan pemenang SKK Jawa Timur: masalah, bidang, kompleksitas, kelas biaya, "
                "jenis, mitra, dan status keberlanjutan, untuk kecamatan yang ingin meniru."
            ),
        )

    def readiness_check(self) -> str:
        return self._render(
            "cek-kesiapan.md.j2",
            fields=replication.fields_in_use(self.catalogue),
            readiness=replication.READINESS_ITEMS,
            steps=replication.METHOD_STEPS,
            description=(
                "Cek kesiapan replikasi: jawab beberapa pertanyaan, dapatkan inovasi yang cocok beserta alasannya, "
                "dan cetak rencananya. Jawaban hanya diolah di peramban Anda."
            ),
        )

    def islands(self) -> dict[str, str]:
        """Trusted HTML appended to a generated page after sanitising: its scripts and their data."""
        sort_script = urls.asset_url(urls.MATRIX_PAGE, SORT_SCRIPT)
        check_script = urls.asset_url(urls.CHECK_PAGE, CHECK_SCRIPT)
        data = json_island(CHECK_DATA_ID, replication.check_data(self.catalogue, urls.CHECK_PAGE))
        return {
            urls.MATRIX_PAGE: f'<script type="module" src="{sort_script}"></script>',
            urls.CHECK_PAGE: f'{data}<script type="module" src="{check_script}"></script>',
        }

    def page_jobs(self) -> list[tuple[str, Callable[[], str]]]:
        """Every generated page as (its path in the site, as MkDocs' File has it; how to render it).

        Longest renders first: katalog.background hands pages over in this order, so the worker renders the
        big list pages while MkDocs is still busy with the hand-written ones.
        """
        jobs: list[tuple[str, Callable[[], str]]] = [
            (urls.MATRIX_PAGE, self.matrix),
            (urls.CATALOGUE, self.catalogue_page),
            (urls.KECAMATAN_INDEX, self.kecamatan_index),
            (urls.KABUPATEN_INDEX, self.kabupaten_index),
            (urls.ROUNDS_INDEX, self.rounds_index),
            (urls.STATISTICS, self.statistics_page),
            (urls.DATA, self.data_page),
            (urls.CHECK_PAGE, self.readiness_check),
        ]
        jobs += [(urls.page_of(item), partial(self.coaching_round, item)) for item in self.catalogue.rounds]
        jobs += [(urls.page_of(kab), partial(self.kabupaten, kab)) for kab in self.catalogue.kabupaten]
        jobs += [(urls.page_of(kec), partial(self.kecamatan, kec)) for kec in self.catalogue.kecamatan]
        jobs += [(urls.page_of(inv), partial(self.innovation, inv)) for inv in self.catalogue.innovations]
        return jobs

    def pages(self) -> dict[str, str]:
        """Every generated page, keyed by its path in the site."""
        return {path: render() for path, render in self.page_jobs()}

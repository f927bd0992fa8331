"""Every generated page as one record: its path, its template, its data, and what else it needs.

`generated_pages` is the registry. Adding a page type means one template in katalog/templates/ and one
entry here; the build plan (page order, edit buttons, sanitising) and the hooks follow from the records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import gaps, labels, replication, tilemap, urls
from .facets import facet_counts, facet_values, facets_with_choice
from .markup import cite_body, without_citations
from .memo import remembered
from .model import Catalogue, CoachingResult, CoachingRound, Edition, Innovation
from .regions import Kabupaten, Kecamatan, load_regions
from .schemadoc import SCHEMA_FILES, field_docs, schema_summary

Context = dict[str, Any]


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # in the docs tree, as MkDocs' File has it: "inovasi/x/index.md"
    template: str  # in katalog/templates/; it holds the page's words, scripts and JSON blocks
    context: Callable[[], Context]  # the template's data, built only when the page is rendered
    source: str | None = None  # the repository file its edit button opens; None: no button
    contributor_markdown: bool = False  # renders a write-up's own Markdown, so its HTML is sanitised
    scripts: tuple[str, ...] = ()  # site assets the template loads (see the scripts macro)


def generated_pages(catalogue: Catalogue, schema_dir: Path) -> tuple[GeneratedPage, ...]:
    """The registry, in render order: the long list and tool pages first, so the worker renders them
    while MkDocs is still busy with the hand-written pages."""
    ordered = catalogue_order(catalogue)
    page_count = max(1, -(-len(ordered) // CARDS_PER_PAGE))
    lists_and_tools = [
        GeneratedPage(urls.MATRIX_PAGE, "matriks.md.j2", partial(_matrix, catalogue), scripts=(urls.SORT_SCRIPT,)),
        GeneratedPage(
            urls.CATALOGUE,
            "katalog.md.j2",
            partial(_catalogue, catalogue, ordered[:CARDS_PER_PAGE], page_count),
            scripts=(urls.CATALOGUE_SCRIPT,),
        ),
        *(
            GeneratedPage(
                urls.catalogue_page(number),
                "katalog-halaman.md.j2",
                partial(_catalogue_page, ordered, number, page_count),
            )
            for number in range(2, page_count + 1)
        ),
        GeneratedPage(urls.KECAMATAN_INDEX, "kecamatan-daftar.md.j2", dict),
        GeneratedPage(urls.KABUPATEN_INDEX, "kabupaten-daftar.md.j2", dict),
        GeneratedPage(urls.ROUNDS_INDEX, "pembinaan-daftar.md.j2", dict),
        GeneratedPage(urls.SKK_INDEX, "skk-daftar.md.j2", partial(_skk_history, catalogue)),
        GeneratedPage(urls.STATISTICS, "statistik.md.j2", partial(_statistics, catalogue)),
        GeneratedPage(urls.DATA, "data.md.j2", partial(_data, schema_dir)),
        GeneratedPage(
            urls.READINESS_PAGE, "cek-kesiapan.md.j2", partial(_readiness, catalogue), scripts=(urls.READINESS_SCRIPT,)
        ),
    ]
    rounds = [
        GeneratedPage(urls.page_of(item), "pembinaan.md.j2", partial(_round, catalogue, item), item.source_path)
        for item in catalogue.rounds
    ]
    editions = [
        GeneratedPage(urls.page_of(item), "skk-edisi.md.j2", partial(_edition, catalogue, item), item.source_path)
        for item in catalogue.editions
    ]
    places = [
        GeneratedPage(urls.page_of(kab), "kabupaten.md.j2", partial(_kabupaten, catalogue, kab))
        for kab in catalogue.kabupaten
    ]
    places += [
        GeneratedPage(urls.page_of(kec), "kecamatan.md.j2", partial(_kecamatan, catalogue, kec))
        for kec in catalogue.kecamatan
    ]
    profiles = [
        GeneratedPage(
            urls.page_of(inv),
            "inovasi.md.j2",
            partial(_profile, catalogue, inv),
            source=inv.source_path,
            contributor_markdown=True,
        )
        for inv in catalogue.innovations
    ]
    questionnaires = [
        GeneratedPage(urls.questionnaire_page(inv), "kuesioner.md.j2", partial(_questionnaire, inv))
        for inv in catalogue.innovations
    ]
    return (*lists_and_tools, *rounds, *editions, *places, *profiles, *questionnaires)


def winners_context(catalogue: Catalogue) -> Context:
    """The home page's table (pemenang.md.j2): the newest edition's ranking, and the way to the history."""
    newest = next((edition for edition in reversed(catalogue.editions) if edition.found), None)
    return {
        "edition": newest,
        "rows": [(row, catalogue.presented(row)) for row in newest.rows] if newest else [],
        "history_url": urls.markdown_link(urls.SKK_INDEX),
    }


def about_context(
    catalogue: Catalogue, address: urls.SiteAddress, content_dir: str, last_change: date | None
) -> Context:
    """The generated part of "Tentang katalog" (tentang.md.j2): where to reach the maintainers, and the
    dates the data itself gives: its last change in the repository and its write-ups' re-checks."""
    verified = sorted(inv.last_verified for inv in catalogue.innovations if inv.last_verified)
    return {
        "repo_url": address.repo_url,
        "issues_url": address.issues_url,
        "last_change": last_change,
        "content_dir": content_dir,
        "write_ups": len(catalogue.innovations),
        "verified": len(verified),
        "newest_verified": verified[-1] if verified else None,
        "regions": load_regions().source,
    }


FIRST_YEAR = 2011  # the first edition the stored sources cover; years from here on are listed, found or not


def _skk_history(catalogue: Catalogue) -> Context:
    by_year = {item.year: item for item in catalogue.editions}
    last = max([FIRST_YEAR, *by_year])
    first = min([FIRST_YEAR, *by_year])
    with_page = {kab.code for kab in catalogue.kabupaten}
    counts = {code: 0 for code in tilemap.GRID}
    for row in catalogue.rows:
        counts[row.kabupaten.code] += 1
    official = {kab.code: kab for kab in load_regions().kabupaten}  # a tile for every kab/kota, placed or not
    tiles = [
        tilemap.Tile(
            code,
            official[code].name,
            counts[code],
            urls.relative_url(
                urls.SKK_INDEX, urls.page_of(official[code]) if code in with_page else urls.KABUPATEN_INDEX
            ),
        )
        for code in sorted(tilemap.GRID)
    ]
    title = "Peta petak kabupaten/kota Jawa Timur"
    placed = sum(1 for tile in tiles if tile.count)
    description = (
        f"38 petak, satu per kabupaten/kota, diwarnai menurut berapa kali kecamatannya masuk peringkat SKK; "
        f"{placed} kabupaten/kota pernah masuk peringkat. Angka yang sama ada di tabel sesudah peta."
    )
    return {
        "years": [(year, by_year.get(year)) for year in range(last, first - 1, -1)],
        "first_year": first,
        "last_year": last,
        "editions": catalogue.editions,
        "tile_svg": Markup(tilemap.svg(tiles, title, description)),
        "legend": tilemap.legend(),
        "tiles": [(tile, tile.code in with_page) for tile in sorted(tiles, key=lambda item: (-item.count, item.code))],
        "page_of_kab": {kab.code: Markup(urls.markdown_link(urls.page_of(kab))) for kab in catalogue.kabupaten},
    }


def _edition(catalogue: Catalogue, edition: Edition) -> Context:
    return {
        "edition": edition,
        "rows": [(row, catalogue.presented(row)) for row in edition.rows],
        "history": Markup(urls.markdown_link(urls.SKK_INDEX)),
    }


# Each page's data. Plain data only: the words around it live in the templates.


def _profile(catalogue: Catalogue, inv: Innovation) -> Context:
    return {
        "inv": inv,
        "story": cite_body(inv.body, "sumber", reported=inv.self_reported_ids),
        "coaching_bodies": {
            result.round_id: cite_body(
                result.body,
                f"sumber-{result.round_id}",
                heading_shift=2,
                reported=frozenset(source.id for source in result.sources if source.self_reported),
            )
            for result in inv.coaching
        },
        "kit": replication.kit_parts(inv),
        "kit_anchors": replication.KIT_ANCHORS,
        "completeness": replication.kit_completeness(inv),
        "gaps": {question.field: question for question in gaps.open_questions(inv)},
        "search": search_fields(inv),
        "jsonld": structured_data(inv),
    }


def _questionnaire(inv: Innovation) -> Context:
    return {"inv": inv, "questions": gaps.open_questions(inv)}


def _coaching_history(
    catalogue: Catalogue, innovations: tuple[Innovation, ...]
) -> list[tuple[Innovation, CoachingResult]]:
    rounds = {item.id: item for item in catalogue.rounds}
    return sorted(
        ((inv, result) for inv in innovations for result in inv.coaching),
        key=lambda pair: (rounds[pair[1].round_id].start, pair[0].name),
    )


def _kecamatan(catalogue: Catalogue, kec: Kecamatan) -> Context:
    innovations = catalogue.innovations_in(kec)
    return {
        "kec": kec,
        "innovations": innovations,
        "history": _coaching_history(catalogue, innovations),
        "skk": [(row, catalogue.presented(row)) for row in catalogue.rows_in(kec)],
    }


def _kabupaten(catalogue: Catalogue, kab: Kabupaten) -> Context:
    innovations = catalogue.innovations_in(kab)
    return {
        "kab": kab,
        "innovations": innovations,
        "kecamatan": sorted({inv.kecamatan for inv in innovations}, key=lambda kec: kec.code),
        "history": _coaching_history(catalogue, innovations),
        "skk": [(row, catalogue.presented(row)) for row in catalogue.rows_in(kab)],
        "other_awards": [
            (edition, award)
            for edition in catalogue.editions
            for award in edition.other_awards
            if award.kabupaten == kab
        ],
    }


def _round(catalogue: Catalogue, coaching_round: CoachingRound) -> Context:
    return {"round": coaching_round, "results": catalogue.results_of_round(coaching_round.id)}


# The catalogue at any size: /katalog/ shows the first CARDS_PER_PAGE cards with the search and filters; every
# further card sits on a static list page (/katalog/halaman/2/, ...) linked from every list page, so each
# innovation is reachable without JavaScript while the first view stays small. With JavaScript, filters, sorting
# and text queries run over the whole catalogue through the search index (katalog.js).
CARDS_PER_PAGE = 50


def catalogue_order(catalogue: Catalogue) -> tuple[Innovation, ...]:
    """The catalogue's reading order: newest award year, then rank, then name (search.py's sort key too)."""
    return tuple(sorted(catalogue.innovations, key=_reading_order))


def _reading_order(inv: Innovation) -> tuple[int, int, str]:
    return (-inv.best_award.year, inv.best_award.rank_position, inv.name.lower())


def card_text(inv: Innovation) -> dict[str, str]:
    """What a catalogue card says, as plain text: the cards rendered at build time and the cards the catalogue
    script draws from search results (through the profile's search metadata) read the same fields.
    Computed once per innovation object (katalog.memo)."""
    return remembered("kartu", inv, partial(_card_text, inv))


def _card_text(inv: Innovation) -> dict[str, str]:
    best = inv.best_award
    facets = facet_values(inv)
    sectors = ", ".join(label for _, label in facets["bidang"])
    return {
        "nama": inv.name,
        "baris": f"Kecamatan {inv.kecamatan.name} · {inv.kabupaten.name} · {best.event} {best.year} · {best.rank}",
        "ringkasan": without_citations(inv.summary) if inv.summary else "",
        "label": f"Bidang: {sectors} · Status: {facets['status'][0][1]}",
    }


def _cards(innovations: tuple[Innovation, ...], here: str) -> list[Context]:
    return [
        {"slug": inv.slug, "url": urls.relative_url(here, urls.page_of(inv)), "text": card_text(inv)}
        for inv in innovations
    ]


def _pager(here: str, number: int, page_count: int) -> Context:
    """The links between the catalogue's list pages: previous, next, and every page by number."""
    links = [urls.relative_url(here, urls.catalogue_page(other)) for other in range(1, page_count + 1)]
    return {
        "number": number,
        "count": page_count,
        "links": links,
        "previous": links[number - 2] if number > 1 else None,
        "next": links[number] if number < page_count else None,
    }


def _catalogue_page(ordered: tuple[Innovation, ...], number: int, page_count: int) -> Context:
    here = urls.catalogue_page(number)
    first = (number - 1) * CARDS_PER_PAGE
    return {
        "cards": _cards(ordered[first : first + CARDS_PER_PAGE], here),
        "first": first + 1,
        "total": len(ordered),
        "pager": _pager(here, number, page_count),
        "catalogue": Markup(urls.markdown_link(urls.CATALOGUE)),
    }


def _catalogue(catalogue: Catalogue, first_page: tuple[Innovation, ...], page_count: int) -> Context:
    counts = facet_counts(catalogue.innovations)
    return {
        "cards": _cards(first_page, urls.CATALOGUE),
        "total": len(catalogue.innovations),
        "pager": _pager(urls.CATALOGUE, 1, page_count),
        "facets": facets_with_choice(counts),
        "counts": counts,
        "pagefind_url": urls.search_index_url(urls.CATALOGUE),
        "page_type": (urls.PAGE_TYPE_FILTER, urls.OTHER_PAGE_TYPE),
        "profile_marker": urls.PROFILE_MARKER,
        "site_root": urls.relative_url(urls.CATALOGUE, urls.HOME),
        "history": Markup(urls.markdown_link(urls.SKK_INDEX)),
        "contribute": urls.relative_url(urls.CATALOGUE, urls.CONTRIBUTE_PAGE),
    }


def _statistics(catalogue: Catalogue) -> Context:
    counts = facet_counts(catalogue.innovations)
    return {
        "editions": [(edition, len(edition.rows)) for edition in catalogue.editions],
        "placed_kecamatan": len({row.kecamatan for row in catalogue.rows if row.kecamatan}),
        "total": len(catalogue.innovations),
        "counts": {key: [(label, count) for _, label, count in values] for key, values in counts.items()},
    }


def _data(schema_dir: Path) -> Context:
    names = tuple(SCHEMA_FILES)
    return {
        "schema_names": names,
        "schema_files": SCHEMA_FILES,
        "schema_titles": {name: schema_summary(schema_dir, name)[0] for name in names},
        "schema_fields": {name: field_docs(schema_dir, name) for name in names},
    }


def _matrix(catalogue: Catalogue) -> Context:
    rows = []
    for inv in catalogue.innovations:
        filled, parts = replication.kit_completeness(inv)
        problem = inv.replication.problem
        kinds = [labels.PARTNER_KIND_LABELS[kind] for kind in inv.replication.partner_kinds]
        url = urls.relative_url(urls.MATRIX_PAGE, urls.page_of(inv))
        rows.append(
            {
                "inv": inv,
                "url": url,
                "kit": url + "#replikasi",
                "problem": without_citations(problem) if problem else None,
                # one cell: the partners without their [S1] markers (the profile cites them) or end stops
                "partners": [*kinds, *(without_citations(partner).rstrip(".") for partner in inv.replication.partners)],
                "filled": filled,
                "parts": parts,
                "levels": replication.LEVELS,
            }
        )
    return {"rows": rows}


def _readiness(catalogue: Catalogue) -> Context:
    return {
        "sectors": replication.sectors_in_use(catalogue),
        "readiness": replication.READINESS_ITEMS,
        "steps": replication.METHOD_STEPS,
        "readiness_data": replication.readiness_data(catalogue, urls.READINESS_PAGE),
        "origins": [(inv, replication.origin_labels(inv)) for inv in catalogue.innovations],
    }


def search_fields(inv: Innovation) -> dict[str, object]:
    """What the theme writes into a profile for Pagefind: facet filters, the profile marker (urls.PROFILE_MARKER)
    and result metadata, the catalogue's order keys among them (katalog.search.write_orders turns those into the
    order file)."""
    best = inv.best_award
    orders = {
        "nama": inv.name.lower(),
        # The catalogue's reading order (catalogue_order) as one string: year, rank, then name.
        urls.READING_ORDER: f"{9999 - best.year}-{best.rank_position:02d}-{inv.name.lower()}",
    }
    return {
        "filter": {key: [value for value, _ in values] for key, values in facet_values(inv).items()},
        "marker": urls.PROFILE_MARKER,
        # The card the catalogue draws from a result: the same words as the cards rendered at build time.
        "meta": {
            "id": inv.slug,
            **card_text(inv),
            **{urls.ORDER_META_PREFIX + name: key for name, key in orders.items()},
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
        "award": [f"{labels.EVENT_NAMES[award.event]} {award.year}: {award.rank}" for award in inv.awards]
        + [item.name for item in inv.other_recognitions],
        "keywords": [labels.SECTOR_LABELS[sector] for sector in inv.sectors] + list(inv.tags),
        "citation": [source.url for source in inv.sources if source.url],
    }
    names = ([inv.acronym] if inv.acronym and inv.acronym != inv.name else []) + [
        other.name for other in inv.other_names
    ]
    if names:
        data["alternateName"] = names
    if inv.summary:
        data["abstract"] = without_citations(inv.summary)
    if inv.start_year:
        data["dateCreated"] = str(inv.start_year)
    return data

"""Render generated pages to Markdown with Jinja, so MkDocs renders, links and checks them like any page.

Every value from a write-up is data: the environment escapes each `{{ value }}` for Markdown and HTML
alike (as character references), unless the template passes trusted Markup (see katalog.markup).
What each page is, and the data it gets, is in katalog.pages; its words are in its template.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import labels, urls
from .charts import bar_chart
from .markup import (
    anchor,
    cite_text,
    description,
    escape_markdown,
    fact_marks,
    json_island,
    or_unknown,
    safe_url,
    source_marks,
    sourced,
    unknown,
    without_citations,
)
from .memo import remembered
from .model import Catalogue
from .pages import GeneratedPage
from .policy import date_id

TEMPLATE_DIR = Path(__file__).parent / "templates"


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return escape_markdown(str(value).strip())


def make_environment(bytecode_cache: BytecodeCache | None = None) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        bytecode_cache=bytecode_cache,
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
        json_island=lambda value, element_id: json_island(element_id, value),
        url=safe_url,
        date_id=date_id,
        without_citations=without_citations,
        description=description,
        md_join=lambda values, separator=", ": Markup(separator).join(escape_markdown(value) for value in values),
    )
    env.globals.update(
        labels=labels,
        page=lambda item: Markup(urls.markdown_link(urls.page_of(item))),
        edition_page=lambda year: Markup(urls.markdown_link(urls.edition_page(year))),
        asset_url=urls.asset_url,
        anchor=anchor,
        bar_chart=bar_chart,
        cite_text=cite_text,
        unknown=unknown,
        or_unknown=or_unknown,
        sourced=sourced,
        fact_marks=fact_marks,
        source_marks=source_marks,
        attachment_link=lambda inv, name: Markup(urls.markdown_link(urls.attachment_path(inv, name))),
        questionnaire_page=lambda inv: Markup(urls.markdown_link(urls.questionnaire_page(inv))),
    )
    return env


class Renderer:
    """The Jinja environment of one build, with what every template may use: the catalogue, its
    coaching rounds by id, edit links, and the region data's credit line.

    template_cache: a folder for compiled templates, so the rebuilds of `mkdocs serve` compile them once.
    """

    def __init__(
        self, catalogue: Catalogue, address: urls.SiteAddress, regions_credit: str, template_cache: Path | None = None
    ) -> None:
        self.env = make_environment(FileSystemBytecodeCache(str(template_cache)) if template_cache else None)
        self.env.globals.update(
            catalogue=catalogue,
            rounds={item.id: item for item in catalogue.rounds},
            edit_url_of=address.edit_url,
            completion_url_of=address.completion_url,
            completion_form_url=address.issue_form_url(urls.COMPLETION_FORM),
            regions_credit=regions_credit,
            row_of=self.row_of,
        )
        self._row_keys: dict[str, str] = {}

    def row_of(self, template: str, row: Mapping[str, Any]) -> Markup:
        """One innovation's row of a list page from its own template, rendered once per innovation object
        (katalog.memo): a `mkdocs serve` rebuild renders again only the rows of edited write-ups. Every value
        in `row` must come from row["inv"] alone."""
        inv = row["inv"]
        return remembered(self._row_key(template), inv, lambda: Markup(self.render(template, {"row": row})))

    def _row_key(self, template: str) -> str:
        """The template's name and a digest of its text: rows remembered from before a template was edited
        (while `mkdocs serve` runs) are not reused."""
        if template not in self._row_keys:
            source, _, _ = self.env.loader.get_source(self.env, template)  # type: ignore[union-attr]
            self._row_keys[template] = f"{template}:{hashlib.blake2b(source.encode(), digest_size=8).hexdigest()}"
        return self._row_keys[template]

    def render(self, template: str, context: Mapping[str, Any]) -> str:
        return self.env.get_template(template).render(context)

    def render_page(self, page: GeneratedPage) -> str:
        return self.render(page.template, {"here": page.path, "scripts": page.scripts, **page.context()})

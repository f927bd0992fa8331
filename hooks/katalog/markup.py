"""Data as safe Markdown: every value from a write-up renders as itself, never as markup.

Values become character references for whatever Markdown, attr_list or HTML could read as syntax;
citations ([S1]) become links to the source list; JSON for a page's script cannot close its block.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from .policy import CITATION, FENCE

# Characters that Markdown, attr_list or HTML could read as syntax, written as character references.
_MARKDOWN_ESCAPES = {ord(char): f"&#{ord(char)};" for char in "\\`*_{}[]<>#|~&\"'!:"}
_WHITESPACE = re.compile(r"\s+")
_UNKNOWN = Markup('<span class="kki-kosong">belum terdokumentasi</span>')
_HEADING = re.compile(r"^(#{1,4})(?=\s)", flags=re.MULTILINE)


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


def cite_text(text: str, prefix: str, target: str = "", reported: frozenset[str] = frozenset()) -> Markup:
    """Escape a data value, turning its [S1] citations into links to the source list; a group of citations
    that names only the kecamatan's own answers (`reported`) is marked "dilaporkan kecamatan"."""
    pieces: list[str] = []
    position = 0
    for match in _CITATION_RUN.finditer(text):
        pieces.append(escape_markdown(text[position : match.start()]))
        pieces.append(_linked_citations(match.group(0), prefix, target, reported))
        position = match.end()
    pieces.append(escape_markdown(text[position:]))
    return Markup("".join(pieces).strip())


def cite_body(body: str, prefix: str, heading_shift: int = 0, reported: frozenset[str] = frozenset()) -> Markup:
    """A validated Markdown body with citations linked (and marked as in cite_text) and, when nested,
    headings moved down."""
    lines = []
    in_fence = False
    for line in body.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            line = _CITATION_RUN.sub(lambda match: _linked_citations(match.group(0), prefix, "", reported), line)
            if heading_shift:
                line = _HEADING.sub(lambda match: "#" * min(6, len(match.group(1)) + heading_shift), line)
        lines.append(line)
    return Markup("\n".join(lines).strip())


# Citations side by side ("[S2] [S5]"): together they say where one statement comes from.
_CITATION_RUN = re.compile(rf"{CITATION.pattern}(?:[ \t]*{CITATION.pattern})*")


def _linked_citations(run: str, prefix: str, target: str, reported: frozenset[str]) -> str:
    linked = CITATION.sub(lambda match: f"[\\[{match.group(1)}\\]]({target}#{anchor(prefix, match.group(1))})", run)
    return linked + reported_mark(CITATION.findall(run), reported)


_CITATION_WITH_SPACE = re.compile(r"\s*" + CITATION.pattern)  # "Poteran [S2]." -> "Poteran."


def without_citations(text: str) -> str:
    """One line of text with its [S1] markers removed (for descriptions and table cells)."""
    return " ".join(_CITATION_WITH_SPACE.sub("", text).split())


def description(text: str, limit: int = 160) -> str:
    """A page's meta description: no citations, at most `limit` characters, cut at a word."""
    text = without_citations(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def json_island(element_id: str, data: Any) -> Markup:
    """Data for a page's script, as a JSON block that no value can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="{element_id}">{text}</script>')


def unknown() -> Markup:
    return _UNKNOWN


def or_unknown(value: Any, value_labels: dict[str, str] | None = None) -> Markup:
    """A value (through its label when given), or the "belum terdokumentasi" mark when it is missing.

    A plain function, not a Jinja macro: profiles call it a dozen times each, and macros are slow.
    """
    if value is None or value == "" or value == []:
        return _UNKNOWN
    return escape_markdown(value_labels[value] if value_labels else value)


EDITORIAL_MARK = Markup(" · *klasifikasi redaksi*")
# Beside a fact whose only sources are the kecamatan's own written answers (model.KECAMATAN_ANSWER).
REPORTED_MARK = Markup(' · <span class="kki-dilaporkan">dilaporkan kecamatan</span>')


def reported_mark(source_ids: tuple[str, ...] | list[str], reported: frozenset[str]) -> Markup:
    """The "reported by the kecamatan" mark, when every source of a fact is the kecamatan's own answer."""
    return REPORTED_MARK if source_ids and set(source_ids) <= reported else Markup("")


def source_marks(source_ids: tuple[str, ...], prefix: str = "sumber") -> Markup:
    """Linked [S1] markers for a value a source states, pointing at the source list."""
    return Markup("".join(f" [\\[{source_id}\\]](#{anchor(prefix, source_id)})" for source_id in source_ids))


def sourced(
    fact: Any, value: Any, value_labels: dict[str, str] | None = None, reported: frozenset[str] = frozenset()
) -> Markup:
    """A fact-box value with where it comes from: its source markers, the editors' mark, or, where the
    sources disagree, "sumber berbeda:" with every value and its markers. `fact` is (reference, conflict)."""
    conflict = fact[1]
    if conflict is not None:
        values = [
            or_unknown(item.value if value_labels is None else str(item.value), value_labels)
            + source_marks(item.source_ids)
            for item in conflict.alternatives
        ]
        return Markup("sumber berbeda: ") + Markup("; ").join(values)
    shown = or_unknown(value, value_labels)
    if value is None or value == "" or value == []:
        return shown
    return shown + fact_marks(fact, reported)


def fact_marks(fact: Any, reported: frozenset[str] = frozenset()) -> Markup:
    """Only the markers of a (reference, conflict) pair: source links, or the editors' mark; and the
    kecamatan's mark when its own answers are the only sources."""
    reference = fact[0]
    if reference is None:
        return Markup("")
    if reference.editorial:
        return EDITORIAL_MARK
    return source_marks(reference.source_ids) + reported_mark(reference.source_ids, reported)

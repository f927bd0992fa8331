"""Links from write-ups to a place on a page ("#replikasi", "../x/index.md#sumber-s1") must name an id the page
really has: MkDocs checks them (validation.links.anchors: warn, strict) and would fail the build in English,
naming the generated page. The ids are read from the very Markdown the build hands MkDocs, converted with the
site's own extensions, so the validator knows no anchor rule of its own.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import unquote

import markdown

from .policy import PageLink
from .problems import Problem, show

# The Markdown extensions of mkdocs.yml that make ids: headings (toc), "{ #id }" (attr_list), <div markdown>.
EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc")
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def ids_in(markdown_text: str) -> frozenset[str]:
    html = markdown.markdown(_FRONT_MATTER.sub("", markdown_text), extensions=list(EXTENSIONS))
    return frozenset(_ID.findall(html))


def anchor_problems(
    links: list[PageLink],
    page_of_source: dict[str, str],
    markdown_of: Callable[[str], str | None],
) -> list[Problem]:
    """`page_of_source`: source file -> the page it is shown on; `markdown_of`: page path -> its Markdown."""
    ids = cache(lambda page: ids_in(text) if (text := markdown_of(page)) is not None else None)
    problems = []
    for link in links:
        page_part, _, fragment = link.url.partition("#")
        own_page = page_of_source.get(link.path)
        if not fragment or own_page is None:
            continue
        target = _target_page(page_part, own_page)
        found = ids(target)
        if found is None or unquote(fragment) in found:
            continue
        names = [f"#{name}" for name in sorted(found)]
        choices = ", ".join(names[:12]) + (", …" if len(names) > 12 else "") if names else "belum ada"
        message = (
            f"tautan {show(link.url)}: halaman itu tidak punya penanda {show('#' + fragment)}; "
            f"penanda yang ada: {choices}"
        )
        problems.append(Problem(link.path, link.line, "", message))
    return problems


def _target_page(page_part: str, own_page: str) -> str:
    """The page a link points at, as MkDocs resolves it: from the docs root, or from the linking page."""
    target = unquote(page_part.split("?", 1)[0])
    if not target:
        return own_page
    if target.startswith("/"):
        return target.lstrip("/")
    # innovations/<id>/ is served as inovasi/<id>/: a relative link resolves the same from either.
    return posixpath.normpath(posixpath.join(posixpath.dirname(own_page), target))


def docs_markdown(docs: Path) -> Callable[[str], str | None]:
    """A hand-written page's Markdown by its path under docs/, or None."""

    def read(page: str) -> str | None:
        file = docs / page
        if file.suffix != ".md" or not file.is_file() or file.is_symlink():
            return None
        return file.read_text(encoding="utf-8")

    return read

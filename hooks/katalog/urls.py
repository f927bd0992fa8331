"""The one place that knows where things live in the site: pages, assets, edit links, published addresses.

Markdown links use the page's path from the docs root ("/inovasi/x/index.md"): MkDocs checks them
(validation.links.absolute_links: relative_to_docs) and rewrites them relative to the linking page.
Raw HTML links, which MkDocs does not check, are built with `relative_url` from the same paths.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlencode, urljoin

from .model import CoachingRound, Edition, Innovation
from .regions import Kabupaten, Kecamatan

HOME = "index.md"  # hand-written, in docs/
KECAMATAN_INDEX = "kecamatan/index.md"
KABUPATEN_INDEX = "kabupaten/index.md"
ROUNDS_INDEX = "pembinaan/index.md"
CATALOGUE = "katalog/index.md"
STATISTICS = "statistik/index.md"
DATA = "data/index.md"
SKK_INDEX = "skk/index.md"  # the history of SKK editions
SEARCH_INDEX_DIR = "pagefind/"
# The catalogue's orders, beside Pagefind's files (katalog.search.write_orders), and the metadata keys they
# come from: "urut-nama" holds a profile's key in the order "nama". The reading order lists page ids, the
# others positions in it.
ORDER_FILE = "urutan.json"
ORDER_META_PREFIX = "urut-"
READING_ORDER = "peringkat"
# One hidden word in every profile (overrides/main.html), which the catalogue searches for when a view has
# filters but no query. Pagefind answers a search for nothing by loading every index chunk: 2.3 MB at 5,000
# innovations, where this word's chunk is under 1 KB.
PROFILE_MARKER = "kkiprofil"
GUIDE_PAGE = "replikasi/index.md"  # hand-written, in docs/
CONTRIBUTE_PAGE = "kontribusi.md"  # hand-written, in docs/: how to propose an innovation
MATRIX_PAGE = "replikasi/matriks/index.md"
READINESS_PAGE = "replikasi/cek-kesiapan/index.md"

# Scripts in docs/assets/ that only one generated page loads (its template emits the tag).
CATALOGUE_SCRIPT = "assets/katalog.js"
SORT_SCRIPT = "assets/replikasi/urut.js"
READINESS_SCRIPT = "assets/replikasi/cek.js"

# The issue forms in .github/ISSUE_TEMPLATE/: proposing an innovation, and completing one's gaps without git.
PROPOSAL_FORM = "usulkan-inovasi.yml"
COMPLETION_FORM = "lengkapi-inovasi.yml"
# The completion form's fields that a profile's links fill in (their `id:` in the form).
FORM_INNOVATION_FIELD = "inovasi"
FORM_QUESTION_FIELD = "isian"
# Repository files that hand-written pages link to on GitHub ("repo:<path>" links, see with_repository_links).
REPOSITORY_LINK = re.compile(r"\]\(repo:([^)\s]*)\)")

# Where the home page (docs/index.md) gets the generated winners table.
HOME_MARKER = "<!-- katalog:pemenang -->"
# Where "Tentang katalog" (docs/tentang.md) gets its generated part: contact, data dates, region credit.
ABOUT = "tentang.md"
ABOUT_MARKER = "<!-- katalog:tentang -->"

# Pagefind's page-type filter, carried only by the indexed pages that are not profiles (overrides/main.html,
# through config.extra set by the hooks). The catalogue script asks for profiles as "not this value": a filter
# listing the 5,000 profiles would cost every first search ~10 KB, one listing the few other pages almost
# nothing. The script reads both names from the catalogue page.
PAGE_TYPE_FILTER = "halaman"
OTHER_PAGE_TYPE = "lain"


Profiled = Innovation | Kecamatan | Kabupaten | CoachingRound | Edition  # what has a page of its own


PROFILES = "inovasi/"  # every innovation's profile, and only its questionnaire below it


def page_of(item: Profiled) -> str:
    """The source path of a record's generated page, e.g. "inovasi/lansia-smart/index.md"."""
    if isinstance(item, Innovation):
        return f"{PROFILES}{item.slug}/index.md"
    if isinstance(item, Kecamatan):
        return f"kecamatan/{item.slug}/index.md"
    if isinstance(item, Kabupaten):
        return f"kabupaten/{item.slug}/index.md"
    if isinstance(item, CoachingRound):
        return f"pembinaan/{item.id}/index.md"
    if isinstance(item, Edition):
        return edition_page(item.year)
    raise TypeError(f"no page for {item!r}")


def questionnaire_page(inv: Innovation) -> str:
    """The printable questionnaire of an innovation's gaps: "inovasi/x/kuesioner/index.md"."""
    return f"{PROFILES}{inv.slug}/kuesioner/index.md"


def edition_page(year: int) -> str:
    """The page of the SKK edition filed under `year`: "skk/2023/index.md"."""
    return f"skk/{year}/index.md"


def attachment_path(inv: Innovation, file_name: str) -> str:
    """Where a file beside a write-up (an image, say) is published: next to the innovation's page."""
    return posixpath.join(posixpath.dirname(page_of(inv)), file_name)


def schema_path(file_name: str) -> str:
    """Where a published JSON Schema lives: "inovasi.schema.json" -> "data/inovasi.schema.json"."""
    return posixpath.join(posixpath.dirname(DATA), file_name)


def catalogue_page(number: int) -> str:
    """The catalogue's static list page `number`: page 1 is /katalog/ itself, then /katalog/halaman/2/, ..."""
    return CATALOGUE if number == 1 else f"katalog/halaman/{number}/index.md"


def markdown_link(page_path: str) -> str:
    return "/" + page_path


def site_path(page_path: str) -> str:
    """The directory URL of a page path, as served: "inovasi/x/index.md" -> "inovasi/x/"."""
    if page_path == "index.md":
        return ""
    if page_path.endswith("/index.md"):
        return page_path[: -len("index.md")]
    return page_path[: -len(".md")] + "/"


def relative_url(from_page: str, to_page: str) -> str:
    """A link from one page to another that works on any host path (GitHub Pages project sites too)."""
    source_dir = site_path(from_page) or "."
    target = site_path(to_page) or "."
    relative = posixpath.relpath(target, source_dir)
    return "./" if relative == "." else relative + "/"


def asset_url(from_page: str, asset_path: str) -> str:
    """A link from a page to a file in the site, e.g. "assets/replikasi/cek.js" -> "../../assets/replikasi/cek.js"."""
    return posixpath.relpath(asset_path, site_path(from_page) or ".")


def search_index_url(from_page: str) -> str:
    """Pagefind's script, as the catalogue page loads it."""
    return relative_url(from_page, SEARCH_INDEX_DIR + "index.md") + "pagefind.js"


def with_winners(home_markdown: str, winners: str) -> str:
    """The home page's Markdown with the winners table in place of its marker."""
    if HOME_MARKER not in home_markdown:
        raise ValueError(f"docs/index.md: penanda {HOME_MARKER} untuk daftar pemenang tidak ditemukan")
    return home_markdown.replace(HOME_MARKER, winners)


def with_about(about_markdown: str, generated: str) -> str:
    """The "Tentang katalog" page's Markdown with its generated part in place of its marker."""
    if ABOUT_MARKER not in about_markdown:
        raise ValueError(f"docs/{ABOUT}: penanda {ABOUT_MARKER} untuk bagian yang dibangkitkan tidak ditemukan")
    return about_markdown.replace(ABOUT_MARKER, generated)


def edit_base(repo_url: str | None, edit_uri: str | None) -> str | None:
    """The repository's edit URL for its root, from MkDocs' repo_url and edit_uri ("edit/main/docs/")."""
    if not repo_url or not edit_uri:
        return None
    return urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/../")


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published and where its sources live, from mkdocs.yml."""

    site_url: str = "http://127.0.0.1:8000/"
    repo_url: str | None = None
    edit_uri: str | None = None  # relative to repo_url, pointing at docs/ ("edit/main/docs/")

    @property
    def issues_url(self) -> str | None:
        """The repository's issue list, where readers reach the maintainers; None without a repository."""
        return self.repository_url("issues")

    def edit_url(self, source_path: str) -> str | None:
        """The edit link of a repository file ("innovations/x/index.md"); None without a repository."""
        base = edit_base(self.repo_url, self.edit_uri)
        return f"{base}{source_path}" if base else None

    def repository_url(self, path: str) -> str | None:
        """A page of the repository on GitHub ("issues/new/choose", "blob/HEAD/.github/CONTRIBUTING.md");
        None without a repository. HEAD is GitHub's name for the default branch, whatever it is called."""
        if not self.repo_url:
            return None
        return f"{self.repo_url.rstrip('/')}/{quote(path.lstrip('/'), safe='/?&=.-_~%+')}"

    def issue_form_url(
        self, form: str, fields: Mapping[str, str] | None = None, title: str | None = None
    ) -> str | None:
        """A new issue with an issue form, its text fields filled in from the query (GitHub fills a form
        field whose `id` matches a query parameter; only text fields, not dropdowns)."""
        query = {"template": form, **({"title": title} if title else {}), **(fields or {})}
        return self.repository_url(f"issues/new?{urlencode(query)}")

    def completion_url(self, inv: Innovation, label: str, field: str) -> str | None:
        """The completion form for one gap of one innovation, prefilled with its id and the field."""
        fields = {FORM_INNOVATION_FIELD: inv.slug, FORM_QUESTION_FIELD: f"{label} ({field})"}
        return self.issue_form_url(COMPLETION_FORM, fields, f"Lengkapi {inv.name}: {label}")


def with_repository_links(markdown: str, address: SiteAddress, page: str) -> str:
    """A hand-written page's "[text](repo:<path>)" links pointed at the repository on GitHub."""

    def link(match: re.Match[str]) -> str:
        url = address.repository_url(match.group(1))
        if url is None:
            raise ValueError(f"{page}: tautan repo:{match.group(1)} butuh repo_url di mkdocs.yml")
        return f"]({url})"

    return REPOSITORY_LINK.sub(link, markdown)

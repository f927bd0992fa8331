"""A profile and its questionnaire as a reader sees them in Chromium: at phone and desktop width, and printed."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from katalog import load_catalogue
from katalog.gaps import open_questions
from katalog.replication import kit_parts
from katalog.urls import page_of, questionnaire_page, site_path

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
# The write-up with the most gaps: the longest box and the longest questionnaire.
MOST_OPEN = max(CATALOGUE.innovations, key=lambda inv: len(open_questions(inv)))
PROFILE = site_path(page_of(MOST_OPEN))
QUESTIONNAIRE = site_path(questionnaire_page(MOST_OPEN))

# The colour of a text element and of what it is drawn on, both composited over the page's white.
COLOURS = """element => {
  const parse = value => value.match(/[\\d.]+/g).map(Number);
  const over = (top, bottom) => {
    const alpha = top.length > 3 ? top[3] : 1;
    return [0, 1, 2].map(i => top[i] * alpha + bottom[i] * (1 - alpha));
  };
  let background = [255, 255, 255];
  const chain = [];
  for (let node = element; node; node = node.parentElement) chain.unshift(node);
  for (const node of chain) {
    const colour = parse(getComputedStyle(node).backgroundColor);
    if (colour.length < 4 || colour[3] > 0) background = over(colour, background);
  }
  return [over(parse(getComputedStyle(element).color), background), background];
}"""


def contrast(foreground: list[float], background: list[float]) -> float:
    def luminance(rgb: list[float]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_profile_shows_its_gaps_in_one_legible_box_without_sideways_scrolling(browser, site_url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 740 if width == 360 else 800})
    page.goto(site_url + PROFILE)
    box = page.locator(".kki-belum")
    assert box.count() == 1 and box.is_visible()
    assert box.locator("li").count() == len(open_questions(MOST_OPEN))
    empty = next(part for part in kit_parts(MOST_OPEN) if not part.items)
    page.goto(f"{site_url}{PROFILE}#{empty.anchor}")  # an empty part's anchor lands on its line of the box
    in_view = "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"
    assert page.locator(f".kki-belum #{empty.anchor}").evaluate(in_view)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for selector in ("h1", ".kki-belum li"):
        foreground, background = page.locator(selector).first.evaluate(COLOURS)
        assert contrast(foreground, background) >= 4.5, (selector, foreground, background)
    # unknowns were the faintest text on the page (4.6:1): now told apart by style, not by fading
    foreground, background = page.locator(".kki-kosong").first.evaluate(COLOURS)
    assert contrast(foreground, background) >= 7, (foreground, background)
    assert page.locator(".kki-kosong").first.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    title_colour, _ = page.locator("h1").first.evaluate(COLOURS)
    body_colour, _ = page.locator(".md-typeset p").first.evaluate(COLOURS)
    assert title_colour == body_colour  # the title is no fainter than the text under it
    page.close()


def test_the_printed_profile_keeps_the_box_and_drops_the_screen_only_links(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + PROFILE)
    page.emulate_media(media="print")
    assert page.locator(".kki-belum").is_visible()
    assert page.locator(".kki-belum a[href*='/issues/new']").first.is_hidden()
    assert page.locator(".kki-belum a", has_text="kuesioner inovasi ini").is_visible()
    assert "formulir GitHub" not in page.locator(".kki-belum").inner_text()
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_questionnaire_has_room_to_answer_each_question(browser, site_url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + QUESTIONNAIRE)
    questions = page.locator("ol.kki-kuesioner > li")
    assert questions.count() == len(open_questions(MOST_OPEN))
    for index in range(questions.count()):
        room = questions.nth(index).locator(".kki-ruang-jawab").bounding_box()
        assert room is not None and room["height"] >= 90 and room["width"] >= 250
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.close()


def test_the_questionnaire_prints_on_a_few_a4_pages_without_the_sites_frame(browser, site_url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + QUESTIONNAIRE)
    page.emulate_media(media="print")
    for frame in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(frame).first.is_hidden(), frame
    assert page.locator(".kki-ruang-jawab").first.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    text = page.locator("article").inner_text()
    assert MOST_OPEN.name in text and f"Kecamatan {MOST_OPEN.kecamatan.name}" in text
    assert "Cara mengirim kembali" in text and "disusun otomatis" not in text
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3, pages
    page.close()

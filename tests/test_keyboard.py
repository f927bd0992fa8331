"""Keyboard and touch on a phone (360 x 740), in Chromium: focus is visible on every kind of control, nothing
sticky covers it, the closed navigation drawer holds no invisible Tab stops (without JavaScript, it slides in
for them), filter checkboxes are big enough to tap, and a missing address gets an Indonesian page with a way
back."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import Page, Route

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}

# What the focused element looks like, and where it is.
FOCUSED = """() => {
  const e = document.activeElement;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), type: e.type || "", id: e.id, text: (e.innerText || "").trim().slice(0, 40),
    outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow,
    visibility: s.visibility, inDrawer: !!e.closest(".md-sidebar--primary"),
    top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height,
  };
}"""


def tab_to(page: Page, selector: str, limit: int = 150) -> list[dict]:
    """Press Tab until the element matching `selector` has focus; return what had focus on the way."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return seen
    raise AssertionError(f"{selector} never got focus by Tab; focus went through {[s['tag'] for s in seen]}")


def assert_focus_visible(page: Page, what: str) -> None:
    """The focused control draws a ring: a solid outline of 2 px or more and the dark outer ring around it."""
    focused = page.evaluate(FOCUSED)
    assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2, (what, focused)
    assert "0px 0px 0px 5px" in focused["boxShadow"], (what, focused)


def test_keyboard_focus_is_visible_on_every_kind_of_control(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/", wait_until="networkidle")
    tab_to(page, "#kki-q")
    assert_focus_visible(page, "text field")
    tab_to(page, "#kki-segi > summary")
    assert_focus_visible(page, "summary")
    page.keyboard.press("Enter")  # opens the folded "Saring" control, by keyboard
    tab_to(page, ".kki-segi summary")
    assert_focus_visible(page, "facet summary")
    page.keyboard.press("Enter")  # opens the facet
    tab_to(page, ".kki-segi input[type=checkbox]")
    assert_focus_visible(page, "checkbox")
    tab_to(page, "#kki-urut")
    assert_focus_visible(page, "select")
    tab_to(page, "#kki-atur-ulang")
    assert_focus_visible(page, "button")
    tab_to(page, "#kki-daftar a")
    assert_focus_visible(page, "link")
    page.goto(site_url + "replikasi/cek-kesiapan/", wait_until="networkidle")
    tab_to(page, "#kki-cek input[type=radio]")
    assert_focus_visible(page, "radio")
    tab_to(page, "#kki-cek input[type=text]")
    assert_focus_visible(page, "text field in the check")
    # a click on a choice is not keyboard focus: no ring (text fields keep theirs, as browsers decide)
    page.locator("#kki-cek input[type=radio]").last.click()
    assert page.evaluate(FOCUSED)["type"] == "radio" and page.evaluate(FOCUSED)["boxShadow"] == "none"
    page.close()


def test_a_focused_control_in_the_readiness_check_is_not_under_its_sticky_bar(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "replikasi/cek-kesiapan/", wait_until="networkidle")
    bar = page.locator("#kki-ringkasan-saran")
    assert bar.count() == 1 and bar.evaluate("(e) => getComputedStyle(e).position") == "sticky"
    tab_to(page, "#kki-cek input")
    checked = 0
    while page.evaluate("() => !!document.activeElement.closest('#kki-cek')"):
        focused = page.evaluate(FOCUSED)
        box = bar.bounding_box()
        assert box is not None
        if not page.evaluate("() => !!document.activeElement.closest('#kki-ringkasan-saran')"):
            overlaps = focused["bottom"] > box["y"] and focused["top"] < box["y"] + box["height"]
            assert not overlaps, f"the bar covers {focused['tag']} {focused['id']} at {focused['top']:.0f} px"
            header = page.locator(".md-header").bounding_box()
            assert header is not None and focused["top"] >= header["y"] + header["height"], focused
            checked += 1
        page.keyboard.press("Tab")
    assert checked > 20  # every question's controls, not one


def test_the_closed_drawer_holds_no_tab_stops_and_opens_by_keyboard(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/", wait_until="networkidle")
    on_the_way = tab_to(page, "#kki-q")
    assert [stop for stop in on_the_way if stop["inDrawer"]] == []
    for stop in on_the_way:  # every stop before the search box is on the screen, not off-canvas
        assert stop["visibility"] == "visible" and stop["right"] > 0 and stop["left"] < PHONE["width"], stop
    assert len(on_the_way) <= 6
    # the menu button is one of them; Enter opens the drawer and moves focus into it
    page.goto(site_url + "katalog/", wait_until="networkidle")
    tab_to(page, ".md-header button.kki-menu")
    button = page.locator(".md-header button.kki-menu")
    assert button.get_attribute("aria-label") == "Menu navigasi" and button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_timeout(400)  # the drawer slides in
    assert page.locator("#__drawer").is_checked() and button.get_attribute("aria-expanded") == "true"
    for _ in range(4):
        focused = page.evaluate(FOCUSED)
        assert focused["inDrawer"] and focused["visibility"] == "visible" and focused["left"] >= 0, focused
        page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    assert page.evaluate("() => document.activeElement.classList.contains('kki-menu')")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()  # a tap opens it too
    page.wait_for_timeout(400)
    assert page.locator("#__drawer").is_checked()
    page.close()


def test_without_javascript_every_tab_stop_in_the_drawer_is_on_screen(browser, site_url: str):
    # No menu button without JavaScript, so the drawer's links stay in the Tab order: each must be seen.
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site_url + "katalog/")
    drawer_stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        page.wait_for_timeout(300)  # the drawer slides in (0.25 s)
        focused = page.evaluate(FOCUSED)
        if focused["inDrawer"]:
            drawer_stops.append(focused)
            assert focused["visibility"] == "visible", focused
            assert focused["left"] >= 0 and focused["right"] <= PHONE["width"], focused
        elif drawer_stops:
            break  # past the drawer, into the page
    assert len(drawer_stops) >= 5, drawer_stops  # the site's sections, reachable by keyboard
    assert not focused["inDrawer"] and focused["left"] >= 0, focused
    drawer = page.locator(".md-sidebar--primary").bounding_box()
    assert drawer["x"] + drawer["width"] <= 0  # focus moved on: the drawer slid out again
    context.close()


def test_filter_checkboxes_are_targets_of_at_least_24_px(browser, site_url: str):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + "katalog/", wait_until="networkidle")
    page.evaluate("() => document.querySelectorAll('#kki-segi, .kki-segi').forEach((d) => { d.open = true; })")
    targets = page.evaluate(
        """() => Array.from(document.querySelectorAll('#kki-saring input[type=checkbox]'), (input) => {
             const box = input.getBoundingClientRect();
             const label = input.closest('label').getBoundingClientRect();
             return {value: input.value, width: Math.min(box.width, label.width),
                     height: Math.min(box.height, label.height)};
           })"""
    )
    assert len(targets) > 10
    small = [target for target in targets if target["width"] < 24 or target["height"] < 24]
    assert small == []
    page.close()


def serve_under_project_path(site: Path, route: Route) -> None:
    """GitHub Pages for a project site: the site under /katalog/, 404.html for any address that is missing."""
    path = unquote(urlsplit(route.request.url).path)
    file = site / path.removeprefix("/katalog/")
    if file.is_dir():
        file = file / "index.html"
    if not path.startswith("/katalog/") or not file.is_file():
        route.fulfill(status=404, path=site / "404.html", content_type="text/html; charset=utf-8")
        return
    route.fulfill(status=200, path=file, content_type=mimetypes.guess_type(file.name)[0] or "text/plain")


def test_a_missing_address_gets_an_indonesian_page_with_a_way_back(browser, site: Path):
    page = browser.new_page(viewport=PHONE)
    page.route("http://katalog.test/**", lambda route: serve_under_project_path(site, route))
    response = page.goto("http://katalog.test/katalog/inovasi/tidak-ada/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.locator("h1").inner_text() == "Halaman tidak ditemukan"
    assert page.title().startswith("Halaman tidak ditemukan")
    assert "Not found" not in page.content() and "Made with" not in page.content()
    assert page.locator("nav.md-header__inner").get_attribute("aria-label") == "Kepala situs"
    page.locator("main").get_by_label("Cari inovasi di katalog").fill("lansia")
    with page.expect_navigation(wait_until="networkidle"):
        page.keyboard.press("Enter")
    assert page.url == "http://katalog.test/katalog/katalog/?q=lansia"
    assert page.locator("#kki-q").input_value() == "lansia"
    page.go_back(wait_until="networkidle")
    with page.expect_navigation(wait_until="networkidle"):
        page.locator("article").get_by_role("link", name="Beranda").click()
    assert page.url.rstrip(".") == "http://katalog.test/katalog/"
    assert page.locator("article table").count() == 1  # the home page, with its winners table
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["tentang/", "tidak/ada/"])
def test_no_axe_violations_on_the_about_and_missing_pages(browser, site: Path, path: str, width: int):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": width, "height": 800})
    page.route("http://katalog.test/**", lambda route: serve_under_project_path(site, route))
    page.goto("http://katalog.test/katalog/" + path, wait_until="networkidle")
    violations = [
        f"{violation['id']}: {violation['help']} ({violation['nodes'][0]['target']})"
        for violation in Axe().run(page).response["violations"]
    ]
    page.close()
    assert violations == []

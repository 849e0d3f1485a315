"""In Chromium: each palette shows its own figures, reduced motion gets the stills, links to a
heading land on it although the sections off screen are skipped, and a tapped glossary term shows
its definition."""

from __future__ import annotations

import contextlib
import io

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser


def visible_figure_sources(page) -> list[str]:
    # Figures are lazy: one far down the page has no source until it is near the viewport.
    page.eval_on_selector_all("img.gd-figure", "els => els.forEach(e => { e.loading = 'eager'; })")
    page.wait_for_function(
        "() => [...document.querySelectorAll('img.gd-figure')]"
        ".filter(e => e.getClientRects().length > 0).every(e => e.complete && e.currentSrc)"
    )
    return page.eval_on_selector_all(
        "img.gd-figure",
        "els => els.filter(e => e.getClientRects().length > 0).map(e => e.currentSrc)",
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_palette_shows_only_its_own_figures(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + "concepts/learning-rate/")
        sources = visible_figure_sources(page)
        # three figures on the page, one variant each (the live one is still static: off screen)
        assert len(sources) == 3, sources
        assert all(f"-{scheme}.svg" in src for src in sources), sources
    finally:
        context.close()


MOTIONS = [("reduce", "-still.webp"), ("no-preference", ".webp")]


@pytest.mark.parametrize(("motion", "suffix"), MOTIONS)
def test_animations_respect_reduced_motion(browser, site_url, motion, suffix):
    context = browser.new_context(reduced_motion=motion, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url)
        img = page.locator("picture img.gd-figure").first
        img.scroll_into_view_if_needed()
        page.wait_for_function("img => img.currentSrc !== ''", arg=img.element_handle())
        source = img.evaluate("img => img.currentSrc").split("#")[0]
        assert source.endswith(suffix), source
        if motion == "no-preference":
            assert not source.endswith("-still.webp"), source
    finally:
        context.close()


# Sections off screen are skipped (content-visibility: auto) and stand in at an estimated
# height until drawn: a link to a heading further down must still land on that heading.
LANDED = """(anchor) => {
  const header = document.querySelector(".md-header").offsetHeight;
  const top = document.getElementById(anchor).getBoundingClientRect().top;
  return header - 2 <= top && top <= header + 40;
}"""
DEEP_LINKS = [("concepts/updates/", "adam"), ("variants/stochastic/", "disadvantages-shown")]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(("path", "anchor"), DEEP_LINKS)
def test_a_link_to_a_heading_lands_on_it(browser, site_url, path, anchor, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"{site_url}{path}#{anchor}", wait_until="networkidle")
        # The sections near the viewport are drawn after the jump (later on a slow machine):
        # wait until the heading rests under the header, for as long as a reader might.
        with contextlib.suppress(PlaywrightTimeout):  # the assertion below says where it is
            page.wait_for_function(LANDED, arg=anchor, timeout=10_000)
        header = page.evaluate("document.querySelector('.md-header').offsetHeight")
        top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
        assert header - 2 <= top <= header + 40, f"#{anchor} is at {top} px, header {header} px"
    finally:
        context.close()


def test_a_glossary_term_shows_its_definition_when_tapped(browser, site_url):
    """The glossary page promises: tap a dotted term to see its definition (the theme's tooltip)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, has_touch=True)
    try:
        page = context.new_page()
        page.goto(site_url + "variants/stochastic/")
        term = page.locator("article abbr").first
        definition = term.get_attribute("title")
        term.scroll_into_view_if_needed()
        term.tap()
        shown = page.locator(".md-tooltip2--active")
        shown.wait_for()
        assert shown.inner_text() == definition
        page.locator("article h2").first.tap()
        shown.wait_for(state="detached")
    finally:
        context.close()


@pytest.mark.parametrize("touch", [False, True], ids=["pointed", "tapped"])
def test_a_checked_claim_shows_what_was_checked(browser, site_url, touch):
    """A ✓ shows its label in the theme's tooltip (javascripts/checks.js), not from a `title`."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, has_touch=touch)
    try:
        page = context.new_page()
        page.goto(site_url + "variants/comparison/")
        marks = page.locator("article .gd-check")
        assert marks.count() > 20 and page.locator("article .gd-check[title]").count() == 0
        marks = page.locator("article .gd-check >> visible=true")  # not in a closed evidence block
        mark = marks.nth(3)
        mark.scroll_into_view_if_needed()
        mark.tap() if touch else mark.hover()
        shown = page.locator(".gd-check-tip.md-tooltip2--active .md-tooltip2__inner")
        shown.wait_for()
        assert shown.inner_text() == mark.get_attribute("aria-label")
        below, tip = mark.bounding_box(), shown.bounding_box()
        assert below["y"] + below["height"] <= tip["y"] <= below["y"] + below["height"] + 30
        assert tip["x"] >= 0 and tip["x"] + tip["width"] <= 412, tip
        # the mark's aria-label is what a screen reader says; the tooltip is for the eye only
        assert page.locator(".gd-check-tip").get_attribute("aria-hidden") == "true"
        page.keyboard.press("Escape")
        page.locator(".gd-check-tip.md-tooltip2--active").wait_for(state="detached")
        marks.nth(4).tap() if touch else marks.nth(4).hover()
        shown.wait_for()
        heading = page.locator("article h2").first
        heading.tap() if touch else heading.hover()
        page.locator(".gd-check-tip.md-tooltip2--active").wait_for(state="detached")
    finally:
        context.close()


def test_without_javascript_pointing_at_a_check_shows_its_label(browser, site_url):
    """With no script, the theme's `no-js` class stays; CSS shows the label at the window's foot."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(site_url + "variants/comparison/")
        assert "no-js" in page.locator("html").get_attribute("class")
        mark = page.locator("article .gd-check").nth(3)
        mark.scroll_into_view_if_needed()
        foot = {"x": 0, "y": 740 - 60, "width": 360, "height": 60}  # where the bar shows
        before = Image.open(io.BytesIO(page.screenshot(clip=foot))).convert("RGB")
        shown = "el => getComputedStyle(el, '::after').content"
        assert mark.evaluate(shown) == "none"
        mark.hover()
        label = mark.get_attribute("aria-label")
        assert mark.evaluate(shown) == f'"{label}"'
        style = "el => ['position', 'left', 'right'].map((p) => getComputedStyle(el, '::after')[p])"
        position, left, right = mark.evaluate(style)
        assert position == "fixed" and left == right and float(left.removesuffix("px")) > 0
        assert page.locator("html").evaluate("el => el.scrollWidth") <= 360
        # Drawn, not clipped by a box around the mark (a section's paint containment once did).
        after = Image.open(io.BytesIO(page.screenshot(clip=foot))).convert("RGB")
        assert ImageChops.difference(before, after).getbbox() is not None
    finally:
        context.close()

"""In Chromium: each palette shows its own figure variant, and reduced motion gets the stills."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def visible_figure_sources(page) -> list[str]:
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
        assert len(sources) == 2, sources  # two figures on the page, one variant each
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

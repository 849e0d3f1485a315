"""The notebooks' plots follow the palette: drawn once on a see-through ground, they show the
page's own colour around the axes, with dark text in the light palette and light text, by a CSS
inversion, in the dark one (before, the dark palette showed a white card)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

pytestmark = pytest.mark.browser

PAGE_GROUND = """() => getComputedStyle(document.body).backgroundColor
    .match(/\\d+/g).slice(0, 3).map(Number)"""


def _plot(open_page, site_url, scheme):
    # The site's palette follows the reader's system setting (mkdocs.yml's `media` queries).
    page = open_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page.goto(site_url + "code/numpy/")
    expected = {"light": "default", "dark": "slate"}[scheme]
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == expected
    plot = page.locator(".jp-RenderedImage img").first
    plot.scroll_into_view_if_needed()
    plot.evaluate("(img) => img.decode()")
    shot = Image.open(io.BytesIO(plot.screenshot())).convert("L")
    return shot, sum(page.evaluate(PAGE_GROUND)) / 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_numpy_plot_has_the_pages_ground_and_text_that_reads_on_it(open_page, site_url, scheme):
    shot, ground = _plot(open_page, site_url, scheme)
    width, height = shot.size
    # The figure's margin, and inside the axes the empty upper right (the curve ends low there).
    for where in ((2, 2), (int(0.8 * width), int(0.3 * height))):
        assert abs(shot.getpixel(where) - ground) < 12, (scheme, where, ground)
    # The tick labels left of the axes: their ink must stand out from the ground.
    labels = shot.crop((0, int(0.1 * height), int(0.1 * width), int(0.8 * height)))
    far = max(labels.getextrema(), key=lambda grey: abs(grey - ground))
    assert abs(far - ground) > 150, (scheme, far, ground)
    if scheme == "dark":
        assert ground < 60 and far > ground, (far, ground)  # light ink on a dark page

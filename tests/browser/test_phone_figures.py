"""On a phone the figures' stacked twins are shown, legibly and without moving the page on load.

Before the twins, a figure of panels side by side was shown at 32 to 41 % of its size on a
360 px phone, a single plot over 6 inches wide at 50 to 53 %. Here each page is loaded at
360 px: every figure with a twin must show it, at 74 % of its drawn size or more, in a box the
page had reserved before the file arrived. A wide screen keeps the side-by-side figure.
"""

from __future__ import annotations

import re

import pytest
from holding import hold

pytestmark = pytest.mark.browser

LESSONS = [
    f"{part}/{name}/"
    for part, names in (
        ("concepts", "algorithm learning-rate gradients updates schedules saddle-points"),
        ("concepts", "convergence conditioning"),
        ("variants", "batch stochastic mini-batch comparison"),
    )
    for name in names.split()
] + [""]  # the home page's animation

# A live figure's chunk, when it arrives, hides the static figure it wraps (on the gradients page
# one came while the images decoded, and the box read 0 x 0): held, every figure stays static.
LIVE_CHUNKS = re.compile(r"/generated/explorer/(?!main\.js$)[\w-]+\.js$")

# Every collapsed block opened, each figure with a twin (one image per palette): its box before
# loading, then (every image made eager and loaded) the file chosen, the width declared for it (a
# WebP's frames are drawn at 1.4 times it) and its box. `twinned` counts the figures, so none is
# left out unnoticed.
FIGURES = """async () => {
  document.querySelectorAll('details').forEach((details) => { details.open = true; });
  const twinned = [...document.querySelectorAll('picture > img.gd-figure')]
    .filter((img) => img.parentElement.querySelector('source[media^="(max-width: 37.5em)"]'));
  const images = twinned.filter((img) => img.getClientRects().length > 0);
  const box = (img) => [img.getBoundingClientRect().width, img.getBoundingClientRect().height];
  const declared = (img) => {
    const sources = [...img.parentElement.querySelectorAll('source')];
    const chosen = sources.find((s) => new URL(s.srcset, location.href).href === img.currentSrc);
    return Number((chosen ?? img).getAttribute('width'));
  };
  const before = images.map(box);
  images.forEach((img) => { img.loading = 'eager'; });
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return { twinned: twinned.length / 2, figures: images.map((img, i) => ({ before: before[i],
    after: box(img), chosen: img.currentSrc, declared: declared(img), complete: img.complete })) };
}"""


def _figures(open_page, site_url, path, width, scheme="light", motion="no-preference"):
    page = open_page(
        viewport={"width": width, "height": 800}, color_scheme=scheme, reduced_motion=motion
    )
    if scheme == "dark":
        page.add_init_script(
            "localStorage.setItem('/gradient-descent/.__palette', JSON.stringify({index: 1,"
            " color: {media: '', scheme: 'slate', primary: 'indigo', accent: 'indigo'}}))"
        )
    hold(page, LIVE_CHUNKS)
    page.goto(site_url + path)
    found = page.evaluate(FIGURES)
    assert len(found["figures"]) == found["twinned"], found  # every twinned figure is shown
    return found["figures"]


@pytest.mark.parametrize("path", LESSONS)
def test_a_phone_shows_each_figures_twin_at_74_percent_or_more_with_no_shift(
    open_page, site_url, path
):
    figures = _figures(open_page, site_url, path, 360)
    for figure in figures:
        name = figure["chosen"].split("/")[-1]
        assert figure["complete"] and re.search(r"-narrow-light\.(svg|webp)$", name), figure
        assert figure["after"][0] / figure["declared"] >= 0.74, figure
        assert figure["before"] == pytest.approx(figure["after"], abs=0.5), figure


def test_three_lessons_show_eight_twins_or_more(open_page, site_url):
    chosen = set()
    for path in ("concepts/learning-rate/", "concepts/updates/", "variants/comparison/"):
        figures = _figures(open_page, site_url, path, 360)
        chosen |= {f["chosen"] for f in figures if "-narrow-" in f["chosen"]}
    assert len(chosen) >= 8, chosen


def test_the_dark_palette_shows_its_own_twin_and_a_wide_screen_the_wide_figure(open_page, site_url):
    dark = _figures(open_page, site_url, "concepts/updates/", 360, "dark")
    assert dark and all(re.search(r"-narrow-dark\.(svg|webp)$", f["chosen"]) for f in dark), dark
    wide = _figures(open_page, site_url, "concepts/updates/", 1280)
    assert wide and not any("-narrow-" in f["chosen"] for f in wide), wide


def test_a_phone_that_asks_for_less_motion_gets_the_twins_still(open_page, site_url):
    figures = _figures(open_page, site_url, "variants/comparison/", 360, motion="reduce")
    stills = [f["chosen"] for f in figures if f["chosen"].endswith(".webp")]
    assert stills and all(s.endswith("-narrow-light-still.webp") for s in stills), stills
    moving = _figures(open_page, site_url, "variants/comparison/", 360)
    assert any(f["chosen"].endswith("-narrow-light.webp") for f in moving)

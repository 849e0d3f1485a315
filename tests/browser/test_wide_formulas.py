"""On a desktop screen every display formula fits its column: none hides its end in a scroll box.

At 1,280 px a formula of several equations written side by side (Adam's three updates, the two
finite differences, Himmelblau's two partial derivatives, the reference's optimizer rules) ran
past the 688 px column by up to 139 px. Written one equation a line, each fits. On a phone a
formula may still scroll (tests/quality/test_scroll_regions.py makes it a Tab stop).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Every section and formula drawn (the browser skips those off screen), fonts loaded: then the
# formulas wider than their box, with the start of their text.
WIDE = """async () => {
  const skipped = '.gd-section, .doc-contents, div.arithmatex, .jp-Cell';
  document.querySelectorAll(skipped).forEach((e) => { e.style.contentVisibility = 'visible'; });
  await document.fonts.ready;
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const formulas = [...document.querySelectorAll('div.arithmatex')];
  return { count: formulas.length, wide: formulas
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.scrollWidth} px in ${e.clientWidth}: ${e.textContent.slice(0, 60)}`) };
}"""


@pytest.mark.parametrize("width", [1280, 1024])
def test_no_display_formula_scrolls_on_a_desktop_screen(built_site, site_url, open_page, width):
    page = open_page(viewport={"width": width, "height": 800})
    wide, count = [], 0
    for path in built_site.pages():
        address = path.relative_to(built_site.root).as_posix().removesuffix("index.html")
        page.goto(site_url + address)
        found = page.evaluate(WIDE)
        count += found["count"]
        wide += [f"/{address}: {formula}" for formula in found["wide"]]
    assert count >= 30, f"only {count} display formulas found"
    assert wide == [], "\n".join(wide)


def test_on_a_phone_the_update_rules_fit_one_equation_a_line(site_url, open_page):
    # The optimizers' update rules, written one equation a line, fit a 360 px phone too; on the
    # gradients page the finite differences still scroll there (a Tab stop each).
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + "concepts/updates/")
    found = page.evaluate(WIDE)
    assert found["count"] >= 8 and found["wide"] == [], found

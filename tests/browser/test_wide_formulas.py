"""On a desktop screen and on a 360 px phone every display formula fits: none hides its end.

At 1,280 px a formula of several equations written side by side (Adam's three updates, the two
finite differences, Himmelblau's two partial derivatives, the reference's optimizer rules) ran
past the 688 px column by up to 139 px. Written one equation a line, each fits. At 360 px
sixteen more ran past the phone's box by 3 to 220 px (the conditioning page's rate, written with
its sentence): one equation a line, their words in the text around them, they fit too. Below
360 px a formula may still scroll (tests/quality/test_scroll_regions.py makes it a Tab stop).
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


@pytest.mark.parametrize("width", [1280, 1024, 360])
def test_no_display_formula_scrolls_on_a_desktop_screen_or_a_phone(
    built_site, site_url, open_page, width
):
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


# Every piece of a formula's text with its size in CSS px, the smallest first. KaTeX sets an
# exponent inside \tfrac at half the formula's size: in the surfaces tables' 14.4 px text the
# six-hump camel's \tfrac{x^4}{3} put its 4 at 8.7 px (9.1 in the explorer's formula line). The
# next smallest, a subscript in a superscript of running text (e^{x_k}), is 9.7 px.
SMALLEST = r"""async () => {
  const skipped = '.gd-section, .doc-contents, div.arithmatex, .jp-Cell';
  document.querySelectorAll(skipped).forEach((e) => { e.style.contentVisibility = 'visible'; });
  await document.fonts.ready;
  const found = [];
  for (const math of document.querySelectorAll('.katex-html')) {
    const text = document.createTreeWalker(math, NodeFilter.SHOW_TEXT);
    for (let node = text.nextNode(); node; node = text.nextNode()) {
      if (!node.textContent.replace(/[\s\u200b]/g, '')) continue;  // KaTeX's struts
      const source = math.closest('.katex').querySelector('annotation');
      found.push([parseFloat(getComputedStyle(node.parentElement).fontSize), node.textContent,
        (source ? source.textContent : math.textContent).slice(0, 70)]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}"""
FORMULA_FLOOR = 9.5  # CSS px: a script within a script in the text, 9.7 px, is TeX's own


def test_no_formula_sets_any_of_its_text_under_9_5_px(built_site, site_url, open_page):
    page = open_page(viewport={"width": 1280, "height": 800})
    small, count = [], 0
    for path in built_site.pages():
        address = path.relative_to(built_site.root).as_posix().removesuffix("index.html")
        page.goto(site_url + address)
        found = page.evaluate(SMALLEST)
        count += len(found)
        small += [
            f"/{address}: {px:.1f} px {text!r} in {tex}"
            for px, text, tex in found
            if px < FORMULA_FLOOR
        ]
    assert count >= 2000, f"only {count} pieces of formula text found"
    assert small == [], "\n".join(small)

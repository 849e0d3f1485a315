"""On a phone, a line never breaks inside a signature's number or between math and its punctuation.

Session 46's review, at 360 px: the optimizers reference broke `rmsprop`'s and `adam`'s
`eps=1e-08` after the hyphen ("eps=1e-" / "08"), and the rates page put the full stop after
$(2, 20)$ at the start of the next line (". Only the gradient..."). Chromium breaks after a
hyphen, and after the inline block a KaTeX formula ends in, before a full stop too. Signature
numbers now do not wrap (docs/stylesheets/extra.css), and gd_markdown/_katex.py glues an inline
formula to the punctuation after it. Before, the six pages below had 12 such breaks at 360 or
412 px, the teaching pages as well as the reference.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (360, 412)

# Each number of a reference entry's signature, with the number of lines it spans.
SIGNATURE_NUMBERS = r"""() => [...document.querySelectorAll(
    '.doc-heading :is(.m, .mf, .mi, .mh, .mo, .mb, .il)')].map((number) => {
  const tops = new Set([...number.getClientRects()].map((r) => Math.round(r.top)));
  return [number.textContent, tops.size];
})"""

# Each inline formula followed by punctuation, and whether the punctuation starts a new line.
PUNCTUATION_AFTER_MATH = r"""() => {
  const found = [];
  for (const math of document.querySelectorAll('span.arithmatex')) {
    const next = math.nextSibling;
    if (!next || next.nodeType !== Node.TEXT_NODE || !/^[.,;:!?)\]]/.test(next.data)) continue;
    const range = document.createRange();
    range.setStart(next, 0);
    range.setEnd(next, 1);
    const mark = range.getClientRects()[0];
    const parts = math.getClientRects();
    const end = parts[parts.length - 1];
    if (!mark || !end || !end.width) continue;  // hidden (a closed details, a tab)
    found.push([math.textContent.slice(-20) + next.data.slice(0, 12), mark.top >= end.bottom - 2]);
  }
  return found;
}"""


def test_signature_numbers_stay_on_one_line(open_page, site_url):
    page = open_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + "code/reference/optimizers/")
    broken, seen = [], set()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        numbers = page.evaluate(SIGNATURE_NUMBERS)
        seen |= {text for text, _ in numbers}
        broken += [(width, text) for text, lines in numbers if lines > 1]
    page.close()
    assert "1e-08" in seen, sorted(seen)
    assert broken == [], f"signature numbers split across lines: {broken}"


@pytest.mark.parametrize(
    "path",
    [
        "code/reference/rates-and-schedules/",
        "code/reference/surfaces-and-descent/",
        "concepts/convergence/",
        "concepts/conditioning/",
        "concepts/learning-rate/",
        "variants/stochastic/",
    ],
)
def test_no_punctuation_after_math_starts_a_line(open_page, site_url, path):
    page = open_page(viewport={"width": 360, "height": 740})
    page.goto(site_url + path)
    wrapped, seen = [], 0
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 740})
        found = page.evaluate(PUNCTUATION_AFTER_MATH)
        seen += len(found)
        wrapped += [(width, text) for text, starts_line in found if starts_line]
    page.close()
    assert seen > 10, "the page has formulas followed by punctuation"
    assert wrapped == [], f"punctuation alone at a line's start: {wrapped}"

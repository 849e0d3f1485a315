"""The table of gdlib's surfaces keeps names and points whole and fits its column at 1,280 px.

Session 46's review of the reference: at 1,280 px the table broke `rosenbro` / `ck`,
`himmelbl` / `au`, "(1.5," / "0.01)" and "(-1.5," / "-0.8)" (the theme lets code break anywhere),
and the camel's formula, in one unbreakable `\\left( ... \\right)`, held its column at 218 px.
Names and points now sit in spans that do not wrap (scripts/_explorer_surfaces.py), and the
camel's brackets are plain ones, inside which KaTeX may break the line.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = ("code/reference/surfaces-and-descent/", "explore/")

# For the table after the heading "Surfaces" (or the page's first table listing 'camel'): each
# cell's name or point with the number of lines it spans, and the table's width and its column's.
TABLE = r"""() => {
  const table = [...document.querySelectorAll('article table')]
    .find((t) => /camel/i.test(t.textContent));
  const lines = (el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size;
  const pieces = [...table.querySelectorAll('td code, td .gd-nowrap')]
    .map((el) => [el.textContent, lines(el)]);
  const column = document.querySelector('article.md-typeset').clientWidth;
  return {pieces, width: table.getBoundingClientRect().width, column};
}"""


@pytest.mark.parametrize("path", PAGES)
def test_names_and_points_stay_whole_and_the_table_fits_at_1280_px(open_page, site_url, path):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + path)
    found = page.evaluate(TABLE)
    assert len(found["pieces"]) >= 11, found["pieces"]  # six starts, five minima (and names)
    broken = [text for text, lines in found["pieces"] if lines != 1]
    assert not broken, f"split over lines: {broken}"
    assert found["width"] <= found["column"] + 0.5, found

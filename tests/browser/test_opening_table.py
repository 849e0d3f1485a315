"""The comparison page's opening table keeps its columns as it loads (extra.css, at its end).

Its cells hold formulas set in KaTeX's fonts. With the automatic table layout a column took its
width from its widest content, so when the fonts were applied just after the first paint a column
widened and the cells beside it moved (a layout shift in 3 of 20 Lighthouse runs). The opening table
now has fixed column widths: a cell whose content grows keeps its column where it was, and so does a
row that arrives late: the page no longer holds its first paint until the table is parsed
(gd_markdown/opening_table.py), so the browser may paint it with only its first rows. The table
comes in its scroll box from the build (gd_markdown/table_boxes.py): the theme's script, which used
to wrap it when it started, no longer moves it (tests/browser/test_table_boxes.py).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PATH = "variants/comparison/"

GEOMETRY = """() => {
  const table = document.querySelector("#gd-opening-table");
  const box = table.closest(".md-typeset__scrollwrap") || table;
  const round = (value) => Math.round(value);
  return {
    columns: [...table.querySelectorAll("th")].map((th) => round(th.getBoundingClientRect().x)),
    table: [table.getBoundingClientRect().width, table.getBoundingClientRect().height].map(round),
    next: round(box.nextElementSibling.getBoundingClientRect().y + scrollY),
  };
}"""

# What a late font does to a cell: its content becomes wider (here by 150 px at once).
WIDEN_A_CELL = """() => {
  const cell = document.querySelector("#gd-opening-table tbody tr td:nth-child(2)");
  const wide = document.createElement("span");
  wide.style.cssText = "display: inline-block; width: 150px";
  cell.prepend(wide);
}"""

# The table as a paint in the middle of its parse may find it: its header and first row only.
PARTLY_PARSED = """() => {
  const rows = [...document.querySelectorAll("#gd-opening-table tbody tr")];
  for (const row of rows.slice(1)) row.remove();
  return rows.length;
}"""

HEADER_HEIGHT = """() => Math.round(
  document.querySelector("#gd-opening-table thead").getBoundingClientRect().height
)"""


def loaded(open_page, site_url, width: int):
    page = open_page(viewport={"width": width, "height": 823})
    page.goto(site_url + PATH)
    page.wait_for_load_state("load")
    page.wait_for_function(
        "() => document.querySelector('#gd-opening-table')?.closest('.md-typeset__scrollwrap')"
    )
    page.evaluate("document.fonts.ready")
    return page


@pytest.mark.parametrize("width", [412, 1280])
def test_a_wider_cell_moves_no_column(open_page, site_url, width):
    page = loaded(open_page, site_url, width)
    before = page.evaluate(GEOMETRY)
    page.evaluate(WIDEN_A_CELL)
    after = page.evaluate(GEOMETRY)
    assert len(before["columns"]) == 4
    assert after["columns"] == before["columns"]
    assert after["table"][0] == before["table"][0]


# At 1280 px the automatic layout, too, keeps the columns; at a phone's width it does not.
@pytest.mark.parametrize("width", [360, 412])
def test_the_rows_after_the_first_move_no_column(open_page, site_url, width):
    page = loaded(open_page, site_url, width)
    whole = page.evaluate(GEOMETRY), page.evaluate(HEADER_HEIGHT)
    assert page.evaluate(PARTLY_PARSED) >= 3
    part = page.evaluate(GEOMETRY), page.evaluate(HEADER_HEIGHT)
    assert part[0]["columns"] == whole[0]["columns"]
    assert part[0]["table"][0] == whole[0]["table"][0]
    assert part[1] == whole[1], "the header row's height changed with the rows below it"


# Each word of the table's text, and how many line boxes it spans (2 when a word is broken).
BROKEN_WORDS = """() => {
  const table = document.querySelector("#gd-opening-table");
  const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
  const broken = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest(".katex")) continue;
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}"""


def test_a_phone_scrolls_the_table_rather_than_break_its_words(open_page, site_url):
    page = loaded(open_page, site_url, 360)
    sizes = page.evaluate(
        """() => {
          const table = document.querySelector("#gd-opening-table");
          const wrap = table.closest(".md-typeset__scrollwrap");
          return [wrap.scrollWidth, wrap.clientWidth, document.documentElement.scrollWidth];
        }"""
    )
    table_width, box_width, page_width = sizes
    assert table_width > box_width, "the table fits: the widths were meant for a phone's scroll"
    assert page_width <= 360, "the page itself scrolls sideways"
    assert page.evaluate(BROKEN_WORDS) == []

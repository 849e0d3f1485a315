"""Tables keep their rows short: no cell a column of words, on a desktop screen or a phone.

Found by a visual review: the updates page's race table gave gdlib's whole stopping message
("converged: gradient norm 9.9e-07 <= 1e-06") to a 122 px column at 1,280 px, 5 lines a row,
143 px tall; the learning-rate page's table, its columns held at the theme's 5rem least width
and 18 px either side, had a message 10 lines tall at 480 px (11 at 360 px once the padding
narrowed); and the reference's parameter tables squeezed each description into a 129 px column
beside its default at 360 px (up to 32 lines). The race table now says why in few words
(scripts/_race_table.py), a phone's tables take narrower padding, and the reference's rows and
the learning-rate page's runs stack on a phone (extra.css; gd_markdown/table_cards.py names the
cells).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Each table of the page (collapsed blocks opened): its headings, its width and its scroll box's,
# and for each cell its width and its number of lines (its text's boxes, grouped by line).
TABLES = """() => {
  document.querySelectorAll('details').forEach((details) => { details.open = true; });
  return [...document.querySelectorAll('.md-typeset table')].map((table) => {
    // Boxes whose tops lie within half a line of a line's first box are on that line: a
    // superscript's box starts higher than its line's text (10⁻⁶ had counted as 3 lines).
    const lines = (cell) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      const half = (parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize)) / 2;
      const tops = [...range.getClientRects()].filter((box) => box.width > 1)
        .map((box) => box.top).sort((a, b) => a - b);
      let count = 0, start = -Infinity;
      for (const top of tops) if (top > start + half) [count, start] = [count + 1, top];
      return count;
    };
    const scroll = table.closest('.md-typeset__scrollwrap') || table.parentElement;
    return {
      headings: [...table.querySelectorAll('th')].map((th) => th.textContent.trim()),
      docstring: Boolean(table.closest('.doc-contents')),
      width: table.getBoundingClientRect().width,
      room: scroll.clientWidth,
      cells: [...table.querySelectorAll('tbody td')].map((td) => ({
        width: td.getBoundingClientRect().width, lines: lines(td), text: td.textContent.trim(),
      })),
    };
  });
}"""


def _tables(open_page, site_url, path, width):
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(site_url + path)
    return page.evaluate(TABLES)


def test_the_race_table_fits_the_column_in_rows_two_lines_tall(open_page, site_url):
    tables = _tables(open_page, site_url, "concepts/updates/", 1280)
    (race,) = [t for t in tables if "stopped because" in t["headings"]]
    assert len(race["cells"]) == 6 * 8
    assert race["width"] <= race["room"] + 0.5, "the table scrolls"
    tall = [(c["lines"], c["text"]) for c in race["cells"] if c["lines"] > 2]
    assert tall == []


@pytest.mark.parametrize("width", [320, 360, 412, 480])
def test_a_phone_shows_each_learning_rate_run_as_a_card(open_page, site_url, width):
    """In four columns the messages had 12, 11, 8 and 6 lines at these widths (the table 807,
    761, 553 and 461 px tall, 1 px wider than the page at 320 px); each row is a card now."""
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(site_url + "concepts/learning-rate/")
    (runs,) = page.evaluate(TABLES)
    assert runs["headings"] == ["case", "learning rate", "what gdlib reported", "final value"]
    assert runs["width"] <= runs["room"] + 0.5, "the table scrolls"
    assert max(c["lines"] for c in runs["cells"]) <= 4, runs["cells"]
    assert all(c["width"] >= 0.95 * runs["width"] for c in runs["cells"]), "cells share lines"
    # each cell after its column's name, which the build copied from the headings
    labels = page.evaluate(
        "() => [...document.querySelectorAll('.gd-cards td')]"
        ".map((td) => getComputedStyle(td, '::before').content)"
    )
    assert labels == [f'"{h}: " / ""' for h in runs["headings"]] * 4


def test_the_learning_rate_cards_stay_a_table_for_a_screen_reader(open_page, site_url):
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + "concepts/learning-rate/")
    tree = page.locator(".gd-cards table").aria_snapshot()
    for heading in ["case", "learning rate", "what gdlib reported", "final value"]:
        assert f'columnheader "{heading}"' in tree  # hidden from sight only
    assert 'cell "stopped: reached max_iter = 200"' in tree  # its drawn name not read again


def test_a_desktop_keeps_the_learning_rate_table_in_rows(open_page, site_url):
    page = open_page(viewport={"width": 1280, "height": 800})
    page.goto(site_url + "concepts/learning-rate/")
    tops = page.evaluate(
        "() => [...document.querySelectorAll('.gd-cards tr')]"
        ".map((tr) => new Set([...tr.children].map((c) => c.getBoundingClientRect().top)).size)"
    )
    assert tops == [1] * 5  # the headings' row and four runs, each row's cells side by side


def test_a_phones_parameter_rows_keep_their_column_names_for_a_screen_reader(open_page, site_url):
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(site_url + "code/reference/optimizers/")
    table = page.locator(".doc-contents table").filter(has_text="Default").first
    tree = table.aria_snapshot()
    for heading in ["Name", "Type", "Description", "Default"]:
        assert f'columnheader "{heading}"' in tree  # hidden from sight only
    assert 'cell "Default:' not in tree  # the drawn "Default:" not read after the column's name


@pytest.mark.parametrize(
    "path", ["code/reference/optimizers/", "code/reference/surfaces-and-descent/"]
)
def test_a_phone_gives_each_parameters_description_the_whole_width(open_page, site_url, path):
    tables = _tables(open_page, site_url, path, 360)
    parameters = [t for t in tables if "Default" in t["headings"]]
    assert len(parameters) >= 3
    for table in [t for t in tables if t["docstring"]]:  # a table of formulas may scroll
        assert table["width"] <= table["room"] + 0.5, f"{table['headings']} scrolls"
    for table in parameters:
        # the description and the default, each across the whole width
        across = table["cells"][2::4] + table["cells"][3::4]
        assert all(c["width"] >= 0.95 * table["width"] for c in across), table["headings"]

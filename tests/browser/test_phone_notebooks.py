"""The notebook pages: code gets the width, with no "In [n]:" prompts; from 720 px up every line
of code fits its cell, and on a phone it keeps each line whole (a wide cell scrolls sideways);
outputs wrap between numbers, inside one only where the browser's own line breaking may (after
an exponent's hyphen, "1.6e-" then "14"), never between two digits."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = """() => { const cell = document.querySelector('.jp-CodeCell');
    const shown = (selector) => [...document.querySelectorAll(selector)]
        .filter((e) => e.getClientRects().length > 0).length;
    return { cell: cell.getBoundingClientRect().width,
             code: cell.querySelector('.jp-InputArea-editor, .jp-CodeMirrorEditor, .highlight')
                 .getBoundingClientRect().width,
             prompts: [shown('.jp-InputPrompt'), shown('.jp-OutputPrompt')] }; }"""


@pytest.mark.parametrize("path", ["code/numpy/", "code/pytorch/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_code_cells_take_the_width_without_prompts(browser, site_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    sizes = page.evaluate(WIDTHS)
    context.close()
    assert sizes["prompts"] == [0, 0], sizes
    assert sizes["code"] >= 0.9 * sizes["cell"], sizes  # 0.69 on a phone with the prompts


# The code cells wider than their text, each with its first line: all cells drawn first.
WIDE_CELLS = """async () => {
  document.querySelectorAll('.jp-Cell').forEach((e) => { e.style.contentVisibility = 'visible'; });
  await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const cells = [...document.querySelectorAll('.jupyter-wrapper .highlight-ipynb pre')];
  return { count: cells.length, wide: cells.filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => `${e.scrollWidth} px in ${e.clientWidth}: ${e.textContent.slice(0, 50)}`) };
}"""


@pytest.mark.parametrize("path", ["code/numpy/", "code/pytorch/"])
@pytest.mark.parametrize("width", [1280, 960, 720])
def test_from_720_px_up_no_code_cell_scrolls_sideways(browser, site_url, path, width):
    """At 1,280 px 19 of the 20 cells scrolled, by up to 327 px: 79 columns (ruff's line length
    for docs/code) fit the narrowest cell of each layout, 644 px at 960 and 646 at 720 and 1280."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    found = page.evaluate(WIDE_CELLS)
    context.close()
    assert found["count"] >= 8 and found["wide"] == [], found


# Each number in the outputs, character by character: a number drawn on two lines was split by a
# wrap. A break just after an exponent's hyphen ("1.6e-" / "14") is the browser's ordinary line
# breaking and reads as one; one between digits ("1.6e-1" / "4") reads as another number.
SPLIT_NUMBERS = r"""() => {
  const split = [];
  let checked = 0;
  const top = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return Math.round(range.getBoundingClientRect().top);
  };
  for (const pre of document.querySelectorAll('.jp-OutputArea-output pre')) {
    const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/-?\d+(\.\d+)?(e[-+]?\d+)?/g)) {
        checked += 1;
        for (let i = match.index + 1; i < match.index + match[0].length; i += 1) {
          const afterExponent = node.data.slice(i - 2, i) === 'e-';
          if (top(node, i) !== top(node, i - 1) && !afterExponent) split.push(match[0]);
        }
      }
    }
  }
  return { split, checked }; }"""


def _on_a_phone(browser, url: str, script: str):
    """Load `url` at 360 px with every notebook cell drawn and return what `script` finds."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(url)
    drawn = "(c) => c.style.contentVisibility = 'visible'"
    page.evaluate(f"() => document.querySelectorAll('.jp-Cell').forEach({drawn})")
    found = page.evaluate(script)
    context.close()
    return found


@pytest.mark.parametrize("path", ["code/numpy/", "code/pytorch/"])
def test_outputs_on_a_phone_never_split_a_number_across_lines(browser, site_url, path):
    found = _on_a_phone(browser, site_url + path, SPLIT_NUMBERS)
    assert found["checked"] > 10 and found["split"] == [], found


# Each code cell's lines of source against the lines it is drawn on.
CODE_LINES = """() => [...document.querySelectorAll('.jupyter-wrapper .highlight-ipynb pre')]
  .map((pre) => {
    const style = getComputedStyle(pre);
    const inner = pre.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return { source: pre.textContent.replace(/\\n+$/, '').split('\\n').length,
             drawn: inner / parseFloat(style.lineHeight), wide: pre.scrollWidth > pre.clientWidth };
  })"""


@pytest.mark.parametrize("path", ["code/numpy/", "code/pytorch/"])
def test_code_on_a_phone_keeps_each_line_whole_and_scrolls_sideways(browser, site_url, path):
    """Wrapped, a line broke mid-word ("record=Tr" / "ue") and went on at the left edge, where
    Python's indentation is read."""
    cells = _on_a_phone(browser, site_url + path, CODE_LINES)
    assert len(cells) >= 5
    # Whole lines: a wrap adds one; a cell of 61 lines measures 60.9 (its height's rounding).
    assert [round(c["drawn"]) for c in cells] == [c["source"] for c in cells], cells
    assert any(c["wide"] for c in cells)  # the check can fail: some lines are wider than a phone


def test_the_keyboard_reaches_a_cell_that_scrolls_and_sees_where_focus_is(browser, site_url):
    # On a phone: from 720 px up no cell scrolls (test_from_720_px_up_no_code_cell_scrolls...).
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(site_url + "code/numpy/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.highlight-ipynb pre')"):
            break
    focused = page.evaluate(
        """() => { const el = document.activeElement, s = getComputedStyle(el);
                   return { code: el.matches('.highlight-ipynb pre'),
                            wide: el.scrollWidth > el.clientWidth,
                            outline: [s.outlineStyle, parseFloat(s.outlineWidth)] }; }"""
    )
    context.close()
    assert focused["code"] and focused["wide"], focused
    assert focused["outline"][0] == "solid" and focused["outline"][1] >= 2, focused

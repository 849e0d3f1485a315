"""The theme's script leaves the tables the build boxed where they are (gd_markdown/table_boxes.py).

Material's script takes each class-less table out of the page and puts it back inside its scroll
boxes when it starts, and the browser styles and lays out each table again. The build now writes
those boxes itself and marks each table `gd-table`: these tests record every table the page
loses while the theme starts (none), check that no box is wrapped twice, and that a boxed table
is styled exactly as the same table without its class (the theme's rules and the site's reach
both), at a desktop's and a phone's width.
"""

from __future__ import annotations

import pytest
from navigation import theme_started

pytestmark = pytest.mark.browser

PAGES = ("code/reference/surfaces-and-descent/", "concepts/learning-rate/")

# Before any script of the page: count each table taken out of the document (replaceWith too).
RECORD_REMOVALS = """
window.__tablesRemoved = 0;
new MutationObserver((records) => {
  for (const record of records) for (const node of record.removedNodes) {
    if (node.nodeType !== 1) continue;
    window.__tablesRemoved += node.matches("table") ? 1 : node.querySelectorAll("table").length;
  }
}).observe(document, { childList: true, subtree: true });
"""

BOXES = """() => ({
  tables: document.querySelectorAll("article table").length,
  boxed: document.querySelectorAll(
    "article .md-typeset__scrollwrap > .md-typeset__table > table.gd-table").length,
  boxes: document.querySelectorAll("article .md-typeset__scrollwrap").length,
  nested: document.querySelectorAll(".md-typeset__scrollwrap .md-typeset__scrollwrap").length,
  removed: window.__tablesRemoved,
})"""

# Every computed property of a boxed table and its first row's cells, against a class-less copy
# in a copy of its boxes placed after them (the state the theme's own rules were written for).
AS_CLASSLESS = """() => {
  const table = document.querySelector("article table.gd-table");
  const boxes = table.closest(".md-typeset__scrollwrap");
  const copyBoxes = boxes.cloneNode(true);
  const copy = copyBoxes.querySelector("table");
  copy.removeAttribute("class");
  boxes.after(copyBoxes);
  const parts = (t) => [t, t.querySelector("th"), t.querySelector("tbody td")];
  const style = (el) => { const s = getComputedStyle(el);
    return Object.fromEntries([...s].filter((n) => !n.startsWith("--")).map((n) =>
      [n, s.getPropertyValue(n)])); };
  const differ = parts(table).map((el, i) => {
    const [a, b] = [style(el), style(parts(copy)[i])];
    return Object.keys(a).filter((n) => a[n] !== b[n]).map((n) => `${n}: ${a[n]} vs ${b[n]}`);
  });
  copyBoxes.remove();
  return differ.flat();
}"""


def started(page) -> None:
    """The theme has started, and the site's scripts have marked its scroll boxes (a11y.js)."""
    theme_started(page, 300)
    marked = "() => document.documentElement.hasAttribute('data-gd-scrollers-marked')"
    page.wait_for_function(marked)


@pytest.mark.parametrize("width", [412, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_the_theme_takes_no_table_out(open_page, site_url, path, width):
    page = open_page(viewport={"width": width, "height": 823})
    page.add_init_script(RECORD_REMOVALS)
    page.goto(site_url + path)
    started(page)
    found = page.evaluate(BOXES)
    assert found["tables"] >= 1
    assert found["boxed"] == found["tables"] == found["boxes"], found
    assert found["nested"] == 0, found
    assert found["removed"] == 0, f"the theme took {found['removed']} tables out and back"
    assert page.watch.console_errors == []


@pytest.mark.parametrize("width", [412, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_a_boxed_table_is_styled_as_a_classless_one(open_page, site_url, path, width):
    page = open_page(viewport={"width": width, "height": 823})
    page.goto(site_url + path)
    started(page)
    assert page.evaluate(AS_CLASSLESS) == []

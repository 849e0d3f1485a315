"""A live figure's sentences keep each number on one line on a phone (js/src/widgets/unbroken.js).

Chromium breaks a line after a hyphen: at 360 and 412 px six figures' status or summary lines
read "9.7e-" on one line and "07" on the next. Each number with an exponent now sits in a span
that does not wrap; the text a screen reader or a test reads is unchanged.
"""

from __future__ import annotations

import pytest
from live_helpers import LIVE, bring_in, wrapper

pytestmark = pytest.mark.browser

# Each number with an exponent in a figure's sentences, with the number of lines it spans.
SPANS = r"""(root) => {
  const found = [];
  for (const line of root.querySelectorAll(
    '.gd-live__status, .gd-live__summary, .gd-live__message')) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\d+(?:\.\d+)?e[-+]\d+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        found.push([match[0], tops.size]);
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize(("path", "name"), LIVE, ids=[path for path, _ in LIVE])
def test_no_number_is_broken_across_lines_on_a_phone(open_page, site_url, path, name):
    page = open_page(viewport={"width": 360, "height": 740}, reduced_motion="reduce")
    page.goto(site_url + path)
    broken, seen = [], 0
    for width in (360, 412):
        page.set_viewport_size({"width": width, "height": 740})
        bring_in(page, name)
        spans = wrapper(page, name).evaluate(SPANS)
        seen += len(spans)
        broken += [(width, number) for number, lines in spans if lines > 1]
    page.close()
    assert not broken, f"numbers split across lines: {broken}"
    if name in {"rate", "criteria", "escape", "schedules", "tangent", "gradient"}:
        assert seen, "these figures' sentences show a number with an exponent to keep whole"

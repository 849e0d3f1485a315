"""The reference pages' skipped boxes (extra.css): each one holds an entry worth skipping.

The browser skips drawing a function's or class's docstring while it is off screen and sizes it
from an estimate (40em) meanwhile. An empty box or a one-line attribute sized so is a large
error for nothing saved: near the top of the optimizers page, one moved the next entry as the page
loaded (a layout shift of 0.058). Attributes' entries are drawn as they are; every skipped box
holds text.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "code/reference/surfaces-and-descent/",
    "code/reference/optimizers/",
    "code/reference/rates-and-schedules/",
    "code/reference/regression/",
]
BOXES = """() => [...document.querySelectorAll('.doc-object > .doc-contents')].map((box) => ({
    id: box.parentElement.querySelector(':scope > .doc-heading')?.id ?? '?',
    kind: [...box.parentElement.classList].find((c) => c.startsWith('doc-') && c !== 'doc-object'),
    skipped: getComputedStyle(box).contentVisibility === 'auto',
    text: box.textContent.trim().length }))"""


@pytest.mark.parametrize("path", PAGES)
def test_only_functions_and_classes_with_text_are_skipped(page, site_url, path):
    page.goto(site_url + path)
    boxes = page.evaluate(BOXES)
    skipped = [box for box in boxes if box["skipped"]]
    assert skipped, "the page skips no entry: the rule in extra.css no longer matches"
    assert [box for box in skipped if box["kind"] not in ("doc-function", "doc-class")] == []
    assert [box["id"] for box in skipped if box["text"] == 0] == []

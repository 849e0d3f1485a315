"""The table a page opens with is marked for the stylesheet's fixed layout.

gd_markdown/opening_table.py marks it.

Read from the session's strict build (`built_site`, tests/conftest.py): a page whose article opens
with a table, before its first section, gives that table the id `gd-opening-table` (extra.css lays
it out fixed, so a half-parsed table or a late font moves no column); pages whose tables come later
or sit inside another element are not marked; and no page holds its first paint for a table any
more (`<link rel="expect">`, which the fixed layout made redundant).
"""

from __future__ import annotations

import re

MARK = 'id="gd-opening-table"'


def marked_pages(built_site) -> dict[str, str]:
    """Page -> its HTML, for every page with a marked opening table."""
    marked = {}
    for page in sorted(built_site.root.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        assert text.count(MARK) <= 1, page
        if MARK in text:
            marked[page.parent.relative_to(built_site.root).as_posix()] = text
    return marked


def test_the_marked_table_opens_the_article(built_site):
    marked = marked_pages(built_site)
    assert {"variants/comparison", "concepts/schedules"} <= set(marked)
    for name, text in marked.items():
        tag = re.search(rf"<(\w+)\b[^>]*\b{MARK}", text)
        assert tag and tag.group(1) == "table", f"{name}: the mark is not on a table"
        article = text.index("<article")
        end = text.find("<h2", article)
        end = end if end > 0 else text.index("</article>", article)
        assert article < tag.start() < end, f"{name}: the marked table is not in the opening"


def test_pages_whose_tables_come_later_are_not_marked(built_site):
    marked = marked_pages(built_site)
    # Each has a table, after its opening or nested in another element: the explorer's table of
    # path points sits in a closed <details>, the optimizers' in their docstrings' boxes.
    later = ["explore", "concepts/learning-rate", "concepts/updates", "code/reference/optimizers"]
    for name in later:
        text = (built_site.root / name / "index.html").read_text(encoding="utf-8")
        assert "<table" in text, f"{name} has no table any more: pick another page"
        assert name not in marked, name


def test_no_page_holds_its_first_paint(built_site):
    for page in sorted(built_site.root.rglob("*.html")):
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert 'rel="expect"' not in head, page

"""A page that opens with a table paints it whole (hooks/first_paint.py); other pages paint at once.

Read from the session's strict build (`built_site`, tests/conftest.py): a page whose article opens
with a table, before its first section, holds its first paint with
`<link rel="expect" blocking="render">` until that table is parsed; the link names a table the
page really has, before the first `<h2>`; pages without such a table do not hold their paint.
"""

from __future__ import annotations

import re

EXPECT = re.compile(r'<link rel="expect" href="#([^"]+)" blocking="render">')


def held_pages(built_site) -> dict[str, tuple[str, str]]:
    """Page -> (the id its head waits for, the page's HTML), for every page that holds its paint."""
    held = {}
    for page in sorted(built_site.root.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        waits = EXPECT.findall(text[: text.index("</head>")])
        assert len(waits) <= 1, page
        if waits:
            held[page.parent.relative_to(built_site.root).as_posix()] = (waits[0], text)
    return held


def test_the_held_paint_waits_for_a_table_before_the_first_section(built_site):
    held = held_pages(built_site)
    assert "variants/comparison" in held, "the page whose opening table reflowed while it loaded"
    for name, (target, text) in held.items():
        tag = re.search(rf'<(\w+)\b[^>]*\bid="{re.escape(target)}"', text)
        assert tag and tag.group(1) == "table", f"{name}: #{target} is not a table"
        article = text.index("<article")
        end = text.find("<h2", article)
        end = end if end > 0 else text.index("</article>", article)
        assert article < tag.start() < end, f"{name}: #{target} is not in the opening"


def test_pages_whose_tables_come_later_paint_at_once(built_site):
    held = held_pages(built_site)
    # Each has a table, after its opening or nested in another element: the explorer's table of
    # path points sits in a closed <details>, the optimizers' in their docstrings' boxes.
    later = ["explore", "concepts/learning-rate", "concepts/updates", "code/reference/optimizers"]
    for name in later:
        text = (built_site.root / name / "index.html").read_text(encoding="utf-8")
        assert "<table" in text, f"{name} has no table any more: pick another page"
        assert name not in held, name

"""Mark the table in a page's opening lines, which the stylesheet lays out fixed.

The browser paints while it parses. A table's columns are sized from every row, so a table drawn
half-parsed reflows when its last rows arrive: on `/variants/comparison/` the opening table's header
row grew from 73 to 119 px 1.2 to 1.9 s into a slow load. And a column widens when the KaTeX fonts
of its formulas arrive (both in benchmarks/HISTORY.md). This post-processor gives the first table
that comes before the page's first `<h2>` as a top-level block of the page's content the id
`gd-opening-table` (a table with an id of its own is refused: the layout is keyed on this one), and
extra.css lays that table out fixed: the columns take their widths from the first row alone, so
neither a later row nor a font moves them (tests/browser/test_opening_table.py). Tables nested in
other elements are left alone: the explorer's list of path points, say, sits in a closed
`<details>`.

Until session 21 this (then the hook hooks/first_paint.py, from commit ab939e0; a hook
hooks/opening_table.py until session 55) also held the page's first paint until the table was parsed
(`<link rel="expect" blocking="render">`). The fixed layout, added in session 18, made that hold
redundant (0 of 15 and 0 of 12 loads shifted without it at 6x slowdown), and it cost the first
paint: a median 940 -> 648 ms on the comparison page at 6x, and in 3 of 7 Lighthouse runs Chromium
painted nothing until 1.2 s, after DOMContentLoaded.
"""

from __future__ import annotations

from gd_markdown._html_depth import DepthParser, offsets
from gd_markdown._html_pass import html_pass

OPENING_TABLE_ID = "gd-opening-table"
CHUNK = 8192  # characters fed to the parser at a time: the search stops at the first <h2>


class _OpeningTable(DepthParser):
    """The content's first top-level `<table>` before its first `<h2>`: (line, column) and id."""

    def __init__(self) -> None:
        super().__init__()
        self.found: tuple[tuple[int, int], str | None] | None = None
        self.done = False

    def opened(self, tag: str, attrs) -> None:
        if self.depth == 0 and not self.done:
            if tag == "table":
                self.found, self.done = (self.getpos(), dict(attrs).get("id")), True
            self.done = self.done or tag == "h2"


def mark_opening_table(content: str) -> str:
    """Give the opening table of a page's `content`, if any, the id the stylesheet lays out fixed.

    >>> page = '<h1>A</h1><p>a</p><table><tr><td>1</td></tr></table><h2 id="b">B</h2>'
    >>> mark_opening_table(page) == page.replace('<table>', '<table id="gd-opening-table">')
    True
    >>> after_a_section = '<h2>B</h2><table></table>'
    >>> mark_opening_table(after_a_section) == after_a_section
    True
    >>> nested = '<details><table></table></details>'
    >>> mark_opening_table(nested) == nested
    True
    >>> marked = mark_opening_table(page)
    >>> mark_opening_table(marked) == marked
    True
    >>> mark_opening_table('<table id="t"></table>')
    Traceback (most recent call last):
    ValueError: the opening table has an id of its own, 't': extra.css lays out #gd-opening-table
    """
    parser = _OpeningTable()
    for start in range(0, len(content), CHUNK):  # whole articles: 0.4 to 0.55 s a build, not 0.16
        parser.feed(content[start : start + CHUNK])
        if parser.done:
            break
    if parser.found is None:
        return content
    (line, column), table_id = parser.found
    if table_id == OPENING_TABLE_ID:
        return content
    if table_id:  # a second id cannot be added, and the fixed layout is keyed on this one
        raise ValueError(
            f"the opening table has an id of its own, {table_id!r}: "
            f"extra.css lays out #{OPENING_TABLE_ID}"
        )
    (at,) = offsets(content, [(line, column)])
    if content[at : at + len("<table")].lower() != "<table":
        raise ValueError(f"no opening table at offset {at}: {content[at : at + 40]!r}")
    tag_name_end = at + len("<table")
    return f'{content[:tag_name_end]} id="{OPENING_TABLE_ID}"{content[tag_name_end:]}'


# Python-Markdown's entry point: `markdown_extensions: [gd_markdown.opening_table]`.
makeExtension = html_pass(mark_opening_table, "gd_opening_table")  # noqa: N816

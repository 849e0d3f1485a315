"""MkDocs hook: hold a page's first paint until the table in its opening lines is parsed whole.

The browser paints while it parses. A table's columns are sized from every row, so a table drawn
half-parsed reflows when its last rows arrive: on `/variants/comparison/`, whose opening table
holds formulas, the header row grew from 73 to 119 px 1.2 to 1.9 s into a slow load (layout shift
up to 0.018; 5 of 10 loads at 6x CPU slowdown, 412 px wide). With the fonts blocked the header is
as tall (120 px) as with them: the cause is the partial parse, not the fonts.

`<link rel="expect" href="#ID" blocking="render">` in the head asks the browser not to render
until the element with that id has been parsed. This hook adds one for the first table that
comes before the page's first `<h2>` as a block of the article itself (giving it an id if it has
none), so that the first paint already holds the whole table. After the change, 0 of 16 such
loads shifted. Tables nested in other elements are left alone: the explorer's list of path
points, say, sits in a closed `<details>`. Browsers that do not know `rel="expect"` ignore it and
paint as before. Pages with no such table are left as they are: holding the paint would cost
them time and buy nothing.
"""

from __future__ import annotations

import re

from _head import add_to_head
from _html_depth import DepthParser, offsets
from mkdocs.plugins import event_priority

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')  # the theme's one article
OPENING_TABLE_ID = "gd-opening-table"
CHUNK = 8192  # characters fed to the parser at a time: the search stops at the first <h2>


class _OpeningTable(DepthParser):
    """The article's first own `<table>` before its first own `<h2>`: (line, column) and id."""

    def __init__(self) -> None:
        super().__init__()
        self.found: tuple[tuple[int, int], str | None] | None = None
        self.done = False

    def opened(self, tag: str, attrs) -> None:
        if self.depth == 1 and not self.done:
            if tag == "table":
                self.found, self.done = (self.getpos(), dict(attrs).get("id")), True
            self.done = self.done or tag == "h2"

    def closed(self, tag: str) -> None:
        self.done = self.done or self.depth <= 0


def hold_first_paint(page_html: str) -> str:
    """Hold the first paint of `page_html` until its opening table, if any, is parsed.

    >>> head = '<head><script data-gd-theme-start></script></head>'
    >>> page = (head + '<article class="md-content__inner md-typeset"><p>a</p>'
    ...         '<table><tr><td>1</td></tr></table><h2 id="b">B</h2></article>')
    >>> held = hold_first_paint(page)
    >>> '<link rel="expect" href="#gd-opening-table" blocking="render"><script' in held
    True
    >>> '<table id="gd-opening-table">' in held
    True
    >>> article = '<head></head><article class="md-content__inner md-typeset">'
    >>> after_a_section = article + '<h2>B</h2><table></table></article>'
    >>> hold_first_paint(after_a_section) == after_a_section
    True
    >>> nested = article + '<details><table></table></details></article>'
    >>> hold_first_paint(nested) == nested
    True
    """
    article = ARTICLE.search(page_html)
    if article is None:
        return page_html
    parser = _OpeningTable()
    text = page_html[article.start() : page_html.find("</article>", article.start())]
    for start in range(0, len(text), CHUNK):  # whole articles: 0.4 to 0.55 s a build, not 0.16
        parser.feed(text[start : start + CHUNK])
        if parser.done:
            break
    if parser.found is None:
        return page_html
    (line, column), table_id = parser.found
    if not table_id:
        table_id = OPENING_TABLE_ID
        (at,) = offsets(page_html[article.start() :], [(line, column)])
        at += article.start()
        if page_html[at : at + len("<table")].lower() != "<table":
            raise ValueError(f"no opening table at offset {at}: {page_html[at : at + 40]!r}")
        tag_name_end = at + len("<table")
        page_html = f'{page_html[:tag_name_end]} id="{table_id}"{page_html[tag_name_end:]}'
    link = f'<link rel="expect" href="#{table_id}" blocking="render">'
    return add_to_head(page_html, link)


@event_priority(-90)  # after the pages' content is final (KaTeX -60, fonts -70), before csp (-100)
def on_post_page(output: str, page, config) -> str:
    """MkDocs entry point: hold the first paint on pages that open with a table."""
    return hold_first_paint(output)

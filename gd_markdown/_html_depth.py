"""HTMLParser with the nesting depth, and its (line, column) positions as string offsets.

The page passes that find blocks of a page by their place in the tree (gd_markdown/sections.py, the
top-level headings; opening_table.py, the article's opening table; table_cards.py, the card tables'
cells) share this: a parser that counts how deep it is (void elements open nothing) and the
conversion of HTMLParser's positions, whose lines end at newlines only, into offsets in the parsed
text.
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


class DepthParser(HTMLParser):
    """An HTMLParser that calls `opened(tag, attrs)` and `closed(tag)` with `depth` kept.

    `opened` sees the depth of the element's parent's children (0 at the top of the text);
    `closed` sees the same depth again, the element's own children no longer counted.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0

    def opened(self, tag: str, attrs) -> None:
        """Handle a start tag, `depth` being the depth the element sits at."""

    def closed(self, tag: str) -> None:
        """Handle an end tag, `depth` being back at the depth the element sits at."""

    def handle_starttag(self, tag: str, attrs) -> None:
        self.opened(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_ELEMENTS:
            self.depth -= 1
        self.closed(tag)


def offsets(text: str, positions: list[tuple[int, int]]) -> list[int]:
    r"""Character offsets in `text` of HTMLParser's 1-based line, 0-based column positions.

    HTMLParser counts lines at "\n" only (`str.splitlines` would also split at "\u2028").

    >>> offsets("a\u2028b\nc<table>", [(2, 1)])
    [5]
    """
    line_starts = [0]
    for line in text.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    return [line_starts[line - 1] + column for line, column in positions]

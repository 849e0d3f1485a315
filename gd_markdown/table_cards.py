"""Label each cell of a table a page marks `gd-cards`, which a phone shows as cards.

A table of runs whose last column quotes gdlib's messages (the learning-rate page's) squeezed
each message into a column a fifth of a phone's width: 11 lines a cell at 360 px, 12 at 320. On
a phone extra.css stacks each row of a table inside `<div class="gd-cards" markdown>` into a card,
one cell a line, each after its column's name. The names come from here, at build time, from the
table's own headings: each body cell gets `data-label="<its column's heading>"`, which the
stylesheet shows, so a heading renamed in the Markdown renames its labels too.

The table stays a `<table>`, its headings still there for a screen reader (visually hidden on a
phone, not removed). A table whose display the stylesheet changes loses its table semantics in
some browsers (WebKit's accessibility tree has dropped them for a table shown as a block), so its
elements also get their roles (`role="table"`, `"row"`, `"cell"`...), which keep them.
"""

from __future__ import annotations

import html

from gd_markdown._html_depth import DepthParser, offsets
from gd_markdown._html_pass import html_pass

CARDS_CLASS = "gd-cards"
ROLES = {
    "table": "table",
    "thead": "rowgroup",
    "tbody": "rowgroup",
    "tr": "row",
    "th": "columnheader",
    "td": "cell",
}


class _CardTables(DepthParser):
    """Each table element inside a `gd-cards` block: where its tag's name ends, and its label."""

    def __init__(self) -> None:
        super().__init__()
        self.cards_depth: int | None = None  # the depth of the open gd-cards block's children
        self.marks: list[tuple[tuple[int, int], str, str]] = []  # (position, tag, attributes)
        self.headings: list[str] = []
        self.heading: list[str] | None = None  # the open <th>'s text so far
        self.column = 0

    def opened(self, tag: str, attrs) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.cards_depth is None and CARDS_CLASS in classes:
            self.cards_depth = self.depth + 1
            return
        if self.cards_depth is None or tag not in ROLES:
            if self.heading is not None and "arithmatex" in classes:
                raise ValueError("a gd-cards table's heading holds a formula: labels are text")
            return
        attributes = f' role="{ROLES[tag]}"'
        if tag == "table":
            self.headings = []
        elif tag == "tr":
            self.column = 0
        elif tag == "th":
            self.heading = []
        elif tag == "td":
            if self.column >= len(self.headings):
                raise ValueError("a gd-cards table's row has more cells than its headings")
            label = html.escape(self.headings[self.column], quote=True)
            attributes += f' data-label="{label}"'
            self.column += 1
        self.marks.append((self.getpos(), tag, attributes))

    def closed(self, tag: str) -> None:
        if self.cards_depth is not None and self.depth < self.cards_depth:
            self.cards_depth = None
        if tag == "th" and self.heading is not None:
            self.headings.append(" ".join(html.unescape("".join(self.heading)).split()))
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def label_card_tables(content: str) -> str:
    r"""Give each `gd-cards` table's elements their roles and each body cell its column's name.

    >>> page = ('<div class="gd-cards"><table><thead><tr><th>case</th>'
    ...         '<th><abbr title="t">rate &amp; size</abbr></th></tr></thead>'
    ...         '<tbody><tr><td>a</td><td>1</td></tr></tbody></table></div>')
    >>> print(label_card_tables(page).replace("><", ">\n<"))
    <div class="gd-cards">
    <table role="table">
    <thead role="rowgroup">
    <tr role="row">
    <th role="columnheader">case</th>
    <th role="columnheader">
    <abbr title="t">rate &amp; size</abbr>
    </th>
    </tr>
    </thead>
    <tbody role="rowgroup">
    <tr role="row">
    <td role="cell" data-label="case">a</td>
    <td role="cell" data-label="rate &amp; size">1</td>
    </tr>
    </tbody>
    </table>
    </div>
    >>> other = '<table><tr><td>1</td></tr></table><div class="gd-cards"></div><table></table>'
    >>> label_card_tables(other) == other
    True
    >>> label_card_tables('<div class="gd-cards"><table><tr><td>1</td></tr></table></div>')
    Traceback (most recent call last):
    ValueError: a gd-cards table's row has more cells than its headings
    """
    if CARDS_CLASS not in content:  # most pages: parsing each took 0.4 s of the warm rebuild
        return content
    parser = _CardTables()
    parser.feed(content)
    parser.close()
    if not parser.marks:
        return content
    starts = offsets(content, [position for position, _, _ in parser.marks])
    pieces, cursor = [], 0
    for at, (_, tag, attributes) in zip(starts, parser.marks, strict=True):
        name_end = at + 1 + len(tag)
        if content[at:name_end].lower() != f"<{tag}":
            raise ValueError(f"no <{tag}> at offset {at}: {content[at : at + 40]!r}")
        pieces += [content[cursor:name_end], attributes]
        cursor = name_end
    pieces.append(content[cursor:])
    return "".join(pieces)


# Python-Markdown's entry point: `markdown_extensions: [gd_markdown.table_cards]`.
makeExtension = html_pass(label_card_tables, "gd_table_cards")  # noqa: N816

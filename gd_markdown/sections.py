"""Box each section of a page so the browser can skip the ones off screen.

A page's Markdown renders to a flat run of blocks: a heading, its paragraphs, formulas and figures,
the next heading. Formula-heavy pages hold thousands of KaTeX elements, and the theme's start-up
code restyles and lays out the whole document several times (a class on <html>, the palette's colour
scheme, fonts arriving). This post-processor wraps the blocks that follow each top-level heading, up
to the next one, in `<div class="gd-section">`; the stylesheet gives those boxes
`content-visibility: auto`, so only the sections near the viewport are styled and laid out, and the
rest wait until the reader scrolls to them. Headings stay outside the boxes: the table of contents,
anchor links and the theme's scroll tracking measure them as before.

Only headings at the top level of the page's content are cut points, and a body with headings
nested inside it is left as it is. The notebooks' pages are not Markdown and are not passed here
(their headings all sit inside the cells' elements: as a hook, this left them unchanged).
"""

from __future__ import annotations

import re

from gd_markdown._html_depth import DepthParser, offsets
from gd_markdown._html_pass import html_pass

SECTION_OPEN = '<div class="gd-section">'
SECTION_CLOSE = "</div>"
HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# A body holding headings of its own stays unboxed: the theme reads every heading's position
# at start-up, and reading one inside a skipped box lays that whole box out.
NESTED_HEADING = re.compile(r"<h[1-6][\s>]")


class _TopLevelHeadings(DepthParser):
    """Find where each top-level heading starts and ends, as (line, column) positions."""

    def __init__(self) -> None:
        super().__init__()
        self.starts: list[tuple[int, int]] = []
        self.ends: list[tuple[int, int]] = []

    def opened(self, tag: str, attrs) -> None:
        if self.depth == 0 and tag in HEADINGS:
            self.starts.append(self.getpos())

    def closed(self, tag: str) -> None:
        if self.depth == 0 and tag in HEADINGS:
            self.ends.append(self.getpos())


def wrap_sections(content: str) -> str:
    """Wrap the blocks after each top-level heading, up to the next heading, in a section box.

    Args:
        content: a page's HTML as Markdown rendered it (no <html> or <body>).

    Returns:
        The same HTML with each heading's body in `<div class="gd-section">`, except bodies
        that hold headings of their own; unchanged when no heading sits at the top level.

    >>> wrap_sections("<p>intro</p><h2>A</h2><p>one</p><h2>B</h2><div><h3>C</h3></div>")
    '<p>intro</p><h2>A</h2><div class="gd-section"><p>one</p></div><h2>B</h2><div><h3>C</h3></div>'

    """
    parser = _TopLevelHeadings()
    parser.feed(content)
    parser.close()
    if parser.depth != 0 or len(parser.starts) != len(parser.ends):
        raise ValueError(f"unbalanced HTML in page content (depth {parser.depth} at the end)")
    if not parser.starts:
        return content
    starts = offsets(content, parser.starts)
    ends = [content.index(">", end) + 1 for end in offsets(content, parser.ends)]
    pieces, cursor = [], 0
    for body_start, body_end in zip(ends, [*starts[1:], len(content)], strict=True):
        body = content[body_start:body_end]
        pieces.append(content[cursor:body_start])
        if body.strip() and not NESTED_HEADING.search(body):
            body = f"{SECTION_OPEN}{body}{SECTION_CLOSE}"
        pieces.append(body)
        cursor = body_end
    pieces.append(content[cursor:])
    return "".join(pieces)


# Python-Markdown's entry point: `markdown_extensions: [gd_markdown.sections]`.
makeExtension = html_pass(wrap_sections, "gd_sections")  # noqa: N816

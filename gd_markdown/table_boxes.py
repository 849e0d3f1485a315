"""Tables in the theme's scroll boxes from the build, not from the theme's start-up script.

Material's script wraps every class-less table of a page's content in two boxes (a scroll box
and an inner one) when it starts: it takes each table out of the page and puts it back inside
them, and the browser styles and lays out every table again, in the theme's first long task
after DOMContentLoaded. On the reference pages (20 to 45 tables of parameters, with formulas)
that restyle of about 2,000 elements was most of a 176 ms task, and Lighthouse's total blocking
time 400 to 440 ms at its 4x slowdown (benchmarks/HISTORY.md, session 48).

`box_tables`, a post-processor of the page's HTML, writes the same boxes in at build time, and gives
each table the class `gd-table`: the script looks for `table:not([class])`, so it passes these by.
The theme's stylesheet styles tables by that same selector; `widen_table_rules` lets its rules match
`.gd-table` as well (hooks/_stylesheets.py applies it to the theme's sheet it cuts; extra.css names
both). A table a script makes later (a live figure's points) has no class, and the theme's rules
style it as before. Without JavaScript the tables now scroll in their boxes too.
"""

from __future__ import annotations

import re

from gd_markdown._html_pass import html_pass

BOXED_CLASS = "gd-table"
THEME_SELECTOR = "table:not([class])"
WIDENED_SELECTOR = f"table:is(:not([class]),.{BOXED_CLASS})"
BOXES_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
BOXES_CLOSE = "</div></div>"

# Where a "<table" in the text is not a table: comments, scripts, styles, templates.
_RAW = r"<!--.*?-->|<(?P<raw_tag>script|style|template|textarea)\b.*?</(?P=raw_tag)\s*>"
_START = r"<table(?=[\s/>])(?P<attributes>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>"
_END = r"</table\s*>"
_TOKENS = re.compile(f"(?P<raw>{_RAW})|(?P<start>{_START})|(?P<end>{_END})", re.S | re.I)
_CLASS_ATTRIBUTE = re.compile(r"(?:^|\s)class(?=[\s=/]|$)", re.I)


def box_tables(content: str) -> str:
    """Put each class-less table of `content` in the theme's scroll boxes, marked `gd-table`.

    >>> box_tables('<p>a</p><table id="t"><tr><td>1</td></tr></table>')
    '<p>a</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table \
class="gd-table" id="t"><tr><td>1</td></tr></table></div></div>'
    >>> kept = '<table class="highlighttable"></table><!-- <table> --><script>"<table>"</script>'
    >>> box_tables(kept) == kept
    True
    >>> box_tables('<table><tr><td><table></table></td></tr></table>').count(BOXES_CLOSE)
    2
    >>> box_tables('<table></table></table>')
    Traceback (most recent call last):
    ValueError: a </table> at offset 15 closes no table
    """
    pieces, cursor, open_tables = [], 0, []
    for token in _TOKENS.finditer(content):
        if token["raw"] is not None:
            continue
        pieces.append(content[cursor : token.start()])
        cursor = token.end()
        if token["start"] is not None:
            attributes = token["attributes"]
            boxed = not _CLASS_ATTRIBUTE.search(attributes)
            open_tables.append(boxed)
            if boxed:
                pieces.append(f'{BOXES_OPEN}<table class="{BOXED_CLASS}"{attributes}>')
            else:
                pieces.append(token.group())
        else:
            if not open_tables:
                raise ValueError(f"a </table> at offset {token.start()} closes no table")
            pieces.append(token.group() + (BOXES_CLOSE if open_tables.pop() else ""))
    if open_tables:
        raise ValueError(f"{len(open_tables)} table(s) left open")
    pieces.append(content[cursor:])
    return "".join(pieces)


def widen_table_rules(css: str) -> str:
    """Let a stylesheet's rules for class-less tables match the boxed ones (`gd-table`) too.

    The specificity stays: `:is()` takes its most specific argument's, a class or an attribute.

    >>> widen_table_rules(".md-typeset table:not([class]) th{min-width:5rem}")
    '.md-typeset table:is(:not([class]),.gd-table) th{min-width:5rem}'
    """
    return css.replace(THEME_SELECTOR, WIDENED_SELECTOR)


# Python-Markdown's entry point: `markdown_extensions: [gd_markdown.table_boxes]`.
makeExtension = html_pass(box_tables, "gd_table_boxes")  # noqa: N816

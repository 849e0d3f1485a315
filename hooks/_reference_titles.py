"""Make the mkdocstrings rendering of gdlib's docstrings read well.

(gd_markdown/doctests.py puts gdlib's doctests back as code blocks, in the page's Markdown pass.)
This drops the titles that only repeat a name, or give
gdlib's path to it (`<span title="float">float</span>`, `<span
title="gdlib.surfaces.Surface.title">title</span>`), wherever they are: a gdlib name the reference
does not link is an attribute, most of them in their own class's table under its heading, or a
private helper. Each `[title]` costs the theme a tooltip at start-up, and a
tooltip saying what the text already says tells the reader nothing. Of the titles that say more
(`<span title="numpy.ndarray">ndarray</span>`) and of the glossary's terms (`<abbr>`), it keeps
the first of each in a section (an `<h2>` starts one): gd_markdown/first_use.py does that for the
terms within one docstring, but mkdocstrings renders each docstring on its own. mkdocs-autorefs
writes those spans for the type names it cannot link, after the pages' content, so this runs on
the finished page.
"""

from __future__ import annotations

import re

# A title that is the text, or gdlib's dotted path to it: `Surface.title` in Surface's own table.
REPEATED_TITLE = re.compile(r'<span title="(?:gdlib(?:\.\w+)*\.)?([^"<>]*)">\1</span>')
TITLED = re.compile(r'<(span|abbr) title="([^"<>]*)">([^<]*)</\1>')
SECTION_START = re.compile(r"(?=<h2[\s>])")


def drop_repeated_titles(content: str) -> str:
    """Unwrap the spans whose title is their text or gdlib's path to it.

    >>> drop_repeated_titles('<span title="int">int</span>, <span title="re.Match">Match</span>')
    'int, <span title="re.Match">Match</span>'
    >>> drop_repeated_titles('<span title="gdlib.surfaces.Surface.title">title</span>')
    'title'
    """
    return REPEATED_TITLE.sub(r"\1", content)


def keep_first_titles(content: str) -> str:
    """Unwrap each titled span or term whose title an earlier one in its section already showed.

    >>> span = '<span title="numpy.ndarray">ndarray</span>'
    >>> term = '<abbr title="One pass.">epoch</abbr>'
    >>> keep_first_titles(f"{span}, {span}, {term} {term}<h2>Next</h2>{span}").count("title=")
    3
    """

    def first_uses(section: str) -> str:
        shown: set[tuple[str, str]] = set()

        def once(match: re.Match) -> str:
            tag, title, text = match.groups()
            if (tag, title) in shown:
                return text
            shown.add((tag, title))
            return match.group(0)

        return TITLED.sub(once, section)

    return "".join(first_uses(section) for section in SECTION_START.split(content))


def tidy_reference_titles(page_html: str) -> str:
    """Drop repeated titles on a reference page, once mkdocs-autorefs has written its spans."""
    if "doc doc-object" not in page_html:
        return page_html
    return keep_first_titles(drop_repeated_titles(page_html))

"""MkDocs hook: make the mkdocstrings rendering of gdlib's docstrings read well.

gdlib's docstrings hold examples as bare `>>>` lines (doctests), which Markdown turns into nested
block quotes with the line structure lost. This hook puts each doctest back as a code block,
taking its exact text from gdlib's sources. (Their math is `$$...$$`, which arithmatex marks for
hooks/katex.py like any page's.) It also drops the titles that only repeat a name, or give
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

import doctest
import html
import importlib
import pkgutil
import re
from functools import cache

from mkdocs.plugins import event_priority

# A title that is the text, or gdlib's dotted path to it: `Surface.title` in Surface's own table.
REPEATED_TITLE = re.compile(r'<span title="(?:gdlib(?:\.\w+)*\.)?([^"<>]*)">\1</span>')
TITLED = re.compile(r'<(span|abbr) title="([^"<>]*)">([^<]*)</\1>')
SECTION_START = re.compile(r"(?=<h2[\s>])")
DOCTEST_QUOTE = re.compile(r"(?:<blockquote>\s*){3}<p>(.*?)</p>\s*(?:</blockquote>\s*){3}", re.S)


def _squash(text: str) -> str:
    # Without whitespace, and without * and _: Markdown may have read a pair of them in a
    # doctest as emphasis (`2*y ... 2*x`), and the tags stripped from the quote took them along.
    # Without lines' leading `...` either: the quote has lost the prompts, and a traceback's
    # `...` line looks like one.
    return re.sub(r"[\s*_]+", "", re.sub(r"(?m)^\s*\.\.\.", "", text))


@cache  # once per build process: the reference pages each ask, and gdlib is imported once anyway
def gdlib_doctests() -> dict[str, str]:
    """Every doctest block in gdlib, keyed by its text without prompts, whitespace, * and _."""
    import gdlib

    blocks: dict[str, str] = {}
    parser = doctest.DocTestParser()
    finder = doctest.DocTestFinder(recurse=True)
    names = [gdlib.__name__] + [
        m.name for m in pkgutil.walk_packages(gdlib.__path__, prefix="gdlib.")
    ]
    for name in names:
        for test in finder.find(importlib.import_module(name)):
            if not test.docstring:
                continue
            for chunk in re.split(r"\n\s*\n", test.docstring):
                examples = [p for p in parser.parse(chunk) if isinstance(p, doctest.Example)]
                if not examples:
                    continue
                text = "".join(
                    ">>> " + e.source.rstrip("\n").replace("\n", "\n... ") + "\n" + e.want
                    for e in examples
                )
                plain = "".join(e.source + e.want for e in examples)
                blocks[_squash(plain)] = text.rstrip("\n")
    return blocks


def restore_doctests(content: str, blocks: dict[str, str]) -> str:
    """Replace the block quotes Markdown made of `>>>` lines by the original doctest text."""

    def replace(match: re.Match) -> str:
        text = html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))
        key = _squash(text)
        text = blocks.get(key)
        if text is None:
            return match.group(0)
        return f'<div class="highlight"><pre><code>{html.escape(text)}</code></pre></div>'

    return DOCTEST_QUOTE.sub(replace, content)


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


@event_priority(-10)  # before hooks/sections.py (-20) boxes the page's sections
def on_page_content(content: str, page, config, files) -> str:
    """Restore the doctests of pages that render gdlib's docstrings."""
    if "doc-object" not in content and "doc doc-" not in content:
        return content
    return restore_doctests(content, gdlib_doctests())


def on_post_page(output: str, page, config) -> str:
    """Drop repeated titles once mkdocs-autorefs has written its spans (in `on_env`)."""
    if "doc doc-object" not in output:
        return output
    return keep_first_titles(drop_repeated_titles(output))

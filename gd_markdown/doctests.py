"""Put gdlib's doctests back as code blocks in the reference pages mkdocstrings renders.

gdlib's docstrings hold examples as bare `>>>` lines (doctests), which Markdown turns into nested
block quotes with the line structure lost. This post-processor puts each doctest back as a code
block, taking its exact text from gdlib's sources. (Their math is `$$...$$`, which arithmatex
marks for KaTeX like any page's: hooks/_finish.py, or gd_markdown/math.py where no hook runs.) It
runs on a page that holds mkdocstrings' output, before the other passes (gd_markdown/_html_pass.py);
hooks/_reference_titles.py tidies the titles after.
"""

from __future__ import annotations

import doctest
import html
import importlib
import pkgutil
import re
from functools import cache

from gd_markdown._html_pass import html_pass

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


def restore_page_doctests(content: str) -> str:
    """Restore the doctests of a page that renders gdlib's docstrings; leave others as they are."""
    if "doc-object" not in content and "doc doc-" not in content:
        return content
    return restore_doctests(content, gdlib_doctests())


# Python-Markdown's entry point: `markdown_extensions: [gd_markdown.doctests]`.
makeExtension = html_pass(restore_page_doctests, "gd_doctests")  # noqa: N816

"""MkDocs hook: make the mkdocstrings rendering of gdlib's docstrings read well.

gdlib's docstrings hold examples as bare `>>>` lines (doctests), which Markdown turns into nested
block quotes with the line structure lost. This hook puts each doctest back as a code block,
taking its exact text from gdlib's sources. (Their math is `$$...$$`, which arithmatex marks for
hooks/katex.py like any page's.)
"""

from __future__ import annotations

import doctest
import html
import importlib
import pkgutil
import re

from mkdocs.plugins import event_priority

DOCTEST_QUOTE = re.compile(r"(?:<blockquote>\s*){3}<p>(.*?)</p>\s*(?:</blockquote>\s*){3}", re.S)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def gdlib_doctests() -> dict[str, str]:
    """Every doctest block in gdlib, keyed by its text with prompts and whitespace removed."""
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
        key = _squash(re.sub(r"(?m)^\s*\.\.\.", "", text))
        text = blocks.get(key)
        if text is None:
            return match.group(0)
        return f'<div class="highlight"><pre><code>{html.escape(text)}</code></pre></div>'

    return DOCTEST_QUOTE.sub(replace, content)


@event_priority(-10)  # before hooks/sections.py (-20) boxes the page's sections
def on_page_content(content: str, page, config, files) -> str:
    """Restore the doctests of pages that render gdlib's docstrings."""
    if "doc-object" not in content and "doc doc-" not in content:
        return content
    return restore_doctests(content, gdlib_doctests())

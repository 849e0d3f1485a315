"""MkDocs hook: make the mkdocstrings rendering of gdlib's docstrings read well.

gdlib writes its docstrings for Sphinx and doctest: math as `:math:` roles and `.. math::`
blocks, examples as bare `>>>` lines. Markdown turns the former into code and the latter into
nested block quotes with the line structure lost. This hook hands the math to the site's local
KaTeX and puts each doctest back as a code block, taking its exact text from gdlib's sources.
"""

from __future__ import annotations

import doctest
import html
import importlib
import pkgutil
import re

RST_INLINE_MATH = re.compile(r":math:<code>(.*?)</code>", re.S)
RST_DISPLAY_MATH = re.compile(
    r'<p>\.\. math::</p>\s*<div class="highlight"><pre><span></span><code>(.*?)</code></pre></div>',
    re.S,
)
DOCTEST_QUOTE = re.compile(r"(?:<blockquote>\s*){3}<p>(.*?)</p>\s*(?:</blockquote>\s*){3}", re.S)


def rst_math_to_katex(content: str) -> str:
    """Hand `:math:` roles and `.. math::` blocks to KaTeX (`.arithmatex` elements)."""
    content = RST_DISPLAY_MATH.sub(r'<div class="arithmatex">\\[\1\\]</div>', content)
    return RST_INLINE_MATH.sub(r'<span class="arithmatex">\\(\1\\)</span>', content)


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


def on_page_content(content: str, page, config, files) -> str:
    """Fix the math and the doctests of pages that render gdlib's docstrings."""
    if "doc-object" not in content and "doc doc-" not in content:
        return content
    return restore_doctests(rst_math_to_katex(content), gdlib_doctests())

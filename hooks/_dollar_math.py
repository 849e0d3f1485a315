r"""The notebooks' math, marked for KaTeX as Arithmatex marks a Markdown page's.

Jupyter writes a Markdown cell's math between dollars (`$x$`, `$$x$$`), and nbconvert leaves it
so; hooks/notebooks.py marks it in Arithmatex's generic form (gd_markdown/_katex.py), which
hooks/_finish.py then draws.
"""

from __future__ import annotations

import re

DOLLAR_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
DOLLAR_INLINE = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$")


def inline(tex: str) -> str:
    """Mark `tex` as inline math."""
    return f'<span class="arithmatex">\\({tex}\\)</span>'


def display(tex: str) -> str:
    r"""Mark `tex` as display math.

    >>> display("x^2")
    '<div class="arithmatex">\\[x^2\\]</div>'
    """
    return f'<div class="arithmatex">\\[{tex}\\]</div>'


def mark_dollar_math(cell_html: str) -> str:
    r"""Mark `$$...$$` and `$...$` math (as Jupyter writes it) for KaTeX.

    >>> mark_dollar_math(r"cost $x^2$, not 5\$")
    'cost <span class="arithmatex">\\(x^2\\)</span>, not 5\\$'
    """
    cell_html = DOLLAR_DISPLAY.sub(lambda m: display(m.group(1)), cell_html)
    return DOLLAR_INLINE.sub(lambda m: inline(m.group(1)), cell_html)

"""MkDocs hook: render every formula of each finished page to HTML at build time (hooks/_katex.py).

Pages then need KaTeX's stylesheet and fonts but no JavaScript: nothing moves when the page
loads (no layout shift) and the main thread does no math work. The hook runs on finished pages,
after hooks/notebooks.py has marked the notebooks' math, so it catches math from every source
(Markdown, notebook cells, docstrings); hooks/fonts.py then reads the rendered formulas.
"""

from __future__ import annotations

from _katex import Renderer
from mkdocs.plugins import event_priority

PRIORITY = -60  # after hooks/notebooks.py marks math (-50), before hooks/fonts.py reads it (-70)
renderer = Renderer()


@event_priority(PRIORITY)
def on_post_page(output: str, page, config) -> str:
    """MkDocs entry point: math on the finished page."""
    return renderer.render_math(output)


def on_post_build(config) -> None:
    """Save newly rendered formulas for the next build."""
    renderer.save()

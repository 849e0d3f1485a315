"""MkDocs hook: draw every formula of each finished page with KaTeX (gd_markdown/_katex.py).

Pages then need KaTeX's stylesheet and fonts but no JavaScript: nothing moves when the page
loads (no layout shift) and the main thread does no math work. The hook runs on finished pages,
after hooks/notebooks.py has marked the notebooks' math, so it catches math from every source
(Markdown, notebook cells, docstrings), and after the search plugin has read the pages' text
(gd_markdown/math.py says why, and draws the formulas where no hook runs: Zensical);
hooks/fonts.py then reads the rendered formulas.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from gd_markdown._katex import shared_renderer

PRIORITY = -60  # after hooks/notebooks.py marks math (-50), before hooks/fonts.py reads it (-70)
renderer = shared_renderer()


@event_priority(PRIORITY)
def on_post_page(output: str, page, config) -> str:
    """MkDocs entry point: math on the finished page."""
    return renderer.render_math(output)


def on_post_build(config) -> None:
    """Save newly rendered formulas for the next build."""
    renderer.save()

r"""Draw each page's formulas with KaTeX at build time, where no MkDocs hook does it after.

pymdownx.arithmatex marks a page's math (`<span class="arithmatex">\(...\)</span>`, and
`<div>` for display); this pass, the last over the page's HTML (gd_markdown/_html_pass.py),
replaces the TeX in each by KaTeX's HTML (gd_markdown/_katex.py), so the page needs KaTeX's
stylesheet and fonts but no script. It is for Zensical, which runs no hook (and `zensical
serve`, which runs no finishing step). In MkDocs hooks/_finish.py draws every formula on the
written pages instead, the notebooks' among them:
MkDocs' search plugin reads a page's content before that, and drawn there, each formula would
reach the search index three times over (KaTeX's MathML, its TeX annotation and its glyphs:
`η\etaη` for `\(\eta\)`); Zensical's own index gets them so. The formulas drawn are saved
for the next build when the process ends normally (`_katex.shared_renderer`), not when
`zensical serve` is interrupted.
"""

from __future__ import annotations

from gd_markdown._html_pass import html_pass
from gd_markdown._katex import shared_renderer
from gd_markdown._site_page import outside_mkdocs


def render_page_math(content: str) -> str:
    r"""Replace the TeX of every formula Arithmatex marked in `content` by KaTeX's HTML.

    >>> html = render_page_math('<p>Area <span class="arithmatex">\\(r^2\\)</span></p>')
    >>> '<span class="katex">' in html and "\\(" not in html
    True
    """
    return shared_renderer().render_math(content)


# Python-Markdown's entry point: `markdown_extensions: [gd_markdown.math]`.
makeExtension = html_pass(render_page_math, "gd_math", when=outside_mkdocs)  # noqa: N816

"""Prepare each page's Markdown before Markdown reads it: claims, build-time values, figures.

On every Markdown page of the site it
- checks every `{{ check: EXPR }}` claim against the values the figure scripts saved, and marks
  it (`_claims`); a false claim fails the build, naming the page;
- replaces `{{ namespace.key }}` with those values (`_values`);
- expands `![alt](figure:NAME)`, `![alt](animation:NAME)` and `![alt](poster:NAME)` into themed
  image markup (`_figure_markup`), linked relative to the page.

It was the MkDocs hook hooks/pages.py (`on_page_markdown`) until session 55. As a Python-Markdown
pre-processor that runs first (priority 40: before the whitespace is normalised, code fences
are read or raw HTML is stashed) it sees the page as written, in MkDocs and in Zensical alike.
Its links need the page being converted, which _site_page.py finds in either tool; a conversion
of no page (a docstring, a code block's output, Markdown used on its own) is left as it is.

The page's code blocks run later in the same conversion (markdown-exec, mkdocs.yml); notebook
pages are not Markdown and are handled after rendering (hooks/notebooks.py).
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from gd_markdown._claims import check_claims
from gd_markdown._figure_markup import expand_figures
from gd_markdown._site_page import SitePage, site_page
from gd_markdown._values import load_values, substitute_values

PRIORITY = 40  # above normalize_whitespace (30), fenced_code_block (25) and html_block (20)


def prepare_page(markdown: str, page: SitePage, values: dict[str, str]) -> str:
    """Claims checked, then values substituted, then figures expanded, in one page's Markdown.

    >>> page = SitePage("concepts/a.md", "concepts/a/")
    >>> prepare_page("{{ run.steps }} steps.", page, {"run.steps": "12"})
    '12 steps.'
    """
    markdown = check_claims(markdown, values, page.src_uri)
    markdown = substitute_values(markdown, values, page.src_uri)
    return expand_figures(markdown, page.src_uri, page.url, page.src_uri)


class PageSourcePreprocessor(Preprocessor):
    """Apply `prepare_page` to the Markdown of a page of the site."""

    def run(self, lines: list[str]) -> list[str]:  # noqa: D102 (Python-Markdown's method)
        page = site_page(self.md)
        if page is None:
            return lines
        return prepare_page("\n".join(lines), page, load_values()).split("\n")


class PageSourceExtension(Extension):
    """Register the page-source pre-processor, first of all."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: D102, N802 (Python-Markdown's names)
        md.preprocessors.register(PageSourcePreprocessor(md), "gd_page_source", PRIORITY)


def makeExtension(**kwargs) -> PageSourceExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown entry point: `markdown_extensions: [gd_markdown.page_source]`."""
    return PageSourceExtension(**kwargs)

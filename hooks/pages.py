"""MkDocs hook: prepare each Markdown page's source before Markdown reads it.

On every Markdown page it
- checks every `{{ check: EXPR }}` claim against those values and marks it (`_claims`);
- replaces `{{ namespace.key }}` with the values the figure scripts saved (`_values`);
- expands `![alt](figure:NAME)` and `![alt](animation:NAME)` into themed image markup
  (`_figure_markup`).

The page's code blocks are run later, while Markdown renders the page, by the markdown-exec
plugin (mkdocs.yml): every ```python block carries `exec="on"` and its page's session, and what it
prints is shown below it in a `text` block titled "Output". Notebook pages are handled after
rendering, by hooks/notebooks.py.
"""

from __future__ import annotations

from _claims import check_claims
from _figure_markup import expand_figures
from _values import load_values, substitute_values


def on_page_markdown(markdown: str, page, config, files) -> str:
    """MkDocs entry point: claims, values, then figures."""
    where = page.file.src_uri
    values = load_values()
    markdown = check_claims(markdown, values, where)
    markdown = substitute_values(markdown, values, where)
    return expand_figures(markdown, page.file.src_uri, page.url, where)

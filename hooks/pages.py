"""MkDocs hook: prepare each Markdown page's source before Markdown reads it.

On every Markdown page it
- replaces `{{ namespace.key }}` with the values the figure scripts saved (`_values`);
- expands `![alt](figure:NAME)` and `![alt](animation:NAME)` into themed image markup
  (`_figure_markup`);
- runs the page's ```python blocks in order, in one namespace per page, and shows what each
  printed in an "Output" block below it (so code and output on the page cannot disagree).

Notebook pages are handled after rendering, by hooks/notebooks.py.
"""

from __future__ import annotations

import contextlib
import io
import re
import textwrap

from _figure_markup import expand_figures
from _values import PageError, load_values, substitute_values

PYTHON_BLOCK = re.compile(r"^([ \t]*)```python[^\n]*\n(.*?)^\1```[ \t]*$", re.M | re.S)


def run_python_blocks(markdown: str, where: str) -> str:
    """Execute each ```python block; append its printed output as a `text` block."""
    namespace: dict = {"__name__": "__page__"}

    def replace(match: re.Match) -> str:
        indent, code = match.groups()
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(textwrap.dedent(code), where, "exec"), namespace)
        except Exception as error:
            raise PageError(f"{where}: a python block failed: {error!r}") from error
        printed = out.getvalue().rstrip()
        if not printed:
            return match.group(0)
        block = f'```text title="Output"\n{printed}\n```'
        return match.group(0) + "\n\n" + textwrap.indent(block, indent, lambda line: True)

    return PYTHON_BLOCK.sub(replace, markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """MkDocs entry point: values, figures, then executed code."""
    where = page.file.src_uri
    markdown = substitute_values(markdown, load_values(), where)
    markdown = expand_figures(markdown, page.file.src_uri, page.url, where)
    return run_python_blocks(markdown, where)

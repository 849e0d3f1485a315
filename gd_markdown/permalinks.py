"""Label headings' permalinks with `aria-label`, not `title`: the theme mounts no tooltip on them.

Python-Markdown's table of contents gives every heading a `¶` link with `title="Permanent
link"`. With the theme's `content.tooltips`, Material sets up a tooltip for every element of the
page that has a title, all at once when the page starts: a dozen subscriptions and listeners
each, in the one task that makes the page interactive. On the reference page
`surfaces-and-descent` (16 permalinks among 57 titles), taking the permalinks' and the
cross-references' titles away cut the theme's DOMContentLoaded work at 4x CPU slowdown from 216
to 164 ms (median of 8 loads; benchmarks/HISTORY.md, session 23). A tooltip reading
"Permanent link" teaches nothing, so this post-processor moves each permalink's title to
`aria-label` (the table of contents' links and mkdocstrings' alike): a screen reader still says
what the link is, and the theme sees no title.

Markdown: `markdown_extensions: [toc: {permalink: true}, gd_markdown.permalinks]`.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

# The whole opening tag of a permalink, as the table of contents and mkdocstrings write it.
PERMALINK_TAG = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>')
# After the raw HTML is put back (priority 30): mkdocstrings writes its headings' permalinks
# into raw HTML, out of reach of a tree processor.
PRIORITY = 5


def relabel(tag: str) -> str:
    """Turn the `title` of one permalink's opening tag into its `aria-label` (or drop it).

    >>> relabel('<a class="headerlink" href="#x" aria-label="Link" title="Permanent link">')
    '<a class="headerlink" href="#x" aria-label="Link">'
    """
    if "aria-label=" in tag:  # labelled already: the title would only add a tooltip
        return re.sub(r' title="[^"]*"', "", tag, count=1)
    return tag.replace(' title="', ' aria-label="', 1)


class PermalinkLabelPostprocessor(Postprocessor):
    """Move the title of every heading's permalink to `aria-label` in the finished HTML."""

    def run(self, text: str) -> str:
        """Relabel every permalink's opening tag."""
        return PERMALINK_TAG.sub(lambda match: relabel(match[0]), text)


class PermalinkLabelExtension(Extension):
    """Give headings' permalinks an `aria-label` in place of their `title`."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the post-processor after the raw HTML's."""
        md.postprocessors.register(PermalinkLabelPostprocessor(md), "gd_permalinks", PRIORITY)


def makeExtension(**kwargs) -> PermalinkLabelExtension:  # noqa: N802 (Python-Markdown's name)
    r"""Entry point for `markdown_extensions: [gd_markdown.permalinks]`.

    >>> import markdown
    >>> html = markdown.markdown("## Step size", extensions=["toc", makeExtension()],
    ...                          extension_configs={"toc": {"permalink": True}})
    >>> PERMALINK_TAG.search(html)[0]
    '<a class="headerlink" href="#step-size" aria-label="Permanent link">'
    """
    return PermalinkLabelExtension(**kwargs)

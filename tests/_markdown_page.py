"""A Markdown instance converting a page of the site as MkDocs does, for the extensions' tests.

MkDocs registers a `relpath` tree processor on each page's Markdown, holding the page's file;
gd_markdown/_site_page.py reads the page's source path and URL from it. This one holds just that.
"""

from __future__ import annotations

from types import SimpleNamespace

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor


class RelPath(Treeprocessor):
    """MkDocs' `relpath` tree processor, as far as the extensions read it: the page's file."""

    def __init__(self, md, file) -> None:
        super().__init__(md)
        self.file = file

    def run(self, root) -> None:
        return None


def mkdocs_markdown(src_uri: str, url: str, extensions=()) -> Markdown:
    """A Markdown with `extensions`, converting the page `src_uri` (at `url`) as MkDocs would."""
    md = Markdown(extensions=list(extensions))
    file = SimpleNamespace(src_uri=src_uri, url=url)
    md.treeprocessors.register(RelPath(md, file), "relpath", 0)
    return md

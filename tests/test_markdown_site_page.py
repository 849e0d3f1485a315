"""Which page a Markdown conversion is for, in MkDocs and in Zensical (gd_markdown/_site_page.py).

The page extensions (gd_markdown/page_source.py and the passes of _html_pass.py) run on a page
of the site, once, and on no fragment: mkdocstrings' docstrings and markdown-exec's outputs are
converted by Markdown instances of their own, marked by each tool's tree processor. The page's
name and link base come from MkDocs' `relpath` tree processor or Zensical's rendering context;
links are made as MkDocs' `get_relative_url` makes them.
"""

from __future__ import annotations

import markdown_exec
import mkdocstrings
import pytest
from _markdown_page import RelPath, mkdocs_markdown
from markdown import Markdown
from mkdocs.utils import get_relative_url
from zensical.extensions.context import ContextExtension, Page

from gd_markdown import opening_table
from gd_markdown._site_page import FRAGMENT_MARKS, SitePage, relative_url, site_page


def test_the_fragment_marks_are_the_tools_own():
    tools = {
        mkdocstrings.IdPrependingTreeprocessor.name,
        markdown_exec.IdPrependingTreeprocessor.name,
    }
    assert set(FRAGMENT_MARKS) == tools


def test_mkdocs_names_the_page_by_its_file():
    md = mkdocs_markdown("concepts/updates.md", "concepts/updates/")
    assert site_page(md) == SitePage("concepts/updates.md", "concepts/updates/")


def test_zensical_names_the_page_and_links_start_from_its_source():
    page = Page(url="concepts/updates/", path="concepts/updates.md")
    md = Markdown(extensions=[ContextExtension(page=page, config={})])
    assert site_page(md) == SitePage("concepts/updates.md", "concepts/updates.md")


@pytest.mark.parametrize("mark", FRAGMENT_MARKS)
def test_a_fragment_and_plain_markdown_are_no_page(mark):
    md = mkdocs_markdown("concepts/updates.md", "concepts/updates/")
    md.treeprocessors.register(RelPath(md, None), mark, 1)
    assert site_page(md) is None
    assert site_page(Markdown()) is None


def test_a_pass_that_refuses_a_page_names_it():
    md = mkdocs_markdown("concepts/tiny.md", "concepts/tiny/", [opening_table.makeExtension()])
    with pytest.raises(ValueError, match=r"^concepts/tiny\.md: the opening table has an id"):
        md.convert('<table id="mine"><tr><td>1</td></tr></table>\n')


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("index.md", "./"),
        ("index.md", ""),
        ("concepts/updates.md", "concepts/updates/"),
        ("code/reference/optimizers.md", "code/reference/optimizers/"),
        ("code/reference/index.md", "code/reference/"),
        ("explore.md", "explore/"),
    ],
)
@pytest.mark.parametrize(
    "target", ["generated/figures/", "generated/figures/a-light.svg", "./generated/../x/"]
)
def test_links_are_made_as_mkdocs_makes_them(src_uri, url, target):
    for base in (src_uri, url):
        assert relative_url(target, base) == get_relative_url(target, base), (target, base)

"""Which page of the site a Markdown conversion is for, and links relative to it.

The extensions that rewrite a page (page_source.py, the passes of _html_pass.py) run in MkDocs
and in Zensical, and both tools convert more than pages: mkdocstrings converts each docstring,
and markdown-exec each code block's output, with Markdown instances of their own that carry the
site's extensions too. Those fragments are skipped (each tool marks its instances with a tree
processor of its own), and seen once, in their page. A page names itself differently in each
tool: MkDocs registers a `relpath` tree processor holding the page's file, Zensical a
`rendering_context` pre-processor holding the page.
"""

from __future__ import annotations

from typing import NamedTuple

from markdown import Markdown

# The tree processors mkdocstrings and markdown-exec register on their inner Markdown instances
# (each tool's `IdPrependingTreeprocessor.name`; tests/test_markdown_site_page.py holds them).
FRAGMENT_MARKS = ("mkdocstrings_ids", "markdown_exec_ids")
MKDOCS_MARK = "relpath"  # MkDocs' relative-links tree processor, on each page's Markdown
ZENSICAL_MARK = "rendering_context"  # Zensical's pre-processor holding the page


class SitePage(NamedTuple):
    """The page a conversion is for: its source in docs/, and the path its links start from."""

    src_uri: str
    url: str


def is_fragment(md: Markdown) -> bool:
    """Whether `md` converts a docstring or a code block's output, not a page."""
    return any(mark in md.treeprocessors for mark in FRAGMENT_MARKS)


def outside_mkdocs(md: Markdown) -> bool:
    """Whether `md` converts for another tool than MkDocs (no `relpath` tree processor)."""
    return MKDOCS_MARK not in md.treeprocessors


def site_page(md: Markdown) -> SitePage | None:
    """Find the site page `md` is converting in MkDocs' or Zensical's context (None: neither)."""
    if is_fragment(md):
        return None
    if not outside_mkdocs(md):
        file = getattr(md.treeprocessors[MKDOCS_MARK], "file", None)
        if file is not None:
            return SitePage(file.src_uri, file.url)
    if ZENSICAL_MARK in md.preprocessors:
        page = getattr(md.preprocessors[ZENSICAL_MARK], "page", None)
        if page is not None:
            # Zensical reads every relative link, raw HTML's too, from the source file, and
            # rewrites it for the page's URL: links are written from the source, there.
            return SitePage(page.path, page.path)
    return None


def relative_url(url: str, other: str) -> str:
    """Return `url` relative to `other`, both paths from the site's root.

    As MkDocs' `get_relative_url`, which the extensions cannot import where MkDocs is not
    installed: the last part of `other` is dropped when it names a file (has a dot), and `.`
    and `..` are resolved (MkDocs calls the home page's URL `./`).

    >>> relative_url("generated/figures/a.svg", "concepts/a.md")
    '../generated/figures/a.svg'
    >>> relative_url("generated/figures/", "concepts/a/")
    '../../generated/figures/'
    >>> relative_url("generated/figures/", "./")
    'generated/figures/'
    """
    folder, _, name = other.rpartition("/")
    here, there = _parts(folder if "." in name else other), _parts(url)
    common = 0
    for mine, theirs in zip(here, there, strict=False):
        if mine != theirs:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts = parts[:-1]
        elif part not in ("", "."):
            parts.append(part)
    return parts

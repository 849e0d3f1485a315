"""Built pages: a `title` in a page's content is a tooltip the theme mounts at start-up, so only
the ones that teach keep it (gd_markdown/permalinks.py, autorefs' `link_titles: false`).

Reads the session's strict build (`built_site`, tests/conftest.py).
"""

from __future__ import annotations

import re

import pytest

PERMALINK = re.compile(r'<a\b[^>]*\bclass="headerlink"[^>]*>')
CROSS_REFERENCE = re.compile(r'<a\b[^>]*\bclass="autorefs[^"]*"[^>]*>')


def pages(built_site):
    return sorted(built_site.root.rglob("index.html"))


def test_permalinks_are_labelled_without_a_title(built_site):
    links = [
        (page, tag)
        for page in pages(built_site)
        for tag in PERMALINK.findall(page.read_text(encoding="utf-8"))
    ]
    assert len(links) > 100, "every page's headings have permalinks"
    titled = [(page.parent.name, tag) for page, tag in links if " title=" in tag]
    assert not titled, titled[:3]
    unlabelled = [(page.parent.name, tag) for page, tag in links if "aria-label=" not in tag]
    assert not unlabelled, unlabelled[:3]


@pytest.mark.parametrize("page", ["surfaces-and-descent", "optimizers", "regression"])
def test_cross_references_carry_no_title(built_site, page):
    html = (built_site.root / "code" / "reference" / page / "index.html").read_text(
        encoding="utf-8"
    )
    links = CROSS_REFERENCE.findall(html)
    assert links, f"{page}: no cross-reference"
    assert not [tag for tag in links if " title=" in tag]

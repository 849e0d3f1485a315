"""Material's successor builds the same articles: Zensical runs the pages' transformations.

MkDocs 1.x has had no release since 2024 and Material announces its end of life for May 2027
(CONTRIBUTING.md, "MkDocs' end of life: the plan"). What a page's source becomes lives in
Python-Markdown extensions (gd_markdown/), which MkDocs and Zensical both run: the claims checked,
the build-time values and figures put in (page_source.py), the doctests restored, the card tables
labelled, the opening table marked, the sections and tables boxed, the formulas drawn (the passes of
_html_pass.py; MkDocs draws the formulas in a hook, math.py says why). This builds the site with
Zensical (pinned in the test extras) from the same mkdocs.yml, beside the session's MkDocs build,
and compares every page's article by those marks. Then it finishes Zensical's site as `make
zensical` does (hooks/_finish.py, which MkDocs runs from a hook) and compares each page's head:
the same preloads, the palette switch handed over, the old reference links forwarded, and a
Content-Security-Policy that allows every inline script of the site. (The notebooks, which
Zensical does not render, and the theme's own stylesheets, which differ, are not compared.)
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from _csp import inline_hashes
from _palette_switch import SITES_FORM, THEMES_FORM

from gd_markdown.opening_table import OPENING_TABLE_ID
from gd_markdown.sections import SECTION_OPEN
from gd_markdown.table_boxes import BOXES_OPEN

ROOT = Path(__file__).resolve().parents[2]
CHECK_LABEL = re.compile(r'<span class="gd-check[^"]*"[^>]*aria-label="([^"]*)"')
FORMULA_TEX = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.S)
PRELOAD = re.compile(r'<link rel="(?:modulepreload|preload)" href="([^"]*)"')
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="script-src ([^;"]*)')
FORWARDING = "const { sections, modules }"  # hooks/_reference_links.py's script
FIGURE_LINK = re.compile(r'(?:src|srcset|href|poster)="([^"]*generated/figures/[^"]*)"')
# mkdocs-jupyter's pages, which Zensical does not render (CONTRIBUTING.md says what would).
NOTEBOOK_PAGES = {"code/numpy", "code/pytorch"}
MARKS = {
    "section boxes": SECTION_OPEN,
    "opening table": f'id="{OPENING_TABLE_ID}"',
    "table boxes": BOXES_OPEN,
    "card labels": "data-label=",
    "doctests": "&gt;&gt;&gt; ",
    "formulas left as TeX": '<span class="arithmatex">\\(',
    "block quotes": "<blockquote>",
    "value tokens left": "{{ ",
    "figure shorthands left": "](figure:",
}


def _article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    start = text.index("<article")
    return text[start : text.index("</article>", start)]


def _marks(article: str) -> dict:
    counts = {name: article.count(mark) for name, mark in MARKS.items()}
    return {
        **counts,
        "claims": CHECK_LABEL.findall(article),
        "formulas": FORMULA_TEX.findall(article),
        "figure links": Counter(FIGURE_LINK.findall(article)),
    }


def _markdown_pages(built_site) -> list[Path]:
    """The session build's pages made from Markdown, relative to its root (no notebooks)."""
    pages = [page.relative_to(built_site.root) for page in built_site.pages()]
    return [page for page in pages if page.parent.as_posix() not in NOTEBOOK_PAGES]


def test_zensical_builds_every_markdown_page(built_site, zensical_site):
    theirs = {p.relative_to(zensical_site) for p in zensical_site.rglob("*.html")}
    missing = set(_markdown_pages(built_site)) - theirs
    assert not missing, sorted(map(str, missing))


def test_every_markdown_page_has_the_same_article(built_site, zensical_site):
    compared = claims = figures = formulas = 0
    for relative in _markdown_pages(built_site):
        ours = _marks(_article(built_site.root / relative))
        theirs = _marks(_article(zensical_site / relative))
        assert theirs == ours, relative
        left = ("value tokens left", "figure shorthands left", "formulas left as TeX")
        assert [ours[name] for name in left] == [0, 0, 0], relative
        compared += 1
        claims += len(ours["claims"])
        figures += sum(ours["figure links"].values())
        formulas += len(ours["formulas"])
    # The lessons' pages took part, with their claims, figures and formulas (297, 178, 1,813).
    counts = (compared, claims, figures, formulas)
    assert compared >= 15 and claims >= 250 and figures >= 150 and formulas >= 1500, counts


def _head_marks(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    head = text[: text.index("</head>")]
    return {
        "preloads": PRELOAD.findall(head),
        "switches": (text.count(SITES_FORM), text.count(THEMES_FORM)),
        "forwarding": head.count(FORWARDING),
    }


def test_the_finished_pages_have_the_same_head(built_site, zensical_site):
    preloads = 0
    for relative in [*_markdown_pages(built_site), Path("404.html")]:
        ours = _head_marks(built_site.root / relative)
        assert _head_marks(zensical_site / relative) == ours, relative
        assert ours["switches"] == (1, 0), relative
        preloads += len(ours["preloads"])
    # The explorer's 7 chunks and the formulas' fonts took part; the overview forwards.
    assert preloads >= 40, preloads
    assert _head_marks(zensical_site / "code/reference/index.html")["forwarding"] == 1


def test_every_finished_page_allows_every_inline_script_of_the_site(zensical_site):
    pages = sorted(zensical_site.rglob("*.html"))
    every = set().union(*(inline_hashes(p.read_text(encoding="utf-8")) for p in pages))
    for page in pages:
        policy = POLICY.findall(page.read_text(encoding="utf-8"))
        assert len(policy) == 1 and set(policy[0].split()) == {"'self'", *every}, page

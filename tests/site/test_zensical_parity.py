"""Material's successor builds the same articles: Zensical runs the pages' transformations.

MkDocs 1.x has had no release since 2024 and Material announces its end of life for May 2027
(CONTRIBUTING.md, "MkDocs' end of life: the plan"). What a page's source becomes lives in
Python-Markdown extensions (gd_markdown/), which MkDocs and Zensical both run: the claims checked,
the build-time values and figures put in (page_source.py), the doctests restored, the card tables
labelled, the opening table marked, the sections and tables boxed, the formulas drawn (the passes of
_html_pass.py; MkDocs draws the formulas in a hook, math.py says why). This builds the site with
Zensical (pinned in the test extras) from the same mkdocs.yml, beside the session's MkDocs build,
and compares every page's article by those marks. The hooks Zensical does not run (fonts, notebooks,
the Content-Security-Policy...) leave marks of their own, which are not compared.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from gd_markdown.opening_table import OPENING_TABLE_ID
from gd_markdown.sections import SECTION_OPEN
from gd_markdown.table_boxes import BOXES_OPEN

ROOT = Path(__file__).resolve().parents[2]
CHECK_LABEL = re.compile(r'<span class="gd-check[^"]*"[^>]*aria-label="([^"]*)"')
FORMULA_TEX = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.S)
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


@pytest.fixture(scope="module")
def zensical_site(built_site, tmp_path_factory) -> Path:
    """Zensical's build of mkdocs.yml, after the session's MkDocs build made the figures."""
    work = tmp_path_factory.mktemp("zensical")
    # Zensical keeps its cache beside the config and wants docs_dir (links resolved) inside
    # that folder: a copy of the project's pages (18 MB) keeps both out of the checkout.
    for name in ("docs", "overrides", "includes"):
        shutil.copytree(ROOT / name, work / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (work / "mkdocs.yml").write_text(f"{config}\nsite_dir: {work / 'site'}\n", encoding="utf-8")
    command = [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"]
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return work / "site"


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

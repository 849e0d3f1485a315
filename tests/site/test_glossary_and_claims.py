"""Built concept pages: claims checked where they are stated, glossary tooltips on every page,
each term marked at its first use in a section (gd_markdown/first_use.py).

Reads the session's strict build (`built_site`, tests/conftest.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from gd_markdown.glossary import read_glossary

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "includes" / "glossary.md"
# Pages whose comparative and quantitative sentences rest on runs: each states checked claims.
# The counts are the checks each page states today: a check dropped in an edit fails here.
CLAIM_PAGES = {
    "": 1,  # the home page
    "explore": 10,
    "concepts/algorithm": 3,
    "concepts/glossary": 8,
    "concepts/learning-rate": 15,
    "concepts/gradients": 14,
    "concepts/updates": 53,
    "concepts/schedules": 22,
    "concepts/saddle-points": 22,
    "concepts/convergence": 20,
    "concepts/conditioning": 21,
    "variants/batch": 20,
    "variants/stochastic": 30,
    "variants/mini-batch": 15,
    "variants/comparison": 43,
}
ABBR = re.compile(r'<abbr title="([^"]+)">([^<]+)</abbr>')
# Pages written as one Markdown document (the reference pages render each docstring apart).
PROSE_PAGES = ["", "explore", *(p for p in CLAIM_PAGES if "/" in p)]  # the glossary too


def glossary_terms() -> dict[str, str]:
    return read_glossary(str(GLOSSARY))  # the build's own reading of the file


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml uses `!ENV` and python tags."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@pytest.mark.parametrize(("page", "count"), CLAIM_PAGES.items())
def test_each_claim_is_checked_and_marked(built_site, page, count):
    html = (built_site.root / page / "index.html").read_text(encoding="utf-8")
    assert "{{" not in html, f"{page}: an unreplaced token"
    marks = re.findall(r'<span class="gd-check" role="img" aria-label="([^"]+)"', html)
    assert len(marks) == count, f"{page}: {len(marks)} checked claims, expected {count}"
    assert all(m.startswith("Checked when the site was built: ") for m in marks)


def test_every_page_gets_the_glossary_and_tooltips_are_on():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_AnyTagLoader)
    assert "content.tooltips" in config["theme"]["features"]
    glossary = next(
        e["gd_markdown.glossary"]
        for e in config["markdown_extensions"]
        if isinstance(e, dict) and "gd_markdown.glossary" in e
    )
    assert glossary == {"path": "includes/glossary.md"}
    assert "abbr" not in config["markdown_extensions"], "a second abbr replaces the glossary's"
    assert {"includes", "scripts"} <= set(config["watch"]), "`mkdocs serve` must see their edits"
    assert len(glossary_terms()) >= 10


@pytest.mark.parametrize(
    ("page", "term"),
    [
        ("concepts/learning-rate", "Hessian"),
        ("concepts/learning-rate", "Lipschitz constant"),
        ("concepts/conditioning", "condition number"),
        ("variants/batch", "epoch"),
    ],
)
def test_terms_show_their_definition_on_pages(built_site, page, term):
    html = (built_site.root / page / "index.html").read_text(encoding="utf-8")
    shown = dict((text, title) for title, text in ABBR.findall(html))
    assert term in shown, f"{page}: {term!r} has no tooltip"
    assert shown[term] == glossary_terms()[term].replace('"', "&quot;")


def test_the_glossary_page_defines_every_tooltip_term(built_site):
    html = (built_site.root / "concepts" / "glossary" / "index.html").read_text(encoding="utf-8")
    terms = " ".join(re.findall(r"<dt[^>]*>(.*?)</dt>", html, re.S))
    defined = re.sub(r"<[^>]+>", "", terms).lower()  # a term may carry another's tooltip
    for term in glossary_terms():
        stem = re.sub(r"(es|s)$", "", term.lower())  # epochs, mini-batches
        assert stem in defined, f"{term!r} has a tooltip but no entry on the glossary page"


class _MarkedTerms(HTMLParser):
    """Each glossary term marked in the article, with the section or block it is read in."""

    VOID = frozenset({"br", "img", "input", "hr", "meta", "link", "wbr", "source"})

    def __init__(self) -> None:
        super().__init__()
        # Open tags, each with the number of the block it starts if it is read on its own (a
        # collapsed block or a content tab, as gd_markdown/first_use.py reads them), else None.
        self.open: list[tuple[str, int | None]] = []
        self.blocks = 0
        self.section = 0
        self.in_article = False
        self.abbr = False
        self.marks: list[tuple[tuple, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article = True
        if not self.in_article or tag in self.VOID:
            return
        if tag in {"h1", "h2"}:
            self.section += 1
        own = tag == "details" or "tabbed-block" in (dict(attrs).get("class") or "").split()
        self.blocks += own
        self.open.append((tag, self.blocks if own else None))
        self.abbr = tag == "abbr"

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False
        if tag in self.VOID:  # `<img ... />` ends nothing that was opened
            return
        while self.in_article and self.open and self.open.pop()[0] != tag:
            pass
        self.abbr = False

    def handle_data(self, data):
        if self.abbr:
            scope = (self.section, *(block for _, block in self.open if block is not None))
            self.marks.append((scope, data.casefold()))


# The glossary page links its terms to their entries instead (the test after this one).
@pytest.mark.parametrize("page", [p for p in PROSE_PAGES if p != "concepts/glossary"])
def test_each_term_is_marked_once_a_section(built_site, page):
    parser = _MarkedTerms()
    parser.feed((built_site.root / page / "index.html").read_text(encoding="utf-8"))
    assert parser.marks, f"{page}: no glossary term marked"
    repeats = {mark for mark in parser.marks if parser.marks.count(mark) > 1}
    assert not repeats, f"{page}: terms marked twice in one section: {sorted(repeats)}"


def test_sibling_blocks_and_figures_keep_their_own_scopes():
    """Two collapsed blocks of one section are read on their own, each its own first use; a
    figure's `<img />` before them closes nothing."""
    parser = _MarkedTerms()
    block = '<details class="info"><summary>s</summary><p><abbr>epoch</abbr></p></details>'
    parser.feed(f'<article><h2>A</h2><p><img src="f.svg" /><abbr>epoch</abbr></p>{block}{block}')
    scopes = [scope for scope, _ in parser.marks]
    assert len(scopes) == len(set(scopes)) == 3, scopes
    parser = _MarkedTerms()
    parser.feed("<article><h2>A</h2><p><abbr>epoch</abbr></p><p><abbr>epoch</abbr></p>")
    assert len({scope for scope, _ in parser.marks}) == 1  # the same section: a repeat


def test_a_term_is_marked_again_in_the_next_section(built_site):
    parser = _MarkedTerms()
    html = (built_site.root / "variants" / "stochastic" / "index.html").read_text(encoding="utf-8")
    parser.feed(html)
    sections = {scope for scope, term in parser.marks if term == "epoch"}
    assert len(sections) >= 3, sections


def test_the_glossary_page_links_its_terms_to_their_entries(built_site):
    html = (built_site.root / "concepts" / "glossary" / "index.html").read_text(encoding="utf-8")
    entries = set(re.findall(r'<dt id="(term-[\w-]+)"', html))
    links = re.findall(r'<a href="#(term-[\w-]+)">([^<]+)</a>', html)
    assert len(entries) >= 25 and len(links) >= 20, (len(entries), len(links))
    assert {entry for entry, _ in links} <= entries
    # Every marked term has an entry there, by a name, a plural or a term marked in its name.
    assert ABBR.findall(html) == [], "a tooltip left on the glossary page"


@pytest.mark.parametrize("page", PROSE_PAGES)
def test_no_tooltip_term_sits_in_a_link(built_site, page):
    html = (built_site.root / page / "index.html").read_text(encoding="utf-8")
    inside = [m for m in re.findall(r"<a\b[^>]*>(.*?)</a>", html, re.S) if "<abbr" in m]
    assert not inside, f"{page}: a tap on these follows the link: {inside}"

"""Built concept pages: claims checked where they are stated, glossary tooltips on every page.

Reads the session's strict build (`built_site`, tests/conftest.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "includes" / "glossary.md"
# Pages whose comparative and quantitative sentences rest on runs: each states checked claims.
# The counts are the checks each page states today: a check dropped in an edit fails here.
CLAIM_PAGES = {
    "": 1,  # the home page
    "explore": 6,
    "concepts/algorithm": 1,
    "concepts/learning-rate": 10,
    "concepts/gradients": 6,
    "concepts/updates": 18,
    "concepts/schedules": 9,
    "concepts/saddle-points": 7,
    "concepts/convergence": 9,
    "concepts/conditioning": 10,
    "variants/batch": 14,
    "variants/stochastic": 11,
    "variants/mini-batch": 8,
    "variants/comparison": 19,
}
ABBR = re.compile(r'<abbr title="([^"]+)">([^<]+)</abbr>')


def glossary_terms() -> dict[str, str]:
    terms = re.findall(r"^\*\[([^\]]+)\]: (.+)$", GLOSSARY.read_text(encoding="utf-8"), re.M)
    return dict(terms)


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


def test_glossary_is_appended_to_every_page_and_tooltips_are_on():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_AnyTagLoader)
    assert "content.tooltips" in config["theme"]["features"]
    snippets = next(
        e["pymdownx.snippets"] for e in config["markdown_extensions"] if "pymdownx.snippets" in e
    )
    assert snippets["auto_append"] == ["includes/glossary.md"]
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
    terms = " ".join(re.findall(r"<dt>(.*?)</dt>", html, re.S))
    defined = re.sub(r"<[^>]+>", "", terms).lower()  # a term may carry another's tooltip
    for term in glossary_terms():
        stem = re.sub(r"(es|s)$", "", term.lower())  # epochs, mini-batches
        assert stem in defined, f"{term!r} has a tooltip but no entry on the glossary page"

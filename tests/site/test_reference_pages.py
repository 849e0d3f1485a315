"""The gdlib reference pages (docs/code/reference/): every module once, no redundant tooltips.

All checks read the session's strict build (`built_site`, tests/conftest.py); that each public
module is rendered, and each public name has an entry, is checked in test_reference_modules.py.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

# The gdlib module an element's id names: `gdlib.optimizers` itself or a member of it.
MODULE_ID = re.compile(r'id="gdlib\.(\w+)[."]')
ID = re.compile(r'\bid="([^"]+)"')


def reference_pages(built_site):
    return sorted((built_site.root / "code" / "reference").rglob("index.html"))


def forwarded_places(built_site) -> dict[str, dict[str, str]]:
    """The overview's forwarding maps (hooks/_reference_links.py), as its script holds them."""
    overview = (built_site.root / "code" / "reference" / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r"const \{ sections, modules \} = (\{.*?\});", overview)[1])


def test_no_entry_sends_the_reader_to_the_module_docstring(built_site):
    """A page shows a module's docstring as the text under its section's heading, unnamed:
    `descend` and `surface_from_expression` said "(see the module docstring)"."""
    for page in reference_pages(built_site):
        assert "module docstring" not in page.read_text(encoding="utf-8"), page


def test_each_optimizers_state_follows_its_rule(built_site):
    """mkdocstrings groups entries by kind unless told not to: the four states came as a block
    between `GradientTransformation` and `get_optimizer`, far from the rules that build them."""
    page = built_site.root / "code" / "reference" / "optimizers" / "index.html"
    entries = re.findall(r'id="gdlib\.optimizers\.(\w+)"', page.read_text(encoding="utf-8"))
    for rule in ("sgd", "adagrad", "rmsprop", "adam"):
        assert entries[entries.index(rule) + 1] == rule.capitalize() + "State", entries


class _RepeatedTitles(HTMLParser):
    """Elements whose `title` is the text they contain, or gdlib's dotted path to it."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, str | None, list[str]]] = []
        self.repeated: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag not in ("br", "img", "input", "link", "meta", "hr", "source", "wbr", "col", "path"):
            self.open.append((tag, dict(attrs).get("title"), []))

    @staticmethod
    def gdlib_paths(title: str, text: str) -> list[str]:
        return [title.strip()] if re.fullmatch(rf"gdlib(\.\w+)*\.{re.escape(text)}", title) else []

    def handle_data(self, data) -> None:
        for _, _, texts in self.open:
            texts.append(data)

    def handle_endtag(self, tag) -> None:
        while self.open:
            name, title, texts = self.open.pop()
            text = "".join(texts).strip()
            if title is not None and title.strip() in {text, *self.gdlib_paths(title, text)}:
                self.repeated.append(title)
            if name == tag:
                break


def test_no_reference_tooltip_repeats_its_text(built_site):
    """Each `[title]` costs the theme a tooltip at start-up (hooks/_reference_titles.py drops
    the ones mkdocs-autorefs writes for type names such as `float`, and for an attribute in its
    class's own table, `gdlib.surfaces.Surface.title` on `title`)."""
    for page in reference_pages(built_site):
        found = _RepeatedTitles()
        found.feed(page.read_text(encoding="utf-8"))
        shown = page.relative_to(built_site.root)
        assert found.repeated == [], f"{shown}: titles repeat their text: {found.repeated[:5]}"
    optimizers = built_site.root / "code" / "reference" / "optimizers" / "index.html"
    assert 'title="numpy.ndarray"' in optimizers.read_text(), "richer titles stay"


def test_a_type_title_or_term_is_shown_once_a_section(built_site):
    """hooks/_reference_titles.py keeps a richer title (`numpy.ndarray` on `ndarray`) and a
    glossary term at its first use in each `<h2>` section, across the docstrings mkdocstrings
    renders apart."""
    kept = 0
    for page in reference_pages(built_site):
        for section in re.split(r"(?=<h2[\s>])", page.read_text(encoding="utf-8")):
            titles = re.findall(r'<(?:span|abbr) title="([^"]+)">', section)
            repeats = sorted({t for t in titles if titles.count(t) > 1})
            assert not repeats, f"{page.relative_to(built_site.root)}: {repeats}"
            kept += len(titles)
    assert kept > 20, "the first uses keep their titles"


def test_the_overview_forwards_each_module_and_section_to_the_page_that_holds_it(built_site):
    """hooks/_reference_links.py: old `code/reference/#PLACE` links go to PLACE's page now."""
    forwarded = forwarded_places(built_site)
    pages = [p for p in reference_pages(built_site) if p.parent.name != "reference"]
    texts = {f"{page.parent.name}/": page.read_text(encoding="utf-8") for page in pages}
    modules = {
        f"gdlib.{name}": url for url, text in texts.items() for name in MODULE_ID.findall(text)
    }
    sections = {
        anchor: url
        for url, text in texts.items()
        for anchor in re.findall(r'<h[12] id="([^"]+)"', text)
        if not anchor.startswith("gdlib.")
    }
    assert forwarded == {"sections": sections, "modules": modules}
    # Every section of the reference before the split (commit b5d718a) is still forwarded.
    old = [
        "surfaces",
        "optimizers",
        "the-descent-loop",
        "backtracking-line-search",
        "convergence-rates-on-quadratics",
        "your-own-function",
        "learning-rate-schedules",
        "linear-regression-by-the-three-variants",
        "data-sets",
        "the-seed-pages-example",
    ]
    assert set(old) <= set(sections)


def test_no_page_links_to_a_place_the_overview_forwards(built_site):
    """Links inside the site name the pages themselves: forwarding is for links from outside,
    and it does not run when the theme's instant navigation brings the overview in."""
    root = built_site.root
    forwarded = forwarded_places(built_site)
    for page in built_site.pages():
        base = page.relative_to(root).as_posix()
        for href in re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8")):
            target, _, fragment = urljoin(base, html.unescape(href)).partition("#")
            if target == "code/reference/index.html" or (target == "code/reference/" and fragment):
                assert fragment not in forwarded["sections"], (base, href)
                assert ".".join(fragment.split(".")[:2]) not in forwarded["modules"], (base, href)


def test_every_doctest_on_the_reference_pages_is_a_code_block(built_site):
    """Markdown reads `>>>` lines as block quotes; gd_markdown/doctests.py puts the doctest back."""
    for page in reference_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "<blockquote>" not in html, page
    expression = built_site.root / "code" / "reference" / "surfaces-and-descent" / "index.html"
    text = expression.read_text(encoding="utf-8")
    assert "surface_from_expression(&quot;x^2 + 2*y^2&quot;)" in text
    assert "write products with * (2*x, not 2x)" in text

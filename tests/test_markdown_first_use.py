"""gd_markdown.first_use: a glossary term keeps its <abbr> at its first use in each section only."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import markdown
import pytest

from gd_markdown.first_use import FirstUseTreeprocessor

GLOSSARY = "\n\n*[epoch]: One pass.\n*[Epoch]: One pass.\n*[Hessian]: Second derivatives."
EXTENSIONS = ["abbr", "attr_list", "pymdownx.details", "pymdownx.superfences"]
TABBED = [*EXTENSIONS, "pymdownx.tabbed"]


def render(text: str, first_use: bool = True, extensions=EXTENSIONS) -> str:
    chosen = [*extensions, "gd_markdown.first_use"] if first_use else extensions
    return markdown.markdown(
        text + GLOSSARY,
        extensions=chosen,
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}}
        if "pymdownx.tabbed" in extensions
        else {},
    )


def marked(html: str) -> list[str]:
    return re.findall(r"<abbr [^>]*>([^<]*)</abbr>", html)


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_a_term_is_marked_once_a_section():
    html = render("An epoch, one epoch, an **epoch**.\n\nA later epoch.")
    assert marked(html) == ["epoch"]
    assert "one epoch, an <strong>epoch</strong>.</p>\n<p>A later epoch." in html


def test_a_new_section_marks_the_term_again():
    html = render("An epoch.\n\n## Two\n\nAn epoch, an epoch.\n\n### Inside two\n\nAn epoch.")
    assert marked(html) == ["epoch", "epoch"], "h2 starts a section, h3 does not"


def test_a_term_in_a_heading_is_its_first_use():
    html = render("## The epoch\n\nEach epoch.")
    assert re.search(r"<h2>The <abbr [^>]*>epoch</abbr></h2>", html)
    assert marked(html) == ["epoch"]


def test_terms_are_counted_apart_and_without_case():
    html = render("Epoch and Hessian; epoch and Hessian.")
    assert marked(html) == ["Epoch", "Hessian"]


def test_a_collapsed_block_keeps_its_own_first_use_and_lends_none():
    html = render(
        'An epoch.\n\n??? note "More"\n    The epoch again.\n\nA Hessian.\n\n'
        '??? note "Hessian first"\n    A Hessian.\n\nThe Hessian.'
    )
    assert marked(html) == ["epoch", "epoch", "Hessian", "Hessian"]


def test_each_tab_keeps_its_own_first_use():
    text = '=== "One"\n\n    An epoch.\n\n=== "Two"\n\n    An epoch, an epoch.\n'
    html = render("An epoch.\n\n" + text, extensions=TABBED)
    assert marked(html) == ["epoch", "epoch", "epoch"]


@pytest.mark.parametrize(
    "text",
    [
        "An epoch, an epoch.",
        "epoch epoch *epoch* epoch",
        "A `code epoch` and epoch, then [an epoch](#x) and epoch; Hessian epoch Hessian.",
        "- epoch\n- epoch and epoch\n\n> an epoch\n> epoch",
    ],
)
def test_the_words_stay_the_same(text):
    assert text_of(render(text)) == text_of(render(text, first_use=False))
    assert len(marked(render(text))) < len(marked(render(text, first_use=False)))


def test_a_term_in_a_link_is_text_and_not_its_first_use():
    html = render("See [the epoch page](#x), then an epoch.")
    assert '<a href="#x">the epoch page</a>' in html
    assert "then an <abbr" in html and marked(html) == ["epoch"], "the first use out of a link"


ENTRIES = (
    "*[epochs]: Passes.\n\nIntro: two epochs and a Hessian.\n\n"
    "Epoch\n:   One pass; an epoch has batches.\n\n"
    "Hessian, curvature matrix\n:   Second derivatives, one epoch of them.\n\n"
    "Gradient {#grad}\n:   Slope; see the Hessian and epoch."
)
DEFLIST = [*EXTENSIONS, "def_list"]


def test_a_term_with_an_entry_on_the_page_links_to_it():
    html = render(ENTRIES, extensions=DEFLIST)
    assert marked(html) == [], "every term here has its entry on the page"
    assert '<dt id="term-epoch">Epoch</dt>' in html
    assert '<dt id="term-hessian">Hessian, curvature matrix</dt>' in html
    assert '<dt id="grad">Gradient</dt>' in html, "an id given in the page is kept"
    links = re.findall(r'<a href="#([^"]+)">([^<]*)</a>', html)
    # The intro's first uses link (a plural to its singular entry); in its own entry a term
    # stays text; elsewhere in the same section a term (by its text) is linked once only.
    assert links == [("term-epoch", "epochs"), ("term-hessian", "Hessian"), ("term-epoch", "epoch")]
    assert text_of(html) == text_of(render(ENTRIES, first_use=False, extensions=DEFLIST))


def test_an_entry_links_again_in_the_next_section():
    html = render(ENTRIES + "\n\n## More\n\nThe epoch.", extensions=DEFLIST)
    tail = html[html.index("<h2") :]
    assert re.findall(r'<a href="#([^"]+)">([^<]*)</a>', tail) == [("term-epoch", "epoch")]


def test_entries_named_by_a_marked_term_shared_or_alike():
    text = (
        "*[line search]: Search.\n*[mini-batch]: Small.\n*[mini-batches]: Small ones.\n\n"
        "Use line search on mini-batches.\n\n"
        "Backtracking line search\n:   Halve until the line search test holds.\n\n"
        "Mini-batch\nMini batch\n:   A mini-batch, not [a mini-batch](#x).\n\n"
        "Mini-batch\n:   Twice."
    )
    html = render(text, extensions=DEFLIST)
    assert re.findall(r'<dt id="([^"]+)"', html) == [
        "term-backtracking-line-search",
        "term-mini-batch",
        "term-mini-batch-1",
        "term-mini-batch-2",
    ], "ids stay unique"
    links = re.findall(r'<a href="#([^"]+)">([^<]*)</a>', html)
    # "line search" is marked in the first entry's term: it names that entry; "mini-batches"
    # finds "mini-batch", the first of the entries of that name; the two terms before one
    # definition both own it.
    assert links == [
        ("term-backtracking-line-search", "line search"),
        ("term-mini-batch", "mini-batches"),
        ("x", "a mini-batch"),
    ]
    assert marked(html) == []


def test_a_term_in_a_cross_reference_is_text():
    # autorefs' inline processor writes `[epoch][id]` as an <autoref> element, a link later.
    page = ElementTree.fromstring(
        '<div><p>An <autoref identifier="x"><abbr title="One pass.">epoch</abbr></autoref>, '
        'then an <abbr title="One pass.">epoch</abbr>.</p></div>'
    )
    FirstUseTreeprocessor(markdown.Markdown()).run(page)
    html = ElementTree.tostring(page, encoding="unicode")
    assert marked(html) == ["epoch"] and "then an <abbr" in html

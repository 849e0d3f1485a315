"""What keeps pages light and quick to render: trimmed notebook CSS and lazy figures.

The Lighthouse scores themselves are measured by `make bench-site`, never asserted here; these
tests pin the markup that earns them, and check the trimming keeps every rule a page can use.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
from _css_trim import trim_css, trim_notebook_css

LAB_CSS = (
    '@charset "UTF-8";.jupyter-wrapper{--jp-used: red;--jp-unused: blue;--jp-chain: var(--jp-used)}'
    ".jupyter-wrapper .jp-InputPrompt{color:var(--jp-chain)}"
    ".jupyter-wrapper .jp-Toolbar,.jupyter-wrapper .jp-Cell:hover{margin:0}"
    "@media (max-width:760px){.jupyter-wrapper .jp-Dialog{top:0}.jupyter-wrapper pre{margin:0}}"
    ".jupyter-wrapper .jp-Cell:not(.jp-mod-active){padding:0}"
    "@keyframes spin{to{transform:rotate(1turn)}}"
    # JupyterLab's icons: data URLs hold a ';' inside url(...), unused here.
    ".jupyter-wrapper{--jp-icon-add: url(data:image/svg+xml;base64,PHN2Zz4=);--jp-kept: 1px}"
    ".jupyter-wrapper .jp-InputPrompt{padding:var(--jp-kept);margin:var(--jp-never)}"
    ".jupyter-wrapper :root{--jp-never: 0}"
)
PAGE = (
    f'<html><head><style type="text/css">\n{LAB_CSS}</style></head><body>'
    '<div class="jupyter-wrapper"><div class="jp-Cell"><div class="jp-InputPrompt">In [1]:'
    "</div></div></div></body></html>"
)


@pytest.fixture(scope="module")
def css_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("nb-css")


@pytest.fixture(scope="module")
def trimmed(css_cache):
    return trim_notebook_css(PAGE, css_cache)


def test_trim_keeps_rules_whose_classes_are_on_the_page(trimmed):
    assert ".jupyter-wrapper .jp-InputPrompt{color:var(--jp-chain)}" in trimmed
    assert ".jupyter-wrapper .jp-Cell:hover{margin:0}" in trimmed
    # A class only inside :not() is not required; an unknown one there never drops the rule.
    assert ".jp-Cell:not(.jp-mod-active){padding:0}" in trimmed
    assert "@media (max-width:760px){.jupyter-wrapper pre{margin:0}}" in trimmed
    assert "@keyframes spin" in trimmed


def test_trim_drops_rules_and_variables_nothing_uses(trimmed):
    assert "jp-Toolbar" not in trimmed and "jp-Dialog" not in trimmed
    assert "--jp-unused" not in trimmed
    # Used through another variable: kept.
    assert "--jp-used: red" in trimmed and "--jp-chain: var(--jp-used)" in trimmed


def test_trim_drops_whole_data_url_values_and_rules_that_cannot_match(trimmed):
    assert "base64" not in trimmed and "PHN2Zz4" not in trimmed
    assert "--jp-kept: 1px" in trimmed
    # `:root` is the document's root element: never below the notebook's wrapper.
    assert ":root" not in trimmed and "--jp-never: 0" not in trimmed


def test_trim_is_cached_and_stable(trimmed, css_cache):
    assert trim_notebook_css(PAGE, css_cache) == trimmed
    assert len(list(css_cache.glob("*.css"))) == 1


@pytest.mark.parametrize("name", ["numpy", "pytorch"])
def test_notebook_pages_carry_a_trimmed_jupyterlab_stylesheet(built_site, name):
    page = (built_site.root / "code" / name / "index.html").read_text(encoding="utf-8")
    styles = re.findall(r"<style[^>]*>(.*?)</style>", page, re.S)
    # Trimmed, a notebook page's styles measured 39 KB (numpy and pytorch pages, Nov 2026);
    # 45 KB leaves room for a few more cells and none for JupyterLab's whole stylesheet.
    assert sum(map(len, styles)) < 45_000, "nbconvert's JupyterLab CSS is back, or untrimmed"
    assert "base64," not in "".join(styles), "a data-URL icon survived the trimming"
    css = "".join(styles)
    for needed in ("jp-InputPrompt", "jp-OutputArea-output", "jp-RenderedText", "highlight-ipynb"):
        assert needed in page and needed in css, needed


def test_notebook_plots_are_files_loaded_lazily(built_site):
    page = (built_site.root / "code" / "numpy" / "index.html").read_text(encoding="utf-8")
    assert "data:image/png;base64" not in page
    images = re.findall(r'<img [^>]*src="(output-[0-9a-f]{16}\.png)"[^>]*>', page)
    assert images, "the numpy notebook shows no plot"
    for name in images:
        assert (built_site.root / "code" / "numpy" / name).read_bytes().startswith(b"\x89PNG")
    assert all('loading="lazy"' in tag for tag in re.findall(r"<img [^>]*output-[^>]*>", page))


def test_site_wide_trim_needs_template_attributes_and_drops_unread_theme_properties():
    css = (
        ":root{--md-used:1px;--md-unused:url(data:x);--other:2px}"
        "[dir=ltr] .a{margin:var(--md-used)}[dir=rtl] .a{margin:0}"
        "[data-md-color-primary=red]{color:red}[type=checkbox]{margin:0}"
    )
    page = '<body dir="ltr" data-md-color-primary="indigo"><p class="a">x</p></body>'
    attributes = frozenset({"dir", "data-md-color-primary"})
    cut = trim_css(css, page, attributes=attributes, droppable=re.compile(r"--md-[\w-]+$"))
    assert "[dir=ltr] .a" in cut and "[type=checkbox]" in cut
    assert "rtl" not in cut and "color-primary=red" not in cut
    assert "--md-used:1px" in cut and "--md-unused" not in cut and "--other:2px" in cut


def test_named_selectors_are_dropped_and_the_rest_of_their_rule_kept():
    css = "[s] *,.a{color:red}[s] :after{x:0}@media print{[s] b{y:1}}"
    cut = trim_css(css, '<p class="a">x</p>', dropped=re.compile(r"\[s\]"))
    assert cut == ".a{color:red}"


def test_the_palette_sheet_names_no_switching_attribute(built_site):
    # Material's palette sets data-md-color-switching at every load: a rule naming it makes the
    # browser restyle the whole document twice in the theme's first task (hooks/_stylesheets.py).
    sheets = list((built_site.root / "assets" / "stylesheets").glob("*.css"))
    assert len(sheets) == 2
    for sheet in sheets:
        assert "data-md-color-switching" not in sheet.read_text(encoding="utf-8"), sheet.name
    source = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    assert any("data-md-color-switching" in p.read_text() for p in source.glob("palette.*.css"))


def test_page_scoped_stylesheets_are_inlined_where_used_and_dropped_elsewhere():
    import _stylesheets as sheets

    css = ".gdx{color:red}.gdx .md-button{margin:0}"
    scoped = {"stylesheets/explorer.css": (css, sheets.own_classes(css, ".md-button{x:y}"))}
    link = '<link rel="stylesheet" href="../stylesheets/explorer.css">\n'
    used = sheets.relink(f'<head>{link}</head><div class="gdx"></div>', {}, scoped)
    assert "<style>.gdx{color:red}" in used and "explorer.css" not in used
    # `md-button` is the theme's: a page with only that class does not get the sheet.
    unused = sheets.relink(f'<head>{link}</head><a class="md-button">', {}, scoped)
    assert "gdx" not in unused and "explorer.css" not in unused

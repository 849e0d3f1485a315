"""What keeps formula-heavy pages cheap to lay out: section boxes and the KaTeX font handling.

`gd_markdown/sections.py` boxes each heading's body so the browser can skip off-screen sections;
`hooks/_fonts.py` preloads the KaTeX fonts a page uses and cuts them to the site's characters.
The hooks are tested on small inputs, then on the session's build (`built_site`). That each
page preloads exactly the fonts Chromium then uses is checked in tests/quality.
"""

from __future__ import annotations

import re
from pathlib import Path

import _fonts as fonts
import pytest
from fontTools.ttLib import TTFont
from fontTools.unicodedata import mirrored

from gd_markdown import sections

ROOT = Path(__file__).resolve().parents[2]
KATEX_FONTS = ROOT / "js" / "node_modules" / "katex" / "dist" / "fonts"
MARKDOWN_PAGES = [
    "index.html",
    "concepts/algorithm/index.html",
    "concepts/updates/index.html",
    "variants/stochastic/index.html",
    "explore/index.html",
]


def test_each_heading_body_gets_a_box_and_headings_stay_outside():
    content = "<h1>T</h1>\n<p>intro</p>\n<h2 id='a'>A</h2>\n<p>one</p>\n<h3>B</h3>\n<pre>x</pre>\n"
    wrapped = sections.wrap_sections(content)
    assert wrapped.count('<div class="gd-section">') == 2
    assert "<p>intro</p>\n<h2" in wrapped, "the introduction is on the first screen: no box"
    assert re.sub(r'<div class="gd-section">|</div>', "", wrapped) == content


def test_bodies_holding_headings_and_pages_without_top_level_headings_are_left_alone():
    nested = "<h2>A</h2><div class='doc'><h3>f</h3><p>x</p></div>"
    assert sections.wrap_sections(nested) == nested
    notebook = "<div class='jupyter-wrapper'><div><h2>A</h2><p>x</p></div></div>"
    assert sections.wrap_sections(notebook) == notebook
    assert sections.wrap_sections("<h2>A</h2>\n\n") == "<h2>A</h2>\n\n", "empty body: no box"


def test_line_separators_other_than_newline_do_not_move_the_boxes():
    # HTMLParser counts lines at "\n" only; str.splitlines would also split at U+2028 and \x0c.
    content = "<p>a\u2028b\x0cc</p>\n<h2>A</h2>\n<p>one</p>"
    wrapped = sections.wrap_sections(content)
    assert wrapped == '<p>a\u2028b\x0cc</p>\n<h2>A</h2><div class="gd-section">\n<p>one</p></div>'


def test_unbalanced_html_is_an_error():
    with pytest.raises(ValueError, match="unbalanced HTML"):
        sections.wrap_sections("<h2>A</h2><div><p>never closed</p>")


@pytest.mark.parametrize("page", MARKDOWN_PAGES)
def test_built_pages_box_every_section_and_no_heading(built_site, page):
    html = (built_site.root / page).read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    boxes = article.count('<div class="gd-section">')
    assert boxes == len(re.findall(r"<h2 id=", article)) > 0
    for after_box in article.split('<div class="gd-section">')[1:]:
        box = after_box.split("<h2 ")[0]
        assert not re.search(r"<h[1-6][\s>]", box), "a heading inside a skipped box"


KATEX_HTML = (
    '<link rel="stylesheet" href="../generated/katex/katex.min.css">'
    '<span class="katex"><span class="katex-html" aria-hidden="true">'
    '<span class="mord mathnormal">x</span><span class="sizing reset-size6 size3">2</span>'
    '<span class="delimsizing size1">(</span></span></span>'
)


def test_fonts_used_follow_katexs_rules_for_the_classes_on_the_page():
    assert fonts.fonts_used(KATEX_HTML) == [
        "fonts/KaTeX_Main-Regular.woff2",  # .katex
        "fonts/KaTeX_Math-Italic.woff2",  # .katex .mathnormal
        "fonts/KaTeX_Size1-Regular.woff2",  # .katex .delimsizing.size1
    ]  # `size3` sits on a `sizing` span, not a `delimsizing` one: no Size3
    assert fonts.fonts_used("<p>no formulas</p>") == []


def test_preloads_go_before_katexs_stylesheet_with_page_relative_urls():
    page = fonts.add_preloads(KATEX_HTML, "concepts/updates/")
    first = page.index('<link rel="preload"')
    assert first < page.index('<link rel="stylesheet"')
    assert (
        '<link rel="preload" href="../../generated/katex/fonts/KaTeX_Math-Italic.woff2" '
        'as="font" type="font/woff2" crossorigin>' in page
    )


def test_formula_characters_are_the_drawn_text_only():
    html = (
        '<span class="katex"><span class="katex-mathml"><math><mi>q</mi></math></span>'
        '<span class="katex-html" aria-hidden="true"><span>θ<span>−</span></span></span></span>'
        "<span>outside</span>"
    )
    assert fonts.formula_characters(html) == {"θ", "−"}


def _glyphs(font: TTFont) -> dict[str, str]:
    return {chr(code): glyph for code, glyph in font.getBestCmap().items()}


def test_site_fonts_are_cut_to_the_formulas_characters_and_keep_every_one(built_site):
    drawn = set()
    for page in built_site.pages():
        drawn |= fonts.formula_characters(page.read_text(encoding="utf-8"))
    assert {"θ", "η", "∇", "−"} <= drawn
    site_fonts = sorted((built_site.root / "generated" / "katex" / "fonts").glob("*.woff2"))
    assert len(site_fonts) == len(list(KATEX_FONTS.glob("*.woff2")))
    for cut in site_fonts:
        original = KATEX_FONTS / cut.name
        assert cut.stat().st_size < original.stat().st_size, cut.name
        kept, had = _glyphs(TTFont(cut)).keys(), _glyphs(TTFont(original))
        assert drawn & had.keys() <= kept, f"{cut.name} lost {sorted(drawn & had.keys() - kept)}"
        # Nothing else, but what shares a glyph with a drawn character or mirrors one (fontTools
        # keeps `}` with `{`, for right-to-left text).
        wanted = drawn | set(fonts.ALWAYS_KEPT)
        wanted |= {chr(m) for c in wanted if (m := mirrored(ord(c))) is not None}
        needed = {had[c] for c in wanted if c in had}
        extra = {c for c in kept if had[c] not in needed}
        assert not extra, f"{cut.name} kept characters no formula draws: {sorted(extra)}"

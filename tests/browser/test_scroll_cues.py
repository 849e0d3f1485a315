"""Wide formulas and tables on a phone scroll sideways, and a shadow says on which side (extra.css).

The cue is CSS alone: shadows fixed to the scroll box's edges under covers that scroll with the
content, so a shadow shows only where more is hidden. Sections clip at their own edge; they reach
as far as the theme's full-bleed boxes, or the boxes lose their edges and with them the shadows.
Blank boxes of each kind are put into the page's first section, so no glyph darkens an edge.
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

pytestmark = pytest.mark.browser

PAGE = "concepts/gradients/"
BLANK = '<span style="display: inline-block; width: 1200px; height: 3rem"></span>'
BOXES = {
    "formula": f'<div class="arithmatex" id="cue">{BLANK}</div>',
    "table": '<div class="md-typeset__scrollwrap" id="cue"><div class="md-typeset__table"><table>'
    f"<tbody><tr><td>{BLANK}</td></tr></tbody></table></div></div>",
}
INSERT = """(html) => document.querySelector('.md-typeset .gd-section')
    .insertAdjacentHTML('afterbegin', html)"""


def edges(page) -> tuple[float, float]:
    """How much darker or lighter than the page the box's outermost columns are, left and right."""
    image = Image.open(io.BytesIO(page.locator("#cue").screenshot())).convert("L")
    width, height = image.size
    middle = height // 2
    ground = image.getpixel((width // 2, middle))  # the blank middle: the page's own colour
    left = sum(abs(image.getpixel((x, middle)) - ground) for x in (0, 1)) / 2
    right = sum(abs(image.getpixel((x, middle)) - ground) for x in (width - 2, width - 1)) / 2
    return left, right


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", BOXES)
def test_a_box_wider_than_a_phone_shows_a_shadow_where_more_is_hidden(
    browser, site_url, kind, scheme
):
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + PAGE)
    page.evaluate(INSERT, BOXES[kind])
    page.locator("#cue").scroll_into_view_if_needed()
    box = page.evaluate("() => document.querySelector('#cue').getBoundingClientRect().width")
    assert box == 360, "the box runs to the window's edges, as the theme lays it out"
    at_start = edges(page)
    page.evaluate(
        "() => { const e = document.querySelector('#cue'); e.scrollLeft = e.scrollWidth; }"
    )
    at_end = edges(page)
    context.close()
    assert at_start[0] < 3 and at_start[1] > 12, f"start: {at_start}"
    assert at_end[1] < 3 and at_end[0] > 12, f"end: {at_end}"


# Each box wider than the phone, with the edges of the nearest ancestor that clips it (a section
# or a reference entry the browser may skip off screen).
CLIPPED = """() => [...document.querySelectorAll('div.arithmatex, .md-typeset__scrollwrap')]
    .filter((e) => e.scrollWidth > e.clientWidth + 1)
    .map((e) => { let clip = e.parentElement;
      while (clip && getComputedStyle(clip).contentVisibility !== 'auto') clip = clip.parentElement;
      const box = e.getBoundingClientRect(), edge = clip?.getBoundingClientRect() ?? box;
      return [edge.left, box.left, box.right, edge.right]; })"""


# Pages with boxes wider than a phone: the comparison page's tables, the reference's table of
# surfaces. (The gradients page's formulas were, until each was written to fit a 360 px phone;
# the reference's parameter tables were, until their rows stacked on a phone.)
@pytest.mark.parametrize("path", ["variants/comparison/", "code/reference/surfaces-and-descent/"])
def test_wide_boxes_scroll_and_nothing_clips_their_ends(browser, site_url, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + path)
    boxes = page.evaluate(CLIPPED)
    context.close()
    assert boxes, "no formula or table on the page is wider than a phone"
    # The box, shadows and all, lies inside the edges its clipping ancestor draws.
    assert [b for b in boxes if b != sorted(b)] == []


def test_a_formula_in_a_note_stays_inside_the_notes_border(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + PAGE)
    title = '<p class="admonition-title">Note</p>'
    note = f'<div class="admonition note" id="note">{title}{BOXES["formula"]}</div>'
    page.evaluate(INSERT, note)
    inner = page.evaluate(
        """() => { const note = document.querySelector('#note').getBoundingClientRect();
            const style = getComputedStyle(document.querySelector('#note'));
            const box = document.querySelector('#cue').getBoundingClientRect();
            return [note.left + parseFloat(style.borderLeftWidth), box.left,
                    box.right, note.right - parseFloat(style.borderRightWidth)]; }"""
    )
    context.close()
    assert inner == sorted(inner), inner

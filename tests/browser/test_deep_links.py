"""A link to a place on a page lands on it (docs/javascripts/anchors.js).

Long pages skip drawing what is off screen (content-visibility in extra.css), and the boxes drawn
after the browser has scrolled to a link's target used to move it: on the reference pages by up
to 1,500 px, above or below the screen. The target must end at the top of the screen, below the
header, whether the page is opened at the link or the link is followed on the page, at desktop and
phone widths; and once the reader scrolls, the page is theirs.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

LINKS = [
    "code/reference/surfaces-and-descent/#backtracking-line-search",
    "code/reference/surfaces-and-descent/#gdlib.descent.descend",
    "code/reference/optimizers/#gdlib.optimizers.adam",
    "code/reference/rates-and-schedules/#learning-rate-schedules",
    "code/reference/regression/#data-sets",
    "code/reference/regression/#the-seed-pages-example",
    "concepts/gradients/#3-automatic-differentiation",
    "variants/stochastic/#disadvantages-shown",
]
# Where the target's top must be: its scroll margin below the viewport's top, or as near as the
# page can scroll when the target sits in the last screen.
OFFSET = """(id) => { const target = document.getElementById(id);
    const want = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    const top = target.getBoundingClientRect().top;
    const bottom = scrollY >= document.documentElement.scrollHeight - innerHeight - 1;
    return bottom && top > want ? 0 : top - want; }"""


def settled_offset(page, fragment: str) -> float:
    """The target's distance from where it belongs, once the page has drawn what is near it."""
    page.wait_for_load_state("load")
    page.wait_for_timeout(1500)  # the theme's start-up and the boxes near the target are drawn
    return page.evaluate(OFFSET, fragment)


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("link", LINKS)
def test_a_page_opened_at_a_link_shows_its_target_at_the_top(open_page, site_url, link, width):
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(site_url + link)
    assert abs(settled_offset(page, link.split("#")[1])) <= 2
    assert page.watch.console_errors == []


def test_a_link_followed_on_the_page_lands_on_its_target(page, site_url):
    page.goto(site_url + "code/reference/optimizers/")
    page.wait_for_load_state("load")
    # The theme makes the table of contents' links absolute.
    page.click(".md-sidebar--secondary a[href$='#gdlib.optimizers.adam']")
    page.wait_for_url("**#gdlib.optimizers.adam")
    assert abs(settled_offset(page, "gdlib.optimizers.adam")) <= 2


def test_once_the_reader_scrolls_the_page_stays_where_they_put_it(page, site_url):
    page.goto(site_url + LINKS[4])
    page.wait_for_load_state("load")
    page.mouse.move(640, 400)
    page.mouse.wheel(0, 900)
    page.wait_for_timeout(400)
    scrolled = page.evaluate("() => scrollY")
    page.wait_for_timeout(1500)  # boxes drawn meanwhile must not pull the page back
    assert abs(page.evaluate("() => scrollY") - scrolled) < 5
    assert page.evaluate(OFFSET, "data-sets") < -400  # the target went up with the scroll

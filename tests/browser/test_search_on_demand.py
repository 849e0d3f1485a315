"""Search on demand in Chromium (overrides/partials/search-on-demand.html).

Material fetches its search index and builds it in a worker on every full page load. The site
holds that request until the reader shows they want to search, so a page that is only read never
asks for the index; the first sign of intent (the pointer on the search box, the search key, a
tap on the search icon on a phone, an address with a query or from a search result) asks for
it, and search then answers once the index is built (the first search pays for the download and
the build), here and after an instant navigation.
"""

from __future__ import annotations

import pytest
from navigation import serve_sitemap_for_this_origin, theme_started

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"
PAGE = "concepts/algorithm/"
RESULTS = ".md-search-result__item"


def index_requests(page) -> list[str]:
    """Record the page's requests for the search index (the list fills as they happen)."""
    seen: list[str] = []
    page.on("request", lambda request: request.url.endswith(INDEX) and seen.append(request.url))
    return seen


def settle(page) -> None:
    """Let the page finish loading and the theme start, as a reader would before searching."""
    theme_started(page, settle_ms=1000)


def search_for(page, text: str) -> int:
    """Type `text` in the focused search box; return how many results the theme lists."""
    page.keyboard.type(text)
    page.wait_for_selector(RESULTS, timeout=15000)
    return page.locator(RESULTS).count()


def test_a_page_that_is_only_read_never_asks_for_the_index(page, site_url):
    asked = index_requests(page)
    page.goto(site_url + PAGE)
    settle(page)
    page.mouse.wheel(0, 600)  # reading: scrolling and moving the pointer over the article
    page.mouse.move(600, 500)
    page.wait_for_timeout(500)
    assert asked == []
    assert page.watch.console_errors == []


def test_the_pointer_on_the_search_box_asks_for_the_index_and_search_answers(page, site_url):
    page.goto(site_url + PAGE)
    settle(page)
    with page.expect_request(lambda request: request.url.endswith(INDEX)):
        page.hover(".md-search__input")
    page.click(".md-search__input")
    assert search_for(page, "learning rate") > 0
    assert page.watch.failed_requests == [] and page.watch.console_errors == []


def test_the_search_key_opens_search_and_it_answers(page, site_url):
    asked = index_requests(page)
    page.goto(site_url + PAGE)
    settle(page)
    page.keyboard.press("s")  # Material's shortcut focuses the search box
    assert search_for(page, "momentum") > 0
    assert len(asked) == 1


def test_on_a_phone_the_search_icon_asks_for_the_index(open_page, site_url):
    page = open_page(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    asked = index_requests(page)
    page.goto(site_url + PAGE)
    settle(page)
    assert asked == []
    page.tap("label.md-header__button[for='__search']")
    assert search_for(page, "gradient") > 0
    assert len(asked) == 1


def test_an_address_with_a_query_opens_search_with_its_results(page, site_url):
    asked = index_requests(page)
    page.goto(site_url + PAGE + "?q=momentum")
    page.wait_for_selector(RESULTS, timeout=15000)
    assert len(asked) == 1


def test_a_link_from_a_search_result_highlights_its_terms_at_once(page, site_url):
    asked = index_requests(page)
    page.goto(site_url + PAGE + "?h=gradient")
    page.wait_for_selector("mark[data-md-highlight]", timeout=15000)
    assert len(asked) == 1


def test_search_still_answers_after_an_instant_navigation(page, site_url):
    asked = index_requests(page)
    serve_sitemap_for_this_origin(page, site_url)
    page.goto(site_url + PAGE)
    settle(page)
    page.evaluate("() => { window.__sameDocument = true; }")  # gone after a full load
    page.click("a.md-nav__link[href$='learning-rate/']")
    page.wait_for_url("**/concepts/learning-rate/")
    page.wait_for_selector("h1#learning-rate")
    assert page.evaluate("() => window.__sameDocument") is True, "a full load, not instant"
    assert asked == []
    page.click(".md-search__input")
    assert search_for(page, "batch") > 0
    assert len(asked) == 1

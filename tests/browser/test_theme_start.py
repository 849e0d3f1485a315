"""The theme's start-up leaves the document as it found it (overrides/partials/theme-start.html).

Material's bundle, when it starts, swaps the <html> class `no-js` for `js`, lets the
focus-visible polyfill mark <html>, and rewrites every relative URL to an absolute one, the
stylesheet links' included. On a parsed page each of those restyles every element. The page
makes the same changes at the end of <head>, so the bundle finds them made: these tests record
what the bundle itself changes on <html> and on the head's links, and check that the page still
looks and navigates as before.
"""

from __future__ import annotations

import pytest
from navigation import serve_sitemap_for_this_origin, theme_started

pytestmark = pytest.mark.browser

# The explorer and the comparison carry links hooks add to <head> (preloads: the explorer's
# chunks, the comparison's KaTeX fonts).
PAGES = ("concepts/gradients/", "explore/", "variants/comparison/")

# Before any of the page's scripts: remember <html>'s marks when <body> first exists, and every
# href the theme's bundle gives a <link> that changes its value.
RECORD = """
window.__linkChanges = [];
const href = Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, "href");
Object.defineProperty(HTMLLinkElement.prototype, "href", {
  get() { return href.get.call(this); },
  set(value) {
    const fromBundle = /\\/assets\\/javascripts\\/bundle\\./.test(new Error().stack);
    if (fromBundle && this.getAttribute("href") !== String(value)) {
      window.__linkChanges.push(this.getAttribute("href"));
    }
    href.set.call(this, value);
  },
});
const marks = () => {
  const root = document.documentElement;
  return [root.className, root.getAttribute("data-js-focus-visible")];
};
new MutationObserver((records, observer) => {
  if (document.body) {
    window.__marksAtBody = marks();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
window.__marks = marks;
"""


def recorded(page) -> tuple[list, list, list[str]]:
    """<html>'s marks when <body> began and at the end, and the links the bundle rewrote."""
    theme_started(page, settle_ms=500)
    at_body, after, links = page.evaluate(
        "() => [window.__marksAtBody, window.__marks(), window.__linkChanges]"
    )
    return at_body, after, links


@pytest.mark.parametrize("path", PAGES)
def test_the_bundle_finds_the_document_wide_changes_made(page, site_url, path):
    page.add_init_script(RECORD)
    page.goto(site_url + path)
    at_body, after, links = recorded(page)
    assert set(at_body[0].split()) == {"js", "js-focus-visible"}
    assert at_body[1] == ""
    assert after == at_body, "the bundle changed <html>'s class or attribute after the body began"
    assert links == []
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_the_record_sees_a_link_left_for_the_bundle(page, site_url):
    """The control: a relative link after the theme-start script is one the bundle rewrites."""

    def late_link(route) -> None:
        html = route.fetch().text().replace("</head>", '<link rel="help" href="../">\n</head>', 1)
        route.fulfill(body=html, content_type="text/html")

    page.route("**/concepts/gradients/", late_link)
    page.add_init_script(RECORD)
    page.goto(site_url + "concepts/gradients/")
    assert recorded(page)[2] == ["../"]


def test_each_stylesheet_is_fetched_once_and_applies(page, site_url):
    page.goto(site_url + "concepts/gradients/")
    theme_started(page, settle_ms=500)
    fetched = page.evaluate(
        """() => performance.getEntriesByType("resource").map((entry) => entry.name)
                   .filter((name) => name.endsWith(".css"))"""
    )
    linked = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].map((link) => link.href)"
    )
    assert len(linked) >= 4  # Material's main and palette sheets, KaTeX's, the site's
    assert sorted(fetched) == sorted(linked)
    applied = "() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length).length"
    assert page.evaluate(applied) == len(linked)


def test_instant_navigation_keeps_the_stylesheet_links_in_place(page, site_url):
    serve_sitemap_for_this_origin(page, site_url)
    with page.expect_response("**/sitemap.xml"):
        page.goto(site_url + "concepts/algorithm/")
    theme_started(page, settle_ms=500)
    page.evaluate(
        """() => {
          window.__sameDocument = true;  // gone after a full load
          for (const link of document.querySelectorAll("link[rel=stylesheet]")) link.__kept = true;
        }"""
    )
    page.click("a.md-nav__link[href$='learning-rate/']")
    page.wait_for_url("**/concepts/learning-rate/")
    page.wait_for_selector("h1#learning-rate")
    assert page.evaluate("() => window.__sameDocument") is True, "a full load, not instant"
    kept = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.__kept === true)"
    )
    assert len(kept) >= 4 and all(kept), "a stylesheet link was swapped by the navigation"
    assert page.watch.console_errors == []

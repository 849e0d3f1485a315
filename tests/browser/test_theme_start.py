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
from navigation import serve_sitemap_for_this_origin

pytestmark = pytest.mark.browser

PAGES = ("concepts/gradients/", "explore/", "variants/stochastic/")

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


def started(page) -> None:
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined")
    page.wait_for_timeout(500)


@pytest.mark.parametrize("path", PAGES)
def test_the_bundle_finds_the_document_wide_changes_made(page, site_url, path):
    page.add_init_script(RECORD)
    page.goto(site_url + path)
    started(page)
    at_body, after = page.evaluate("() => [window.__marksAtBody, window.__marks()]")
    assert set(at_body[0].split()) == {"js", "js-focus-visible"}
    assert at_body[1] == ""
    assert after == at_body, "the bundle changed <html>'s class or attribute after the body began"
    assert page.evaluate("() => window.__linkChanges") == []
    assert page.watch.console_errors == [] and page.watch.failed_requests == []


def test_the_head_links_keep_their_targets_and_the_styles_apply(page, site_url):
    page.goto(site_url + "concepts/gradients/")
    started(page)
    built, live = page.evaluate(
        """async () => {
          const html = await (await fetch(location.href)).text();
          const built = new DOMParser().parseFromString(html, "text/html");
          const targets = (doc) => [...doc.head.querySelectorAll("link[href]")].map(
            (link) => new URL(link.getAttribute("href"), location.href).href);
          return [targets(built), targets(document)];
        }"""
    )
    assert len(built) >= 5 and live == built
    applied = "() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length).length"
    assert page.evaluate(applied) >= 4  # Material's main and palette sheets, KaTeX's, the site's
    header = page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position")
    assert header == "sticky"


def test_instant_navigation_keeps_one_copy_of_each_stylesheet(page, site_url):
    serve_sitemap_for_this_origin(page, site_url)
    page.goto(site_url + "concepts/algorithm/")
    started(page)
    page.evaluate("() => { window.__sameDocument = true; }")  # gone after a full load
    page.click("a.md-nav__link[href$='learning-rate/']")
    page.wait_for_url("**/concepts/learning-rate/")
    page.wait_for_selector("h1#learning-rate")
    assert page.evaluate("() => window.__sameDocument") is True, "a full load, not instant"
    hrefs = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.href)"
    )
    assert len(hrefs) == len(set(hrefs)) >= 4
    assert page.evaluate("() => document.documentElement.classList.contains('no-js')") is False
    assert page.watch.console_errors == []

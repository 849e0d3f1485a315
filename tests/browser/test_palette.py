"""The header's light/dark switch, started by the site (hooks/_palette_switch.py, palette.js).

The theme's palette component restyled every element of a page as it started: it appended a
color-scheme meta and set it (and set and removed a `data-md-color-switching` mark, which no
rule reads since hooks/_stylesheets.py dropped them). The site starts the switch itself: these
tests check that it does the component's work (the reader's saved palette, else their system's,
applied and saved, on a first visit before the page is drawn; one color-scheme meta, declared
from the head, that agrees with the header's style; the other palette's button shown;
switching by click, by Enter and by the arrow keys, remembered, on the 404 page and after an
instant navigation, with no console error) and that none of those changes is made once the
body exists, unless the reader switches.
"""

from __future__ import annotations

import pytest
from navigation import serve_sitemap_for_this_origin, theme_started

pytestmark = pytest.mark.browser

PAGE = "concepts/algorithm/"
# The button shown is the label for the other palette's option (Material's tooltip takes the
# labels' titles away while the pointer is over them, so they are told apart by `for`).
TO_DARK, TO_LIGHT = "__palette_1", "__palette_0"

# Before any of the page's scripts: note each color-scheme meta added or changed, and each
# switching mark, once <body> exists; and <body>'s scheme when the parse ends, before deferred
# scripts (the site's palette.js) run.
RECORD = """
window.__late = [];
document.addEventListener('readystatechange', () => {
  if (document.readyState === 'interactive') {
    window.__parsedScheme = document.body.getAttribute('data-md-color-scheme');
  }
});
new MutationObserver((records) => {
  if (!document.body) return;
  for (const record of records) {
    const meta = record.target.nodeName === 'META' && record.target.name === 'color-scheme';
    if (record.attributeName === 'data-md-color-switching') window.__late.push('switching mark');
    if (record.attributeName === 'content' && meta) window.__late.push('meta changed');
    for (const node of record.addedNodes) {
      const added = node.nodeName === 'META' && node.name === 'color-scheme';
      if (added) window.__late.push('meta added');
    }
  }
}).observe(document, { childList: true, subtree: true, attributes: true,
                       attributeFilter: ['data-md-color-switching', 'content'] });
"""

STATE = """() => {
  const header = getComputedStyle(document.querySelector('[data-md-component=header]'));
  const hex = '#' + header.backgroundColor.match(/\\d+/g)
    .map((v) => (+v).toString(16).padStart(2, '0')).join('');
  return {
    scheme: document.body.getAttribute('data-md-color-scheme'),
    metas: [...document.querySelectorAll('meta[name=color-scheme]')].map((m) => m.content),
    header: header.colorScheme,
    shown: [...document.querySelectorAll('[data-gd-palette] label')]
      .filter((label) => !label.hidden).map((label) => label.htmlFor),
    saved: JSON.parse(localStorage.getItem('/gradient-descent/.__palette'))?.index,
    themeColor: document.querySelector('meta[name=theme-color]')?.content === hex,
    late: window.__late,
  };
}"""

LIGHT = {"scheme": "default", "metas": ["light"], "header": "light", "shown": [TO_DARK],
         "saved": 0, "themeColor": True}  # fmt: skip
DARK = {"scheme": "slate", "metas": ["dark"], "header": "dark", "shown": [TO_LIGHT],
        "saved": 1, "themeColor": True}  # fmt: skip


def _opened(open_page, site_url, scheme="light", path=PAGE):
    page = open_page(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page.add_init_script(RECORD)
    serve_sitemap_for_this_origin(page, site_url)
    # Material turns instant navigation on only once it has the sitemap: wait for it.
    with page.expect_response("**/sitemap.xml"):
        page.goto(site_url + path)
    theme_started(page, settle_ms=300)
    return page


def _state(page) -> dict:
    assert page.watch.console_errors == []
    return page.evaluate(STATE)


def _without_late(state: dict) -> dict:
    return {key: value for key, value in state.items() if key != "late"}


@pytest.mark.parametrize(("scheme", "expected"), [("light", LIGHT), ("dark", DARK)])
def test_the_readers_system_palette_is_applied_and_saved_with_nothing_restyled(
    open_page, site_url, scheme, expected
):
    page = _opened(open_page, site_url, scheme)
    assert _state(page) == {**expected, "late": []}
    # A first visit: the palette is on <body> before the page is drawn, not once it has loaded.
    assert page.evaluate("() => window.__parsedScheme") == expected["scheme"]


def test_a_click_switches_the_palette_and_the_next_load_starts_in_it(open_page, site_url):
    page = _opened(open_page, site_url)
    page.click(f"label[for='{TO_DARK}']")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert _state(page) == {**DARK, "late": ["meta changed"]}
    page.reload()
    theme_started(page, settle_ms=300)
    assert _state(page) == {**DARK, "late": []}
    page.click(f"label[for='{TO_LIGHT}']")
    assert _state(page) == {**LIGHT, "late": ["meta changed"]}


def test_the_keyboard_switches_both_ways_from_the_focused_option(open_page, site_url):
    page = _opened(open_page, site_url)
    page.focus("#__palette_0")
    page.keyboard.press("Enter")
    assert _without_late(_state(page)) == DARK
    page.keyboard.press("Enter")
    assert _without_late(_state(page)) == LIGHT
    page.keyboard.press("ArrowRight")  # a radio group's own keys check the next option
    assert _without_late(_state(page)) == DARK
    page.keyboard.press("ArrowLeft")
    assert _without_late(_state(page)) == LIGHT


def test_the_404_page_has_the_switch_too(open_page, site_url):
    page = _opened(open_page, site_url, scheme="dark", path="404.html")
    assert _state(page) == {**DARK, "late": []}
    page.click(f"label[for='{TO_LIGHT}']")
    assert _without_late(_state(page)) == LIGHT


def test_the_switch_still_works_after_an_instant_navigation(open_page, site_url):
    page = _opened(open_page, site_url)
    page.evaluate("() => { window.__sameDocument = true; }")  # gone after a full load
    page.click("a.md-nav__link[href$='learning-rate/']")
    page.wait_for_url("**/concepts/learning-rate/")
    page.wait_for_selector("h1#learning-rate")
    assert page.evaluate("() => window.__sameDocument") is True, "a full load, not instant"
    page.click(f"label[for='{TO_DARK}']")
    assert _without_late(_state(page)) == DARK

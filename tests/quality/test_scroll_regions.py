"""A region that scrolls sideways is a Tab stop and one that does not is none, as a reader meets it.

docs/javascripts/a11y.js measures the regions (code, tables, display formulas) as the browser
first draws them, since long pages skip the layout of their sections off screen. A reader on a
phone scrolls down each page, opening each disclosure on the way: every region is checked once it
is on screen, then all again at the end (the theme mounts a code block when it first comes into
view and sets its tabindex then).
The axe gate cannot see this: it draws every section before it judges.
"""

import pytest

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "color_scheme": "dark",
}
SCROLLERS = ".md-typeset pre > code, .md-typeset__scrollwrap, .md-typeset div.arithmatex"
TIMEOUT_MS = 20_000

# Scroll each region to the middle of the screen and wait, up to a deadline, until its tabindex
# says whether it scrolls sideways; then wait for all of them again. Returns the regions still
# wrong at their deadline.
READ_DOWN = """async ([selector, timeout]) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const measure = (el) => el.scrollWidth > el.clientWidth + 1;
  // A display formula is itself a box the browser skips off screen: its width is then unknown
  // (it reads as the box's), so one met earlier is judged by what it measured on screen.
  const skipped = (el) =>
    !(el.firstElementChild ?? el).checkVisibility({contentVisibilityAuto: true});
  const onScreen = new Map();
  const scrolls = (el) => (skipped(el) && onScreen.has(el) ? onScreen.get(el) : measure(el));
  const wrong = (el) => scrolls(el) !== (el.getAttribute("tabindex") === "0");
  const settle = async (els) => {
    const deadline = performance.now() + timeout;
    while (els.some(wrong) && performance.now() < deadline) await frame();
    return els.filter(wrong);
  };
  const describe = (el) =>
    (scrolls(el) ? "scrolls sideways but is no Tab stop: " : "is a Tab stop but does not scroll: ")
    + `${el.outerHTML.slice(0, 90)} (${el.scrollWidth} px in ${el.clientWidth} px`
    + `${skipped(el) ? ", skipped now" : ""})`;
  const regions = [...document.querySelectorAll(selector)];
  const late = [];
  for (const el of regions) {
    // A closed disclosure draws nothing inside (and Tab skips it): the reader opens it first.
    for (let up = el.closest("details:not([open])"); up; up = up.closest("details:not([open])"))
      up.open = true;
    el.scrollIntoView({block: "center"});
    late.push(...(await settle([el])).map((e) => "on screen, " + describe(e)));
    onScreen.set(el, measure(el));
  }
  const end = (await settle(regions)).map((e) => "at the end, " + describe(e));
  return {count: regions.length, scrolling: regions.filter((el) => el.tabIndex === 0).length,
          problems: [...late, ...end]};
}"""


def test_regions_that_scroll_sideways_are_tab_stops_on_a_phone(built_site, site_url, open_page):
    page = open_page(**PHONE)
    problems, regions, scrolling = [], 0, 0
    for path in built_site.pages():
        url = site_url + path.relative_to(built_site.root).as_posix().removesuffix("index.html")
        page.goto(url, wait_until="networkidle")
        page.wait_for_function(
            "() => document.documentElement.hasAttribute('data-gd-scrollers-marked')",
            timeout=TIMEOUT_MS,
        )
        found = page.evaluate(READ_DOWN, [SCROLLERS, TIMEOUT_MS])
        regions += found["count"]
        scrolling += found["scrolling"]
        where = url.removeprefix(site_url) or "/"
        problems += [f"{where}: {problem}" for problem in found["problems"]]
    assert problems == [], "\n".join(problems)
    # The check can fail: the site has regions of both kinds at 360 px.
    assert 0 < scrolling < regions, f"{scrolling} of {regions} regions scroll sideways"

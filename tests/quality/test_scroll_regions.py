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
SCROLLERS = (
    ".md-typeset pre > code, .md-typeset__scrollwrap, .md-typeset div.arithmatex,"
    " .jupyter-wrapper .highlight-ipynb pre"
)
TIMEOUT_MS = 20_000
MARKED = "() => document.documentElement.hasAttribute('data-gd-scrollers-marked')"

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
        page.wait_for_function(MARKED, timeout=TIMEOUT_MS)
        found = page.evaluate(READ_DOWN, [SCROLLERS, TIMEOUT_MS])
        regions += found["count"]
        scrolling += found["scrolling"]
        where = url.removeprefix(site_url) or "/"
        problems += [f"{where}: {problem}" for problem in found["problems"]]
    assert problems == [], "\n".join(problems)
    # The check can fail: the site has regions of both kinds at 360 px.
    assert 0 < scrolling < regions, f"{scrolling} of {regions} regions scroll sideways"


SKIPPED = "(el) => !el.firstElementChild.checkVisibility({contentVisibilityAuto: true})"

# Scroll each display formula the browser may skip to the middle of the screen, until one is
# drawn, measured and fits; mark it. Returns whether one was found.
PICK_A_FITTING_FORMULA = """async ([selector, timeout]) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const drawn = (el) => el.firstElementChild.checkVisibility({contentVisibilityAuto: true});
  const wide = (el) => el.scrollWidth > el.clientWidth + 1;
  const fits = (el) => drawn(el) && !wide(el) && !el.hasAttribute("tabindex");
  for (const el of document.querySelectorAll(selector)) {
    el.scrollIntoView({block: "center"});
    const deadline = performance.now() + timeout;
    while (!fits(el) && !(drawn(el) && wide(el)) && performance.now() < deadline) await frame();
    if (fits(el)) { el.dataset.probe = ""; return true; }
  }
  return false;
}"""

# Scroll down past the formula, a little at a time, until the browser skips the formula but
# still draws its section: the formula is then measured, and found skipped, when a11y.js
# measures again (in a skipped section nothing is measured). Returns whether that was reached.
SCROLL_PAST = """async (el) => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  const below = el.getBoundingClientRect().bottom + scrollY;
  for (let past = 0; past < 4000; past += 20) {
    window.scrollTo(0, below + past);
    await frame();
    if (!el.checkVisibility({contentVisibilityAuto: true})) return false;
    if (!el.firstElementChild.checkVisibility({contentVisibilityAuto: true})) return true;
  }
  return false;
}"""

# A font arriving (KaTeX's, for a formula further down) has a11y.js measure every region again.
FONT_ARRIVES = "() => document.fonts.dispatchEvent(new Event('loadingdone'))"


def open_a_formula_scrolled_past(site_url, open_page):
    """A phone page with a display formula that fitted when read, skipped now, its section drawn."""
    page = open_page(**PHONE)
    page.goto(site_url + "concepts/conditioning/", wait_until="networkidle")
    page.wait_for_function(MARKED, timeout=TIMEOUT_MS)
    boxed = ".md-typeset .gd-section ~ .gd-section:not(:last-of-type) > div.arithmatex"
    assert page.evaluate(PICK_A_FITTING_FORMULA, [boxed, TIMEOUT_MS]), "no boxed formula fits"
    formula = page.locator("[data-probe]")
    assert formula.evaluate(SCROLL_PAST), "the formula's section was skipped before the formula"
    return page, formula


def test_a_formula_scrolled_past_keeps_its_measurement_when_a_font_arrives(site_url, open_page):
    page, formula = open_a_formula_scrolled_past(site_url, open_page)
    # Off screen, the formula grows wider than the phone: its last measurement is now wrong.
    # (A phone's scrollbars overlay the page, so its box keeps its size: nothing reports it.)
    formula.evaluate("(el) => { el.firstElementChild.style.width = '2000px'; }")
    page.evaluate(FONT_ARRIVES)
    page.wait_for_function(MARKED, timeout=TIMEOUT_MS)
    assert formula.evaluate(SKIPPED), "the formula was drawn: the check below proves nothing"
    assert formula.get_attribute("tabindex") is None, (
        "a font arriving made a formula that fitted when read a Tab stop while it is off screen"
    )
    # Drawn again, it is measured again: now it scrolls sideways.
    formula.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    page.wait_for_function(
        "(el) => el.getAttribute('tabindex') === '0'",
        arg=formula.element_handle(),
        timeout=TIMEOUT_MS,
    )


def test_a_formula_scrolled_past_is_a_tab_stop_once_the_page_narrows(site_url, open_page):
    page, formula = open_a_formula_scrolled_past(site_url, open_page)
    # A narrower page (a zoom, a turned phone) may make it scroll, and Tab passes over a skipped
    # box that is no Tab stop: until it is measured again, it must be one.
    page.set_viewport_size({"width": 330, "height": PHONE["viewport"]["height"]})
    page.wait_for_function(MARKED, timeout=TIMEOUT_MS)
    assert formula.evaluate(SKIPPED), "the formula was drawn: the check below proves nothing"
    assert formula.get_attribute("tabindex") == "0", "a narrowed formula off screen is no Tab stop"
    formula.evaluate("(el) => el.scrollIntoView({block: 'center'})")
    page.wait_for_function(
        "(el) => (el.scrollWidth > el.clientWidth + 1) === (el.getAttribute('tabindex') === '0')",
        arg=formula.element_handle(),
        timeout=TIMEOUT_MS,
    )

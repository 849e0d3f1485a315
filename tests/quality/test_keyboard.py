"""The 3D explorer page is usable by keyboard alone.

Tab walks through every control of the explorer (`[data-gd-explorer]` in docs/explore.md), each
shows where focus is, focus leaves the explorer again (no trap), and the arrow keys rotate the 3D
view when it has focus. Reduced motion is requested so that nothing plays by itself and any change
of the picture comes from the keys.
"""

import pytest

pytestmark = pytest.mark.browser

EXPLORER = "[data-gd-explorer]"
MAX_TABS = 250

# How an element looks, in the properties a focus indicator changes.
# The parent counts too, for indicators drawn with :focus-within.
LOOK = """const style = el => { const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor,
          s.backgroundColor, s.color, s.textDecorationLine].join("|"); };
  const look = el => style(el) + "/" + (el.parentElement ? style(el.parentElement) : "");"""

# Mark each control of the explorer that Tab should reach (remembering how it looks unfocused)
# and describe them.
MARK_CONTROLS = (
    """(selector) => { """
    + LOOK
    + """
  document.activeElement?.blur();
  const root = document.querySelector(selector);
  const focusable = "input, select, textarea, button, a[href], [tabindex]:not([tabindex='-1'])";
  // Not inside a closed disclosure (the explorer's points table): Tab reaches it once opened.
  const closed = (el) => el.closest("details:not([open])") && !el.matches("details > summary");
  const controls = [...root.querySelectorAll(focusable)].filter(el => !el.disabled && !closed(el)
    && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden");
  controls.forEach((el, i) => { el.dataset.kbControl = String(i); el.dataset.kbLook = look(el); });
  return controls.map(el => el.outerHTML.slice(0, 100));
}"""
)

# Where focus is now: the control's index, "outside" the explorer, or null; and whether focus
# visibly changes the control's look (outline, shadow, border, colours), as WCAG 2.4.7 asks.
FOCUS_STATE = (
    """(selector) => { """
    + LOOK
    + """
  const el = document.activeElement;
  if (!el || el === document.body) return {where: null, visible: true};
  const visible = el.dataset.kbLook !== look(el);
  const inside = el.closest(selector) !== null;
  return {where: inside ? (el.dataset.kbControl ?? "unmarked") : "outside", visible,
          html: el.outerHTML.slice(0, 100)};
}"""
)


@pytest.fixture
def explorer_page(page, built_site, site_url):
    assert (built_site.root / "explore" / "index.html").exists(), "no 3D explorer page was built"
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + "explore/", wait_until="networkidle")
    page.wait_for_selector(f"{EXPLORER} canvas[tabindex]", timeout=15_000)
    return page


def test_tab_reaches_every_explorer_control_visibly_and_leaves_again(explorer_page):
    page = explorer_page
    controls = page.evaluate(MARK_CONTROLS, EXPLORER)
    assert len(controls) >= 5, f"the explorer has too few keyboard controls: {controls}"
    page.locator("h1").first.click()  # start from the page title, before the explorer
    reached, invisible, left_after_entering = set(), [], False
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE, EXPLORER)
        if state["where"] not in (None, "outside", "unmarked"):
            reached.add(int(state["where"]))
            if not state["visible"]:
                invisible.append(state["html"].split(" data-kb-")[0])
        elif state["where"] == "outside" and reached:
            left_after_entering = True
            break
    missed = [controls[i] for i in range(len(controls)) if i not in reached]
    problems = [f"Tab never reaches: {html}" for html in missed]
    problems += [f"no visible focus indicator: {html}" for html in dict.fromkeys(invisible)]
    if not left_after_entering:
        problems.append("focus never leaves the explorer: a keyboard trap")
    if problems:
        pytest.fail("the explorer by keyboard:\n" + "\n".join(problems), pytrace=False)


def test_arrow_keys_rotate_the_3d_view(explorer_page):
    page = explorer_page
    canvas = page.locator(f"{EXPLORER} canvas[tabindex]").first
    canvas.focus()
    page.wait_for_timeout(500)
    before = canvas.screenshot()
    page.wait_for_timeout(300)
    assert canvas.screenshot() == before, "the view changes with no input: cannot judge the keys"
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(500)
    assert canvas.screenshot() != before, "the arrow keys did not change the 3D view"
    assert page.watch.console_errors == []

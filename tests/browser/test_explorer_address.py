"""The explorer's address bar and palette in Chromium.

The address bar names the run on screen at every moment: after a change, while and after playing,
and after the reader scrolls the page (the theme used to rewrite the hash to the heading in view),
and that address opened in a new page shows the same run. Switching the palette mid-run changes
colours only: the iteration, the play state and the address stay.
"""

from __future__ import annotations

import pytest
from explorer_helpers import (
    FIRST_FRAME,
    assert_clean,
    canvas_image,
    open_explorer,
    readout,
    set_field,
)

pytestmark = pytest.mark.browser

STATUS = "() => document.querySelector('[data-out=status]').textContent"


def location_hash(page) -> str:
    return page.evaluate("() => location.hash")


def hash_step(page) -> int:
    """The step `k` the address names (0 when it names none)."""
    for part in location_hash(page).lstrip("#").split("&"):
        if part.startswith("k="):
            return int(part[2:])
    return 0


def wheel(page, dy: int) -> None:
    """Turn the mouse wheel over the header (over the 3D view it would zoom instead)."""
    box = page.locator("header.md-header").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, dy)
    page.wait_for_timeout(150)


def scroll_through_the_page(page) -> None:
    """Scroll to the bottom and back to the top as a reader does, and let the theme react."""
    for _ in range(12):
        wheel(page, 400)
    # The bottom as it is now: a section is as tall as its estimate until it is first drawn
    # (gd_markdown/sections.py), so the page's height changes as the wheel brings sections in.
    bottom = page.evaluate("() => document.documentElement.scrollHeight - innerHeight")
    assert bottom > 1000, "the page is too short to scroll through"
    assert page.evaluate("() => window.scrollY") >= bottom - 2, "the wheel did not scroll"
    for _ in range(14):
        wheel(page, -400)
    page.wait_for_timeout(800)  # the theme's scroll handlers are debounced by 250 ms


def test_the_address_bar_holds_the_run_after_a_change_a_play_and_a_scroll(page, site_url):
    open_explorer(page, site_url)
    set_field(page, "#gdx-lr", "0.05")
    assert "lr=0.05" in location_hash(page) and hash_step(page) == 0
    set_field(page, "#gdx-max-iter", "60")
    page.click("[data-action=play]")
    page.wait_for_function(f"() => ({STATUS})().startsWith('Max iterations')", timeout=20_000)
    written = location_hash(page)
    assert "lr=0.05" in written and "n=60" in written and hash_step(page) == 60
    scroll_through_the_page(page)
    assert page.evaluate("() => window.scrollY") == 0
    assert location_hash(page) == written, "scrolling the page rewrote the address"
    wheel(page, 900)
    page.wait_for_timeout(800)
    assert page.evaluate("() => window.scrollY") > 300
    assert location_hash(page) == written, "a heading in view took over the address"

    url = page.evaluate("() => location.href")
    other = page.context.new_page()
    other.emulate_media(reduced_motion="reduce")
    other.goto(url)
    other.wait_for_function(FIRST_FRAME)
    assert readout(other) == readout(page)
    assert readout(other)["Iteration"] == "60"
    assert other.input_value("#gdx-lr") == "0.05"
    assert other.input_value("#gdx-max-iter") == "60"
    assert_clean(page)


def test_the_address_follows_a_playing_run_and_names_the_step_where_it_pauses(page, site_url):
    open_explorer(page, site_url)
    page.select_option("#gdx-speed", "1")
    page.click("[data-action=play]")
    page.wait_for_function("() => /[&#]k=\\d+/.test(location.hash)", timeout=10_000)
    assert 0 < hash_step(page) <= int(readout(page)["Iteration"])
    page.click("[data-action=play]")  # pause
    iteration = int(readout(page)["Iteration"])
    assert iteration > 0 and hash_step(page) == iteration
    url = page.evaluate("() => location.href")
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_function(FIRST_FRAME)
    assert readout(page)["Iteration"] == str(iteration)
    assert page.input_value("#gdx-speed") == "1"


def background_pixel(page) -> tuple[int, int, int]:
    """A corner pixel of the 3D view, its top clear of the theme's sticky header."""
    page.evaluate("() => document.querySelector('.gdx__canvas').scrollIntoView({block: 'center'})")
    return canvas_image(page).getpixel((5, 5))


def test_a_palette_switch_mid_run_keeps_the_iteration_and_the_play_state(page, site_url):
    open_explorer(page, site_url)
    for _ in range(5):
        page.click("[data-action=step]")
    written = location_hash(page)
    light = background_pixel(page)
    before = readout(page)
    assert before["Iteration"] == "5"
    page.click("label[title='Switch to dark mode']")
    page.wait_for_function("() => window.__gdExplorer.current.scheme === 'slate'")
    assert readout(page) == before, "the palette switch rebuilt the runs"
    assert location_hash(page) == written
    assert page.inner_text("[data-action=play]") == "Play"
    dark = background_pixel(page)
    assert sum(light) > 600 and sum(dark) < 150, (light, dark)

    # Playing: the switch neither stops the run nor sends it back.
    page.select_option("#gdx-speed", "1")
    page.click("[data-action=play]")
    page.wait_for_function("() => +document.querySelector('[data-out=iteration]').textContent > 30")
    playing_at = int(readout(page)["Iteration"])
    page.click("label[title='Switch to light mode']")
    page.wait_for_function("() => window.__gdExplorer.current.scheme === 'default'")
    assert int(readout(page)["Iteration"]) >= playing_at
    assert page.get_attribute("[data-action=play]", "aria-pressed") == "true"
    page.wait_for_function(
        "n => +document.querySelector('[data-out=iteration]').textContent > n + 10", arg=playing_at
    )
    page.click("[data-action=play]")
    assert sum(background_pixel(page)) > 600, "the light palette is back"
    assert_clean(page)


def test_lr_1_on_the_bowl_bounces_and_is_never_called_converged(page, site_url):
    # x -> x - 1 * 2x = -x: a period-2 bounce whose value changes by exactly 0 at every step.
    open_explorer(page, site_url)
    page.evaluate(
        """() => {
          window.__statuses = [];
          const out = document.querySelector('[data-out=status]');
          new MutationObserver(() => window.__statuses.push(out.textContent))
            .observe(out, { childList: true, characterData: true, subtree: true });
        }"""
    )
    set_field(page, "#gdx-lr", "1")
    page.click("[data-action=step]")
    page.click("[data-action=step]")
    assert readout(page)["Position"] == "(2.00, 2.00)" and readout(page)["Status"] == "Paused"
    page.select_option("#gdx-speed", "100")
    page.click("[data-action=play]")
    page.wait_for_function(f"() => ({STATUS})() !== 'Running'", timeout=20_000)
    values = readout(page)
    assert values["Status"] == "Max iterations: reached max_iter = 1000"
    assert values["Iteration"] == "1000"
    assert values["Position"] == "(2.00, 2.00)"
    seen = page.evaluate("() => window.__statuses")
    assert not [s for s in seen if s.startswith("Converged")], seen
    assert_clean(page)


def test_an_edited_address_and_back_and_forward_apply_in_place(page, site_url):
    # The theme's instant navigation refetched the page on the first edit of the hash, rebuilding
    # the explorer and losing the view's angle; url-sync.js now takes the event before it.
    open_explorer(page, site_url)
    state = "() => window.__gdExplorer.current.instance.state()"
    page.evaluate("() => { location.hash = '#s=valley&lr=0.05'; }")
    page.wait_for_function(f"() => ({state})().lr === 0.05")
    page.evaluate("() => { location.hash = '#s=valley&lr=0.02'; }")
    page.wait_for_function(f"() => ({state})().lr === 0.02")
    page.go_back()
    page.wait_for_function(f"() => ({state})().lr === 0.05")
    assert page.input_value("#gdx-lr") == "0.05" and page.input_value("#gdx-surface") == "valley"
    page.go_forward()
    page.wait_for_function(f"() => ({state})().lr === 0.02")
    # Back twice: to the address the page opened at, with no hash, which is the default run.
    page.go_back()
    page.wait_for_function(f"() => ({state})().lr === 0.05")
    page.go_back()
    page.wait_for_function(f"() => ({state})().surface === 'bowl'")
    assert page.input_value("#gdx-lr") == "0.01"
    assert location_hash(page).startswith("#s=bowl&lr=0.01&x=2&y=2&")
    assert page.evaluate("() => window.__gdExplorer.created") == 1, "the explorer was rebuilt"
    assert_clean(page)

"""The explorer's state and robustness in Chromium: URL hash, bad input, instant navigation,
no WebGL, the dark palette, a hidden tab and a 360 px phone.
"""

from __future__ import annotations

import pytest
from explorer_helpers import (
    EXPLORER,
    FIRST_FRAME,
    assert_clean,
    canvas_image,
    fine,
    frames,
    open_explorer,
    readout,
    set_field,
    share_unlike,
)
from navigation import serve_sitemap_for_this_origin

from gdlib.descent import descend

pytestmark = pytest.mark.browser

SHARED = "#s=valley&lr=0.05&x=-2&y=1&opt=gd,adam&v=5&n=1000&k=40"


def test_the_url_hash_restores_a_run(page, site_url):
    open_explorer(page, site_url, SHARED)
    assert page.input_value("#gdx-surface") == "valley"
    assert page.input_value("#gdx-lr") == "0.05"
    assert (page.input_value("#gdx-x"), page.input_value("#gdx-y")) == ("-2", "1")
    assert page.is_checked("input[value=adam]")
    run = descend("valley", (-2.0, 1.0), "gd", 0.05, max_iter=40)
    x, y = run.positions[-1]
    assert readout(page)["Iteration"] == "40"
    assert readout(page)["Position"] == f"({fine(x)}, {fine(y)})"
    assert readout(page)["Value"] == fine(run.values[-1])
    assert page.locator(".gdx__notice").is_hidden()
    assert_clean(page)


def test_settings_are_written_to_the_hash(page, site_url):
    open_explorer(page, site_url)
    set_field(page, "#gdx-lr", "0.2")
    page.click("[data-action=step]")
    page.click("[data-action=step]")
    hash_ = page.evaluate("() => location.hash")
    assert "lr=0.2" in hash_ and "k=2" in hash_
    page.goto("about:blank")
    open_explorer(page, site_url, hash_)
    assert readout(page)["Iteration"] == "2"
    assert page.input_value("#gdx-lr") == "0.2"


@pytest.mark.parametrize(
    ("field", "text", "message", "kept"),
    [
        ("#gdx-lr", "-1", "Learning rate must be above 0", "0.01"),
        ("#gdx-lr", "fast", "Learning rate must be a number", "0.01"),
        ("#gdx-lr", "50", "outside [0.0001, 2]; using 2", "2"),
        ("#gdx-x", "99", "x = 99 is outside [-3, 3], the bounds of this surface; using 3", "3"),
        ("#gdx-y", "", "Start y must be a number", "2"),
    ],
)
def test_bad_input_is_refused_or_clamped_with_a_message(page, site_url, field, text, message, kept):
    open_explorer(page, site_url)
    set_field(page, field, text)
    notice = page.locator(".gdx__notice")
    assert notice.is_visible()
    assert message in notice.inner_text()
    assert page.input_value(field) == kept
    assert "NaN" not in str(readout(page))
    assert_clean(page)


def test_copy_link_gives_a_url_that_restores_the_run(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_explorer(page, site_url)
    page.select_option("#gdx-surface", "himmelblau")
    for _ in range(3):
        page.click("[data-action=step]")
    page.click("[data-action=copy]")
    page.wait_for_function(
        "() => document.querySelector('.gdx__notice').textContent === 'Link to this run copied.'"
    )
    url = page.evaluate("() => navigator.clipboard.readText()")
    assert url.startswith(site_url + "explore/#s=himmelblau&") and url.endswith("&k=3")
    page.goto("about:blank")
    page.goto(url)
    page.wait_for_function(FIRST_FRAME)
    assert readout(page)["Iteration"] == "3"
    assert page.input_value("#gdx-surface") == "himmelblau"


def test_a_broken_hash_falls_back_with_a_message(page, site_url):
    open_explorer(page, site_url, "#s=moon&lr=abc&x=1e999&opt=lion&k=%E0%A4")
    notice = page.locator(".gdx__notice").inner_text()
    assert 'Unknown surface "moon"' in notice
    assert "Learning rate must be a number" in notice
    assert readout(page)["Position"] == "(2.00, 2.00)"
    # The address names the run on screen, not the link's refused values.
    shown = page.evaluate("() => location.hash")
    assert shown.startswith("#s=bowl&lr=0.01&x=2&y=2&opt=gd&") and "moon" not in shown, shown
    assert_clean(page)


def _goto_by_instant_navigation(page, link_text: str) -> None:
    page.click(f"nav.md-nav--primary >> text={link_text}")
    page.wait_for_function("t => document.title.startsWith(t)", arg=link_text)


def test_instant_navigation_away_and_back_leaves_one_live_explorer(page, site_url):
    serve_sitemap_for_this_origin(page, site_url)
    open_explorer(page, site_url, reduced_motion=False)
    page.evaluate("() => { window.__sameDocument = true; }")
    # No reduced motion: the run starts by itself once the reader engages and the view shows.
    page.wait_for_timeout(1000)
    assert page.evaluate("() => window.__gdExplorer.loops") == 0, "a load alone plays nothing"
    page.mouse.wheel(0, 40)
    page.wait_for_function("() => window.__gdExplorer.current.frames > 10")
    assert page.evaluate("() => window.__gdExplorer.loops") == 1
    _goto_by_instant_navigation(page, "Comparison")
    page.wait_for_function("() => window.__gdExplorer.mounted === 0")
    assert page.evaluate("() => window.__sameDocument"), "the page was reloaded, not swapped"
    old_frames = page.evaluate("() => window.__gdExplorer.records[0].frames")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__gdExplorer.records[0].frames") == old_frames
    assert page.evaluate("() => window.__gdExplorer.loops") == 0
    assert page.locator("canvas").count() == 0
    _goto_by_instant_navigation(page, "3D explorer")
    page.wait_for_function(FIRST_FRAME)
    state = page.evaluate("() => ({ ...window.__gdExplorer, records: undefined })")
    assert (state["created"], state["disposed"], state["mounted"]) == (2, 1, 1)
    assert page.locator(".gdx__canvas").count() == 1
    assert page.evaluate("() => window.__gdExplorer.records[0].frames") == old_frames
    assert page.evaluate("() => window.__gdExplorer.records[0].loops") == 0
    assert canvas_image(page).getextrema() != ((0, 0), (0, 0), (0, 0))
    assert_clean(page)


def test_without_offscreen_canvas_the_view_draws_on_the_page(page, site_url):
    # The view normally draws in a worker; where an OffscreenCanvas cannot do WebGL (Safari 16),
    # it draws on the page.
    page.add_init_script(
        """const get = OffscreenCanvas.prototype.getContext;
        OffscreenCanvas.prototype.getContext = function (kind, ...rest) {
          return /webgl/.test(kind) ? null : get.call(this, kind, ...rest);
        };"""
    )
    open_explorer(page, site_url)
    on_page = "() => document.querySelector('.gdx__canvas').getContext('webgl2') !== null"
    assert page.evaluate(on_page), "the page's canvas has the WebGL context (not handed over)"
    background = page.evaluate(
        "() => getComputedStyle(document.querySelector('.gdx')).getPropertyValue('--gdx-bg')"
    )
    rgb = tuple(int(background.strip()[i : i + 2], 16) for i in (1, 3, 5))
    assert share_unlike(canvas_image(page), rgb) > 0.15, "the canvas is mostly background"
    page.click("[data-action=step]")
    assert readout(page)["Iteration"] == "1"
    assert_clean(page)


def test_without_webgl_a_message_and_a_figure_replace_the_view(page, site_url):
    page.add_init_script(
        """for (const Canvas of [HTMLCanvasElement, OffscreenCanvas]) {
          const get = Canvas.prototype.getContext;
          Canvas.prototype.getContext = function (kind, ...rest) {
            return /webgl/.test(kind) ? null : get.call(this, kind, ...rest);
          };
        }"""
    )
    open_explorer(page, site_url)
    assert "could not start WebGL" in page.locator(".gdx__no-webgl").inner_text()
    figure = page.locator(".gdx-fallback img").first
    figure.scroll_into_view_if_needed()
    assert figure.is_visible()
    page.wait_for_function("() => document.querySelector('.gdx-fallback img').naturalWidth > 0")
    page.click("[data-action=step]")
    assert readout(page)["Iteration"] == "1", "the controls and readout work without WebGL"
    assert_clean(page)


def test_the_view_follows_the_dark_palette(page, site_url):
    open_explorer(page, site_url)
    light = canvas_image(page).getpixel((5, 5))
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    page.wait_for_function("() => window.__gdExplorer.current.scheme === 'slate'")
    dark = canvas_image(page).getpixel((5, 5))
    assert sum(light) > 600 and sum(dark) < 150, (light, dark)


def test_a_hidden_page_stops_the_loop(page, site_url):
    open_explorer(page, site_url)
    page.click("[data-action=play]")
    page.evaluate(
        """() => {
          Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
          document.dispatchEvent(new Event('visibilitychange'));
        }"""
    )
    # A frame the view was drawing when the tab hid still lands; then nothing more.
    page.wait_for_function("() => window.__gdExplorer.loops === 0")
    drawn = frames(page)
    page.wait_for_timeout(500)
    assert frames(page) == drawn
    assert page.evaluate("() => window.__gdExplorer.loops") == 0
    page.evaluate(
        """() => {
          delete document.hidden;
          document.dispatchEvent(new Event('visibilitychange'));
        }"""
    )
    page.wait_for_function(f"() => window.__gdExplorer.current.frames > {drawn}")


def test_a_360px_phone_gets_a_usable_layout_and_touch(open_page, site_url):
    phone = open_page(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        reduced_motion="reduce",
    )
    phone.goto(site_url + EXPLORER)
    phone.wait_for_function(FIRST_FRAME)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360
    box = phone.locator(".gdx__canvas").bounding_box()
    assert 280 <= box["width"] <= 360 and box["height"] >= 250
    for selector in ("[data-action=play]", "#gdx-lr", "#gdx-x", "#gdx-surface"):
        control = phone.locator(selector).bounding_box()
        assert control["x"] >= 0 and control["x"] + control["width"] <= 360, selector
        assert control["height"] >= 24, f"{selector} is too small to tap"
    phone.tap(".gdx__canvas", position={"x": box["width"] * 0.45, "y": box["height"] * 0.6})
    assert phone.input_value("#gdx-x") != "2", "a tap on the surface sets the start"
    assert_clean(phone)


def test_a_things_to_try_link_sets_up_its_run(page, site_url):
    open_explorer(page, site_url)
    page.click(".gdx-try a >> nth=0")
    page.wait_for_function("() => window.__gdExplorer.current.instance.state().lr === 1.5")
    assert page.evaluate("() => window.__gdExplorer.created") == 1, "applied in place, no reload"
    assert page.input_value("#gdx-lr") == "1.5"
    assert readout(page)["Position"] == "(2.00, 2.00)"
    page.click("[data-action=play]")
    page.wait_for_function(
        "() => document.querySelector('[data-out=status]').textContent.startsWith('Diverged')"
    )
    assert_clean(page)

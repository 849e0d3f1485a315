"""The 3D explorer in Chromium: it draws, reads out, rotates, zooms, runs, diverges, converges.

Each test loads docs/explore.md's built page through the shared `page` fixture (offline, console
watched) with reduced motion, so nothing plays until the test presses Play.
"""

from __future__ import annotations

import math

import pytest
from explorer_helpers import (
    assert_clean,
    camera,
    canvas_image,
    changed_share,
    fine,
    frames,
    open_explorer,
    readout,
    set_field,
    share_unlike,
    wait_idle,
)

from gdlib.descent import descend

pytestmark = pytest.mark.browser


def test_canvas_draws_the_surface(page, site_url):
    open_explorer(page, site_url)
    background = page.evaluate(
        "() => getComputedStyle(document.querySelector('.gdx')).getPropertyValue('--gdx-bg')"
    )
    rgb = tuple(int(background.strip()[i : i + 2], 16) for i in (1, 3, 5))
    image = canvas_image(page)
    assert image.width > 300
    assert share_unlike(image, rgb) > 0.15, "the canvas is mostly background"
    assert_clean(page)


RENDERER = """() => { const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name; }"""
SOFTWARE = ("swiftshader", "llvmpipe", "softpipe", "basic render driver")  # as view-start.js


def test_multisampling_is_off_on_a_cpu_rasterizer(page, site_url):
    """The view names this browser's renderer and multisamples only on a GPU (view-start.js)."""
    open_explorer(page, site_url)
    record = page.evaluate("() => window.__gdExplorer.current")
    start, renderer = record["viewStart"], page.evaluate(RENDERER)
    assert start["where"] == "worker" and start["renderer"] == renderer
    on_gpu = not any(name in renderer.lower() for name in SOFTWARE)
    assert start["antialias"] is (start["pixelRatio"] < 1.5 and on_gpu), start
    assert record["antialias"] is start["antialias"], "what the worker's context really got"


def test_readout_on_the_bowl_before_the_first_step(page, site_url):
    open_explorer(page, site_url)
    page.wait_for_timeout(800)  # long enough for an autoplay that must not happen
    assert readout(page) == {
        "Position": "(2.00, 2.00)",
        "Value": "8.00",
        "Gradient": "(4.00, 4.00)",
        "Iteration": "0",
        "Status": "Ready",
    }
    assert page.locator('[data-out="status"]').get_attribute("aria-live") == "polite"
    assert page.input_value("#gdx-lr") == "0.01"
    assert (page.input_value("#gdx-x"), page.input_value("#gdx-y")) == ("2", "2")
    assert_clean(page)


def test_a_drag_rotates_the_camera_and_the_picture(page, site_url):
    open_explorer(page, site_url)
    before_image, before_camera = canvas_image(page), camera(page)
    box = page.locator(".gdx__canvas").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 160, y + 40, steps=8)
    page.mouse.up()
    after_camera = camera(page)
    assert math.dist(before_camera, after_camera) > 0.3
    assert changed_share(before_image, canvas_image(page)) > 0.05
    assert readout(page)["Position"] == "(2.00, 2.00)", "a drag is not a click on the surface"
    assert_clean(page)


def test_the_wheel_zooms(page, site_url):
    open_explorer(page, site_url)
    target = page.evaluate("() => window.__gdExplorer.current.instance.target()")
    distance = math.dist(camera(page), target)
    page.locator(".gdx__canvas").hover()
    page.mouse.wheel(0, -400)
    page.wait_for_function(
        "d => { const e = window.__gdExplorer.current.instance;"
        " const [c, t] = [e.camera(), e.target()];"
        " return Math.hypot(c[0] - t[0], c[1] - t[1], c[2] - t[2]) < d * 0.9; }",
        arg=distance,
    )
    assert_clean(page)


def test_arrow_keys_rotate_the_focused_view(page, site_url):
    open_explorer(page, site_url)
    before = camera(page)
    page.focus(".gdx__canvas")
    scrolled = page.evaluate("() => window.scrollY")
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowDown")
    assert math.dist(before, camera(page)) > 0.3
    assert page.evaluate("() => window.scrollY") == scrolled, "arrow keys must not scroll the page"


def test_a_learning_rate_of_1_5_on_the_bowl_diverges(page, site_url):
    open_explorer(page, site_url)
    set_field(page, "#gdx-lr", "1.5")
    page.click("[data-action=play]")
    page.wait_for_function(
        "() => document.querySelector('[data-out=status]').textContent.startsWith('Diverged')"
    )
    status = readout(page)["Status"]
    assert "learning rate 1.5 is above 2/L = 1 for this surface" in status
    assert "NaN" not in str(readout(page))
    assert page.locator("[data-action=play]").inner_text() == "Replay"
    assert_clean(page)


def test_the_default_run_on_the_bowl_converges(page, site_url):
    open_explorer(page, site_url)
    page.select_option("#gdx-speed", "100")
    page.click("[data-action=play]")
    page.wait_for_function(
        "() => document.querySelector('[data-out=status]').textContent.startsWith('Converged')",
        timeout=20_000,
    )
    values = readout(page)
    assert values["Status"] == (
        "Converged (the gradient is small enough): gradient norm 9.9e-07 <= 1e-06"
    )
    assert values["Iteration"] == "770"
    # Where two decimals would read 0.00, the readout keeps three figures, as gdlib's run has them.
    x, y = descend("bowl", (2.0, 2.0), "gd", 0.01).positions[-1]
    assert values["Position"] == f"({fine(x)}, {fine(y)})"
    assert values["Position"].startswith("(3.")
    wait_idle(page)
    assert_clean(page)


def test_step_advances_one_iteration_as_gdlib_does(page, site_url):
    open_explorer(page, site_url)
    page.click("[data-action=step]")
    # gdlib: (2, 2) - 0.01 * (4, 4) = (1.96, 1.96), f = 7.6832
    assert readout(page)["Position"] == "(1.96, 1.96)"
    assert readout(page)["Value"] == "7.68"
    assert readout(page)["Iteration"] == "1"


def test_racing_optimizers_get_a_legend_entry_and_a_colour_each(page, site_url):
    open_explorer(page, site_url)
    page.check("input[value=adam]")
    page.check("input[value=momentum]")
    legend = page.locator(".gdx__legend li")
    assert legend.count() == 3
    assert [t.split(":")[0] for t in legend.all_inner_texts()] == ["GD", "Momentum", "Adam"]
    colours = page.eval_on_selector_all(
        ".gdx__legend .gdx__swatch", "els => els.map((e) => getComputedStyle(e).backgroundColor)"
    )
    assert len(set(colours)) == 3
    page.select_option("#gdx-speed", "100")
    page.click("[data-action=play]")
    page.wait_for_function("() => window.__gdExplorer.current.instance.runs().every((r) => r.done)")
    assert all("step 0" not in t for t in legend.all_inner_texts())
    assert "opt=gd,momentum,adam" in page.evaluate("() => location.hash")
    assert_clean(page)


def test_clicking_the_surface_sets_the_start(page, site_url):
    open_explorer(page, site_url)
    box = page.locator(".gdx__canvas").bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.45, box["y"] + box["height"] * 0.55)
    x, y = float(page.input_value("#gdx-x")), float(page.input_value("#gdx-y"))
    assert (x, y) != (2.0, 2.0)
    assert -3 <= x <= 3 and -3 <= y <= 3
    assert readout(page)["Position"] == f"({fine(x)}, {fine(y)})"
    assert_clean(page)


def test_paused_and_idle_draws_nothing(page, site_url):
    open_explorer(page, site_url)
    wait_idle(page)
    drawn = frames(page)
    page.wait_for_timeout(700)
    assert frames(page) == drawn
    assert page.evaluate("() => window.__gdExplorer.loops") == 0


def test_tab_reaches_every_control_and_each_has_a_visible_label(page, site_url):
    open_explorer(page, site_url)
    page.focus(".gdx__canvas")
    reached = []
    for _ in range(25):
        page.keyboard.press("Tab")
        reached.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return e.id || e.dataset.action || e.value || e.className; }"
            )
        )
    controls = [
        "play",
        "step",
        "reset",
        "copy",
        "gdx-surface",
        "gdx-lr-range",
        "gdx-lr",
        "gdx-x",
        "gdx-y",
    ]
    controls += ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]
    controls += ["gdx-speed", "gdx-max-iter"]
    assert [c for c in controls if c not in reached] == []
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll('.gdx input, .gdx select')].filter((e) => {
             const by = document.getElementById(e.getAttribute('aria-labelledby'));
             const label = e.labels?.[0] ?? by;
             return !label || !label.textContent.trim() || label.offsetParent === null;
           }).map((e) => e.id || e.value)"""
    )
    assert unlabelled == []


def test_the_menu_shows_the_chosen_surfaces_formula_as_gdlib_writes_it(page, site_url):
    from gdlib.surfaces import SURFACES

    open_explorer(page, site_url)
    shown = """() => {
        const menu = document.getElementById('gdx-surface');
        const line = document.getElementById('gdx-formula');
        const visible = [...line.children].filter((s) => !s.hidden);
        return {
            below: menu.nextElementSibling === line,
            describes: menu.getAttribute('aria-describedby') === line.id,
            hidden: line.hidden || line.offsetParent === null,
            tex: visible.map((s) => s.querySelector('annotation').textContent),
        };
    }"""
    for name, surface in SURFACES.items():
        page.select_option("#gdx-surface", name)
        expected = {"below": True, "describes": True, "hidden": False, "tex": [surface.formula]}
        assert page.evaluate(shown) == expected
    # The reader's own function (its parser loads first) shows its text in its own field.
    page.select_option("#gdx-surface", "custom")
    page.wait_for_function("() => document.getElementById('gdx-expr')?.offsetParent")
    # A hidden line would still be read out, all six formulas: the menu no longer points at it.
    assert page.evaluate(shown) == {"below": True, "describes": False, "hidden": True, "tex": []}
    assert_clean(page)

"""Paths on contour maps stay legible: cased in the page's colour, heads and dots on top.

A blue path on the blue contours of the loss was hard to see (the mini-batch page's animation, the
escape from a local minimum, the runs into the camel's darkest well, in the dark palette); each path
now has a casing in the page's colour under every line, the variant pages draw each variant in the
colour the comparison gives it, and the rate charts' marker lines pass under their dots.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

import numpy as np
import pytest
from _scripts import SCRIPTS
from matplotlib import pyplot as plt

sys.path.insert(0, str(SCRIPTS))
import _animation
import _rate_live
import _variants
import fig_variants_live
from _figure import COLORS, PALETTES, SHARED, THEMES, case_lines, themed

from gdlib import descend, get_surface

sys.path.remove(str(SCRIPTS))

SIZE = 2.0  # inches: the still is SIZE * DPI pixels a side
BACKGROUND = COLORS["blue"]


def rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])


def still(*tracks_at) -> np.ndarray:
    """The last frame of tracks `(points, colour, cased)` on a blue panel filling the figure."""

    def setup(_theme):
        fig = plt.figure(figsize=(SIZE, SIZE))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.axvspan(0, 1, color=BACKGROUND)
        ax.set(xlim=(0, 1), ylim=(0, 1))
        ax.set_axis_off()
        tracks = [_animation.Track(ax, np.asarray(p), c, cased=h) for p, c, h in tracks_at]
        return fig, tracks

    return np.asarray(_animation._render(setup, "light", frames=3)[-1], dtype=int)


def pixel(image: np.ndarray, x: float, y: float, dy: int = 0) -> np.ndarray:
    side = image.shape[0]
    return image[round((1 - y) * side) + dy, round(x * side)]


def near(a: np.ndarray, b: np.ndarray, tolerance: int = 40) -> bool:
    return bool(np.abs(a - b).max() <= tolerance)


ACROSS = [[0.1, 0.5], [0.9, 0.5]]


@pytest.mark.parametrize("cased", [True, False])
def test_a_path_is_cased_in_the_page_colour_only_when_asked(cased):
    image = still((ACROSS, BACKGROUND, cased))
    page = rgb(THEMES["light"]["page"])
    assert near(pixel(image, 0.5, 0.5), rgb(BACKGROUND))  # the line itself
    beside = pixel(image, 0.5, 0.5, dy=-3)  # just outside the line, inside its casing
    assert near(beside, page) is cased
    assert near(beside, rgb(BACKGROUND)) is not cased
    assert near(pixel(image, 0.5, 0.5, dy=-12), rgb(BACKGROUND))  # the panel, away from it


def test_a_casing_never_cuts_another_path_and_heads_sit_above_every_line():
    up, orange = [[0.5, 0.1], [0.5, 0.9]], (ACROSS, COLORS["orange"], True)
    crossing = still((up, COLORS["green"], True), orange)
    # Just beside the orange line, inside its casing, the green line drawn before it still shows.
    assert near(pixel(crossing, 0.5, 0.5, dy=-3), rgb(COLORS["green"]))
    ending = still(([up[0], [0.5, 0.5]], COLORS["green"], True), orange)
    # The green run ends on the orange path drawn after it: its head still shows.
    assert near(pixel(ending, 0.5, 0.5), rgb(COLORS["green"]))


def test_a_start_dot_shows_through_its_own_casing():
    image = still((ACROSS, COLORS["green"], True))
    # 1.5 pt above the start, inside its 4 pt dot and outside the 2 pt line, within the casing.
    beside_start = pixel(image, 0.1, 0.5, dy=-3)
    page, green = rgb(THEMES["light"]["page"]), rgb(COLORS["green"])
    assert np.abs(beside_start - green).sum() < np.abs(beside_start - page).sum()


def test_variant_animations_draw_each_variant_in_its_comparison_colour(monkeypatch):
    captured = {}
    monkeypatch.setattr(
        _animation, "path_animation", lambda setup, *a, **k: captured.update(s=setup)
    )
    runs = {f"b = {b}": _variants.run(b, 1) for b in (_variants.N, 1, _variants.MINI)}
    _variants.variant_animation(None, "test", runs)
    fig, tracks = captured["s"]("light")
    plt.close(fig)
    on_contours = [t for t in tracks if t.label]
    assert [t.color for t in on_contours] == [COLORS["blue"], COLORS["green"], COLORS["orange"]]
    assert all(t.cased for t in on_contours)
    assert not any(t.cased for t in tracks if not t.label)  # loss curves stand on a plain panel


@pytest.mark.parametrize("theme", ["dark", SHARED])
def test_case_lines_lays_a_page_coloured_casing_just_under_each_line_only(theme):
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], lw=1.5)
    ax.plot([0, 1], [1, 0], "o")  # markers alone: nothing to case
    ax.plot([0, 1], [0.5, 0.5], lw=2, zorder=4)
    case_lines(ax, theme)
    casings = ax.get_lines()[3:]
    plt.close(fig)
    assert len(casings) == 2
    # SHARED's placeholder, swapped in the SVG text for each palette's page colour.
    assert {c.get_color() for c in casings} == {PALETTES[theme]["page"]}
    assert [c.get_linewidth() for c in casings] == [1.5 + 2.4, 2 + 2.4]
    assert [c.get_zorder() for c in casings] == [2 - 0.01, 4 - 0.01]


def test_the_rate_charts_marker_lines_pass_under_their_dots():
    surface = get_surface("valley")
    rates = _rate_live.sweep_rates(0.001, 0.2)[::12]
    sweep = [descend(surface, surface.start, lr=lr, max_iter=200) for lr in rates]
    draw = _rate_live.rate_drawer(surface, sweep[3], rates[3], rates, sweep, 200, best=rates[2])
    fig = draw("light")
    right = fig.axes[1].get_lines()
    plt.close(fig)
    rules = [line.get_zorder() for line in right if line.get_linestyle() not in ("None", "")]
    dots = [line.get_zorder() for line in right if line.get_linestyle() in ("None", "")]
    assert len(rules) == 3 and dots
    assert max(rules) < min(dots)


def test_the_variants_live_twin_has_no_grid_across_its_map_and_its_paths_are_cased():
    T0, T1 = np.meshgrid(np.linspace(-4, 1, 5), np.linspace(-2, 2, 5))
    run = SimpleNamespace(
        thetas=np.array([[-3.0, 1.5], [-1.0, -0.5]]),
        examples_seen=np.array([0, 10]),
        losses=np.array([2.0, 1.0]),
        batch_size=fig_variants_live.N_LIVE,  # the full batch: drawn in its variant's colour
    )
    draw = fig_variants_live.drawer([(run, True)], 0.5, (-0.7, -0.7), (T0, T1, T0 + T1), "t")
    with themed("light"):  # the palette's style turns grids on
        fig = draw("light")
    left = fig.axes[0]
    plt.close(fig)
    assert not any(line.get_visible() for line in left.get_xgridlines() + left.get_ygridlines())
    page = PALETTES["light"]["page"]
    assert any(line.get_color() == page for line in left.get_lines())
    assert any(line.get_color() == _variants.VARIANT_COLORS["batch"] for line in left.get_lines())

"""One drawing for both palettes (scripts/_figure.py `themed_svgs`) gives what two drawings give.

Without rasters, `draw(SHARED)` is written once with placeholder colours swapped per palette; the
files must equal one drawing per palette, up to the ids matplotlib derives from the style (marker
ids hash their colours), and keep no placeholder. Contours in the site's surface colours are
drawn once too, their pixels recoloured per palette (scripts/_svg_rasters.py); with other rasters
(here a contour in matplotlib's default map), each palette is drawn on its own.
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from _figure import PALETTES, THEMES, surface_cmap, themed, themed_svgs
from _palette import PLACEHOLDERS
from _svg_file import svg_text
from matplotlib import pyplot as plt


def _lines(theme: str):
    fig, ax = plt.subplots(figsize=(3, 2), layout="constrained")
    x = np.linspace(0.1, 10, 40)
    ax.semilogy(x, np.exp(-x), "o-", ms=3, label="$e^{-x}$")
    ax.axhline(1e-2, color=PALETTES[theme]["muted"], ls="--")
    ax.legend(facecolor=PALETTES[theme]["page"])
    ax.set(xlabel="step $k$", title="decay")
    return fig


def _contours(theme: str):
    fig, ax = plt.subplots(figsize=(2, 2))
    X, Y = np.meshgrid(np.linspace(-1, 1, 30), np.linspace(-1, 1, 30))
    ax.contourf(X, Y, X**2 + 3 * Y**2, levels=8, rasterized=True)
    return fig


def _surface(theme: str):
    fig, (left, right) = plt.subplots(1, 2, figsize=(4, 2), layout="constrained")
    X, Y = np.meshgrid(np.linspace(-1, 1, 40), np.linspace(-1, 1, 40))
    left.contourf(X, Y, X**2 + 3 * Y**2, levels=16, cmap=surface_cmap(), rasterized=True)
    left.plot([-0.8, 0.0], [0.9, 0.0], color=PALETTES[theme]["text"])
    right.contourf(X, Y, np.log1p(X**2 + Y**2), levels=5, cmap=surface_cmap(), rasterized=True)
    right.set_title("two rasters")
    return fig


def _without_ids(svg: str) -> str:
    ids = list(dict.fromkeys(re.findall(r'id="([^"]+)"', svg)))
    for n, name in enumerate(ids):
        svg = re.sub(rf'(?<=[#"]){re.escape(name)}(?=[")])', f"ID{n}", svg)
    return svg


def _two_drawings(draw) -> dict[str, str]:
    drawn = {}
    for theme in THEMES:
        with themed(theme):
            drawn[theme] = svg_text(draw(theme))
    return drawn


@pytest.mark.parametrize(
    "draw", [_lines, _surface, _contours], ids=["lines", "surface-rasters", "other-rasters"]
)
def test_each_palette_file_is_what_its_own_drawing_gives(draw, tmp_path):
    paths = themed_svgs(draw, tmp_path, "fig")
    assert [p.name for p in paths] == ["fig-light.svg", "fig-dark.svg"]
    for theme, expected in _two_drawings(draw).items():
        written = (tmp_path / f"fig-{theme}.svg").read_text(encoding="utf-8")
        assert _without_ids(written) == _without_ids(expected), theme
        assert not any(colour in written for colour in PLACEHOLDERS.values())
        assert THEMES[theme]["text"] in written


def test_the_palettes_differ_in_the_written_files(tmp_path):
    light, dark = (p.read_text(encoding="utf-8") for p in themed_svgs(_lines, tmp_path, "fig"))
    assert light != dark
    assert THEMES["dark"]["muted"] in dark and THEMES["dark"]["muted"] not in light


def _counted(draw):
    themes = []

    def counting(theme: str):
        themes.append(theme)
        return draw(theme)

    return counting, themes


def test_surface_contours_are_drawn_once_and_other_rasters_per_palette(tmp_path):
    once, themes = _counted(_surface)
    light, dark = (p.read_text(encoding="utf-8") for p in themed_svgs(once, tmp_path, "a"))
    assert themes == ["shared"]
    assert light.count("data:image/png") == dark.count("data:image/png") == 2
    assert light != dark
    each, themes = _counted(_contours)
    themed_svgs(each, tmp_path, "b")
    assert themes == ["shared", *THEMES]


def test_pixels_outside_the_surface_colours_are_not_recoloured():
    """A raster that is not the surface map's colours gives None: the palette is drawn anew."""
    from _svg_rasters import _png, retheme

    pixels = np.zeros((2, 2, 4), np.uint8)
    pixels[0, 0] = (10, 200, 30, 255)  # no colour of the map
    svg = f'<image xlink:href="data:image/png;base64,\n{base64.b64encode(_png(pixels)).decode()}"/>'
    assert retheme(svg, "shared", "dark") is None

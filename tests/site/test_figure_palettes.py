"""One drawing for both palettes (scripts/_figure.py `themed_svgs`) gives what two drawings give.

Without rasters, `draw(SHARED)` is written once with placeholder colours swapped per palette; the
files must equal one drawing per palette, up to the ids matplotlib derives from the style (marker
ids hash their colours), and keep no placeholder. With rasters (a contour's pixels hold its
colours), each palette is drawn on its own.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from _figure import PALETTES, THEMES, _svg_text, themed, themed_svgs
from _palette import PLACEHOLDERS
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


def _without_ids(svg: str) -> str:
    ids = list(dict.fromkeys(re.findall(r'id="([^"]+)"', svg)))
    for n, name in enumerate(ids):
        svg = re.sub(rf'(?<=[#"]){re.escape(name)}(?=[")])', f"ID{n}", svg)
    return svg


def _two_drawings(draw) -> dict[str, str]:
    drawn = {}
    for theme in THEMES:
        with themed(theme):
            drawn[theme] = _svg_text(draw(theme))
    return drawn


@pytest.mark.parametrize("draw", [_lines, _contours], ids=["lines", "rasters"])
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

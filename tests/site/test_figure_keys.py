"""A figure's key may not hide its data: `_keys.hidden_by_keys` and the writer that enforces it.

Session 51 found keys over data in five figures (the updates page's Adam swings, the lr bound's
1/L line, the rate grid's 2/L line, the finite differences' h* line, the tuned momentum's plain
descent); each build now fails on such a figure.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from _scripts import load_script

keys = load_script("_keys")
figure = load_script("_figure")


def _panel(line_x, line_y, **legend):
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot(line_x, line_y, label="the run")
    ax.plot([0, 1], [0, 0], label="a floor")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.legend(**legend)
    return fig


def test_a_line_under_the_key_is_named():
    fig = _panel([0, 1], [0.95, 0.95], loc="upper right")
    assert keys.hidden_by_keys(fig) == ["a panel: the run"]
    plt.close(fig)


def test_a_straight_line_crossing_the_key_between_its_ends_is_found():
    # Two vertices only, both far outside the key's box: the segment between them crosses it.
    fig = _panel([0.0, 1.0], [1.0, 0.0], loc="center")
    assert keys.hidden_by_keys(fig) == ["a panel: the run"]
    plt.close(fig)


def test_a_key_clear_of_the_data_hides_nothing():
    fig = _panel([0, 0.3], [0.2, 0.4], loc="upper right")
    assert keys.hidden_by_keys(fig) == []
    plt.close(fig)


def test_markers_under_the_key_are_found_and_clipped_points_are_not():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.scatter([0.9], [0.9], label="a marker")
    ax.plot([0.5, 5.0], [0.9, 0.9], "o", label="clipped")  # 5.0 is off the panel
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.legend(loc="upper right")
    assert keys.hidden_by_keys(fig) == ["a panel: a marker"]
    plt.close(fig)


def test_a_key_below_the_panels_hides_nothing():
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.plot(np.linspace(0, 1, 50), np.linspace(0, 1, 50), label="the run")
    fig.legend(loc="outside lower center")
    assert keys.hidden_by_keys(fig) == []
    plt.close(fig)


def test_the_writer_refuses_a_figure_whose_key_hides_data(tmp_path):
    def draw(theme):
        return _panel([0, 1], [0.95, 0.95], loc="upper right")

    with pytest.raises(ValueError, match="shown: a key hides part of a panel: the run"):
        figure.themed_svgs(draw, tmp_path, "shown")
    assert not list(tmp_path.iterdir())

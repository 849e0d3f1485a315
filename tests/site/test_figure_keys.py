"""A figure's key may not hide its data: `_keys.hidden_by_keys` and the writer that enforces it.

Session 51 found keys over data in six figures (the updates page's Adam swings, the lr bound's
1/L line, the rate grid's 2/L line, the finite differences' h* line, the tuned momentum's plain
descent, the schedules' seed bands); each build now fails on such a figure. Each test below
fails when the part of the check it names is taken out.
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


def test_markers_under_the_key_are_found():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.scatter([0.9], [0.9], label="a marker")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.legend(loc="upper right")
    assert keys.hidden_by_keys(fig) == ["a panel: a marker"]
    plt.close(fig)


def test_what_the_panel_clips_is_not_under_a_key_beside_it():
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.plot([0.5, 1.25], [0.9, 0.9], "o-", label="clipped")  # 1.25 lies right of the panel
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    assert keys.hidden_by_keys(fig) == []
    plt.close(fig)


def test_a_band_a_stair_and_error_bars_under_the_key_are_found():
    for name, draw in (
        ("a band", lambda ax: ax.fill_between([0, 1], [0.85, 0.85], [1, 1])),
        ("a stair", lambda ax: ax.step([0.1, 0.95], [0.9, 0.1], where="post")),
        ("error bars", lambda ax: ax.errorbar([0.9], [0.5], yerr=[[0.1], [0.5]], fmt="none")),
    ):
        fig, ax = plt.subplots(figsize=(4, 3))
        draw(ax)
        ax.set(xlim=(0, 1), ylim=(0, 1))
        ax.legend(handles=[plt.Line2D([], [], label="key")], loc="upper right")
        assert len(keys.hidden_by_keys(fig)) == 1, name
        plt.close(fig)


def test_a_gap_in_a_line_and_a_value_far_off_the_axis_are_not_drawn_under_the_key():
    fig, ax = plt.subplots(figsize=(4, 3))
    # NaN breaks the line where the key is; 1e13 lies far above the panel (clipped, and cheap).
    ax.plot([0.0, 0.3, np.nan, 1.0], [0.9, 0.9, np.nan, 0.9], label="broken")
    ax.plot([0.0, 0.2], [0.1, 1e13], label="off the scale")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.legend(loc="upper center", bbox_to_anchor=(0.75, 1.0))
    assert keys.hidden_by_keys(fig) == []
    plt.close(fig)


def test_a_thick_line_or_large_marker_beside_the_key_reaches_under_it():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.set(xlim=(0, 1), ylim=(0, 1))
    legend = ax.legend(handles=[plt.Line2D([], [], label="key")], loc="upper right")
    fig.canvas.draw()
    box = legend.get_window_extent().transformed(ax.transData.inverted())
    below = box.y0 - 0.01  # just under the key's frame: a thin line clears it, a thick one not
    ax.plot([box.x0, box.x1], [below, below], lw=0.5, label="thin")
    ax.plot([box.x0, box.x1], [below, below], lw=20, label="thick")
    ax.scatter([box.x0, box.x1], [below, below], s=1, label="small")
    ax.scatter([box.x0, box.x1], [below, below], s=2000, label="large")
    assert keys.hidden_by_keys(fig) == ["a panel: thick", "a panel: large"]
    plt.close(fig)


def test_a_figure_key_over_a_panel_is_checked():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0.95, 0.95], label="the run")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    fig.legend(loc="upper right", bbox_to_anchor=(0.9, 0.88))
    assert keys.hidden_by_keys(fig) == ["a panel: the run"]
    plt.close(fig)


def test_keys_are_found_where_the_layout_puts_them():
    # A title of many lines: the layout, done when the figure is drawn, shrinks the panel to make
    # room, and the key (its size in pixels unchanged) then covers y = 0.8; before, it did not.
    fig, ax = plt.subplots(figsize=(4, 3), layout="constrained")
    ax.plot([0, 1], [0.8, 0.8], label="the run")
    ax.set(xlim=(0, 1), ylim=(0, 1), title="\n".join(["a tall title"] * 7))
    ax.legend(loc="upper right")
    assert keys.hidden_by_keys(fig) == [ax.get_title() + ": the run"]
    plt.close(fig)


def test_the_writer_refuses_a_figure_whose_key_hides_data(tmp_path):
    def draw(theme):
        return _panel([0, 1], [0.95, 0.95], loc="upper right")

    with pytest.raises(ValueError, match="shown: a key hides part of a panel: the run"):
        figure.themed_svgs(draw, tmp_path, "shown")
    assert not list(tmp_path.iterdir())

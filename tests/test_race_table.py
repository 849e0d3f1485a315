"""The updates page's race table (scripts/_race_table.py): each run's momentum and why it stopped.

Adam's beta1 is a momentum (a running mean of the gradients), so a dash in its momentum column
would tell the reader it has none; the betas shown are the ones gdlib's adam runs with.
"""

from __future__ import annotations

import inspect
import re

import pytest
from _scripts import load_script

from gdlib.descent import descend
from gdlib.optimizers import adam

race_table = load_script("_race_table")


def test_adam_shows_the_betas_it_runs_with_and_plain_descent_none():
    beta1, beta2 = inspect.signature(adam).parameters["betas"].default
    assert race_table.momentum_cell("adam", {}) == f"β₁ = {beta1:g} (β₂ = {beta2:g})"
    assert race_table.momentum_cell("adam", {"betas": (0.5, 0.99)}) == "β₁ = 0.5 (β₂ = 0.99)"
    assert race_table.momentum_cell("gd", {}) == "none"
    assert race_table.momentum_cell("nesterov", {"momentum": 0.519}) == "μ = 0.519"


def test_every_race_row_has_a_momentum_cell():
    rows = race_table.table(
        {name: {opt: _Run() for opt in runs} for name, runs in race_table.RACES.items()}
    ).splitlines()[2:]
    cells = [row.split(" | ")[3] for row in rows]
    assert len(cells) == sum(len(runs) for runs in race_table.RACES.values()) == 8
    assert all(c == "none" or c.startswith(("μ = ", "β₁ = ")) for c in cells), cells


class _Run:
    iterations, message = 1, "converged: gradient norm 9.9e-07 <= 1e-06"


def test_a_gradient_count_that_ends_with_its_window_is_refused():
    look_ahead = load_script("_look_ahead")
    settings = {"hyper": {"momentum": 0.5}}
    run = descend("valley", (-2.5, 1.0), "nesterov", 0.05, 100, 0.0, 0.0, **settings)
    k = look_ahead.gradient_small_from(run)
    assert 0 < k < run.iterations - 5
    short = descend("valley", (-2.5, 1.0), "nesterov", 0.05, k + 2, 0.0, 0.0, **settings)
    with pytest.raises(ValueError, match="gradient norm is above"):
        look_ahead.gradient_small_from(short)


def test_the_stopping_cell_is_short_and_refuses_a_message_it_cannot_shorten():
    # The whole message took 5 lines of its 122 px column at 1,280 px (rows 143 px tall).
    cell = race_table.stop_cell("converged: gradient norm 9.9e-07 <= 1e-06")
    assert re.sub("<[^>]+>", "", cell) == "‖∇f‖ ≤ 10 to the power −6"
    assert "e-" not in race_table.stop_cell("converged: gradient norm 1e-05 <= 2.5e-05")
    assert race_table.stop_cell("stopped: reached max_iter = 4000") == "step limit"
    with pytest.raises(ValueError, match="no short form"):
        race_table.stop_cell("converged: step norm 1e-09 <= 1e-08")


def test_the_race_titles_say_the_settings_the_runs_use():
    """The valley's panel says Nesterov runs at lr 1/L (its textbook setting, not the best on a
    quadratic) and the Rosenbrock panel quotes the rates and momentum its runs take."""
    races = load_script("_races")
    race_fig = load_script("fig_updates_race")
    valley = race_fig.subtitle("valley")
    assert "Nesterov at lr 1/L" in valley and "Nesterov tuned" not in valley
    assert races.RACES["valley"]["nesterov"][0] == pytest.approx(1 / races.VALLEY_L)
    assert f"Adam at lr {races.RACES['valley']['adam'][0]:g}" in valley
    lr, hyper = races.RACES["rosenbrock"]["momentum"]
    assert f"lr {lr:g}, momentum {hyper['momentum']:g}" in race_fig.subtitle("rosenbrock")

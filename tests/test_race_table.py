"""The updates page's race table names each run's momentum: mu, Adam's betas, or none.

Adam's beta1 is a momentum (a running mean of the gradients), so a dash in its momentum column
would tell the reader it has none; the betas shown are the ones gdlib's adam runs with.
"""

from __future__ import annotations

import inspect

import pytest
from _scripts import load_script

from gdlib.descent import descend
from gdlib.optimizers import adam

updates_loss = load_script("fig_updates_loss")


def test_adam_shows_the_betas_it_runs_with_and_plain_descent_none():
    beta1, beta2 = inspect.signature(adam).parameters["betas"].default
    assert updates_loss.momentum_cell("adam", {}) == f"β₁ = {beta1:g} (β₂ = {beta2:g})"
    assert updates_loss.momentum_cell("adam", {"betas": (0.5, 0.99)}) == "β₁ = 0.5 (β₂ = 0.99)"
    assert updates_loss.momentum_cell("gd", {}) == "none"
    assert updates_loss.momentum_cell("nesterov", {"momentum": 0.519}) == "μ = 0.519"


def test_every_race_row_has_a_momentum_cell():
    rows = updates_loss.table(
        {name: {opt: _Run() for opt in runs} for name, runs in updates_loss.RACES.items()}
    ).splitlines()[2:]
    cells = [row.split(" | ")[3] for row in rows]
    assert len(cells) == sum(len(runs) for runs in updates_loss.RACES.values()) == 8
    assert all(c == "none" or c.startswith(("μ = ", "β₁ = ")) for c in cells), cells


class _Run:
    iterations, message = 1, "converged"


def test_the_stopping_message_keeps_each_number_on_one_line():
    cell = updates_loss.unbroken("converged: gradient norm 9.9e-07 <= 1e-06")
    whole = ['<span class="gd-nowrap">9.9e-07</span>', '<span class="gd-nowrap">1e-06</span>']
    assert all(number in cell for number in whole), cell
    assert updates_loss.unbroken("max_iter: 200 steps") == "max_iter: 200 steps"


def test_a_gradient_count_that_ends_with_its_window_is_refused():
    look_ahead = load_script("_look_ahead")
    settings = {"hyper": {"momentum": 0.5}}
    run = descend("valley", (-2.5, 1.0), "nesterov", 0.05, 100, 0.0, 0.0, **settings)
    k = look_ahead.gradient_small_from(run)
    assert 0 < k < run.iterations - 5
    short = descend("valley", (-2.5, 1.0), "nesterov", 0.05, k + 2, 0.0, 0.0, **settings)
    with pytest.raises(ValueError, match="gradient norm is above"):
        look_ahead.gradient_small_from(short)

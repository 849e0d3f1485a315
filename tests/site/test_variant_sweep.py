"""The vectorised sweep behind the variant pages runs exactly gdlib's mini-batch algorithm.

scripts/_sweep.py runs a grid of rates and shuffle seeds at once; every cell must match
`gdlib.regression.fit_linear` run on its own (same permutations, the short last batch, the rate
decay, and divergence reported as an infinite loss).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from gdlib.datasets import make_regression
from gdlib.regression import fit_linear

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from _sweep import checkpoints, sweep

X, Y, _ = make_regression(37, 3, noise=0.5, seed=4)
THETA0 = np.array([0.5, -1.0, 2.0])


@pytest.mark.parametrize("b", [1, 5, 37])
@pytest.mark.parametrize("decay", [0.0, 0.7])
def test_every_cell_is_fit_linear(b, decay):
    rates, seeds = [0.003, 0.05, 0.2], [0, 7]
    result = sweep(X, Y, THETA0, b, rates, seeds, 4, lr_decay=decay)
    for i, lr in enumerate(rates):
        for j, seed in enumerate(seeds):
            run = fit_linear(
                X, Y, lr=lr, epochs=4, batch_size=b, seed=seed, theta0=THETA0, lr_decay=decay
            )
            np.testing.assert_allclose(result.epoch_losses[i, j], run.epoch_losses, rtol=1e-9)
            np.testing.assert_allclose(result.final[i, j], run.thetas[-1], rtol=1e-9, atol=1e-12)
            at = np.searchsorted(run.examples_seen, result.seen)
            np.testing.assert_allclose(result.losses[i, j], run.losses[at], rtol=1e-9)


def test_a_diverging_cell_reads_infinite_where_gdlib_says_diverged():
    result = sweep(X, Y, THETA0, 37, [5.0], [0], 60)
    run = fit_linear(X, Y, lr=5.0, epochs=60, theta0=THETA0)
    assert run.status == "diverged"
    assert np.isinf(result.epoch_losses[0, 0, -1]) and np.isnan(result.final[0, 0]).all()


def test_checkpoints_start_at_zero_and_end_at_the_last_step():
    marks = checkpoints(5000)
    assert marks[0] == 0 and marks[-1] == 5000 and np.all(np.diff(marks) > 0)


@pytest.mark.parametrize("b", [1, 5, 37])
def test_the_averaged_iterate_is_the_mean_of_gdlibs_iterates_from_that_epoch_on(b):
    rates, seeds, start = [0.003, 0.05], [0, 7], 2
    result = sweep(X, Y, THETA0, b, rates, seeds, 4, average_from=start)
    per_epoch = -(-len(Y) // b)
    for i, lr in enumerate(rates):
        for j, seed in enumerate(seeds):
            run = fit_linear(X, Y, lr=lr, epochs=4, batch_size=b, seed=seed, theta0=THETA0)
            later = run.thetas[1 + start * per_epoch :]  # after each step of epochs 2 and 3
            assert len(later) == 2 * per_epoch
            np.testing.assert_allclose(result.averaged[i, j], later.mean(axis=0), rtol=1e-9)
    assert sweep(X, Y, THETA0, b, rates, seeds, 1).averaged is None


@pytest.mark.parametrize("b", [1, 5])
def test_with_replacement_each_epoch_reads_n_rows_drawn_by_integers(b):
    lr, seed, epochs = 0.05, 3, 3
    result = sweep(X, Y, THETA0, b, [lr], [seed], epochs, replacement=True)
    rng, theta, n = np.random.default_rng(seed), THETA0.copy(), len(Y)
    for _ in range(epochs):
        order = rng.integers(0, n, n)
        for start in range(0, n, b):
            rows = order[start : start + b]
            theta = theta - lr * 2 / len(rows) * X[rows].T @ (X[rows] @ theta - Y[rows])
    np.testing.assert_allclose(result.final[0, 0], theta, rtol=1e-9, atol=1e-12)
    shuffled = sweep(X, Y, THETA0, b, [lr], [seed], epochs)
    assert not np.allclose(shuffled.final[0, 0], theta)

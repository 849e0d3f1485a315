"""Many mini-batch runs at once: every (learning rate, shuffle seed) pair of one batch size.

`sweep` runs exactly the algorithm of `gdlib.regression.fit_linear` (one permutation per epoch
from `numpy.random.default_rng(seed)`, batches walked in order, the last one short, the step
theta <- theta - lr * 2/|B| X_B^T (X_B theta - y_B)), but for a whole grid of rates and seeds
in one NumPy loop over steps, so a sweep of a hundred runs costs about as much as one.
`check_against_gdlib` replays one cell with gdlib itself and fails the build if the two disagree.

The full-data loss is a quadratic, L(theta) = theta^T A theta - 2 c^T theta + y^T y / n with
A = X^T X / n and c = X^T y / n, so it is recorded cheaply at every checkpoint.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gdlib.regression import MAX_THETA_NORM, fit_linear


class Sweep(NamedTuple):
    """Losses of a grid of runs: axis 0 is the rate, axis 1 the seed."""

    rates: np.ndarray
    batch_size: int
    epoch_losses: np.ndarray  # (rates, seeds, epochs + 1); inf once a run diverged
    steps: np.ndarray  # checkpoint step indices (updates taken), 0 first
    seen: np.ndarray  # examples read at each checkpoint
    losses: np.ndarray  # (rates, seeds, checkpoints)
    final: np.ndarray  # (rates, seeds, d) parameters at the end (NaN if diverged)
    averaged: np.ndarray | None = None  # (rates, seeds, d) mean iterate from `average_from` on


def quadratic_loss(X: np.ndarray, y: np.ndarray):
    """Return a function giving the full-data MSE of an array of parameters (..., d)."""
    n = X.shape[0]
    A, c, yy = X.T @ X / n, X.T @ y / n, y @ y / n

    def loss(theta: np.ndarray) -> np.ndarray:
        return np.einsum("...i,ij,...j->...", theta, A, theta) - 2 * theta @ c + yy

    return loss


def checkpoints(total_steps: int, per_decade: int = 24, every_up_to: int = 100) -> np.ndarray:
    """Step indices: every one up to `every_up_to`, then evenly spaced on a log scale.

    Pages quote counts such as "after 30 updates": those must be recorded, not the nearest mark.
    """
    grid = np.unique(np.round(np.logspace(0, np.log10(max(total_steps, 1)), 1 + per_decade * 6)))
    first = np.arange(min(total_steps, every_up_to) + 1)
    return np.unique(np.concatenate([first, grid[grid <= total_steps], [total_steps]])).astype(int)


def sweep(
    X,
    y,
    theta0,
    batch_size,
    rates,
    seeds,
    epochs,
    lr_decay=0.0,
    average_from=None,
    replacement=False,
) -> Sweep:
    """Run fit_linear's algorithm for every rate in `rates` and every shuffle seed in `seeds`.

    `lr_decay` (a number, or one per rate) decays the rate as fit_linear does: lr / (1 + decay e)
    in epoch e, from 0. With `average_from` (an epoch, from 0) the sweep also keeps the mean of
    the iterates after every step of that epoch and the later ones (Polyak-Ruppert averaging).
    With `replacement`, an epoch reads n rows drawn uniformly at random (`rng.integers`), not a
    permutation: not fit_linear's algorithm, the sampling it is compared with.
    """
    n, d = X.shape
    b = int(batch_size)
    per_epoch = -(-n // b)
    # Inside the loop runs are laid out (seed, rate, d): each seed's batch is shared by its rates.
    base = 2.0 * np.asarray(rates, dtype=float)[None, :, None]
    decay = np.broadcast_to(np.asarray(lr_decay, dtype=float), (len(rates),))[None, :, None]
    theta = np.broadcast_to(np.asarray(theta0, float), (len(seeds), len(rates), d)).copy()
    loss = quadratic_loss(X, y)
    marks = checkpoints(per_epoch * epochs)
    recorded, epoch_losses = [loss(theta)], [loss(theta)]
    next_mark, step = 1, 0
    rngs = [np.random.default_rng(s) for s in seeds]
    total, averaged_steps = np.zeros_like(theta), 0

    def settle() -> None:
        # A run whose parameters leave the ball of radius MAX_THETA_NORM (or turn NaN) diverged,
        # as in gdlib; it stays NaN from then on and its losses read inf.
        bad = ~(np.einsum("srd,srd->sr", theta, theta) <= MAX_THETA_NORM**2)
        theta[bad] = np.nan

    with np.errstate(all="ignore"):
        for epoch in range(epochs):
            rate2 = base / (1.0 + decay * epoch)
            if b < n:
                draws = (
                    rng.integers(0, n, n) if replacement else rng.permutation(n) for rng in rngs
                )
                order = np.stack(list(draws))
                Xo, yo = X[order], y[order]  # (seeds, n, d): each batch below is a view
            else:
                Xo, yo = X[None], y[None]
            for start in range(0, n, b):
                if b == 1:
                    x, t = Xo[:, start, None, :], yo[:, start, None]
                    residual = np.einsum("sqd,srd->sr", x, theta) - t
                    theta -= rate2 * residual[..., None] * x
                else:
                    Xb, yb = Xo[:, start : start + b], yo[:, None, start : start + b]
                    residual = theta @ Xb.transpose(0, 2, 1) - yb  # (seeds, rates, batch)
                    theta -= (rate2 / Xb.shape[1]) * (residual @ Xb)
                step += 1
                if average_from is not None and epoch >= average_from:
                    total += theta
                    averaged_steps += 1
                if next_mark < len(marks) and step == marks[next_mark]:
                    settle()
                    recorded.append(loss(theta))
                    next_mark += 1
            settle()
            epoch_losses.append(loss(theta))
    to_inf = lambda a: np.where(np.isfinite(a), a, np.inf).swapaxes(0, 1)  # noqa: E731
    seen = np.array([min(k // per_epoch * n + (k % per_epoch) * b, n * epochs) for k in marks])
    return Sweep(
        np.asarray(rates, float),
        b,
        to_inf(np.stack(epoch_losses, -1)),
        marks,
        seen,
        to_inf(np.stack(recorded, -1)),
        theta.swapaxes(0, 1),
        (total / averaged_steps).swapaxes(0, 1) if averaged_steps else None,
    )


def check_against_gdlib(
    X, y, theta0, result: Sweep, seeds, rate_index: int, epochs: int, lr_decay=0.0
):
    """Replay one cell of a sweep with gdlib.regression.fit_linear; raise if they differ."""
    seed = seeds[-1]
    lr = float(result.rates[rate_index])
    run = fit_linear(
        X,
        y,
        lr=lr,
        epochs=epochs,
        batch_size=result.batch_size,
        seed=seed,
        theta0=theta0,
        record="epoch",
        lr_decay=float(np.broadcast_to(lr_decay, result.rates.shape)[rate_index]),
    )
    mine = result.epoch_losses[rate_index, -1, : epochs + 1]
    if not np.allclose(run.epoch_losses, mine, rtol=1e-8, atol=1e-12):
        raise AssertionError(
            f"sweep (b = {result.batch_size}, lr = {lr:g}, seed {seed}) differs from gdlib: "
            f"{mine} against {run.epoch_losses}"
        )

r"""``fit_linear`` and the ``RegressionRun`` it returns: the epoch loop of ``gdlib.regression``.

Import both from ``gdlib.regression`` (or ``gdlib``), which also holds the loss and the three
variants by name; this module keeps the loop apart so that each file stays short.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gdlib import _validate
from gdlib._minibatch import (
    check_theta,
    completed_message,
    divergence_message,
    examples_seen,
    finite_result,
    full_losses,
    run_epoch,
)
from gdlib._validate import check_choice, check_data, check_int, check_lr, check_nonnegative

__all__ = ["RegressionRun", "fit_linear"]


class RegressionRun(NamedTuple):
    """A regression run: the parameter path and the full-data loss along it.

    Attributes:
        thetas: Recorded parameters, ``(steps + 1, d)`` with ``record="step"`` or
            ``(epochs + 1, d)`` with ``record="epoch"``; row 0 is ``theta0``.
        losses: Full-data loss at each recorded theta.
        epoch_losses: Full-data loss at the start and after each completed epoch.
        examples_seen: Examples used by gradient evaluations up to each recorded theta.
        batch_size: Examples per step.
        lr: Initial learning rate.
        record: ``"step"`` or ``"epoch"``: which thetas were recorded.
        status: ``"completed"`` or ``"diverged"``; then the records stop at the last sound theta
            with ``record="step"``, at the last completed epoch with ``record="epoch"``.
        message: One human sentence about how the run ended.

    """

    thetas: np.ndarray
    losses: np.ndarray
    epoch_losses: np.ndarray
    examples_seen: np.ndarray
    batch_size: int
    lr: float
    record: str
    status: str
    message: str


def fit_linear(
    X: np.ndarray,
    y: np.ndarray,
    *,
    lr: float = 0.01,
    epochs: int = 100,
    batch_size: int | None = None,
    seed: int = 0,
    shuffle: bool = True,
    lr_decay: float = 0.0,
    theta0: np.ndarray | None = None,
    record: str = "step",
) -> RegressionRun:
    r"""Fit $y \approx X\theta$ by mini-batch gradient descent on the mean squared error.

    In epoch $e$ (from 0) the rate is $\eta_e = \eta / (1 + \delta e)$; each batch $B$ steps
    $\theta \leftarrow \theta - \eta_e \frac{2}{|B|} X_B^\top (X_B \theta - y_B)$.

    Args:
        X: Design matrix, shape (n, d), finite.
        y: Targets, shape (n,), finite.
        lr: Learning rate $\eta > 0$.
        epochs: Passes over the data (>= 0).
        batch_size: Rows per step in [1, n]; ``None`` means n (batch gradient descent). The last
            batch of an epoch holds the remaining ``n % batch_size`` rows when that is not zero.
        seed: Seed of the generator that shuffles the rows each epoch.
        shuffle: Shuffle the rows at the start of each epoch.
        lr_decay: $\delta \ge 0$, the rate's decay per epoch (torch's Adagrad: per step).
        theta0: Start, shape (d,); zeros by default.
        record: ``"step"`` records every theta and its full-data loss; ``"epoch"`` only those at
            epoch ends, which keeps long runs cheap (the benchmark uses it).

    Returns:
        A ``RegressionRun``. It ends as ``"diverged"`` at the first step whose parameters have
            a norm above ``MAX_THETA_NORM`` (1e12) or are not finite. The limit is absolute:
            a problem whose solution has a norm near or above 1e12 (y = 2e12 on a column of
            ones, say) is reported as diverged even at a stable rate (the message quotes the
            limit: "parameter norm exceeded 1e+12"); rescale y (or X) first.

    Raises:
        ValueError: A bad argument, named in the message; or finite data so large that a
            recorded loss overflows float64 (as ``mse`` raises: never an ``inf`` loss).
        TypeError: An argument of the wrong type.

    >>> X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]])
    >>> run = fit_linear(X, np.array([1.0, 3.0, 5.0]), lr=0.1, epochs=500)
    >>> np.round(run.thetas[-1], 6).tolist(), run.status
    ([1.0, 2.0], 'completed')

    """
    X, y = check_data(X, y)
    n, d = X.shape
    lr = check_lr(lr)
    epochs = check_int(epochs, "epochs", 0)
    b = n if batch_size is None else check_int(batch_size, "batch_size", 1, n)
    seed = check_int(seed, "seed", 0)
    lr_decay = check_nonnegative(lr_decay, "lr_decay")
    record = check_choice(record, "record", ("step", "epoch"))
    shuffle = _validate.check_bool(shuffle, "shuffle")
    theta = np.zeros(d) if theta0 is None else check_theta(theta0, d)
    rng = np.random.default_rng(seed)
    sink = [theta] if record == "step" else None
    ends = [theta]  # theta at each epoch end
    status, message = "completed", completed_message(epochs, -(-n // b))
    with np.errstate(all="ignore"):  # a diverging run is stopped and reported, never warned about
        for epoch in range(epochs):
            order = rng.permutation(n) if shuffle and b < n else None
            rate = lr / (1.0 + lr_decay * epoch)
            theta, steps, diverged = run_epoch(X, y, order, theta, b, rate, sink)
            if diverged:
                status, message = "diverged", divergence_message(X, lr, epoch, steps)
                break
            ends.append(theta)
        thetas = np.array(ends if sink is None else sink)
        losses = finite_result(full_losses(X, y, thetas), "mse")  # as mse: never inf
    if sink is None:
        seen, epoch_losses = n * np.arange(len(ends), dtype=np.int64), losses
    else:
        seen = examples_seen(n, b, len(sink) - 1)
        epoch_losses = losses[seen % n == 0][: len(ends)]
    return RegressionRun(thetas, losses, epoch_losses, seen, b, lr, record, status, message)

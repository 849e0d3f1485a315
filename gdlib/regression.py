r"""Linear least squares by batch, stochastic and mini-batch gradient descent.

The loss follows ``torch.nn.MSELoss``: $f(\theta) = \frac1n \lVert X\theta - y \rVert^2$
with gradient $\frac2n X^\top (X\theta - y)$; a batch of size $b$ uses the same mean
over its own rows. Each epoch draws one permutation from ``numpy.random.default_rng(seed)`` and
walks it in batches of ``batch_size`` rows (the last holds the rest). A full batch is never
shuffled (row order cannot change its gradient): ``batch_size=n`` is exactly the batch run.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gdlib import _validate
from gdlib._minibatch import (
    MAX_THETA_NORM,
    check_theta,
    checked_residual,
    completed_message,
    divergence_message,
    examples_seen,
    finite_result,
    full_losses,
    run_epoch,
)
from gdlib._validate import check_choice, check_data, check_int, check_lr, check_nonnegative

__all__ = [
    "MAX_THETA_NORM",
    "RegressionRun",
    "batch_gd",
    "fit_linear",
    "minibatch_gd",
    "mse",
    "mse_grad",
    "stochastic_gd",
]


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


def mse(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> float:
    r"""Mean squared error $\frac1n \lVert X\theta - y \rVert^2$.

    X is (n, d), y (n,) and theta (d,), all finite; a mismatch raises ``ValueError`` naming it,
    and so does finite data whose residual or loss overflows float64 (never a silent NaN).

    >>> mse(np.eye(2), np.array([1.0, 3.0]), np.zeros(2))
    5.0
    """
    _, residual = checked_residual(X, y, theta)
    with np.errstate(all="ignore"):  # overflow is reported by name, not warned about
        return float(finite_result(residual @ residual / residual.shape[0], "mse"))


def mse_grad(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    r"""Gradient of ``mse``: $\frac2n X^\top (X\theta - y)$ (arguments and overflow as ``mse``).

    >>> mse_grad(np.eye(2), np.array([1.0, 3.0]), np.zeros(2)).tolist()
    [-1.0, -3.0]
    """
    X, residual = checked_residual(X, y, theta)
    with np.errstate(all="ignore"):
        return finite_result((2.0 / X.shape[0]) * (residual @ X), "mse_grad")


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
        A ``RegressionRun``.

    Raises:
        ValueError: A bad argument, named in the message.
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
        losses = full_losses(X, y, thetas)
    if sink is None:
        seen, epoch_losses = n * np.arange(len(ends), dtype=np.int64), losses
    else:
        seen = examples_seen(n, b, len(sink) - 1)
        epoch_losses = losses[seen % n == 0][: len(ends)]
    return RegressionRun(thetas, losses, epoch_losses, seen, b, lr, record, status, message)


def batch_gd(X: np.ndarray, y: np.ndarray, **options: object) -> RegressionRun:
    """Batch gradient descent: every step uses all rows (``fit_linear`` with batch_size=None).

    >>> batch_gd(np.ones((4, 1)), np.ones(4), epochs=3).thetas.shape
    (4, 1)
    """
    return fit_linear(X, y, batch_size=None, **options)


def stochastic_gd(X: np.ndarray, y: np.ndarray, **options: object) -> RegressionRun:
    """Stochastic gradient descent: one row per step (``fit_linear`` with batch_size=1).

    >>> stochastic_gd(np.ones((4, 1)), np.ones(4), epochs=3).thetas.shape
    (13, 1)
    """
    return fit_linear(X, y, batch_size=1, **options)


def minibatch_gd(
    X: np.ndarray, y: np.ndarray, batch_size: int = 32, **options: object
) -> RegressionRun:
    """Mini-batch gradient descent: ``batch_size`` rows per step.

    >>> minibatch_gd(np.ones((5, 1)), np.ones(5), batch_size=2, epochs=1).examples_seen.tolist()
    [0, 2, 4, 5]
    """
    return fit_linear(X, y, batch_size=batch_size, **options)

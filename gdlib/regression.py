r"""Linear least squares by batch, stochastic and mini-batch gradient descent.

The loss follows ``torch.nn.MSELoss``: $f(\theta) = \frac1n \lVert X\theta - y \rVert^2$
with gradient $\frac2n X^\top (X\theta - y)$; a batch of size $b$ uses the same mean
over its own rows. Each epoch draws one permutation from ``numpy.random.default_rng(seed)`` and
walks it in batches of ``batch_size`` rows (the last holds the rest). A full batch is never
shuffled (row order cannot change its gradient): ``batch_size=n`` is exactly the batch run.
``fit_linear`` is the loop the three variants share.
"""

from __future__ import annotations

import numpy as np

from gdlib._fit import RegressionRun, fit_linear
from gdlib._minibatch import MAX_THETA_NORM, checked_residual, finite_result

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


def mse(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> float:
    r"""Mean squared error $\frac1n \lVert X\theta - y \rVert^2$.

    Args:
        X: Design matrix, shape (n, d), finite.
        y: Targets, shape (n,), finite.
        theta: Parameters, shape (d,), finite.

    Returns:
        The loss, a float (``torch.nn.MSELoss``'s mean over the n rows).

    Raises:
        ValueError: A shape mismatch or a non-finite entry, naming ``X``, ``y`` or ``theta``;
            or finite data whose residual or loss overflows float64 (never a silent NaN).
        TypeError: An argument that is not an array of real numbers, named.

    >>> mse(np.eye(2), np.array([1.0, 3.0]), np.zeros(2))
    5.0

    """
    _, residual = checked_residual(X, y, theta)
    with np.errstate(all="ignore"):  # overflow is reported by name, not warned about
        return float(finite_result(residual @ residual / residual.shape[0], "mse"))


def mse_grad(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    r"""Gradient of ``mse``: $\nabla f(\theta) = \frac2n X^\top (X\theta - y)$.

    Args:
        X: Design matrix, shape (n, d), finite.
        y: Targets, shape (n,), finite.
        theta: Parameters, shape (d,), finite.

    Returns:
        The gradient, a float64 array of shape (d,).

    Raises:
        ValueError: As ``mse``: a bad shape or entry, named, or an overflow of float64.
        TypeError: An argument that is not an array of real numbers, named.

    >>> mse_grad(np.eye(2), np.array([1.0, 3.0]), np.zeros(2)).tolist()
    [-1.0, -3.0]

    """
    X, residual = checked_residual(X, y, theta)
    with np.errstate(all="ignore"):
        return finite_result((2.0 / X.shape[0]) * (residual @ X), "mse_grad")


def _refuse_batch_size(caller: str, rows: str, options: dict[str, object]) -> None:
    """Say that ``caller`` fixes the batch, where Python would name the private ``fit_linear``."""
    if "batch_size" in options:
        raise TypeError(
            f"batch_size is not an argument of {caller}, whose steps each use {rows}: "
            "call minibatch_gd(X, y, batch_size=...) for another size"
        )


def batch_gd(X: np.ndarray, y: np.ndarray, **options: object) -> RegressionRun:
    r"""Batch gradient descent: every step uses all n rows (``fit_linear``, ``batch_size=None``).

    One step per epoch: $\theta \leftarrow \theta - \eta_e \frac2n X^\top (X\theta - y)$.

    Args:
        X: Design matrix, shape (n, d), finite.
        y: Targets, shape (n,), finite.
        **options: ``fit_linear``'s other keywords (``lr``, ``epochs``, ``seed``, ``shuffle``,
            ``lr_decay``, ``theta0``, ``record``), checked as there.

    Returns:
        A ``RegressionRun`` with ``batch_size`` n.

    Raises:
        ValueError: A bad argument, named in the message (as ``fit_linear``).
        TypeError: An argument of the wrong type, or ``batch_size`` among ``options``.

    >>> batch_gd(np.ones((4, 1)), np.ones(4), epochs=3).thetas.shape
    (4, 1)

    """
    _refuse_batch_size("batch_gd", "all n rows", options)
    return fit_linear(X, y, batch_size=None, **options)


def stochastic_gd(X: np.ndarray, y: np.ndarray, **options: object) -> RegressionRun:
    r"""Stochastic gradient descent: one row per step (``fit_linear`` with ``batch_size=1``).

    n steps per epoch, row $i$ of a fresh permutation each:
    $\theta \leftarrow \theta - 2 \eta_e x_i (x_i^\top \theta - y_i)$.

    Args:
        X: Design matrix, shape (n, d), finite.
        y: Targets, shape (n,), finite.
        **options: ``fit_linear``'s other keywords (``lr``, ``epochs``, ``seed``, ``shuffle``,
            ``lr_decay``, ``theta0``, ``record``), checked as there.

    Returns:
        A ``RegressionRun`` with ``batch_size`` 1.

    Raises:
        ValueError: A bad argument, named in the message (as ``fit_linear``).
        TypeError: An argument of the wrong type, or ``batch_size`` among ``options``.

    >>> stochastic_gd(np.ones((4, 1)), np.ones(4), epochs=3).thetas.shape
    (13, 1)

    """
    _refuse_batch_size("stochastic_gd", "one row", options)
    return fit_linear(X, y, batch_size=1, **options)


def minibatch_gd(
    X: np.ndarray, y: np.ndarray, batch_size: int = 32, **options: object
) -> RegressionRun:
    r"""Mini-batch gradient descent: ``batch_size`` rows per step (``fit_linear``).

    $\lceil n / b \rceil$ steps per epoch, each on a batch $B$ of a fresh permutation:
    $\theta \leftarrow \theta - \eta_e \frac{2}{|B|} X_B^\top (X_B \theta - y_B)$.

    Args:
        X: Design matrix, shape (n, d), finite.
        y: Targets, shape (n,), finite.
        batch_size: Rows per step $b$, in [1, n]; the default 32 needs n >= 32.
        **options: ``fit_linear``'s other keywords (``lr``, ``epochs``, ``seed``, ``shuffle``,
            ``lr_decay``, ``theta0``, ``record``), checked as there.

    Returns:
        A ``RegressionRun`` with ``batch_size`` b.

    Raises:
        ValueError: A bad argument, named in the message (``batch_size`` above n, say).
        TypeError: An argument of the wrong type.

    >>> minibatch_gd(np.ones((5, 1)), np.ones(5), batch_size=2, epochs=1).examples_seen.tolist()
    [0, 2, 4, 5]

    """
    return fit_linear(X, y, batch_size=batch_size, **options)

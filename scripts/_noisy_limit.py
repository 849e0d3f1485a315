r"""The largest rate at which a noisy step's error stays bounded in mean square, on least squares.

Batch descent on the mean squared error diverges above $2/L$. A mini-batch step multiplies the
error $e = \theta - \theta^*$ by $A = I - \eta H_B$, where $H_B$, the batch's own curvature (the
mean of $h_i = 2 X_i X_i^\top$ over its rows), changes from step to step. The error's second
moment $M = \mathbb{E}[e e^\top]$ then follows $M \mapsto \mathbb{E}[A M A]$ (plus terms from the
examples' gradients at the fit), and stays bounded while that map's spectral radius is below 1.
With $b$ rows drawn independently,

$$
\mathbb{E}[A \otimes A] = I \otimes I - \eta\,(H \otimes I + I \otimes H)
  + \eta^2 \Big(H \otimes H + \tfrac{1}{b}\big(\mathbb{E}[h \otimes h] - H \otimes H\big)\Big),
$$

so the batch's spread adds $\eta^2/b$ times the examples' own: one example a step has the lowest
limit, and $b = n$'s is $2/L$ only when the spread vanishes. The site's runs reshuffle each epoch
rather than draw with replacement, which this ignores.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gdlib.curvature import mse_curvatures


def step_map(hessians: np.ndarray, batch_size: int) -> Callable[[float], np.ndarray]:
    """Return lr -> E[A (x) A], A = I - lr H_B, H_B the mean of `batch_size` rows of `hessians`.

    `hessians` holds each example's own, shape `(n, d, d)`; the rows are drawn with replacement.
    """
    d = hessians.shape[1]
    mean = hessians.mean(axis=0)
    pairs = np.einsum("nij,nkl->ikjl", hessians, hessians).reshape(d * d, d * d) / len(hessians)
    outer = np.kron(mean, mean)
    second = outer + (pairs - outer) / batch_size  # E[H_B (x) H_B]
    eye = np.eye(d)
    linear = np.kron(mean, eye) + np.kron(eye, mean)
    return lambda lr: np.eye(d * d) - lr * linear + lr**2 * second


def mean_square_limit(X: np.ndarray, batch_size: int, grid: int = 400) -> float:
    r"""Return the largest rate at which mini-batch steps keep the error's mean square bounded.

    The loss is $\frac1n\|X\theta - y\|^2$ and a batch's rows are drawn with replacement. The
    rates that keep it bounded form one interval from 0 (the map is convex in the rate), and at
    $2/L$ the radius is at least 1, so the first grid rate at or past 1 brackets the crossing.

    Args:
        X: Design matrix, shape `(n, d)`.
        batch_size: Rows a step, at least 1.
        grid: Rates tried up to $2/L$ before the crossing is bisected, at least 1.

    Returns:
        The rate where the second moment's map reaches spectral radius 1.

    Examples:
    >>> X = np.array([[1.0], [3.0]])  # h = 2, 18: E[h] = 10, E[h^2] = 164
    >>> round(mean_square_limit(X, 1), 6), round(2 * 10 / 164, 6)  # E[(1 - lr h)^2] < 1
    (0.121951, 0.121951)
    >>> round(mean_square_limit(np.full((3, 1), 2.0), 1), 6)  # equal rows: no spread, 2/L
    0.25

    """
    if batch_size < 1:
        raise ValueError(f"Invalid batch_size: {batch_size} (at least 1)")
    if grid < 1:
        raise ValueError(f"Invalid grid: {grid} (at least 1)")
    lipschitz = float(mse_curvatures(X)[-1])  # also refuses an X that is no finite matrix
    hessians = 2 * np.einsum("ni,nj->nij", X, X)
    moment = step_map(hessians, batch_size)

    def bounded(lr: float) -> bool:
        return float(np.abs(np.linalg.eigvals(moment(lr))).max()) < 1

    rates = np.linspace(0, 2 / lipschitz, grid + 1)[1:]
    high = next((r for r in rates if not bounded(r)), rates[-1])
    low = high - rates[0]
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if bounded(middle) else (low, middle)
    return float((low + high) / 2)

r"""The mini-batch engine behind ``gdlib.regression``: epochs of steps, records and checks.

The checks (``check_theta``, ``checked_residual``, ``finite_result``) name a bad argument or a
result that overflowed float64.

A step costs a few NumPy calls on a (b, d) block: gather the batch rows, the residual
$X_B\theta - y_B$, the product $r^\top X_B$ and the update. Shuffling draws one
permutation per epoch and gathers each batch's rows with ``take`` as it goes, which reads X once
per epoch without an 80 MB shuffled copy (and gives exactly the rows a shuffled copy would).
"""

from __future__ import annotations

import numpy as np

from gdlib._validate import _float_array, check_data
from gdlib.curvature import mse_curvatures

__all__ = [
    "MAX_THETA_NORM",
    "check_theta",
    "checked_residual",
    "completed_message",
    "divergence_message",
    "examples_seen",
    "finite_result",
    "full_losses",
]

MAX_THETA_NORM = 1e12
"""The largest Euclidean norm of the parameters a regression run tracks: a step beyond it ends the
run as ``"diverged"`` (the parameter norm exceeded 1e+12). A fixed limit on the absolute size,
not relative to the data: a problem whose solution is that large (targets near 2e12 on unit
features, say) is reported as diverged even at a stable rate, so rescale y (or X) first."""
_CHUNK = 1 << 22  # elements of X @ thetas evaluated at once when computing recorded losses


def run_epoch(X, y, order, theta, batch_size, rate, sink):
    r"""Take one epoch of steps, one per batch B of rows in ``order``.

    $$
    \theta \leftarrow \theta - \eta \frac{2}{|B|} X_B^\top (X_B\theta - y_B)
    $$

    Args:
        X: Design matrix (n, d), float64, C-contiguous.
        y: Targets (n,).
        order: Row order for this epoch, or ``None`` for 0..n-1 (contiguous slices).
        theta: Parameters before the epoch.
        batch_size: Rows per step; the last batch holds the remaining rows.
        rate: Learning rate for this epoch.
        sink: A list that receives every new theta, or ``None``.

    Returns:
        ``(theta, steps, diverged)``: the last sound theta, the number of sound steps taken and
        whether the next step (number ``steps`` from 0) gave a non-finite theta or one whose
        norm passes ``MAX_THETA_NORM`` (the epoch stops there).

    >>> X = np.array([[1.0], [1.0]])
    >>> run_epoch(X, np.array([1.0, 3.0]), None, np.zeros(1), 2, 0.25, None)
    (array([1.]), 1, False)

    """
    n = y.shape[0]
    limit = MAX_THETA_NORM * MAX_THETA_NORM
    for k, start in enumerate(range(0, n, batch_size)):
        stop = min(start + batch_size, n)
        if order is None:
            Xb, yb = X[start:stop], y[start:stop]
        else:
            rows = order[start:stop]
            Xb, yb = X.take(rows, axis=0), y.take(rows)
        residual = Xb @ theta
        residual -= yb
        new = theta - (2.0 * rate / (stop - start)) * (residual @ Xb)
        if not new @ new <= limit:  # also catches NaN
            return theta, k, True
        theta = new
        if sink is not None:
            sink.append(theta)
    return theta, -(-n // batch_size), False


def full_losses(X: np.ndarray, y: np.ndarray, thetas: np.ndarray) -> np.ndarray:
    """Full-data mean squared error at each row of ``thetas``, in chunks to bound memory.

    >>> full_losses(np.eye(2), np.array([1.0, 3.0]), np.zeros((1, 2))).tolist()
    [5.0]
    """
    per_chunk = max(1, _CHUNK // X.shape[0])
    parts = []
    for start in range(0, thetas.shape[0], per_chunk):
        residual = X @ thetas[start : start + per_chunk].T - y[:, None]
        parts.append(np.einsum("ij,ij->j", residual, residual) / X.shape[0])
    return np.concatenate(parts)


def examples_seen(n: int, b: int, steps: int) -> np.ndarray:
    """Examples used after each of ``steps`` steps, the last batch of each epoch being short.

    >>> examples_seen(5, 2, 4).tolist()
    [0, 2, 4, 5, 7]
    """
    per_epoch = np.full(-(-n // b), b)
    per_epoch[-1] = n - b * (len(per_epoch) - 1)
    sizes = np.tile(per_epoch, -(-steps // len(per_epoch)))[:steps]
    return np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)


def completed_message(epochs: int, steps: int) -> str:
    """How a run that finished its epochs ended, one count and noun each.

    >>> completed_message(1, 1)
    'completed 1 epoch of 1 step'
    """
    return f"completed {epochs} epoch{'s' * (epochs != 1)} of {steps} step{'s' * (steps != 1)}"


def divergence_message(X: np.ndarray, lr: float, epoch: int, step: int) -> str:
    """Say where a run diverged and, when it applies, that ``lr`` is above 2/L of the full loss.

    >>> for part in divergence_message(np.ones((4, 1)), 2.0, 0, 3).split("; "):
    ...     print(part)
    diverged in epoch 1 at step 4: parameter norm exceeded 1e+12
    learning rate 2 is above 2/L = 1 for the full-data loss
    """
    try:
        lipschitz = float(mse_curvatures(X)[-1])
    except ValueError:  # X^T X overflows: no limit to quote
        lipschitz = 0.0
    hint = ""
    if lipschitz > 0 and lr > 2.0 / lipschitz:
        hint = f"; learning rate {lr:g} is above 2/L = {2.0 / lipschitz:.3g} for the full-data loss"
    return (
        f"diverged in epoch {epoch + 1} at step {step + 1}: parameter norm exceeded "
        f"{MAX_THETA_NORM:.0e}{hint}"
    )


def check_theta(theta: object, d: int, name: str = "theta0") -> np.ndarray:
    """Check parameters of shape (d,) with finite entries and return a float64 copy.

    >>> check_theta([1, 2], 2)
    array([1., 2.])
    """
    theta = _float_array(theta, name).copy()
    if theta.shape != (d,):
        raise ValueError(f"{name} must have shape ({d},), got {theta.shape}")
    if not np.isfinite(theta).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    return theta


def finite_result(value, what: str):
    """Return ``value`` when all of it is finite; else say that ``what`` overflowed float64.

    Finite but huge data can overflow: ``inf - inf`` in ``X @ theta`` would be a silent NaN.

    >>> finite_result(np.array([np.inf]), "mse")
    Traceback (most recent call last):
    ValueError: mse overflows float64: X, y or theta are too large; rescale them
    """
    # min and max carry any NaN or infinity without a temporary array as long as `value`
    # (the batch page measures the gradient's peak memory)
    if not (np.isfinite(np.min(value)) and np.isfinite(np.max(value))):
        raise ValueError(f"{what} overflows float64: X, y or theta are too large; rescale them")
    return value


def checked_residual(X: object, y: object, theta: object) -> tuple[np.ndarray, np.ndarray]:
    """Check the arguments of ``mse``/``mse_grad`` by name; return X and ``X theta - y``."""
    X, y = check_data(X, y)
    theta = check_theta(theta, X.shape[1], "theta")
    with np.errstate(all="ignore"):  # overflow is reported by name, not warned about
        return X, finite_result(X @ theta - y, "X @ theta - y")

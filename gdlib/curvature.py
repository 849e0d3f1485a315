r"""Curvature: a surface's Hessian at a point by central differences, and the regression loss's.

The Hessian $\nabla^2 f$ says how the gradient turns as the point moves. Its largest eigenvalue
$\lambda_{\max}$ sets the stability limit $2 / \lambda_{\max}$ of a fixed rate near the point, and
on a quadratic $f(x) = \tfrac12 (x - x^*)^\top A (x - x^*)$ it is $A$ everywhere: the valley
$x^2 + 10y^2$ has eigenvalues $(2, 20)$. Only the gradient is needed, never $f$ itself. The
regression loss ``gdlib.regression.mse`` is a quadratic too, and ``mse_curvatures`` gives its
Hessian's eigenvalues in closed form, from the data alone.
"""

from __future__ import annotations

import numpy as np

from gdlib._validate import _float_array, check_design, check_finite, check_point

__all__ = ["hessian", "hessian_eigenvalues", "mse_curvatures"]


def hessian(grad: object, point: object, h: float = 1e-4) -> np.ndarray:
    r"""Return the Hessian at a point by central differences of the gradient.

    With $H = \nabla^2 f(p)$ and $e_j$ the $j$-th unit vector,

    $$
    H e_j \approx \frac{\nabla f(p + h e_j) - \nabla f(p - h e_j)}{2h}
    $$

    Column $j$ of $H$ is that difference: exact up to rounding when $f$ is quadratic (its
    gradient is linear), with an error of order $h^2$ otherwise. The matrix is returned as
    measured, not symmetrised, so a caller can see how far rounding took it from symmetric.

    Args:
        grad: The gradient, a function of a point of shape ``(2,)`` (a ``Surface``'s ``grad``).
        point: Where to take the Hessian, shape ``(2,)``.
        h: The difference step (> 0), large enough to move ``point``.

    Returns:
        The 2 x 2 matrix, row $i$ holding the derivatives of $\partial f / \partial x_i$.

    Raises:
        TypeError: ``grad`` is not callable or returns anything but real numbers (complex,
            bools, strings), ``point`` is not an array of real numbers, or ``h`` is not a real
            number.
        ValueError: ``point`` is not a finite point of shape ``(2,)``; ``h`` is not above zero
            or too small to move ``point``; ``grad`` returns another shape, or a gradient that
            is not finite within ``h`` of ``point``.

    >>> from gdlib.surfaces import get_surface
    >>> hessian(get_surface("valley").grad, (0.3, -0.7), h=1.0).tolist()
    [[2.0, 0.0], [0.0, 20.0]]

    """
    if not callable(grad):
        raise TypeError(f"grad must be callable, got {type(grad).__name__}")
    p = check_point(point, "point")
    h = check_finite(h, "h")
    if not (h > 0.0 and np.all(p + h != p)):  # a step lost in p's rounding measures nothing
        raise ValueError(f"h must be above zero and move point {p.tolist()}, got {h}")
    # complex, bool or string gradients are refused by name (numpy would drop, or choke on, them)
    pairs = [
        [_float_array(grad(p + s * h * e), "grad's result") for s in (1.0, -1.0)] for e in np.eye(2)
    ]
    if wrong := [np.shape(g) for pair in pairs for g in pair if np.shape(g) != (2,)]:
        raise ValueError(f"grad must return shape (2,), got {wrong[0]}")
    with np.errstate(invalid="ignore", over="ignore"):  # checked below, with a clear message
        matrix = np.column_stack([(ahead - behind) / (2 * h) for ahead, behind in pairs])
    if not np.isfinite(matrix).all():
        raise ValueError(f"the gradient is not finite within h = {h} of point {p.tolist()}")
    return matrix


def hessian_eigenvalues(grad: object, point: object, h: float = 1e-4) -> np.ndarray:
    r"""Return the Hessian's eigenvalues at a point, ascending, by central differences.

    The matrix from ``hessian`` is symmetrised, $(H + H^\top) / 2$, before its eigenvalues are
    taken. The largest, $\lambda_{\max}$, sets the stability limit $2 / \lambda_{\max}$ there.

    Args:
        grad: The gradient, a function of a point of shape ``(2,)`` (a ``Surface``'s ``grad``).
        point: Where to take the Hessian, shape ``(2,)``.
        h: The difference step (> 0).

    Returns:
        The two eigenvalues, smallest first.

    Raises:
        TypeError, ValueError: As ``hessian``, for the same arguments.

    >>> from gdlib.surfaces import get_surface
    >>> hessian_eigenvalues(get_surface("valley").grad, (0.3, -1.0)).round(6).tolist()
    [2.0, 20.0]

    """
    matrix = hessian(grad, point, h)
    return np.linalg.eigvalsh((matrix + matrix.T) / 2)


def mse_curvatures(X: object) -> np.ndarray:
    r"""Return the eigenvalues of the regression loss's Hessian, ascending.

    The loss $f(\theta) = \frac1n \lVert X\theta - y \rVert^2$ (``gdlib.regression.mse``) has
    the same Hessian at every $\theta$, whatever the targets $y$:

    $$
    \nabla^2 f = \frac2n X^\top X
    $$

    The last eigenvalue is $L$, the gradient's Lipschitz constant: at a fixed rate above $2 / L$,
    batch descent diverges from any start whose offset from the minimiser has a part along
    $L$'s eigenvectors. The first is $m$, the strong convexity constant: zero when X's
    columns are dependent, which rounding can turn into a tiny number of either sign.

    Args:
        X: The design matrix, shape ``(n, d)``, finite, one example a row.

    Returns:
        The d eigenvalues, smallest first.

    Raises:
        TypeError: ``X`` is not an array of real numbers.
        ValueError: ``X`` is not a finite (n, d) matrix, or the Hessian $\frac2n X^\top X$
            overflows float64.

    >>> mse_curvatures([[1.0, 0.0], [0.0, 2.0]]).tolist()
    [1.0, 4.0]

    """
    X = check_design(X)
    with np.errstate(all="ignore"):  # overflow is reported by name, not warned about
        hessian_matrix = 2.0 / X.shape[0] * X.T @ X
    if not np.isfinite(hessian_matrix).all():
        raise ValueError("X is too large: its Hessian 2/n X^T X overflows float64")
    return np.linalg.eigvalsh(hessian_matrix)

r"""Linear convergence rates of gradient descent on a quadratic: predicted and measured.

On $f(x) = \tfrac12 (x - x^*)^\top A (x - x^*)$ a step of rate $\eta$ multiplies the error
along the eigenvector of eigenvalue $\lambda$ by $1 - \eta\lambda$, so the error norm shrinks
at worst by

$$
\begin{aligned}
\rho(\eta) &= \max_i \lvert 1 - \eta\lambda_i \rvert, \\[4pt]
\eta^\star &= \frac{2}{\lambda_{\min} + \lambda_{\max}}, \\[4pt]
\rho(\eta^\star) &= \frac{\kappa - 1}{\kappa + 1}, \quad
\kappa = \frac{\lambda_{\max}}{\lambda_{\min}} .
\end{aligned}
$$

``predicted_rate`` gives $\rho$, ``measured_rate`` the per-step contraction of a real run (the
geometric mean of $\lVert x_{k+1} - x^* \rVert / \lVert x_k - x^* \rVert$), so a page can set the
two side by side. The eigenvalues are those of the Hessian $\nabla^2 f = A$: the valley
$x^2 + 10y^2$ has $(2, 20)$, and ``gdlib.curvature`` finds them from any gradient.
"""

from __future__ import annotations

import math
import sys

import numpy as np

from gdlib._validate import (
    check_eigenvalues,
    check_fraction,
    check_int,
    check_lr,
    check_point,
    check_points,
)

__all__ = [
    "best_fixed_rate",
    "condition_number",
    "measured_rate",
    "predicted_rate",
    "steps_to_shrink",
]


def condition_number(eigenvalues: object) -> float:
    r"""$\kappa = \lambda_{\max} / \lambda_{\min}$ of a positive definite Hessian.

    Args:
        eigenvalues: The Hessian's eigenvalues, positive and finite, in any order.

    Returns:
        The condition number, 1 or more.

    Raises:
        TypeError: ``eigenvalues`` holds anything but real numbers.
        ValueError: ``eigenvalues`` is not a non-empty 1-D sequence of positive finite values.

    >>> condition_number((2.0, 20.0))
    10.0

    """
    values = check_eigenvalues(eigenvalues)
    return float(values.max() / values.min())


def best_fixed_rate(eigenvalues: object) -> float:
    r"""Return $\eta^\star = 2 / (\lambda_{\min} + \lambda_{\max})$, the rate minimising $\rho$.

    Args:
        eigenvalues: The Hessian's eigenvalues, positive and finite, in any order.

    Returns:
        The best fixed rate, below $2 / \lambda_{\max}$.

    Raises:
        TypeError: ``eigenvalues`` holds anything but real numbers.
        ValueError: ``eigenvalues`` is not a non-empty 1-D sequence of positive finite values.

    >>> round(best_fixed_rate((2.0, 20.0)), 6)
    0.090909

    """
    values = check_eigenvalues(eigenvalues)
    # 1 / mean rather than 2 / sum: the sum of two eigenvalues near 1e308 overflows (rate 0.0)
    return float(1.0 / (0.5 * values.min() + 0.5 * values.max()))


def predicted_rate(eigenvalues: object, lr: float | None = None) -> float:
    r"""Worst per-step contraction $\rho(\eta) = \max_i \lvert 1 - \eta\lambda_i \rvert$.

    Args:
        eigenvalues: Eigenvalues of the Hessian, positive and finite.
        lr: The rate $\eta > 0$; ``None`` means ``best_fixed_rate(eigenvalues)``, where
            $\rho = (\kappa - 1)/(\kappa + 1)$.

    Returns:
        $\rho$; the run converges from every start exactly when $\rho < 1$.

    Raises:
        TypeError: ``eigenvalues`` or ``lr`` holds anything but real numbers.
        ValueError: ``eigenvalues`` as in ``condition_number``, or ``lr`` not positive and finite.

    >>> kappa = condition_number((2.0, 20.0))
    >>> round(predicted_rate((2.0, 20.0)), 12) == round((kappa - 1) / (kappa + 1), 12)
    True
    >>> predicted_rate((2.0, 20.0), lr=0.1)  # exactly 2/L: the stiff direction bounces
    1.0

    """
    values = check_eigenvalues(eigenvalues)
    eta = best_fixed_rate(values) if lr is None else check_lr(lr)
    return float(np.max(np.abs(1.0 - eta * values)))


def measured_rate(
    positions: object, minimum: object, start: int = 0, stop: int | None = None
) -> float:
    r"""Measure a run's per-step contraction $(e_b / e_a)^{1/(b - a)}$ over iterates a to b.

    $e_k = \lVert x_k - x^* \rVert$ is the distance of iterate $k$ to the minimiser, so the
    result is the geometric mean of the ratios $e_{k+1} / e_k$ over the window.

    Args:
        positions: Iterates, shape ``(n + 1, 2)`` (a ``Trajectory``'s ``positions``).
        minimum: The minimiser $x^*$, shape ``(2,)``.
        start: First iterate $a$ of the window (>= 0).
        stop: Last iterate $b$ of the window (> start); ``None`` means the last one.

    Returns:
        The measured factor per step.

    Raises:
        ValueError: A bad window, or an end of the window (iterate a or b) that is not finite or
            sits exactly on the minimum (the ratio is then undefined); the iterates between are
            not used.
        TypeError: ``start`` or ``stop`` not an integer (``stop`` may be ``None``), or
            ``positions`` or ``minimum`` not real numbers.

    >>> from gdlib.descent import descend
    >>> run = descend("valley", (-2.5, 1.0), lr=best_fixed_rate((2.0, 20.0)), max_iter=40)
    >>> round(measured_rate(run.positions, (0.0, 0.0)), 6), round(9 / 11, 6)
    (0.818182, 0.818182)

    """
    points = check_points(positions, "positions")
    if points.ndim != 2 or points.shape[0] < 2:
        raise ValueError(f"positions must have shape (n + 1, 2) with n >= 1, got {points.shape}")
    last = points.shape[0] - 1
    stop = last if stop is None else check_int(stop, "stop", 1, last)
    start = check_int(start, "start", 0, stop - 1)
    gaps = points[[start, stop]] - check_point(minimum, "minimum")
    errors = np.hypot(gaps[:, 0], gaps[:, 1])  # no underflow for iterates 1e-300 away
    if not (np.isfinite(errors).all() and (errors > 0).all()):
        raise ValueError(f"iterates {start} and {stop} must be finite and off the minimum")
    return float((errors[1] / errors[0]) ** (1.0 / (stop - start)))


def steps_to_shrink(rate: float, factor: float) -> int:
    r"""Count the fewest steps $k$ with $\rho^k \le \phi$: those that shrink an error by $\phi$.

    ``rate`` is $\rho$ and ``factor`` is $\phi$, both in (0, 1). The count is
    $\lceil \ln \phi / \ln \rho \rceil$ up to rounding: it is settled in floating point, so
    ``0.1 ** 2`` (0.010000000000000002) does not reach 0.01.

    Args:
        rate: The factor per step $\rho$, in (0, 1).
        factor: The shrink wanted $\phi$, in (0, 1).

    Returns:
        The step count $k$, 1 or more.

    Raises:
        TypeError: ``rate`` or ``factor`` is not a real number.
        ValueError: ``rate`` or ``factor`` is not strictly between 0 and 1, or ``factor`` is
            below ``sys.float_info.min`` (2.2e-308): among subnormal numbers $\rho^k$ cannot
            tell one step from the next, and the count would be a guess.

    >>> steps_to_shrink(0.5, 1e-3)
    10
    >>> steps_to_shrink(0.1, 0.01)
    3

    """
    rate, factor = check_fraction(rate, "rate"), check_fraction(factor, "factor")
    if factor < sys.float_info.min:  # the search below would step through ~1e14 equal powers
        raise ValueError(
            f"Invalid factor value: {factor} (must be >= sys.float_info.min, 2.2e-308)"
        )
    steps = max(1, math.ceil(math.log(factor) / math.log(rate)))
    # The logarithms round; settle on the least k with rate ** k <= factor in floating point.
    while steps > 1 and rate ** (steps - 1) <= factor:
        steps -= 1
    while rate**steps > factor:
        steps += 1
    return steps

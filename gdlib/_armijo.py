r"""One backtracking (Armijo) line search; ``gdlib.linesearch`` runs descent with it.

From a point $x$ with gradient $g$, try $\eta_0, \beta\eta_0, \beta^2\eta_0, \dots$ and accept
the first rate that passes $f(x - \eta g) \le f(x) - c\,\eta\,\lVert g \rVert^2$. When no
trial passes, the step says why that may be: the first rate too large for the trials allowed, or
$-g$ not a descent direction (f not differentiable at $x$, or $g$ not its gradient).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from gdlib._validate import _real, check_finite, check_fraction, check_int, check_lr, check_point

__all__ = ["BacktrackingStep", "backtracking_step"]
ACCEPTED = "accepted: the rate passed the Armijo test"
NO_STEP = (
    "no step of {0} trials passed the Armijo test at {1} (rates {2:.3g} down to {3:.3g}): the "
    "first rate lr may be too large for max_backtracks = {0} trials (lower lr or raise "
    "max_backtracks), or -gradient is not a descent direction there (f is not differentiable "
    "at that point, or the gradient is wrong), or the gradient is so small that f's rounding "
    "hides the decrease"
)


class BacktrackingStep(NamedTuple):
    r"""One line search: the accepted rate, the new point and value, and the ``f`` evaluations.

    Attributes:
        lr: The accepted rate $\eta$; 0.0 when no trial passed.
        point: $x - \eta g$, or $x$ itself when no trial passed.
        value: ``f`` at ``point``.
        evaluations: Values of ``f`` computed (the trials).
        accepted: Whether a trial passed the Armijo test.
        message: One sentence: the rate accepted, or why none was (with what to try).

    """

    lr: float
    point: np.ndarray
    value: float
    evaluations: int
    accepted: bool
    message: str


def _check_search(lr, c, shrink, max_backtracks) -> tuple[float, float, float, int]:
    """Check the search's settings, shared with ``descend_backtracking``."""
    lr, c, shrink = check_lr(lr), check_fraction(c, "c"), check_fraction(shrink, "shrink")
    return lr, c, shrink, check_int(max_backtracks, "max_backtracks", 1)


def backtracking_step(
    f: Callable[[np.ndarray], float],
    point: np.ndarray,
    value: float,
    gradient: np.ndarray,
    lr: float = 1.0,
    c: float = 1e-4,
    shrink: float = 0.5,
    max_backtracks: int = 60,
) -> BacktrackingStep:
    r"""Shrink $\eta$ from ``lr`` until $f(x - \eta g) \le f(x) - c\,\eta\,\lVert g \rVert^2$.

    A trial whose value is not finite fails the test and is shrunk like any other.

    Args:
        f: The function, called on points of shape ``(2,)``; it returns a real number.
        point: $x$; ``value`` is $f(x)$ and ``gradient`` is $g = \nabla f(x)$.
        value: $f(x)$.
        gradient: $\nabla f(x)$.
        lr: First trial rate $\eta_0 > 0$.
        c: Armijo constant in (0, 1).
        shrink: Factor $\beta$ in (0, 1) applied after each failed trial.
        max_backtracks: Trials before giving up (>= 1).

    Returns:
        A ``BacktrackingStep``. When no trial passed, ``accepted`` is False, the point unchanged
            and ``message`` says why that may be: ``lr`` too large for ``max_backtracks`` trials,
            or $-g$ not a descent direction (``f`` not differentiable at $x$, or ``gradient``
            not its gradient there), or $g$ so small that ``f``'s rounding hides the decrease.

    Raises:
        ValueError: ``lr``, ``c``, ``shrink`` or ``max_backtracks`` out of range, or ``value``,
            ``point`` or ``gradient`` not finite (or not of shape ``(2,)``), named.
        TypeError: ``f`` not callable or returning anything but a real number (an array of
            another shape than a 0-d one, a string, a complex number), or a setting of the wrong
            type, named.

    >>> from gdlib import get_surface
    >>> bowl = get_surface("bowl")
    >>> x = np.array([2.0, 2.0])
    >>> step = backtracking_step(bowl.f, x, bowl.f(x), bowl.grad(x), lr=4.0)
    >>> step.lr, step.point.tolist(), step.value, step.evaluations
    (0.5, [0.0, 0.0], 0.0, 4)

    """
    if not callable(f):
        raise TypeError(f"f must be callable (a point -> its value), got {type(f).__name__}")
    lr, c, shrink, max_backtracks = _check_search(lr, c, shrink, max_backtracks)
    # A NaN value would fail every trial and look like a step too large for any rate.
    value = check_finite(value, "value")
    point, gradient = check_point(point, "point"), check_point(gradient, "gradient")
    return _search(f, point, value, gradient, lr, c, shrink, max_backtracks)


def _value_of(out: object) -> float:
    """Return ``f``'s value at one point as a float (NaN and inf pass), or raise naming ``f``."""
    try:
        return _real(out, "f")
    except TypeError:
        array = isinstance(out, np.ndarray)
        got = f"an array of shape {out.shape}, dtype {out.dtype}" if array else type(out).__name__
        raise TypeError(f"f must return a real number (its value at a point), got {got}") from None


def _search(f, point, value, gradient, lr, c, shrink, max_backtracks) -> BacktrackingStep:
    """Run the search on checked arguments (``descend_backtracking`` checks them once a run)."""
    grad_sq = float(gradient @ gradient)
    eta = lr
    for trial in range(1, max_backtracks + 1):
        candidate = point - eta * gradient
        new_value = _value_of(f(candidate))
        if new_value <= value - c * eta * grad_sq:  # NaN compares False: shrink
            return BacktrackingStep(eta, candidate, new_value, trial, True, ACCEPTED)
        eta *= shrink
    message = NO_STEP.format(max_backtracks, point.tolist(), lr, eta / shrink)
    return BacktrackingStep(0.0, point, value, max_backtracks, False, message)

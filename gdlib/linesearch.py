r"""Backtracking (Armijo) line search: gradient descent that finds its own step size.

Plain gradient descent needs a rate below $2/L$, and $L$ is rarely known. Backtracking needs
no $L$: at each iterate it tries a large step $\eta$ along $-\nabla f$ and shrinks it
($\eta \leftarrow \beta\eta$) until the Armijo (sufficient decrease) condition holds,

$$
f\bigl(x - \eta \nabla f(x)\bigr) \le f(x) - c\, \eta\, \lVert \nabla f(x) \rVert^2
$$

for a constant $0 < c < 1$.

On a surface whose gradient is $L$-Lipschitz every $\eta \le 2(1 - c)/L$ passes, so the accepted
step is at least $\min(\eta_0, 2\beta(1 - c)/L)$ and $f$ never increases. The loop keeps
``gdlib.descent``'s gradient test and iteration cap and adds ``"stalled"``: no trial decreased
``f`` enough (the message says where, and that ``lr`` may be too large for the trials allowed or
``f`` not differentiable there), or the accepted step left the point unchanged (``f``'s rounding
alone).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from gdlib._armijo import BacktrackingStep, _check_search, _search, backtracking_step
from gdlib._converged import GRAD_TOL, _converged
from gdlib._divergence import _divergence, _divergence_hint
from gdlib._validate import check_int, check_nonnegative, check_point
from gdlib.surfaces import Surface, _as_surface

__all__ = ["BacktrackingStep", "LineSearchRun", "backtracking_step", "descend_backtracking"]
STALLED_BY_ROUNDING = "stalled: the accepted step left the point unchanged (f's rounding)"


class LineSearchRun(NamedTuple):
    """A backtracking run: ``descend``'s ``Trajectory`` fields plus each step's rate and cost.

    ``positions``, ``values``, ``gradients``, ``criterion``, ``message`` and ``iterations`` are as
    in ``Trajectory``.

    Attributes:
        status: ``"converged"``, ``"diverged"``, ``"max_iter"`` or ``"stalled"``.
        step_sizes: Accepted rate of each step, shape ``(n,)``.
        evaluations: Values of ``f`` computed by each step's search, shape ``(n,)``.

    """

    positions: np.ndarray
    values: np.ndarray
    gradients: np.ndarray
    status: str
    criterion: str | None
    message: str
    iterations: int
    step_sizes: np.ndarray
    evaluations: np.ndarray


def descend_backtracking(
    surface: Surface | str,
    start: object,
    lr: float = 1.0,
    c: float = 1e-4,
    shrink: float = 0.5,
    max_iter: int = 1000,
    grad_tol: float = GRAD_TOL,
    max_backtracks: int = 60,
) -> LineSearchRun:
    r"""Gradient descent with a backtracking (Armijo) line search at every step.

    $x_{k+1} = x_k - \eta_k \nabla f(x_k)$, where $\eta_k$ is the first of
    $\eta_0, \beta\eta_0, \beta^2\eta_0, \dots$ that passes the Armijo condition
    $f(x_{k+1}) \le f(x_k) - c\,\eta_k \lVert \nabla f(x_k) \rVert^2$.

    Args:
        surface: A ``Surface`` or the name of one in ``SURFACES``.
        start: Start point, shape ``(2,)``, finite.
        lr: First trial rate $\eta_0$ of each step (> 0); it may be far above $2/L$.
        c: Armijo constant in (0, 1).
        shrink: Backtracking factor $\beta$ in (0, 1).
        max_iter: Largest number of steps (>= 0).
        grad_tol: Converged when the gradient norm is at most this (>= 0; by default
            ``gdlib.descent.GRAD_TOL``, as for ``descend``).
        max_backtracks: Trials per step before the run stops as ``"stalled"`` (>= 1).

    Returns:
        A ``LineSearchRun``.

    Raises:
        ValueError: A bad argument, named (``TypeError`` for a wrong type), as ``descend``.

    >>> run = descend_backtracking("valley", (-2.5, 1.0), lr=1.0)  # ten times 2/L = 0.1
    >>> run.status, run.iterations, run.step_sizes[:3].tolist()
    ('converged', 63, [0.0625, 0.125, 0.0625])

    """
    surface = _as_surface(surface)
    point = check_point(start, "start")
    lr, c, shrink, max_backtracks = _check_search(lr, c, shrink, max_backtracks)
    max_iter = check_int(max_iter, "max_iter", 0)
    grad_tol = check_nonnegative(grad_tol, "grad_tol")
    with np.errstate(all="ignore"):  # an overflowing trial fails the test, never warns
        return _loop(surface, point, lr, c, shrink, max_iter, grad_tol, max_backtracks)


def _loop(surface, point, lr, c, shrink, max_iter, grad_tol, max_backtracks) -> LineSearchRun:
    """Run the line search; ``descend_backtracking`` has checked the arguments."""
    value, gradient = float(surface.f(point)), surface.grad(point)
    reason = _divergence(point, value, gradient)
    if reason is not None:
        raise ValueError(f"start {point.tolist()} is outside the region descent tracks: {reason}")
    records, rates, costs = [(point, value, gradient)], [], []
    status, criterion, message = "max_iter", None, f"stopped: reached max_iter = {max_iter}"
    while True:
        grad_norm = math.hypot(gradient[0], gradient[1])
        if grad_norm <= grad_tol:
            status, criterion = "converged", "grad_tol"
            message = _converged("gradient norm", grad_norm, grad_tol)
            break
        if len(rates) == max_iter:
            break
        step = _search(surface.f, point, value, gradient, lr, c, shrink, max_backtracks)
        if not step.accepted or np.array_equal(step.point, point):  # the latter: f's rounding
            status = "stalled"
            message = STALLED_BY_ROUNDING if step.accepted else f"stalled: {step.message}"
            break
        point, value, gradient = step.point, step.value, surface.grad(step.point)
        reason = _divergence(point, value, gradient)
        if reason is not None:
            status = "diverged"
            message = f"diverged: {reason}{_divergence_hint(surface, None, None, reason)}"
            break
        records.append((point, value, gradient))
        rates.append(step.lr)
        costs.append(step.evaluations)
    arrays = (np.array(column) for column in zip(*records, strict=True))
    return LineSearchRun(
        *arrays, status, criterion, message, len(rates), np.array(rates), np.array(costs, int)
    )

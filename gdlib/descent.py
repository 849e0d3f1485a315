"""The descent loop on a 2-D surface and its stopping rules (mirrored line for line in JavaScript).

At each iterate ``k`` (the start is iterate 0) the rules are checked in this order:

1. diverged if the value or the gradient is not finite, ``|value| > MAX_VALUE`` or the Euclidean
   norm of the position exceeds ``MAX_POSITION`` (that iterate is not recorded);
2. converged by ``grad_tol`` if ``||grad|| <= grad_tol`` (Euclidean norm);
3. stop at ``max_iter`` if ``k == max_iter``;
4. take the step; after recording the new iterate, converged by ``step_tol`` if
   ``||step|| <= step_tol``, else by ``value_tol`` if ``|f(new) - f(old)| <= value_tol``.
   A tolerance of 0 switches its test off: a period-2 bounce at exactly ``lr = 2/L`` changes
   the value by exactly 0 and must not be called converged.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import NamedTuple

import numpy as np

from gdlib._converged import GRAD_TOL, STEP_TOL, _converged
from gdlib._divergence import MAX_POSITION, MAX_VALUE, _divergence, _divergence_hint
from gdlib._validate import check_int, check_nonnegative, check_point
from gdlib.optimizers import GradientTransformation, get_optimizer
from gdlib.surfaces import Surface, _as_surface

__all__ = ["GRAD_TOL", "MAX_POSITION", "MAX_VALUE", "STEP_TOL", "Trajectory", "descend"]


class Trajectory(NamedTuple):
    """A descent run: the iterates, why it stopped, and a sentence saying so.

    Attributes:
        positions: Iterates, shape ``(n + 1, 2)``; row 0 is the start.
        values: ``f`` at each iterate, shape ``(n + 1,)``.
        gradients: Gradient at each iterate, shape ``(n + 1, 2)``.
        status: ``"converged"``, ``"diverged"`` or ``"max_iter"``.
        criterion: ``"grad_tol"``, ``"step_tol"``, ``"value_tol"`` or ``None``.
        message: Why it stopped, in words, e.g. ``"converged: gradient norm 9.9e-07 <= 1e-06"``.
        iterations: Steps recorded, ``n``.

    """

    positions: np.ndarray
    values: np.ndarray
    gradients: np.ndarray
    status: str
    criterion: str | None
    message: str
    iterations: int


def _build(optimizer: object, lr: object, hyper: Mapping[str, object] | None):
    """Return the optimizer, with its name and rate when the divergence hint can use them.

    Both are None for an optimizer object (``descend`` does not know its rate); the name is None
    when momentum is on, since 2/L bounds descent without momentum only.
    """
    if isinstance(optimizer, GradientTransformation):
        if lr is not None or hyper:
            raise TypeError("lr and hyper go in the optimizer object, e.g. sgd(0.1, momentum=0.5)")
        return optimizer, None, None
    if not isinstance(optimizer, str):
        kind = type(optimizer).__name__
        raise TypeError(f"optimizer must be a name or a GradientTransformation, got {kind}")
    if hyper is not None and not isinstance(hyper, Mapping):
        kind = type(hyper).__name__
        raise TypeError(f"hyper must be a mapping such as {{'momentum': 0.5}}, got {kind}")
    lr, hyper = 0.01 if lr is None else lr, dict(hyper or {})
    opt = get_optimizer(optimizer, lr, **hyper)
    return opt, None if hyper.get("momentum") else optimizer, float(lr)


def descend(
    surface: Surface | str,
    start: object,
    optimizer: str | GradientTransformation = "gd",
    lr: float | None = None,
    max_iter: int = 1000,
    grad_tol: float = GRAD_TOL,
    step_tol: float = STEP_TOL,
    value_tol: float = 0.0,
    *,
    hyper: Mapping[str, object] | None = None,
) -> Trajectory:
    r"""Descend ``surface`` from ``start`` until one of ``gdlib.descent``'s rules 1 to 4 stops it.

    Each step is $p_{k+1} = p_k + \text{step}_k$ where the optimizer turns
    $\nabla f(p_k)$ into the step; plain ``gd`` gives
    $p_{k+1} = p_k - \eta \nabla f(p_k)$.

    Args:
        surface: A ``Surface`` or the name of one in ``SURFACES``.
        start: Start point, shape ``(2,)``, finite.
        optimizer: A name in ``gdlib.optimizers.OPTIMIZERS``, or an optimizer object (a
            ``GradientTransformation`` such as ``sgd(0.1, momentum=0.5)``) that carries its own
            rate and hyperparameters; then ``lr`` and ``hyper`` must not be given, and a
            divergence message gives no 2/L hint (descend does not know the rate).
        lr: Learning rate (> 0) of a named optimizer; ``None`` means 0.01.
        max_iter: Largest number of steps (>= 0).
        grad_tol: Converged when the gradient norm is at most this (>= 0).
        step_tol: Converged when a step's norm is at most this (>= 0; 0 switches the test off).
        value_tol: Converged when ``|f(new) - f(old)|`` is at most this (>= 0; 0, the default,
            switches the test off).
        hyper: Extra optimizer hyperparameters (torch.optim names), e.g. ``{"momentum": 0.5}``.

    Returns:
        A ``Trajectory``; divergence is reported in ``status``, never as NaN in the arrays.
            The limits of rule 1, ``MAX_VALUE`` (1e12 on ``|f|``) and ``MAX_POSITION`` (1e6 on
            the position's norm), are absolute, not relative to the problem: a run towards a
            minimum 2e6 from the origin, or over values above 1e12, is reported as diverged even
            when its steps contract, and the message's hint (a rate too large) is then wrong.
            Rescale such a problem first (shift or scale x and y, divide f by a constant).

    Raises:
        ValueError: A bad argument, named in the message, or a start already beyond the limits;
            an adaptive optimizer's gradient so large (above about 1e154) that its square
            overflows float64.
        TypeError: An argument of the wrong type (``max_iter=2.0``), an optimizer object given
            with ``lr`` or hyperparameters, or an unknown hyperparameter.

    >>> run = descend("bowl", (2.0, 2.0))
    >>> run.status, run.criterion, run.iterations
    ('converged', 'grad_tol', 770)
    >>> for part in descend("bowl", (2.0, 2.0), lr=1.5).message.split("; "):
    ...     print(part)
    diverged: value 2.2e+12 exceeded 1e+12 in magnitude
    learning rate 1.5 is above 2/L = 1 for this surface
    >>> from gdlib.optimizers import sgd
    >>> descend("valley", (2, 2), optimizer=sgd(0.1, momentum=0.5)).status
    'converged'

    """
    surface = _as_surface(surface)
    point = check_point(start, "start")
    opt, name, rate = _build(optimizer, lr, hyper)
    max_iter = check_int(max_iter, "max_iter", 0)
    grad_tol = check_nonnegative(grad_tol, "grad_tol")
    step_tol = check_nonnegative(step_tol, "step_tol")
    value_tol = check_nonnegative(value_tol, "value_tol")
    with np.errstate(all="ignore"):  # overflow is detected below, never warned about
        return _loop(surface, point, opt, name, rate, max_iter, grad_tol, step_tol, value_tol)


def _loop(
    surface, point, opt, optimizer, lr, max_iter, grad_tol, step_tol, value_tol
) -> Trajectory:
    """Run the stopping rules of the module docstring; ``descend`` has checked the arguments."""
    value, gradient = float(surface.f(point)), surface.grad(point)
    reason = _divergence(point, value, gradient)
    if reason is not None:
        raise ValueError(f"start {point.tolist()} is outside the region descent tracks: {reason}")
    positions, values, gradients = [point], [value], [gradient]
    state = opt.init(point)
    status, criterion, message = "max_iter", None, f"stopped: reached max_iter = {max_iter}"
    k = 0
    while True:
        grad_norm = math.hypot(gradient[0], gradient[1])
        if grad_norm <= grad_tol:
            status, criterion = "converged", "grad_tol"
            message = _converged("gradient norm", grad_norm, grad_tol)
            break
        if k == max_iter:
            break
        step, state = opt.update(gradient, state)
        new_point = point + step
        new_value, new_gradient = float(surface.f(new_point)), surface.grad(new_point)
        reason = _divergence(new_point, new_value, new_gradient)
        if reason is not None:
            status = "diverged"
            message = f"diverged: {reason}{_divergence_hint(surface, optimizer, lr, reason)}"
            break
        k += 1
        positions.append(new_point)
        values.append(new_value)
        gradients.append(new_gradient)
        step_norm = math.hypot(step[0], step[1])
        if step_tol > 0 and step_norm <= step_tol:
            status, criterion = "converged", "step_tol"
            message = _converged("step norm", step_norm, step_tol)
            break
        change = abs(new_value - value)
        if value_tol > 0 and change <= value_tol:
            status, criterion = "converged", "value_tol"
            message = _converged("value change", change, value_tol)
            break
        point, value, gradient = new_point, new_value, new_gradient
    return Trajectory(
        np.array(positions), np.array(values), np.array(gradients), status, criterion, message, k
    )

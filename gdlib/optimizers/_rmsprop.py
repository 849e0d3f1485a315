"""RMSProp: rates scaled by a running mean of squared gradients, as torch.optim.RMSprop."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gdlib._validate import check_bool, check_eps, check_lr, check_unit_interval
from gdlib.optimizers.base import (
    GradientTransformation,
    accumulate_squares,
    as_array,
    as_grads,
    check_state,
)

__all__ = ["RmspropState", "rmsprop"]


class RmspropState(NamedTuple):
    """State of ``rmsprop``: mean square, mean gradient (centered) and momentum buffer.

    Attributes:
        square_avg: The mean square $v_t$.
        grad_avg: The mean gradient $g^{ave}_t$; zeros unless ``centered``.
        momentum_buffer: The buffer $b_t$; zeros unless ``momentum`` > 0.

    """

    square_avg: np.ndarray
    grad_avg: np.ndarray
    momentum_buffer: np.ndarray


def rmsprop(
    lr: float = 0.01,
    *,
    alpha: float = 0.99,
    eps: float = 1e-8,
    momentum: float = 0.0,
    centered: bool = False,
) -> GradientTransformation:
    r"""RMSProp in torch.optim.RMSprop's convention (eps outside the root, no bias correction).

    $$
    \begin{aligned}
    v_t &= \alpha v_{t-1} + (1 - \alpha) g_t^2, \\
    g^{ave}_t &= \alpha g^{ave}_{t-1} + (1 - \alpha) g_t, \\
    r_t &= \sqrt{v_t - (g^{ave}_t)^2} + \epsilon
    \end{aligned}
    $$

    with $g^{ave}_t$ kept only when ``centered`` ($r_t = \sqrt{v_t} + \epsilon$ otherwise; centred,
    the variance under the root is clipped at 0, where rounding can take it below), then
    $b_t = \mu b_{t-1} + g_t / r_t$ and $\theta_t = \theta_{t-1} - \eta\, b_t$
    with momentum $\mu$, or $\theta_t = \theta_{t-1} - \eta\, g_t / r_t$ without.

    Args:
        lr: Learning rate $\eta > 0$.
        alpha: Smoothing constant in [0, 1). At 0 only the latest gradient counts: a step is
            $\eta\, g_t / (|g_t| + \epsilon)$, about $\eta \operatorname{sign}(g_t)$, as in torch.
            Refused at 0 with ``centered=True`` (torch takes it): the variance of one gradient,
            $g_t^2 - g_t^2$, is 0, so a step is $\eta\, g_t / \epsilon$ (torch's divides by
            the rounding error of $g_t^2$ instead, or is NaN). Refused from 1 up (torch takes
            it): at 1 $v_t$ stays 0, above it turns negative.
        eps: $\epsilon > 0$ (torch also takes 0, which divides 0 by 0 on a zero gradient).
        momentum: $0 \le \mu < 1$ (torch takes more, as for SGD: the buffer then never forgets
            a step, and from 1 up the run never settles).
        centered: Normalise by the estimated variance instead of the raw second moment.

    Returns:
        A ``GradientTransformation``.

    Raises:
        ValueError: A hyperparameter is out of range (torch.optim's message where torch
            checks the value).
        TypeError: A hyperparameter of the wrong type (a bool rate, a number for a flag).

    >>> opt = rmsprop(lr=0.01)
    >>> step, _ = opt.update(np.array([2.0, -2.0]), opt.init(np.zeros(2)))
    >>> np.round(step, 6).tolist()
    [-0.1, 0.1]

    """
    lr = check_lr(lr)
    centered = check_bool(centered, "centered")
    if (checked := check_unit_interval(alpha, "alpha")) == 0.0 and centered:  # as passed, as torch
        raise ValueError(f"Invalid alpha value: {alpha} (centered needs alpha > 0: g^2 - g^2 = 0)")
    alpha = checked
    eps = check_eps(eps)
    momentum = check_unit_interval(momentum, "momentum")

    def init(params: np.ndarray) -> RmspropState:
        params = as_array(params)
        # one array per buffer: a state must never alias two of its own moments
        return RmspropState(np.zeros_like(params), np.zeros_like(params), np.zeros_like(params))

    def update(grads: np.ndarray, state: RmspropState) -> tuple[np.ndarray, RmspropState]:
        check_state(state, RmspropState)
        grads = as_grads(grads, state.square_avg)
        square_avg = accumulate_squares(state.square_avg, grads, alpha, 1.0 - alpha)
        grad_avg = state.grad_avg
        if centered:
            grad_avg = grad_avg + (1.0 - alpha) * (grads - grad_avg)
            # Rounding can take the variance a hair below 0 (torch's root is then NaN).
            avg = np.sqrt(np.maximum(square_avg - grad_avg * grad_avg, 0.0)) + eps
        else:
            avg = np.sqrt(square_avg) + eps
        buf = state.momentum_buffer
        if momentum > 0.0:
            buf = momentum * buf + grads / avg
            step = -lr * buf
        else:
            step = -lr * (grads / avg)
        return step, RmspropState(square_avg, grad_avg, buf)

    return GradientTransformation(init, update)

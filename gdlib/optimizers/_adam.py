"""Adam: momentum plus RMS scaling with bias correction, as torch.optim.Adam."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gdlib._validate import check_eps, check_lr, check_unit_interval
from gdlib.optimizers.base import (
    GradientTransformation,
    accumulate_squares,
    as_array,
    as_grads,
    check_state,
)

__all__ = ["AdamState", "adam"]


class AdamState(NamedTuple):
    """State of ``adam``: steps taken and the first and second moment estimates.

    Attributes:
        count: Steps taken (the bias corrections' exponent).
        exp_avg: The first moment $m_t$, before bias correction.
        exp_avg_sq: The second moment $v_t$, before bias correction.

    """

    count: int
    exp_avg: np.ndarray
    exp_avg_sq: np.ndarray


def adam(
    lr: float = 0.001, *, betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8
) -> GradientTransformation:
    r"""Adam in torch.optim.Adam's convention (eps added after the bias-corrected root).

    $$
    \begin{aligned}
    m_t &= \beta_1 m_{t-1} + (1 - \beta_1) g_t, \\
    v_t &= \beta_2 v_{t-1} + (1 - \beta_2) g_t^2, \\[4pt]
    \theta_t &= \theta_{t-1} - \frac{\eta}{1 - \beta_1^t}
    \frac{m_t}{\sqrt{v_t} / \sqrt{1 - \beta_2^t} + \epsilon}
    \end{aligned}
    $$

    Args:
        lr: Learning rate $\eta > 0$.
        betas: $(\beta_1, \beta_2)$, each in [0, 1).
        eps: $\epsilon > 0$ (torch also takes 0, which divides 0 by 0 on a zero gradient).

    Returns:
        A ``GradientTransformation``.

    Raises:
        ValueError: A hyperparameter is out of range (torch.optim's message where torch
            checks the value).
        TypeError: A hyperparameter of the wrong type (a bool for a number, a number for
            ``betas``).

    >>> opt = adam(lr=0.1)
    >>> step, _ = opt.update(np.array([5.0, -0.5]), opt.init(np.zeros(2)))
    >>> np.round(step, 6).tolist()
    [-0.1, 0.1]

    """
    lr = check_lr(lr)
    if not (isinstance(betas, tuple | list) and len(betas) == 2):
        raise TypeError(f"betas must be a pair of numbers, got {betas!r}")
    beta1 = check_unit_interval(betas[0], "betas", f"Invalid beta parameter at index 0: {betas[0]}")
    beta2 = check_unit_interval(betas[1], "betas", f"Invalid beta parameter at index 1: {betas[1]}")
    eps = check_eps(eps)

    def init(params: np.ndarray) -> AdamState:
        params = as_array(params)
        # one array per moment: a state must never alias its two moments
        return AdamState(0, np.zeros_like(params), np.zeros_like(params))

    def update(grads: np.ndarray, state: AdamState) -> tuple[np.ndarray, AdamState]:
        check_state(state, AdamState)
        grads = as_grads(grads, state.exp_avg)
        count = state.count + 1
        exp_avg = state.exp_avg + (1.0 - beta1) * (grads - state.exp_avg)
        exp_avg_sq = accumulate_squares(state.exp_avg_sq, grads, beta2, 1.0 - beta2)
        step_size = lr / (1.0 - beta1**count)
        denom = np.sqrt(exp_avg_sq) / (1.0 - beta2**count) ** 0.5 + eps
        return -step_size * (exp_avg / denom), AdamState(count, exp_avg, exp_avg_sq)

    return GradientTransformation(init, update)

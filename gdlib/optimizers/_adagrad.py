"""AdaGrad: per-coordinate rates shrinking with the sum of squared gradients, as torch.optim."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gdlib._validate import check_eps, check_lr, check_nonnegative
from gdlib.optimizers.base import (
    GradientTransformation,
    accumulate_squares,
    as_array,
    as_grads,
    check_state,
)

__all__ = ["AdagradState", "adagrad"]


class AdagradState(NamedTuple):
    """State of ``adagrad``: steps taken and the running sum of squared gradients.

    Attributes:
        count: Steps taken.
        sum_sq: ``initial_accumulator_value`` plus the sum of the squared gradients so far.

    """

    count: int
    sum_sq: np.ndarray


def adagrad(
    lr: float = 0.01,
    *,
    lr_decay: float = 0.0,
    initial_accumulator_value: float = 0.0,
    eps: float = 1e-10,
) -> GradientTransformation:
    r"""AdaGrad in torch.optim.Adagrad's convention (eps added outside the square root).

    $$
    \begin{aligned}
    \eta_t &= \frac{\eta}{1 + (t - 1)\,\delta}, \\[4pt]
    s_t &= s_{t-1} + g_t^2, \\[4pt]
    \theta_t &= \theta_{t-1} - \eta_t \frac{g_t}{\sqrt{s_t} + \epsilon}
    \end{aligned}
    $$

    with $s_0$ = ``initial_accumulator_value`` and $\delta$ = ``lr_decay``.

    Args:
        lr: Learning rate $\eta > 0$.
        lr_decay: $\delta \ge 0$.
        initial_accumulator_value: $s_0 \ge 0$.
        eps: $\epsilon > 0$ (torch also takes 0, which divides 0 by 0 on a zero gradient).

    Returns:
        A ``GradientTransformation``.

    Raises:
        ValueError: A hyperparameter is out of range (torch.optim's message where torch
            checks the value).
        TypeError: A hyperparameter of the wrong type (a bool or a string for a number).

    >>> opt = adagrad(lr=0.5)
    >>> step, _ = opt.update(np.array([3.0, -4.0]), opt.init(np.zeros(2)))
    >>> np.round(step, 6).tolist()
    [-0.5, 0.5]

    """
    lr = check_lr(lr)
    lr_decay = check_nonnegative(lr_decay, "lr_decay")
    initial = check_nonnegative(initial_accumulator_value, "initial_accumulator_value")
    eps = check_eps(eps)

    def init(params: np.ndarray) -> AdagradState:
        return AdagradState(0, np.full_like(as_array(params), initial))

    def update(grads: np.ndarray, state: AdagradState) -> tuple[np.ndarray, AdagradState]:
        check_state(state, AdagradState)
        grads = as_grads(grads, state.sum_sq)
        count = state.count + 1
        clr = lr / (1.0 + (count - 1) * lr_decay)
        sum_sq = accumulate_squares(state.sum_sq, grads)
        std = np.sqrt(sum_sq) + eps
        return -clr * (grads / std), AdagradState(count, sum_sq)

    return GradientTransformation(init, update)

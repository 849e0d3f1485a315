"""Stochastic gradient descent with optional (Nesterov) momentum, as ``torch.optim.SGD``."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from gdlib._validate import check_bool, check_lr, check_unit_interval
from gdlib.optimizers.base import GradientTransformation, as_array, as_grads, check_state

__all__ = ["SgdState", "sgd"]


class SgdState(NamedTuple):
    """State of ``sgd``: steps taken and the momentum buffer (zeros until the first step).

    Attributes:
        count: Steps taken.
        momentum_buffer: The buffer $b_t$; zeros until the first step, and for good without
            momentum.

    """

    count: int
    momentum_buffer: np.ndarray


def sgd(
    lr: float, *, momentum: float = 0.0, dampening: float = 0.0, nesterov: bool = False
) -> GradientTransformation:
    r"""Gradient descent, with momentum and Nesterov's variant, in torch.optim.SGD's convention.

    With momentum $\mu$, dampening $\tau$ and gradient $g_t$:

    $$
    \begin{aligned}
    b_1 &= g_1, \qquad b_t = \mu\, b_{t-1} + (1 - \tau)\, g_t, \\
    d_t &= \begin{cases} g_t + \mu\, b_t & \text{Nesterov} \\ b_t & \text{otherwise}
    \end{cases}, \\
    \theta_t &= \theta_{t-1} - \eta\, d_t
    \end{aligned}
    $$

    and $d_t = g_t$ when $\mu = 0$ (plain gradient descent). The learning rate
    multiplies the buffer (torch's convention), not the gradient inside it.

    Args:
        lr: Learning rate $\eta > 0$.
        momentum: $0 \le \mu < 1$ (torch takes more: the buffer then never forgets a
            gradient, and on a quadratic heavy-ball momentum never settles, as each
            direction's two factors multiply to $\mu$; Nesterov's, to $\mu (1 - \eta\lambda)$).
        dampening: $0 \le \tau < 1$ (torch takes more: at 1 every gradient after the first
            is dropped and the steps shrink as $\mu^t$, above 1 they climb).
        nesterov: Use Nesterov momentum (needs ``momentum > 0`` and ``dampening == 0``).

    Returns:
        A ``GradientTransformation``.

    Raises:
        ValueError: A hyperparameter is out of range (torch.optim's message where torch
            checks the value).
        TypeError: A hyperparameter of the wrong type (a bool rate, a number for a flag).

    >>> opt = sgd(0.1, momentum=0.9)
    >>> state = opt.init(np.zeros(2))
    >>> step, state = opt.update(np.array([1.0, 2.0]), state)
    >>> step, state = opt.update(np.array([1.0, 2.0]), state)
    >>> step.tolist()
    [-0.19, -0.38]

    """
    lr = check_lr(lr)
    momentum = check_unit_interval(momentum, "momentum")
    dampening = check_unit_interval(dampening, "dampening")
    nesterov = check_bool(nesterov, "nesterov")
    if nesterov and (momentum <= 0.0 or dampening != 0.0):
        raise ValueError("Nesterov momentum requires a momentum and zero dampening")

    def init(params: np.ndarray) -> SgdState:
        return SgdState(0, np.zeros_like(as_array(params)))

    def update(grads: np.ndarray, state: SgdState) -> tuple[np.ndarray, SgdState]:
        check_state(state, SgdState)
        grads = as_grads(grads, state.momentum_buffer)
        if momentum == 0.0:
            return -lr * grads, SgdState(state.count + 1, state.momentum_buffer)
        if state.count == 0:
            buf = grads.copy()
        else:
            buf = momentum * state.momentum_buffer + (1.0 - dampening) * grads
        direction = grads + momentum * buf if nesterov else buf
        return -lr * direction, SgdState(state.count + 1, buf)

    return GradientTransformation(init, update)

r"""The learning-rate schedules' constructors; import them from ``gdlib.schedules``.

Each factory checks its arguments at once and returns a ``Schedule``, a pure function
``schedule(epoch) -> rate`` of an integer epoch >= 0 or an array of them (torch's names and
conventions: a peak rate ``lr``, epochs counted from 0). ``gdlib.schedules`` adds the lookup by
name (``get_schedule`` and the presets) and ``rates``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gdlib._validate import check_int, check_lr, check_nonnegative

__all__ = [
    "Schedule",
    "constant_lr",
    "cosine_annealing_lr",
    "inverse_time_lr",
    "step_lr",
    "warmup_cosine_lr",
]

Schedule = Callable[[object], object]
"""The type of a schedule: ``schedule(epoch) -> rate``, a pure function of the epoch.

``epoch`` is an integer >= 0 or an array of them, counted from 0; the result is the rate, a
float for an integer and a float64 array of the same shape for an array (the factories of
``gdlib.schedules`` build such functions). ``rates`` calls a schedule once with the array of all
the epochs, and ``fit_linear``'s ``lr_decay`` is the schedule ``inverse_time_lr``.
"""


def _schedule(rule: Callable[[np.ndarray], np.ndarray]) -> Schedule:
    """Wrap ``rule`` (integer array -> rates) to check the epoch and keep scalars scalar."""

    def schedule(epoch):
        e = np.asarray(epoch)
        if e.dtype.kind not in "iu":  # bool, float and str too: epoch 1.5 or "3" is no epoch
            raise TypeError(f"epoch must be an integer >= 0 (or an array of them), got {epoch!r}")
        if (e < 0).any():
            raise ValueError(f"epoch must be an integer >= 0 (or an array of them), got {epoch}")
        out = np.asarray(rule(e), dtype=np.float64)
        return float(out) if out.ndim == 0 else out

    return schedule


def constant_lr(lr: float) -> Schedule:
    r"""Return the same rate every epoch: $\eta_e = \eta_0$.

    Args:
        lr: The rate $\eta_0$ (> 0).

    Returns:
        A ``Schedule``: ``schedule(e)`` is $\eta_e$, a float for an int ``e`` >= 0 and a
            float64 array for an array of them.

    Raises:
        ValueError: ``lr`` not above zero or not finite (``Invalid learning rate: 0``).
        TypeError: ``lr`` not a real number.

    >>> constant_lr(0.05)(7)
    0.05

    """
    lr = check_lr(lr)
    return _schedule(lambda e: np.full(e.shape, lr))


def step_lr(lr: float, step_size: int, gamma: float = 0.1) -> Schedule:
    r"""Return step decay (torch's ``StepLR``): $\eta_e = \eta_0 \gamma^{\lfloor e / S \rfloor}$.

    Args:
        lr: The rate $\eta_0$ of the first ``step_size`` epochs (> 0).
        step_size: Epochs $S$ between cuts (>= 1).
        gamma: Factor of each cut, in (0, 1] (0.1 divides by ten; torch also takes more than 1).

    Returns:
        A ``Schedule``: ``schedule(e)`` is $\eta_e$, a float for an int ``e`` >= 0 and a
            float64 array for an array of them.

    Raises:
        ValueError: ``lr``, ``step_size`` or ``gamma`` out of range, named.
        TypeError: ``step_size`` not an integer, or ``lr`` or ``gamma`` not a real number.

    >>> step_lr(1.0, step_size=2, gamma=0.5)(3)
    0.5

    """
    lr = check_lr(lr)
    step_size = check_int(step_size, "step_size", 1)
    gamma = check_nonnegative(gamma, "gamma")
    if not 0.0 < gamma <= 1.0:
        raise ValueError(f"Invalid gamma value: {gamma} (a cut must be in (0, 1])")
    return _schedule(lambda e: lr * gamma ** (e // step_size))


def inverse_time_lr(lr: float, lr_decay: float) -> Schedule:
    r"""Return the $1/t$ decay of ``fit_linear``'s ``lr_decay``: $\eta_e = \eta_0 / (1 + \delta e)$.

    Args:
        lr: The first epoch's rate $\eta_0$ (> 0).
        lr_decay: $\delta \ge 0$ (0: a constant rate), per epoch (torch's Adagrad: per step).

    Returns:
        A ``Schedule``: ``schedule(e)`` is $\eta_e$, a float for an int ``e`` >= 0 and a
            float64 array for an array of them.

    Raises:
        ValueError: ``lr`` or ``lr_decay`` out of range, named.
        TypeError: ``lr`` or ``lr_decay`` not a real number.

    >>> inverse_time_lr(0.05, lr_decay=0.5)(2)
    0.025

    """
    lr = check_lr(lr)
    lr_decay = check_nonnegative(lr_decay, "lr_decay")
    return _schedule(lambda e: lr / (1 + lr_decay * e))


def cosine_annealing_lr(lr: float, T_max: int, eta_min: float = 0.0) -> Schedule:
    r"""Return cosine annealing (torch's ``CosineAnnealingLR``, closed form).

    $$\eta_e = \eta_{\min} + \tfrac12 (\eta_0 - \eta_{\min}) (1 + \cos \tfrac{\pi e}{T}),$$

    from $\eta_0$ at $e = 0$ to $\eta_{\min}$ at $e = T$ = ``T_max``, then up again (as torch's).

    Args:
        lr: The first epoch's rate $\eta_0$ (> 0).
        T_max: The half period $T$ in epochs (>= 1); a run of $T$ epochs ends just above
            $\eta_{\min}$.
        eta_min: The floor $\eta_{\min}$, in $[0, \eta_0]$.

    Returns:
        A ``Schedule``: ``schedule(e)`` is $\eta_e$, a float for an int ``e`` >= 0 and a
            float64 array for an array of them.

    Raises:
        ValueError: ``lr``, ``T_max`` or ``eta_min`` out of range, named.
        TypeError: ``T_max`` not an integer, or ``lr`` or ``eta_min`` not a real number.

    >>> cosine_annealing_lr(1.0, T_max=2)(np.arange(3)).tolist()
    [1.0, 0.5, 0.0]

    """
    lr = check_lr(lr)
    T_max = check_int(T_max, "T_max", 1)
    eta_min = check_nonnegative(eta_min, "eta_min")
    if eta_min > lr:
        raise ValueError(f"eta_min must be in [0, lr = {lr}], got {eta_min}")
    return _schedule(lambda e: eta_min + (lr - eta_min) * (1 + np.cos(np.pi * e / T_max)) / 2)


def warmup_cosine_lr(lr: float, total_epochs: int, warmup_epochs: int) -> Schedule:
    r"""Return a linear warm-up to $\eta_0$, then cosine annealing to the end of the run.

    With $W$ = ``warmup_epochs`` and $E$ = ``total_epochs``: $\eta_e = \eta_0 (e + 1) / W$ for
    $e < W$ (epoch $W - 1$ is the first at $\eta_0$), then

    $$\eta_e = \eta_0 \, \tfrac12 \left(1 + \cos\frac{\pi (e - W + 1)}{E - W + 1}\right):$$

    torch's ``LinearLR(start_factor=1/W, total_iters=W-1)`` followed by
    ``CosineAnnealingLR(T_max=E-W+1)`` chained by ``SequentialLR(..., milestones=[W-1])`` (with
    ``milestones=[W]``, torch holds $\eta_0$ two epochs and shifts the cosine by one). Past
    $E$ the cosine rises again, as ``cosine_annealing_lr``'s does past ``T_max``: it reaches
    0 at $e = E$ and climbs back to $\eta_0$ at $e = 2E - W + 1$, so a run longer than
    ``total_epochs`` gets its rate back.

    Args:
        lr: The peak rate $\eta_0$ (> 0).
        total_epochs: The run's length $E$ (>= 1).
        warmup_epochs: $W$, in $[1, E]$ (1: no warm-up, a cosine over all $E$ epochs).

    Returns:
        A ``Schedule``: ``schedule(e)`` is $\eta_e$, a float for an int ``e`` >= 0 and a
            float64 array for an array of them.

    Raises:
        ValueError: ``lr``, ``total_epochs`` or ``warmup_epochs`` out of range, named.
        TypeError: ``total_epochs`` or ``warmup_epochs`` not an integer, or ``lr`` not a
            real number.

    >>> warmup_cosine_lr(1.0, total_epochs=10, warmup_epochs=4)(np.arange(10)).round(3).tolist()
    [0.25, 0.5, 0.75, 1.0, 0.95, 0.812, 0.611, 0.389, 0.188, 0.05]

    """
    lr = check_lr(lr)
    total = check_int(total_epochs, "total_epochs", 1)
    warmup = check_int(warmup_epochs, "warmup_epochs", 1, total)

    def rule(e: np.ndarray) -> np.ndarray:
        warm = np.minimum((e + 1) / warmup, 1.0)
        after = np.clip(e - warmup + 1, 0, None) / (total - warmup + 1)
        return np.where(warm < 1, lr * warm, lr * (1 + np.cos(np.pi * after)) / 2)

    return _schedule(rule)

"""Learning-rate schedules: the rate of each epoch, as pure functions of the epoch number.

A schedule is built by a factory (names and conventions of ``torch.optim.lr_scheduler``: a peak
rate ``lr``, epochs counted from 0) and is a function ``schedule(epoch) -> rate`` that takes an
integer or an array of integers and returns a float or an array. It holds no state: call it with
any epoch, in any order. ``get_schedule`` builds the presets the schedules page compares
(``SCHEDULES``, ``LABELS``, ``PRESETS``); the site's live figure reads them from here.

>>> rates(step_lr(0.05, step_size=10), 21)[[0, 9, 10, 20]].round(12).tolist()
[0.05, 0.05, 0.005, 0.0005]
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from gdlib._validate import check_choice, check_int, check_lr, check_nonnegative

__all__ = ["LABELS", "PRESETS", "SCHEDULES", "constant_lr", "cosine_annealing_lr", "get_schedule"]
__all__ += ["inverse_time_lr", "rates", "step_lr", "warmup_cosine_lr"]

Schedule = Callable[[object], object]

SCHEDULES = ("constant", "step", "inverse_time", "cosine", "warmup_cosine")
LABELS = {
    "constant": "constant",
    "step": "step decay",
    "inverse_time": "1/t",
    "cosine": "cosine",
    "warmup_cosine": "warm-up + cosine",
}
# The schedules page's settings (the figure and its live twin): each one's hyperparameters.
PRESETS: dict[str, dict[str, float]] = {
    "constant": {},
    "step": {"step_size": 10, "gamma": 0.1},
    "inverse_time": {"lr_decay": 0.5},
    "cosine": {},
    "warmup_cosine": {"warmup_epochs": 5},
}


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

    >>> rates(cosine_annealing_lr(1.0, T_max=2), 3).tolist()
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
    ``milestones=[W]``, torch holds $\eta_0$ two epochs and shifts the cosine by one).

    Args:
        lr: The peak rate $\eta_0$ (> 0).
        total_epochs: The run's length $E$ (>= 1).
        warmup_epochs: $W$, in $[1, E]$ (1: no warm-up, a cosine over all $E$ epochs).

    >>> rates(warmup_cosine_lr(1.0, total_epochs=10, warmup_epochs=4), 10).round(3).tolist()
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


def rates(schedule: Schedule, epochs: int) -> np.ndarray:
    """Return ``schedule``'s rates for epochs ``0 .. epochs - 1``.

    >>> rates(inverse_time_lr(1.0, lr_decay=1.0), 4).tolist()
    [1.0, 0.5, 0.3333333333333333, 0.25]
    """
    return np.asarray(schedule(np.arange(check_int(epochs, "epochs", 0))), dtype=np.float64)


def get_schedule(name: str, lr: float, epochs: int, **hyper: float) -> Schedule:
    """Build the schedule called ``name`` for a run of ``epochs`` epochs at peak rate ``lr``.

    The hyperparameters are ``PRESETS[name]`` with ``hyper`` on top, checked as if passed:
    cosine annealing runs over the whole run (``T_max = epochs``), warm-up + cosine ends with
    it, so its preset ``warmup_epochs=5`` needs ``epochs >= 5`` unless ``hyper`` gives another.

    Args:
        name: One of ``SCHEDULES``.
        lr: The peak rate (> 0).
        epochs: The run's length (>= 1).
        **hyper: Overrides of the preset, in the factory's names (``gamma=0.5``).

    Raises:
        ValueError: Unknown ``name`` or a value out of range.
        TypeError: An unknown hyperparameter name.

    >>> rates(get_schedule("step", 0.05, 30), 30)[[9, 10]].tolist()
    [0.05, 0.005000000000000001]

    """
    settings = PRESETS[check_choice(name, "schedule", SCHEDULES)] | hyper
    epochs = check_int(epochs, "epochs", 1)
    by_rate_alone = {"constant": constant_lr, "step": step_lr, "inverse_time": inverse_time_lr}
    if name in by_rate_alone:
        return by_rate_alone[name](lr, **settings)
    if name == "cosine":
        return cosine_annealing_lr(lr, T_max=epochs, **settings)
    return warmup_cosine_lr(lr, total_epochs=epochs, **settings)

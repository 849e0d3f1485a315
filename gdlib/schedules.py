"""Learning-rate schedules: the rate of each epoch, as pure functions of the epoch number.

A schedule is built by a factory (names and conventions of ``torch.optim.lr_scheduler``: a peak
rate ``lr``, epochs counted from 0) and is a function ``schedule(epoch) -> rate`` that takes an
integer or an array of integers and returns a float or an array (a negative epoch raises
``ValueError``, a non-integer one ``TypeError``). It holds no state: call it with any epoch, in
any order. ``get_schedule`` builds the presets the schedules page compares
(``SCHEDULES``, ``LABELS``, ``PRESETS``); the site's live figure reads them from here.

>>> rates(step_lr(0.05, step_size=10), 21)[[0, 9, 10, 20]].round(12).tolist()
[0.05, 0.05, 0.005, 0.0005]
"""

from __future__ import annotations

import numpy as np

from gdlib._schedule_rules import (
    Schedule,
    constant_lr,
    cosine_annealing_lr,
    inverse_time_lr,
    step_lr,
    warmup_cosine_lr,
)
from gdlib._validate import _float_array, check_choice, check_int

__all__ = ["LABELS", "PRESETS", "SCHEDULES", "constant_lr", "cosine_annealing_lr", "get_schedule"]
__all__ += ["Schedule", "inverse_time_lr", "rates", "step_lr", "warmup_cosine_lr"]

SCHEDULES = ("constant", "step", "inverse_time", "cosine", "warmup_cosine")
"""The names ``get_schedule`` accepts, in the order the schedules page lists them."""
LABELS = {
    "constant": "constant",
    "step": "step decay",
    "inverse_time": "1/t",
    "cosine": "cosine",
    "warmup_cosine": "warm-up + cosine",
}
"""How a page names each schedule: the figures' legends."""
PRESETS: dict[str, dict[str, float]] = {
    "constant": {},
    "step": {"step_size": 10, "gamma": 0.1},
    "inverse_time": {"lr_decay": 0.5},
    "cosine": {},
    "warmup_cosine": {"warmup_epochs": 5},
}
"""The schedules page's settings (the figure and its live twin): each one's hyperparameters."""


def rates(schedule: Schedule, epochs: int) -> np.ndarray:
    r"""Return ``schedule``'s rates for epochs ``0 .. epochs - 1``: $(\eta_0, \dots, \eta_{E-1})$.

    ``schedule`` is called once, with the whole array ``np.arange(epochs)`` of epochs (as this
    module's factories are): a function of one epoch written with a Python ``if`` on it fails
    there, so write it with ``np.where``. It may return a single rate (a constant) or one rate
    per epoch; either is broadcast to shape ``(epochs,)`` and checked.

    Args:
        schedule: A function of the epoch array, such as a factory of this module returns.
        epochs: The number of epochs $E$ (>= 0).

    Returns:
        The rates, a float64 array of shape ``(epochs,)``, each finite and >= 0 (0 is
            cosine annealing's floor ``eta_min=0`` at ``T_max``).

    Raises:
        ValueError: ``epochs`` below zero; or ``schedule`` fails on an array of epochs (a
            Python ``if`` on it), or returns another shape than one rate or ``(epochs,)``, or a
            rate that is negative or not finite.
        TypeError: ``epochs`` not an integer, ``schedule`` not callable, what it returns not
            real numbers (``None``, strings), or a math function of one number on the epochs.

    >>> rates(inverse_time_lr(1.0, lr_decay=1.0), 4).tolist()
    [1.0, 0.5, 0.3333333333333333, 0.25]
    >>> rates(lambda epoch: 0.1, 3).tolist()
    [0.1, 0.1, 0.1]

    """
    if not callable(schedule):
        raise TypeError(f"schedule must be callable (epoch -> rate), got {type(schedule).__name__}")
    epochs = check_int(epochs, "epochs", 0)
    try:
        out = schedule(np.arange(epochs))
    except (ValueError, TypeError) as error:  # numpy: `if epochs < 2` or math.cos(epochs)
        if not any(words in str(error) for words in ("truth value", "to Python scalars")):
            raise
        raise type(error)(
            "schedule is called with the array of epochs np.arange(epochs): a Python `if` on "
            "it is ambiguous and math functions take one number; write the rule with np.where, "
            f"np.cos, ... (numpy said: {error})"
        ) from error
    values = _float_array(out, "schedule's rates")
    try:
        values = np.broadcast_to(values, (epochs,)).copy()
    except ValueError:
        raise ValueError(
            f"schedule must return one rate or one per epoch, shape ({epochs},); "
            f"got shape {values.shape}"
        ) from None
    # 0 is a rate (cosine annealing's floor eta_min = 0 at T_max); NaN fails >= too
    if (wrong := np.flatnonzero(~(np.isfinite(values) & (values >= 0)))).size:
        bad = int(wrong[0])
        raise ValueError(
            f"schedule must return finite rates >= 0, got {values[bad]} at epoch {bad}"
        )
    return values


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

    Returns:
        The ``Schedule`` the factory builds (``step_lr``, ``cosine_annealing_lr``, ...).

    Raises:
        ValueError: Unknown ``name`` or a value out of range.
        TypeError: ``name`` not a string, ``epochs`` not an integer, an unknown hyperparameter
            name, or ``T_max`` (cosine) or ``total_epochs`` (warm-up + cosine) in ``hyper``:
            ``epochs`` sets them.

    >>> rates(get_schedule("step", 0.05, 30), 30)[[9, 10]].tolist()
    [0.05, 0.005000000000000001]

    """
    settings = PRESETS[check_choice(name, "schedule", SCHEDULES)] | hyper
    epochs = check_int(epochs, "epochs", 1)
    length = {"cosine": "T_max", "warmup_cosine": "total_epochs"}.get(name)
    if length in hyper:
        raise TypeError(
            f"{length} is not a hyperparameter of get_schedule({name!r}, ...): it is set from "
            f"epochs (the schedule spans the run); pass epochs={hyper[length]!r} instead, or call "
            f"{'cosine_annealing_lr' if name == 'cosine' else 'warmup_cosine_lr'} directly"
        )
    by_rate_alone = {"constant": constant_lr, "step": step_lr, "inverse_time": inverse_time_lr}
    if name in by_rate_alone:
        return by_rate_alone[name](lr, **settings)
    if name == "cosine":
        return cosine_annealing_lr(lr, T_max=epochs, **settings)
    return warmup_cosine_lr(lr, total_epochs=epochs, **settings)

"""Argument checks shared by gdlib: every bad input raises an error that names the argument.

Scalars are checked here; arrays (points, data) in ``_validate_arrays``, re-exported from here.

The messages for optimizer hyperparameters follow torch.optim (``"Invalid learning rate: -1.0"``);
the others say which argument was wrong and what was expected.
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

from gdlib._validate_arrays import (
    _float_array,
    check_data,
    check_design,
    check_eigenvalues,
    check_point,
    check_points,
)

__all__ = [
    "_float_array",
    "check_bool",
    "check_choice",
    "check_data",
    "check_design",
    "check_eigenvalues",
    "check_eps",
    "check_finite",
    "check_fraction",
    "check_int",
    "check_lr",
    "check_nonnegative",
    "check_point",
    "check_points",
    "check_unit_interval",
]


def _real(value: object, name: str) -> float:
    """Return ``value`` as a float, or raise ``TypeError`` naming ``name``.

    A 0-d array of a real dtype passes (``Surface.f`` returns one for a single point); a bool,
    a complex number, a string or an array of any other shape does not.

    >>> _real(np.array(8.0), "value")
    8.0
    """
    if isinstance(value, np.ndarray) and value.ndim == 0 and value.dtype.kind in "iuf":
        return float(value)
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    return float(value)


def check_lr(lr: object, name: str = "lr") -> float:
    """Check a learning rate (argument ``name``): a finite number above zero.

    >>> check_lr(0.1)
    0.1
    """
    value = _real(lr, name)
    if not (math.isfinite(value) and value > 0.0):
        raise ValueError(f"Invalid learning rate: {lr}")
    return value


def check_nonnegative(value: object, name: str, label: str | None = None) -> float:
    """Check a finite number >= 0; the message reads ``Invalid {label} value: {value}``.

    >>> check_nonnegative(0.9, "momentum")
    0.9
    """
    number = _real(value, name)
    if not (math.isfinite(number) and number >= 0.0):
        raise ValueError(f"Invalid {label or name} value: {value}")
    return number


def check_eps(eps: object) -> float:
    """Check an adaptive optimizer's epsilon: finite and above zero.

    torch.optim accepts 0, but then a coordinate whose gradient is exactly zero divides 0 by 0;
    negative values get torch's own message.

    >>> check_eps(1e-8)
    1e-08
    """
    value = check_nonnegative(eps, "eps", "epsilon")
    if value == 0.0:
        raise ValueError(f"Invalid epsilon value: {eps} (must be > 0: a zero gradient gives 0/0)")
    return value


def check_finite(value: object, name: str) -> float:
    """Check a single finite number, such as a function value handed in by the caller.

    >>> check_finite(8, "value")
    8.0
    """
    number = _real(value, name)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be finite, got {value}")
    return number


def check_unit_interval(value: object, name: str, message: str | None = None) -> float:
    """Check a number in [0, 1), as torch.optim does for Adam's betas (and gdlib for alpha).

    >>> check_unit_interval(0.99, "alpha")
    0.99
    """
    number = _real(value, name)
    if not (0.0 <= number < 1.0):
        raise ValueError(message or f"Invalid {name} value: {value}")
    return number


def check_fraction(value: object, name: str) -> float:
    """Check a number strictly between 0 and 1 (a line search's Armijo constant or shrink factor).

    >>> check_fraction(0.5, "shrink")
    0.5
    """
    number = _real(value, name)
    if not 0.0 < number < 1.0:
        raise ValueError(f"Invalid {name} value: {value} (must be in (0, 1))")
    return number


def check_int(value: object, name: str, low: int, high: int | None = None) -> int:
    """Check an integer in ``[low, high]`` (``high=None``: no upper bound).

    >>> check_int(3, "epochs", 0)
    3
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    number = int(value)
    if number < low or (high is not None and number > high):
        upper = "inf)" if high is None else f"{high}]"
        raise ValueError(f"{name} must be in [{low}, {upper}, got {number}")
    return number


def check_bool(value: object, name: str) -> bool:
    """Check a flag: ``True`` or ``False`` only (a string such as ``"no"`` would read as true).

    >>> check_bool(False, "shuffle")
    False
    """
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def check_choice(value: object, name: str, choices: tuple[str, ...] | list[str]) -> str:
    """Check that ``value`` is one of the known names.

    >>> check_choice("gd", "optimizer", ("gd", "adam"))
    'gd'
    """
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, got {type(value).__name__}")
    if value not in choices:
        known = ", ".join(repr(c) for c in choices)
        raise ValueError(f"Unknown {name} {value!r}; known: {known}")
    return value

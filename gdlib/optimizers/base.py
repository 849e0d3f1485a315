"""The optimizer interface: a pair of pure functions in the style of optax.

``init(params) -> state`` builds the starting state; ``update(grads, state) -> (step, state)``
returns the step to add to the parameters (``params + step``) and the next state. Nothing is
mutated, so a state can be kept, compared or replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from gdlib._validate_arrays import _float_array

__all__ = ["GradientTransformation", "as_array", "as_grads"]


class GradientTransformation(NamedTuple):
    """An optimizer as two pure functions.

    Attributes:
        init: ``init(params) -> state``.
        update: ``update(grads, state) -> (step, state)``; the new parameters are
            ``params + step``.

    >>> import numpy as np
    >>> from gdlib.optimizers import sgd
    >>> opt = sgd(lr=0.1)
    >>> state = opt.init(np.array([2.0, 2.0]))
    >>> step, state = opt.update(np.array([4.0, 4.0]), state)
    >>> step.tolist()
    [-0.4, -0.4]

    """

    init: Callable[[np.ndarray], Any]
    update: Callable[[np.ndarray, Any], tuple[np.ndarray, Any]]


def as_array(value: object, name: str = "params") -> np.ndarray:
    """Return ``value`` as a float64 array, or raise ``TypeError`` naming ``name``.

    No copy when it already is one; anything but real numbers (strings, bools, None) is refused.

    >>> as_array([1, 2]).dtype
    dtype('float64')
    """
    return _float_array(value, name)


def as_grads(grads: object, like: np.ndarray) -> np.ndarray:
    """Return ``grads`` as a float64 array of the parameters' shape, or raise naming ``grads``.

    ``like`` is a buffer of the state, of the parameters' shape: a gradient of another shape
    would broadcast into a step of the wrong shape, and ``None`` would give a NaN step.

    >>> as_grads([1, 2], np.zeros(2))
    array([1., 2.])
    >>> as_grads([[1, 2]], np.zeros(2))
    Traceback (most recent call last):
    ...
    ValueError: grads must have the parameters' shape (2,), got (1, 2)
    """
    array = _float_array(grads, "grads")
    if array.shape != like.shape:
        raise ValueError(f"grads must have the parameters' shape {like.shape}, got {array.shape}")
    return array

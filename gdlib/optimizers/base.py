"""The optimizer interface: a pair of pure functions in the style of optax.

``init(params) -> state`` builds the starting state; ``update(grads, state) -> (step, state)``
returns the step to add to the parameters (``params + step``) and the next state. Nothing is
mutated, so a state can be kept, compared or replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

__all__ = ["GradientTransformation", "as_array"]


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


def as_array(value: object) -> np.ndarray:
    """Return ``value`` as a float64 array (no copy when it already is one).

    >>> as_array([1, 2]).dtype
    dtype('float64')
    """
    return np.asarray(value, dtype=np.float64)

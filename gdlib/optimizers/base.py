"""The optimizer interface, and the helpers gdlib's own rules are written with.

An optimizer is a ``GradientTransformation``, a pair of pure functions in the style of optax:
``init(params) -> state`` builds the starting state; ``update(grads, state) -> (step, state)``
returns the step to add to the parameters (``params + step``) and the next state. Nothing is
mutated, so a state can be kept, compared or replayed.

A rule of your own is two such functions, its state a ``NamedTuple``. The helpers below check
what ``update`` is given, as gdlib's rules do: ``check_state`` refuses a state another optimizer
built, ``as_grads`` a gradient of the wrong shape or not finite (it needs an array of the
parameters' shape from the state), and ``accumulate_squares`` keeps an adaptive rule's sum or
average of squared gradients. Sign descent, a step of ``lr`` against the sign of each
coordinate's gradient:

>>> from typing import NamedTuple
>>> class SignState(NamedTuple):
...     like: np.ndarray  # zeros of the parameters' shape, for as_grads
>>> def sign_descent(lr):
...     def init(params):
...         return SignState(np.zeros_like(as_array(params)))
...     def update(grads, state):
...         check_state(state, SignState)
...         return -lr * np.sign(as_grads(grads, state.like)), state
...     return GradientTransformation(init, update)

``descend`` runs it as it runs a named optimizer:

>>> from gdlib.descent import descend
>>> run = descend("bowl", (2.0, 2.0), optimizer=sign_descent(0.5))
>>> run.status, run.positions.tolist()
('converged', [[2.0, 2.0], [1.5, 1.5], [1.0, 1.0], [0.5, 0.5], [0.0, 0.0]])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

import numpy as np

from gdlib._validate_arrays import _check_finite, _float_array

__all__ = ["GradientTransformation", "accumulate_squares", "as_array", "as_grads", "check_state"]
TOO_LARGE = "grads too large: their squares overflow float64; rescale the loss"


class GradientTransformation(NamedTuple):
    """An optimizer as two pure functions.

    Attributes:
        init: ``init(params) -> state``.
        update: ``update(grads, state) -> (step, state)``; the new parameters are
            ``params + step``. It raises ``TypeError`` for a state another optimizer built
            and ``ValueError`` for grads that are not finite, of another shape, or (adaptive
            rules) so large that their squares overflow float64.

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
    """Return ``grads`` as a finite float64 array of the parameters' shape, or raise naming it.

    ``like`` is a buffer of the state, of the parameters' shape: a gradient of another shape
    would broadcast into a step of the wrong shape, ``None`` would give a NaN step, and so would
    a NaN or an infinity (every rule would pass it on into the step without a word).

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
    _check_finite(array, "grads")
    return array


def check_state(state: object, kind: type) -> None:
    """Raise ``TypeError`` unless ``state`` is a ``kind``, the state this optimizer's init builds.

    >>> from gdlib.optimizers import SgdState
    >>> check_state(None, SgdState)
    Traceback (most recent call last):
    ...
    TypeError: state must be the SgdState from this optimizer's init, got NoneType
    """
    if not isinstance(state, kind):
        got = type(state).__name__
        raise TypeError(f"state must be the {kind.__name__} from this optimizer's init, got {got}")


def accumulate_squares(
    previous: np.ndarray, grads: np.ndarray, keep: float = 1.0, weight: float = 1.0
) -> np.ndarray:
    r"""Return an adaptive rule's second moment $k\,s + w\,g^2$, refusing squares that overflow.

    AdaGrad sums ($k = w = 1$), RMSProp and Adam average ($k = \alpha$ or $\beta_2$,
    $w = 1 - k$). A gradient above about 1.3e154 squares to infinity: the step would be 0 or NaN,
    and AdaGrad's coordinate frozen for good, so the rule refuses it.

    >>> accumulate_squares(np.zeros(2), np.array([3.0, 1.0]), keep=0.5, weight=0.5).tolist()
    [4.5, 0.5]
    >>> accumulate_squares(np.zeros(2), np.array([1e160, 1.0]))
    Traceback (most recent call last):
    ...
    ValueError: grads too large: their squares overflow float64; rescale the loss
    """
    with np.errstate(over="ignore"):  # refused by name below
        moment = keep * previous + weight * (grads * grads)
    if not np.isfinite(moment).all():
        raise ValueError(TOO_LARGE)
    return moment

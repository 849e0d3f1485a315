"""The ``Surface`` record: a 2-D function, its gradient and what a plot needs.

Import it from ``gdlib.surfaces``, which holds the built-in ones. A ``Surface`` checks its fields
when it is built (``func`` and ``gradient`` callable, ``lipschitz`` None or a finite number above
0), and ``f`` and ``grad`` check what ``func`` and ``gradient`` return: real numbers of the
points' shape, named ``func`` or ``gradient`` when they are not. A value or gradient that is not
finite passes: the descent loop reports it as a divergence.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from gdlib._validate import _float_array, _real, check_points

__all__ = ["Point", "Surface"]

Point = tuple[float, float]
"""A point of the plane, a pair of floats ``(x, y)``: a ``Surface``'s ``start`` and ``minima``."""


def _shaped(out: object, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """``func``'s or one of ``gradient``'s results as float64 of ``shape``, or raise naming it."""
    array = _float_array(out, f"{name}'s result")
    if array.shape == shape:
        return array
    # A Python number is a constant, one value for every point. A NumPy scalar for several points
    # is more likely a func that reduced them to one (np.sum) or a pair read from one array.
    if type(out) in (int, float):
        return np.broadcast_to(array, shape).copy()
    raise ValueError(f"{name} must return shape {shape} here, got {array.shape}")


@dataclass(frozen=True)
class Surface:
    """A 2-D function to descend, with what a plot or an explorer needs to show it.

    Attributes:
        name: Key in ``SURFACES``.
        title: Display name.
        formula: The function in LaTeX, as ``f(x, y) = ...``.
        func: The raw function ``func(x, y)`` on two broadcastable arrays; it returns real
            numbers (a ``TypeError`` naming ``func`` otherwise, when ``f`` calls it).
        gradient: Its gradient ``gradient(x, y)``, the pair of arrays ``(df/dx, df/dy)`` of real
            numbers (checked by ``grad``, which names ``gradient``).
        bounds: ``((xmin, xmax), (ymin, ymax))``, a good plotting window: two pairs of
            floats, the x range then the y range.
        minima: Known minimisers ``(x, y)``, a global one first; empty when there is none
            (unbounded below), ``None`` when none is known (a reader's own function).
        start: A suggested start point ``(x, y)``.
        lipschitz: Lipschitz constant L of the gradient when it is a constant, else ``None``;
            on a quadratic, plain gradient descent with ``lr > 2 / L`` diverges from every start
            whose offset from the minimiser has a part along an eigenvector with ``|lambda| = L``
            (that part grows by ``|1 - lr lambda| > 1`` a step). A finite number above 0.

    Building one raises ``TypeError`` when ``func`` or ``gradient`` is not callable or
    ``lipschitz`` not a real number, and ``ValueError`` when ``lipschitz`` is not above 0 and
    finite, naming the field.

    >>> from gdlib.surfaces import SURFACES
    >>> bowl = SURFACES["bowl"]
    >>> float(bowl.f([2.0, 2.0])), bowl.grad([2.0, 2.0]).tolist()
    (8.0, [4.0, 4.0])

    """

    name: str
    title: str
    formula: str
    func: Callable[[np.ndarray, np.ndarray], np.ndarray]
    gradient: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
    bounds: tuple[tuple[float, float], tuple[float, float]]  # ranges, not points
    minima: tuple[Point, ...] | None
    start: Point
    lipschitz: float | None = None

    def __post_init__(self) -> None:
        for field, does in (("func", "(x, y) -> value"), ("gradient", "(x, y) -> (dx, dy)")):
            if not callable(getattr(self, field)):
                kind = type(getattr(self, field)).__name__
                raise TypeError(f"{field} must be callable {does}, got {kind}")
        if self.lipschitz is not None:
            value = _real(self.lipschitz, "lipschitz")
            if not (math.isfinite(value) and value > 0.0):  # 2/L must be a rate
                raise ValueError(f"lipschitz must be None or finite and > 0, got {self.lipschitz}")
            object.__setattr__(self, "lipschitz", value)  # a float, whatever real type it came as

    def f(self, p: object) -> np.ndarray:
        """Value at points ``p`` of shape ``(..., 2)``; returns shape ``(...)``.

        >>> from gdlib.surfaces import SURFACES
        >>> SURFACES["valley"].f(np.zeros((4, 5, 2))).shape
        (4, 5)
        """
        p = check_points(p)
        return _shaped(self.func(p[..., 0], p[..., 1]), "func", p.shape[:-1])

    def grad(self, p: object) -> np.ndarray:
        """Gradient at points ``p`` of shape ``(..., 2)``; returns shape ``(..., 2)``.

        >>> from gdlib.surfaces import SURFACES
        >>> SURFACES["rosenbrock"].grad([[2.0, 4.0], [0.0, 0.0]]).tolist()
        [[2.0, 0.0], [-2.0, 0.0]]
        """
        p = check_points(p)
        parts = self.gradient(p[..., 0], p[..., 1])
        try:
            count = len(parts)
        except TypeError:
            count = None
        if count != 2:
            got = f"{count} items" if count is not None else type(parts).__name__
            raise ValueError(f"gradient must return a pair (df/dx, df/dy), got {got}")
        shape = p.shape[:-1]
        return np.stack([_shaped(part, "gradient", shape) for part in parts], axis=-1)

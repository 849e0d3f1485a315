"""Two-dimensional test surfaces with analytic gradients, known minima, plotting bounds and starts.

Every ``f`` and ``grad`` takes points of shape ``(..., 2)`` (one point, a path or a whole grid) and
returns values of shape ``(...)`` and gradients of shape ``(..., 2)``.
"""

from __future__ import annotations

from gdlib._surface import Point, Surface
from gdlib._validate import check_choice

__all__ = ["SURFACES", "Point", "Surface", "get_surface"]


def _rosenbrock_grad(x, y):
    return -2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)


def _himmelblau_grad(x, y):
    a, b = x * x + y - 11.0, x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b


def _camel(x, y):
    x2, y2 = x * x, y * y
    return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2


def _camel_grad(x, y):
    x2 = x * x
    return 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y


# Minimisers refined by Newton's method to machine precision (tests check the gradient there).
_HIMMELBLAU_MINIMA = (
    (3.0, 2.0),
    (-2.805118086952745, 3.131312518250573),
    (-3.779310253377747, -3.2831859912861696),
    (3.5844283403304917, -1.8481265269644036),
)
_CAMEL_MINIMA = (
    (0.08984201310031807, -0.7126564030207396),
    (-0.08984201310031807, 0.7126564030207396),
    (-1.7036067149699812, 0.7960835686726251),
    (1.7036067149699812, -0.7960835686726251),
    (1.6071047529201976, 0.5686514548841313),
    (-1.6071047529201976, -0.5686514548841313),
)

SURFACES: dict[str, Surface] = {
    s.name: s
    for s in (
        Surface(
            name="bowl",
            title="Bowl",
            formula=r"f(x, y) = x^2 + y^2",
            func=lambda x, y: x * x + y * y,
            gradient=lambda x, y: (2.0 * x, 2.0 * y),
            bounds=((-3.0, 3.0), (-3.0, 3.0)),
            minima=((0.0, 0.0),),
            start=(2.0, 2.0),
            lipschitz=2.0,
        ),
        Surface(
            name="valley",
            title="Elongated valley",
            formula=r"f(x, y) = x^2 + 10\,y^2",
            func=lambda x, y: x * x + 10.0 * y * y,
            gradient=lambda x, y: (2.0 * x, 20.0 * y),
            bounds=((-3.0, 3.0), (-1.5, 1.5)),
            minima=((0.0, 0.0),),
            start=(-2.5, 1.0),
            lipschitz=20.0,
        ),
        Surface(
            name="rosenbrock",
            title="Rosenbrock's banana",
            formula=r"f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2",
            func=lambda x, y: (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2,
            gradient=_rosenbrock_grad,
            bounds=((-2.0, 2.0), (-1.0, 3.0)),
            minima=((1.0, 1.0),),
            start=(-1.5, 2.0),
        ),
        Surface(
            name="himmelblau",
            title="Himmelblau (four minima)",
            formula=r"f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            func=lambda x, y: (x * x + y - 11.0) ** 2 + (x + y * y - 7.0) ** 2,
            gradient=_himmelblau_grad,
            bounds=((-5.0, 5.0), (-5.0, 5.0)),
            minima=_HIMMELBLAU_MINIMA,
            start=(0.0, 0.0),
        ),
        Surface(
            name="saddle",
            title="Saddle",
            formula=r"f(x, y) = x^2 - y^2",
            func=lambda x, y: x * x - y * y,
            gradient=lambda x, y: (2.0 * x, -2.0 * y),
            bounds=((-2.0, 2.0), (-2.0, 2.0)),
            minima=(),
            start=(1.5, 0.01),
            lipschitz=2.0,
        ),
        Surface(
            name="camel",
            title="Six-hump camel",
            # Plain brackets: KaTeX does not break a line inside \left( ... \right), and the
            # reference's table of surfaces ran 13 px wider than its 688 px column.
            formula=r"f(x, y) = (4 - 2.1 x^2 + x^4/3) x^2 + x y + (4 y^2 - 4) y^2",
            func=_camel,
            gradient=_camel_grad,
            bounds=((-2.0, 2.0), (-1.0, 1.0)),
            minima=_CAMEL_MINIMA,
            start=(-1.5, -0.8),
        ),
    )
}
"""The built-in surfaces by name, the names ``get_surface`` and ``descend`` take: ``"bowl"``,
``"valley"``, ``"rosenbrock"``, ``"himmelblau"``, ``"saddle"`` and ``"camel"``."""


def get_surface(name: str) -> Surface:
    """Return the surface called ``name``.

    Args:
        name: One of the keys of ``SURFACES``.

    Returns:
        The ``Surface``.

    Raises:
        TypeError: ``name`` is not a string (a number, a ``Surface``).
        ValueError: ``name`` is unknown (the message lists the known ones).

    >>> get_surface("rosenbrock").minima
    ((1.0, 1.0),)

    """
    return SURFACES[check_choice(name, "surface name", tuple(SURFACES))]


def _as_surface(surface: object) -> Surface:
    """Return ``surface`` when it is a ``Surface``, the one it names when it is a string.

    ``descend`` and ``descend_backtracking`` take either.

    >>> _as_surface("bowl") is SURFACES["bowl"]
    True
    >>> _as_surface(object())
    Traceback (most recent call last):
    ...
    TypeError: surface must be a Surface or a surface name, got object
    """
    if isinstance(surface, Surface):
        return surface
    if not isinstance(surface, str):
        kind = type(surface).__name__
        raise TypeError(f"surface must be a Surface or a surface name, got {kind}")
    return get_surface(surface)

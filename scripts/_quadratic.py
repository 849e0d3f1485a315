"""Quadratic valleys built as gdlib `Surface`s for the parameter-update figures.

`valley(kappa, angle)` is f = u^2 + kappa w^2 in coordinates (u, w) turned by `angle` from (x, y):
Hessian eigenvalues 2 and 2 kappa, condition number kappa. At angle 0 and kappa 10 it is gdlib's
own valley x^2 + 10 y^2; at 45 degrees its curvature no longer lines up with the coordinate axes,
which is what per-coordinate methods (AdaGrad, RMSProp, Adam) rely on. `slope` is a tilted plane,
a constant gradient. The start is gdlib's valley start (-2.5, 1) turned with the valley.
`quadratic(kappa)` is the conditioning page's 0.5 (x^2 + kappa y^2) (fig_conditioning.py,
_conditioning_starts.py, fig_conditioning_live.py; js/src/widgets/rate-state.js computes the same
in the browser). `heavy_ball`, `nesterov` (the textbook's) and `nesterov_quadratic` tune the
momentum methods for a quadratic's extreme eigenvalues.
"""

from __future__ import annotations

import numpy as np

from gdlib.surfaces import Surface


def valley(kappa: float, angle: float = 0.0) -> Surface:
    """Build the valley u^2 + kappa w^2 turned by `angle` radians (eigenvalues 2, 2 kappa)."""
    c, s = np.cos(angle), np.sin(angle)

    def func(x, y):
        u, w = c * x + s * y, -s * x + c * y
        return u * u + kappa * w * w

    def gradient(x, y):
        u, w = c * x + s * y, -s * x + c * y
        gu, gw = 2.0 * u, 2.0 * kappa * w
        return c * gu - s * gw, s * gu + c * gw

    start = (-2.5 * c - 1.0 * s, -2.5 * s + 1.0 * c)
    return Surface(
        name=f"valley-{kappa:g}-{np.degrees(angle):g}",
        title=f"valley, kappa {kappa:g}, turned {np.degrees(angle):g} degrees",
        formula=r"u^2 + \kappa w^2",
        func=func,
        gradient=gradient,
        bounds=((-3.0, 3.0), (-3.0, 3.0)),
        minima=((0.0, 0.0),),
        start=start,
        lipschitz=2.0 * kappa,
    )


def slope(gradient: float = 1.0) -> Surface:
    """Build the plane f = g x: the same gradient (g, 0) everywhere, unbounded below."""
    return Surface(
        name="slope",
        title="constant slope",
        formula=r"g\,x",
        func=lambda x, y: gradient * x + 0.0 * y,
        gradient=lambda x, y: (gradient + 0.0 * x, 0.0 * y),
        bounds=((-1.0, 1.0), (-1.0, 1.0)),
        minima=(),
        start=(0.0, 0.0),
    )


def heavy_ball(lipschitz: float, strong: float) -> tuple[float, float]:
    """Return Polyak's tuning for eigenvalues in [strong, lipschitz]: (lr, momentum)."""
    root_kappa = np.sqrt(lipschitz / strong)
    lr = 4.0 / (np.sqrt(lipschitz) + np.sqrt(strong)) ** 2
    return float(lr), float(((root_kappa - 1.0) / (root_kappa + 1.0)) ** 2)


def nesterov(lipschitz: float, strong: float) -> tuple[float, float]:
    """Tune Nesterov's method by the textbook: lr 1/L, momentum (sqrt(k) - 1)/(sqrt(k) + 1)."""
    root_kappa = np.sqrt(lipschitz / strong)
    return 1.0 / lipschitz, float((root_kappa - 1.0) / (root_kappa + 1.0))


def nesterov_quadratic(lipschitz: float, strong: float) -> tuple[float, float]:
    """Tune Nesterov's method for quadratics (Lessard, Recht and Packard, 2016): (lr, momentum).

    lr 4 / (3L + m), momentum (sqrt(3 kappa + 1) - 2) / (sqrt(3 kappa + 1) + 2): contraction
    1 - 2 / sqrt(3 kappa + 1) on a quadratic, against 1 - 1 / sqrt(kappa) at the textbook's.
    """
    root = np.sqrt(3.0 * lipschitz / strong + 1.0)
    return 4.0 / (3.0 * lipschitz + strong), float((root - 2.0) / (root + 2.0))


def quadratic(kappa: float) -> Surface:
    """0.5 (x^2 + kappa y^2): Hessian diag(1, kappa), minimum at the origin."""
    return Surface(
        name=f"quadratic-{kappa}",
        title=f"kappa = {kappa}",
        formula=f"\\tfrac12(x^2 + {kappa}y^2)",
        func=lambda x, y: 0.5 * (x**2 + kappa * y**2),
        gradient=lambda x, y: (x, kappa * y),
        bounds=((-2.0, 2.0), (-2.0, 2.0)),
        minima=((0.0, 0.0),),
        start=(1.0, 1.0),
        lipschitz=float(kappa),
    )

"""The conditioning page's step counts from a start at the best fixed rate: predicted and run.

At eta* = 2/(lambda_min + lambda_max) every component of the gradient along an eigenvector shrinks
by rho* = (kappa - 1)/(kappa + 1) a step, so ||g_k|| <= tol after
ceil(ln(tol / ||g_0||) / ln rho*) steps: the start counts only through ln ||g_0||. The cases are
the page's 0.5 (x^2 + kappa y^2) from (1, 1) for kappa 10 and 100, gdlib's valley x^2 + 10 y^2
(twice the kappa = 10 one) from its start (-2.5, 1), and the kappa = 10 quadratic from that same
start ("half_valley"): with it the page can tell the start's share of the valley's extra steps
from the doubled scale's, since the tolerance is absolute. Also the page's exercise at
kappa = 1000: its estimate kappa/2 ln 10^6 and the exact count.
"""

from __future__ import annotations

import numpy as np
from _quadratic import quadratic

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import GRAD_TOL, descend
from gdlib.rates import best_fixed_rate, predicted_rate, steps_to_shrink
from gdlib.surfaces import get_surface

# The valley is a quadratic: its Hessian, and so these, are the same at every point.
VALLEY_EIGENVALUES = hessian_eigenvalues(get_surface("valley").grad, (0.0, 0.0), h=1e-3)
VALLEY_START, VALLEY_LR = (-2.5, 1.0), best_fixed_rate(VALLEY_EIGENVALUES)
TOL = GRAD_TOL  # the gradient norm every run of the page stops at
HALF_VALLEY = (1.0, 10.0)  # the Hessian eigenvalues of 0.5 (x^2 + 10 y^2)
TRY_KAPPA = 1000.0  # the condition number of the page's "Try it"


def predicted_steps() -> dict[str, object]:
    """Each case's ||g_0|| and predicted steps; the half valley's run and the cost of scale 2."""
    out = {}
    cases = {f"{k}": (quadratic(k), (1.0, 1.0), (1.0, float(k))) for k in (10, 100)}
    cases["valley"] = (get_surface("valley"), VALLEY_START, tuple(VALLEY_EIGENVALUES))
    cases["half_valley"] = (quadratic(10), VALLEY_START, HALF_VALLEY)
    for name, (surface, start, eig) in cases.items():
        g0 = float(np.linalg.norm(surface.grad(np.array(start))))
        out[f"g0_{name}"] = f"{g0:.4g}"
        out[f"steps_{name}_pred"] = steps_to_shrink(predicted_rate(eig), TOL / g0)
    lr = best_fixed_rate(HALF_VALLEY)
    half = descend(quadratic(10), VALLEY_START, lr=lr, max_iter=20_000, grad_tol=TOL)
    out["steps_half_valley"] = half.iterations
    # Doubling f doubles every gradient: ln 2 / -ln rho* more steps to the same absolute tolerance.
    out["scale_steps"] = f"{np.log(2) / -np.log(predicted_rate(HALF_VALLEY)):.1f}"
    # The page's exercise: kappa = 1000, shrunk 1e6-fold; the estimate kappa/2 ln R, the count.
    out["try_estimate"] = round(TRY_KAPPA / 2 * np.log(1e6))
    out["try_steps"] = steps_to_shrink(predicted_rate((1.0, TRY_KAPPA)), 1e-6)
    return out

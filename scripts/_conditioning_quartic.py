"""A convex loss with a minimiser whose curvature fades: the foil to the logistic run.

fig_conditioning.py writes these values with its own. gdlib's plain descent runs on
f(x, y) = x^4 / 4 + y^2 / 2 (minimiser (0, 0); curvature 3x^2 along x, zero at the minimiser, so
not strongly convex) from (1, 0) at lr = 1/3, which is 1/L on |x| <= 1, where the run stays (f
never rises). It runs 10 000 steps, as the logistic run does; the page sets k f(x_k) after 1 000
and 10 000 steps beside the logistic run's, which holds near 1/lr: here it falls towards 0, as it
must on a loss with a minimiser (x_k is about 1/sqrt(2 lr k), so k f is about 1/(16 lr^2 k)).
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
from _prose import fmt

from gdlib.descent import descend
from gdlib.surfaces import Surface

QUARTIC_LR, QUARTIC_STEPS = 1 / 3, 10_000
QUARTIC = Surface(
    name="quartic",
    title="x^4/4 + y^2/2",
    formula="\\tfrac14 x^4 + \\tfrac12 y^2",
    func=lambda x, y: x**4 / 4 + 0.5 * y**2,
    gradient=lambda x, y: (x**3, y),
    bounds=((-1.5, 1.5), (-1.0, 1.0)),
    minima=((0.0, 0.0),),
    start=(1.0, 0.0),
    lipschitz=3.0,  # on |x| <= 1, the run's region
)


def quartic_values() -> dict[str, object]:
    """Return k f(x_k) after 1 000 and 10 000 steps of plain descent on the quartic."""
    run = descend(
        QUARTIC, QUARTIC.start, lr=QUARTIC_LR, max_iter=QUARTIC_STEPS, grad_tol=0, step_tol=0
    )
    if run.iterations != QUARTIC_STEPS or np.any(np.diff(run.values) > 0):
        raise RuntimeError(f"the quartic run must fall for {QUARTIC_STEPS} steps: {run.message}")
    kf = np.arange(1, QUARTIC_STEPS + 1) * run.values[1:]  # f* = 0
    return {
        "quartic_lr": "1/3",
        "quartic_steps": f"{QUARTIC_STEPS:,}",
        "quartic_kf_1000": fmt(kf[999], 2),
        "quartic_kf_10000": fmt(kf[-1], 2),
        "quartic_kf_1000_n": float(kf[999]),
        "quartic_kf_10000_n": float(kf[-1]),
        # k^2 f after 10 000 steps, against the model's 1/(16 lr^2): f falls like 1/k^2 here.
        "quartic_k2f": fmt(QUARTIC_STEPS * kf[-1], 2),
        "quartic_k2f_n": float(QUARTIC_STEPS * kf[-1]),
        "quartic_k2f_model": str(Fraction(1 / (16 * QUARTIC_LR**2)).limit_denominator(1000)),
        "quartic_k2f_model_n": 1 / (16 * QUARTIC_LR**2),
    }

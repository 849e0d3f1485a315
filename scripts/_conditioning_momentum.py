"""Heavy-ball momentum on the conditioning page's quadratics: its steps grow like sqrt(kappa).

fig_conditioning.py writes these values with its own. gdlib's heavy ball (plain descent with
`momentum`) runs on _quadratic.quadratic(kappa) = 0.5 (x^2 + kappa y^2) from (1, 1), as plain
descent does on the page, with Polyak's tuning for curvatures in [1, kappa] (_quadratic.heavy_ball:
lr 4 / (sqrt(L) + sqrt(m))^2, momentum ((sqrt(kappa) - 1) / (sqrt(kappa) + 1))^2), to the same
gradient norm of 1e-6. The factor per step is measured over the second half of the run, against
rho = (sqrt(kappa) - 1) / (sqrt(kappa) + 1), the tuned method's rate on a quadratic, and against
the same window's mean factor of k rho^k: Polyak's tuning gives the extreme curvatures double
roots.
"""

from __future__ import annotations

import numpy as np
from _quadratic import heavy_ball, quadratic

from gdlib.descent import descend
from gdlib.rates import measured_rate

MOMENTUM_KAPPAS = (10, 100)


def momentum_values() -> dict[str, object]:
    """Return the tuned heavy ball's steps at each kappa and its measured factor at the largest."""
    out: dict[str, object] = {}
    for kappa in MOMENTUM_KAPPAS:
        lr, mu = heavy_ball(float(kappa), 1.0)
        run = descend(quadratic(kappa), (1.0, 1.0), lr=lr, max_iter=20_000, hyper={"momentum": mu})
        if run.status != "converged":
            raise RuntimeError(f"heavy ball at kappa {kappa}: {run.message}")
        root = np.sqrt(kappa)
        n = run.iterations
        rate = measured_rate(run.positions, (0.0, 0.0), start=n // 2)
        rho = (root - 1) / (root + 1)
        out[f"hb_steps_{kappa}"] = n
        out[f"hb_rate_{kappa}"] = round(float(rate), 4)
        out[f"hb_pred_{kappa}"] = round(float(rho), 4)
        distance = np.hypot(*run.positions.T)
        out[f"hb_grows_{kappa}"] = int(np.sum(np.diff(distance) > 0))  # steps that moved away
        # Double roots: the error goes like k rho^k, so from step n // 2 to n the mean factor is
        # rho (n / (n // 2))^(1 / (n - n // 2)).
        out[f"hb_pred_k_{kappa}"] = round(float(rho * (n / (n // 2)) ** (1 / (n - n // 2))), 4)
        out[f"hb_mu_{kappa}"] = round(mu, 4)
        out[f"hb_lr_{kappa}"] = round(lr, 4)
    first, last = MOMENTUM_KAPPAS[0], MOMENTUM_KAPPAS[-1]
    out["hb_steps_ratio"] = round(out[f"hb_steps_{last}"] / out[f"hb_steps_{first}"], 1)
    return out

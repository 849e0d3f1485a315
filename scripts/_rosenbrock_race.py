"""The Rosenbrock race's runs explained: how hand-picked its settings are, and its first steps.

fig_updates_loss.py writes these values with its own. The rate the curvature at the minimum
allows plain descent, and momentum at mu = 0.95 at the race's rate; at the start, the race's rate
is too large for Nesterov's look-ahead (its swings off the floor y = x^2 in the first SWING
steps), and after them every run follows the floor.
"""

from __future__ import annotations

import numpy as np
from _races import MAX_ITER, RACES

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import descend
from gdlib.surfaces import get_surface

HEAVIER = 0.95  # a second momentum tried on Rosenbrock at the race's rate
SWING = 50  # Rosenbrock's first steps, where the swings off the floor are measured
NEAR = 0.975  # plain descent's rate on Rosenbrock, as a share of 2/lambda_max at the minimum
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
ROSENBROCK_SAYS = {
    "rosenbrock_gd_near_status_max_iter": (
        f"plain descent on Rosenbrock at {NEAR:g} × 2/λmax ran all {MAX_ITER} steps"
        " without converging"
    ),
    "rosenbrock_momentum_heavier_converged": (
        f"momentum with μ = {HEAVIER:g} at the race's rate converged on Rosenbrock"
    ),
}


def off_floor(positions: np.ndarray) -> np.ndarray:
    """Return |y - x^2| at each iterate: how far it is from Rosenbrock's curved floor."""
    return np.abs(positions[:, 1] - positions[:, 0] ** 2)


def rosenbrock_settings(runs) -> dict[str, object]:
    """How hand-picked the Rosenbrock race is: the rate plain descent could afford, and mu 0.95.

    The Hessian at the minimum (central differences of gdlib's gradient) has largest eigenvalue
    lambda_max, so plain descent is stable near the minimum up to lr = 2 / lambda_max; a run just
    under that limit is compared with the race's run (`runs["gd"]`) at the end of their MAX_ITER
    steps.
    """
    surface = get_surface("rosenbrock")
    top = hessian_eigenvalues(surface.grad, surface.minima[0]).max()
    near = descend(surface, surface.start, "gd", NEAR * 2.0 / top, MAX_ITER)
    slow = runs["gd"]
    mom, hyper = RACES["rosenbrock"]["momentum"][0], {"momentum": HEAVIER}
    heavier = descend(surface, surface.start, "momentum", mom, MAX_ITER, hyper=hyper)
    return {
        "rosenbrock_lambda_max": f"{top:.0f}",
        "rosenbrock_gd_limit": f"{2.0 / top:.2g}",
        "rosenbrock_gd_near_lr": f"{NEAR * 2.0 / top:.3g}",
        "rosenbrock_gd_near_status_max_iter": near.status == "max_iter",
        "rosenbrock_gd_near_orders": int(np.floor(np.log10(slow.values[-1] / near.values[-1]))),
        "rosenbrock_heavier": f"{HEAVIER:g}",
        "rosenbrock_momentum_heavier": heavier.iterations,
        "rosenbrock_momentum_heavier_converged": heavier.status == "converged",
    }


def rosenbrock_start(runs) -> dict[str, object]:
    """Why Nesterov swings widest on Rosenbrock: the race's rate is too large for the start.

    On a quadratic of curvature lambda, plain descent is stable for lr lambda < 2, heavy ball for
    lr lambda < 2 (1 + mu), Nesterov (torch's form) for lr lambda < 2 (1 + mu) / (1 + 2 mu). The
    Hessian at the start (central differences) has lr lambda_max between Nesterov's limit and
    heavy ball's; the swings are each run's largest |y - x^2| (off the floor) in its first SWING
    steps, and `rosenbrock_floor_after_n` the largest over every run's later steps.
    """
    surface = get_surface("rosenbrock")
    p = np.array(surface.start, dtype=float)
    top = hessian_eigenvalues(surface.grad, p).max()
    lr, hyper = RACES["rosenbrock"]["nesterov"]
    mu = hyper["momentum"]
    swing = {o: float(off_floor(r.positions[: SWING + 1]).max()) for o, r in runs.items()}
    after = max(float(off_floor(r.positions[SWING:]).max()) for r in runs.values())
    others = max(v for o, v in swing.items() if o != "nesterov")
    return {
        "rosenbrock_start_lambda": f"{top:.0f}",
        "rosenbrock_start_eta_lambda": f"{lr * top:.2f}",
        "rosenbrock_nesterov_limit": f"{2 * (1 + mu) / (1 + 2 * mu):.2f}",
        "rosenbrock_heavy_limit": f"{2 * (1 + mu):.1f}",
        "rosenbrock_nesterov_swing": f"{swing['nesterov']:.2f}",
        "rosenbrock_others_swing": f"{others:.2f}",
        "rosenbrock_start_gap": f"{abs(p[1] - p[0] ** 2):.2f}",
        "rosenbrock_start_gap_n": float(abs(p[1] - p[0] ** 2)),
        "rosenbrock_floor_after": f"{after:.2g}",  # every run's largest |y - x^2| after SWING
        "rosenbrock_floor_after_n": after,
        "rosenbrock_nesterov_f0": f"{runs['nesterov'].values[0]:.3g}",
        "rosenbrock_nesterov_max_f": f"{runs['nesterov'].values[: SWING + 1].max():.3g}",
        "rosenbrock_swing_steps": SWING,
    }

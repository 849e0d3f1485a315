"""Learning rate, the live figure's static twin: a valley run and the steps-to-converge curve.

Left: gdlib's plain descent on x^2 + 10 y^2 from the valley's start at the live figure's opening
rate (the best fixed rate 2 / (2 + 20), rounded to the three digits the slider shows). Right: the
steps each of SWEEP log-spaced rates took to converge (capped at MAX_ITER; a cross marks a
rate that hit the cap, on the cap line, a triangle one that diverged, on a row above the cap, as
fig_lr_bound.py draws them), with the opening rate marked. js/src/widgets/rate.js draws the same
picture in the browser from the same settings (the page passes them as its config), with the JS
port of descend that tests/test_js_agreement.py holds to gdlib's paths.
"""

from __future__ import annotations

import json
from pathlib import Path

import _rate_live
import numpy as np
from _figure import themed_svgs, write_values
from _prose import fmt

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import descend
from gdlib.rates import best_fixed_rate
from gdlib.surfaces import get_surface

VALLEY = get_surface("valley")
# The Hessian's eigenvalues at the minimum, exact on this quadratic: the rate is not typed.
LR = float(f"{best_fixed_rate(hessian_eigenvalues(VALLEY.grad, VALLEY.minima[0])):.3g}")
LR_MIN, LR_MAX = 0.001, 0.2
MAX_ITER = 200
LONG_CAP = 10_000  # enough for the slowest rate, 0.001, which needs about 7,700 steps
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "one_band": "the sweep's converged rates sit next to each other on its grid, with no gap",
    "falls": "the step count fell at each larger converged rate of the sweep",
    "slow_all_capped": (
        f"every rate of the sweep below the smallest converged one hit the {MAX_ITER}-step cap"
    ),
    "fewest_is_last": "the largest converged rate took fewer steps than every other converged rate",
    "late_cap_next": (
        f"the next rate past the largest converged one is below 2/L and hit the {MAX_ITER}-step cap"
    ),
    "capped_all_converge_long": (
        f"every sweep rate that hit the {MAX_ITER}-step cap converged when given {LONG_CAP:,} steps"
    ),
}


def sweep_rates() -> np.ndarray:
    """Return the rates of the steps-to-converge curve, log-spaced over the slider's range."""
    return _rate_live.sweep_rates(LR_MIN, LR_MAX)


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the live figure's settings."""
    surface = VALLEY
    run = descend(surface, surface.start, lr=LR, max_iter=MAX_ITER)
    rates = sweep_rates()
    sweep = [descend(surface, surface.start, lr=r, max_iter=MAX_ITER) for r in rates]
    draw = _rate_live.rate_drawer(surface, run, LR, rates, sweep, MAX_ITER)

    config = {"surface": surface.name, "start": list(surface.start), "lr": LR}
    config |= {"lrMin": LR_MIN, "lrMax": LR_MAX, "maxIter": MAX_ITER}
    values = {
        "lr": LR,
        "steps": run.iterations,
        "max_iter": MAX_ITER,
        "message": run.message,
        "grad_norm_end": float(np.linalg.norm(surface.grad(run.positions[-1]))),
        "two_over_l": fmt(2 / surface.lipschitz),
        "widget": json.dumps(config),
    }
    values |= _rate_live.sweep_facts(rates, sweep, surface.lipschitz)
    values |= capped_runs_given_time(surface, rates, sweep)
    return [
        *themed_svgs(draw, out_dir, "lr-live", narrow=True),
        write_values(out_dir, "lr_live", values, says=SAYS),
    ]


def capped_runs_given_time(surface, rates, sweep) -> dict:
    """Rerun every rate that hit MAX_ITER with LONG_CAP steps, to tell slow from unstable."""
    capped = [r for r, run in zip(rates, sweep, strict=True) if run.status == "max_iter"]
    longer = [descend(surface, surface.start, lr=r, max_iter=LONG_CAP) for r in capped]
    return {
        "long_cap": f"{LONG_CAP:,}",
        "capped_all_converge_long": all(run.status == "converged" for run in longer),
        "capped_slowest_steps": f"{max(run.iterations for run in longer):,}",
    }

"""Conditioning, the live figure's static twin: one quadratic's run and its steps-to-converge curve.

Plain descent on _quadratic.quadratic(KAPPA) = 0.5 (x^2 + KAPPA y^2) from (1, 1), as on the
page, at the best fixed rate 2 / (1 + KAPPA) rounded to the three digits the slider shows (left),
and the steps each of the sweep's rates took, with 2/L (dashed) and the best fixed rate (dotted)
(right). The sweep's grid has no rate between the best fixed rate and 2/L, where the count rises
again; one run halfway between them says by how much (`rise_lr`, `rise_steps`), and one at the
largest KAPPAS that the opening rate diverges there (`raised_*`). The live figure
(js/src/widgets/rate.js with `kappas` in its config) opens on the same run and lets the reader
choose the condition number among KAPPAS; tests/test_widget_agreement.py holds its runs and
sweeps to gdlib's for every one of them.
"""

from __future__ import annotations

import json
from pathlib import Path

import _rate_live
from _figure import themed_svgs, write_values
from _prose import fmt
from _quadratic import quadratic

from gdlib.descent import descend
from gdlib.rates import best_fixed_rate

KAPPAS = (1, 2, 10, 100)
KAPPA = 10
LR = float(f"{best_fixed_rate((1.0, float(KAPPA))):.3g}")
LR_MIN, LR_MAX = 0.001, 2.5
MAX_ITER = 1000
START = (1.0, 1.0)
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "raised_diverged": f"the opening rate η = {LR:g} diverged at κ = {max(KAPPAS)}",
    "rise_converged": (
        f"at κ = {KAPPA}, the run halfway from the best fixed rate to 2/L converged within"
        f" {MAX_ITER} steps"
    ),
    "gap_empty": "the opening sweep has no rate strictly between the best fixed rate and 2/L",
    "one_band": "the opening sweep's converged rates are next to each other on its grid",
    "slow_all_capped": (
        f"every rate of the opening sweep below its smallest converged one hit the {MAX_ITER}"
        "-step cap"
    ),
    "falls": (
        "in the opening sweep each converged rate took fewer steps than the converged one below"
    ),
    "above_cap_first": (
        f"the opening sweep's first rate at or above 2/L hit the cap of {MAX_ITER} steps"
    ),
}


def rise_facts(surface, rates, best: float) -> dict[str, object]:
    """Return a run halfway from the best fixed rate to 2/L, where the sweep has no rate."""
    two_over_l = 2 / surface.lipschitz
    rise_lr = float(f"{(best + two_over_l) / 2:.3g}")
    rise = descend(surface, START, lr=rise_lr, max_iter=MAX_ITER)
    return {
        "rise_lr": rise_lr,
        "rise_steps": rise.iterations,
        "rise_converged": rise.status == "converged",
        "gap_empty": not any(best < r < two_over_l for r in rates),
    }


def raised_facts() -> dict[str, object]:
    """Return the opening rate's run at the largest kappa the reader can choose: above its 2/L."""
    kappa = max(KAPPAS)
    surface = quadratic(kappa)
    run = descend(surface, START, lr=LR, max_iter=MAX_ITER)
    return {
        "raised_kappa": kappa,
        "raised_two_over_l": fmt(2 / surface.lipschitz),
        "raised_diverged": run.status == "diverged",
        "raised_steps": run.iterations,
    }


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the live figure's settings."""
    surface = quadratic(KAPPA)
    run = descend(surface, START, lr=LR, max_iter=MAX_ITER)
    rates = _rate_live.sweep_rates(LR_MIN, LR_MAX)
    sweep = [descend(surface, START, lr=r, max_iter=MAX_ITER) for r in rates]
    best = best_fixed_rate((1.0, float(KAPPA)))
    draw = _rate_live.rate_drawer(surface, run, LR, rates, sweep, MAX_ITER, best=best)
    config = {"kappas": list(KAPPAS), "kappa": KAPPA, "bounds": [list(b) for b in surface.bounds]}
    config |= {"start": list(START), "lr": LR, "lrMin": LR_MIN, "lrMax": LR_MAX}
    config |= {"maxIter": MAX_ITER}
    values = {
        "kappa": KAPPA,
        "kappas": ", ".join(str(k) for k in KAPPAS),
        "lr": LR,
        "steps": run.iterations,
        "max_iter": MAX_ITER,
        "message": run.message,
        "two_over_l": fmt(2 / surface.lipschitz),
        "steep_factor": fmt(abs(1 - LR * surface.lipschitz)),
        "widget": json.dumps(config),
    }
    values |= _rate_live.sweep_facts(rates, sweep, surface.lipschitz)
    values |= rise_facts(surface, rates, best) | raised_facts()
    written = themed_svgs(draw, out_dir, "conditioning-live", narrow=True)
    return [*written, write_values(out_dir, "conditioning_live", values, says=SAYS)]

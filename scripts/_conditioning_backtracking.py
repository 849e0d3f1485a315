"""Armijo backtracking on the conditioning page's valley: the rate found anew at every step.

fig_conditioning.py writes these values with its own. gdlib's `descend_backtracking` runs on the
valley from _conditioning_starts.VALLEY_START with a first trial rate of 1, ten times 2/L, and no
L given: how many of its accepted rates lie above 2/L, how steep the path is where they do, and
whether every step lowered f.
"""

from __future__ import annotations

import inspect

import numpy as np
from _conditioning_starts import VALLEY_EIGENVALUES, VALLEY_START
from _prose import fmt, rounded_up

from gdlib.linesearch import descend_backtracking

# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "bt_status_converged": "the Armijo backtracking run on the valley converged",
    "bt_monotone": (
        "the Armijo run on the valley took at least one step, and every step lowered f"
    ),
}


def backtracking() -> dict[str, object]:
    """Armijo backtracking on the valley from a first trial rate of 1 (2/L is 0.1), no L given."""
    run = descend_backtracking("valley", VALLEY_START, lr=1.0)
    defaults = inspect.signature(descend_backtracking).parameters
    over = run.step_sizes > 2 / VALLEY_EIGENVALUES.max()  # rates above 2/L, by |y|/|x| below
    steep = np.abs(run.positions[: run.iterations, 1] / run.positions[: run.iterations, 0])
    return {
        "bt_over_steep": rounded_up(steep[over].max(), 2),  # a bound
        "bt_over_steep_raw": float(steep[over].max()),
        "bt_rest_steep_raw": float(steep[~over].min()),
        "bt_status_converged": run.status == "converged",
        "bt_steps": run.iterations,
        "bt_c": f"{defaults['c'].default:g}",
        "bt_shrink": f"{defaults['shrink'].default:g}",
        "bt_evaluations": int(run.evaluations.sum()),
        "bt_min_lr": fmt(float(run.step_sizes.min())),
        "bt_max_lr": fmt(float(run.step_sizes.max())),
        "bt_monotone": run.iterations > 0 and bool(np.all(np.diff(run.values) < 0)),
    }

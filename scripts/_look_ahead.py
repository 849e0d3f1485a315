"""Heavy ball at Nesterov's own rate and momentum on the valley: what the look-ahead changes.

The two updates differ only in where the gradient is taken, so this pair isolates it. Both
runs stop after the same number of steps by the gradient-norm test, but heavy ball's gradient
norm swings while it falls and can dip below the tolerance for a step before rising above it
again; the step from which each run stays below is the fair count. Along the flat direction
(x) heavy ball's roots are complex, so x overshoots the minimum again and again; Nesterov's
tuning is critically damped there (a double root), so its x never changes sign.
"""

from __future__ import annotations

import numpy as np
from _figure import sign_changes
from _holds_from import holds_from
from _races import FIRST, MAX_ITER, RACES

from gdlib.descent import GRAD_TOL, Trajectory, descend


def gradient_small_from(run: Trajectory, tol: float = GRAD_TOL) -> int:
    """Return the first step k from which ||grad f(x_j)|| <= tol for every j >= k in the run.

    The run must go on past k (here ten steps past its stop): a k among its last five points
    would say only that the window ended, not that the run stayed below.
    """
    k = holds_from(np.linalg.norm(run.gradients, axis=1) <= tol)
    if k > len(run.gradients) - 5:
        raise ValueError(f"the gradient norm is above {tol:g} at step {k - 1} of {run.iterations}")
    return k


def look_ahead(nesterov_run: Trajectory) -> dict[str, object]:
    """Return the page's numbers on the look-ahead: Nesterov's race run against heavy ball."""
    lr, hyper = RACES["valley"]["nesterov"]
    start = nesterov_run.positions[0]
    heavy = descend("valley", start, "momentum", lr, MAX_ITER, hyper=hyper)

    def on(optimizer: str, run: Trajectory) -> Trajectory:
        # Ten steps past its stop, with the gradient test off: does the run stay below?
        steps = run.iterations + 10
        return descend("valley", start, optimizer, lr, steps, 0.0, 0.0, hyper=hyper)

    return {
        "valley_hb_at_nag_flips": sign_changes(heavy.positions[: FIRST + 1, 1]),
        "valley_hb_at_nag": heavy.iterations,
        "valley_hb_at_nag_stays": gradient_small_from(on("momentum", heavy)),
        "valley_nesterov_stays": gradient_small_from(on("nesterov", nesterov_run)),
        "valley_hb_at_nag_x_flips": sign_changes(heavy.positions[:, 0]),
    }

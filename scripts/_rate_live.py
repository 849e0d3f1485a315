"""The rate widget's static twin, drawn for any surface: a run's path and steps to converge.

Left: the path of gdlib's plain descent at the opening rate on the surface's contours. Right: the
steps each rate of the sweep took (converged: dots; the cap or divergence: crosses), the opening
rate (solid), 2/L (dashed) and, when given, the best fixed rate (dotted). fig_lr_live.py (the
valley) and fig_conditioning_live.py (a quadratic of chosen condition number) draw with it;
js/src/widgets/rate.js draws the same in the browser.
"""

from __future__ import annotations

import numpy as np
from _figure import COLORS, contour
from matplotlib import pyplot as plt

SWEEP = 60  # js/src/widgets/rate-state.js SWEEP_POINTS


def sweep_rates(lo: float, hi: float) -> np.ndarray:
    """Return the rates of the steps-to-converge curve, SWEEP log-spaced over [lo, hi]."""
    return lo * (hi / lo) ** (np.arange(SWEEP) / (SWEEP - 1))


def rate_drawer(surface, run, lr, rates, sweep, max_iter, best=None):
    """Return a themed drawer of `run` at `lr` and the sweep's step counts at `rates`."""
    steps = np.array([r.iterations for r in sweep])
    done = np.array([r.status == "converged" for r in sweep])

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.6), layout="constrained")
        contour(left, surface, n=120)
        left.plot(run.positions[:, 0], run.positions[:, 1], ".-", color=COLORS["orange"], lw=1)
        title = f"lr = {lr}: {run.status}, {run.iterations} steps"
        left.set(xlabel="$x$", ylabel="$y$", title=title)
        right.semilogx(rates[done], steps[done], "o", ms=3, color=COLORS["blue"], label="converged")
        right.semilogx(rates[~done], steps[~done], "x", ms=4, color=COLORS["grey"], label="did not")
        right.axvline(lr, color=COLORS["orange"], lw=1.5)
        right.axvline(2 / surface.lipschitz, color=COLORS["grey"], lw=1, ls="--")
        if best is not None:
            right.axvline(best, color=COLORS["grey"], lw=1, ls=":")
        cap = f"steps to converge (cap {max_iter})"
        right.set(xlabel="learning rate", ylabel="steps", title=cap)
        right.legend(fontsize=8)
        return fig

    return draw

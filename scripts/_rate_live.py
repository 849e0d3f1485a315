"""The rate widget's static twin, drawn for any surface: a run's path and steps to converge.

Left: the path of gdlib's plain descent at the opening rate on the surface's contours. Right: the
steps each rate of the sweep took (converged: dots; the cap: crosses; diverged: triangles on a
row above the cap, whatever step gdlib stopped them at), the opening rate (solid), 2/L (dashed)
and, when given, the best fixed rate (dotted). fig_lr_live.py (the
valley) and fig_conditioning_live.py (a quadratic of chosen condition number) draw with it;
js/src/widgets/rate.js draws the same in the browser. `sweep_facts` reads the sweep's shape from
its runs (which rates hit the cap, where the fewest steps are) for the pages' descriptions of it.
"""

from __future__ import annotations

import numpy as np
from _figure import COLORS, case_lines, contour
from matplotlib import pyplot as plt

SWEEP = 60  # js/src/widgets/rate-state.js SWEEP_POINTS
# Diverged runs sit on a row above the cap, as in fig_lr_bound.py: drawn at the step gdlib
# stopped them they would fall below the converged runs and read as the fastest rates.
DIVERGED_ROW = 1.12  # js/src/widgets/rate-state.js DIVERGED_ROW
CHART_TOP = 1.2  # js/src/widgets/rate-state.js CHART_TOP


def sweep_rates(lo: float, hi: float) -> np.ndarray:
    """Return the rates of the steps-to-converge curve, SWEEP log-spaced over [lo, hi]."""
    return lo * (hi / lo) ** (np.arange(SWEEP) / (SWEEP - 1))


def plotted_steps(sweep, max_iter: int) -> np.ndarray:
    """Return the height the steps chart gives each run: its step count, or the diverged row."""
    return np.array(
        [DIVERGED_ROW * max_iter if r.status == "diverged" else r.iterations for r in sweep],
        dtype=float,
    )


def rate_drawer(surface, run, lr, rates, sweep, max_iter, best=None):
    """Return a themed drawer of `run` at `lr` and the sweep's step counts at `rates`."""
    steps = plotted_steps(sweep, max_iter)
    status = np.array([r.status for r in sweep])
    done, capped, diverged = (status == s for s in ("converged", "max_iter", "diverged"))

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.6), layout="constrained")
        contour(left, surface, n=120)
        left.plot(run.positions[:, 0], run.positions[:, 1], ".-", color=COLORS["orange"], lw=1)
        case_lines(left, theme)
        title = f"lr = {lr}: {run.status}, {run.iterations} steps"
        left.set(xlabel="$x$", ylabel="$y$", title=title)
        right.semilogx(rates[done], steps[done], "o", ms=3, color=COLORS["blue"], label="converged")
        grey = {"ms": 4, "color": COLORS["grey"]}
        right.semilogx(rates[capped], steps[capped], "x", label="hit the cap", **grey)
        # Hollow triangles, as js/src/widgets/rate.js draws them: slow runs and unstable ones apart.
        shown = {"mfc": "none", "label": "diverged"}  # drawn above the cap
        right.semilogx(rates[diverged], steps[diverged], "^", **shown, **grey)
        # Under the markers (zorder 2): the chosen rate's own dot stays in sight on its line.
        # Named in the key as the live figure names them (js/src/widgets/rate.js).
        right.axvline(lr, color=COLORS["orange"], lw=1.5, zorder=1.5, label="your rate η")
        limit = {"color": COLORS["grey"], "lw": 1, "ls": "--", "zorder": 1.5, "label": "2/L"}
        right.axvline(2 / surface.lipschitz, **limit)
        if best is not None:
            right.axvline(best, color=COLORS["grey"], lw=1, ls=":", zorder=1.5, label="best rate")
        cap = f"steps to converge (cap {max_iter})"
        right.set(xlabel="learning rate", ylabel="steps", title=cap, ylim=(0, CHART_TOP * max_iter))
        right.legend(fontsize=9, loc="lower left")  # below the capped runs, left of the rest
        return fig

    return draw


def sweep_facts(rates, sweep, lipschitz: float) -> dict[str, object]:
    """Return what the figure's description says about the sweep, read from its runs.

    The rates that converged (`converged`, all next to each other on the grid when `one_band`)
    take `fewest` steps at best, at `fewest_lr`, and fewer as the rate grows when `falls`. Below
    them are `slow_capped` rates, all of which hit the cap when `slow_all_capped`, the largest
    `slow_cap_to`. Between the last converged rate and 2/L, `late_missed` rates did not converge
    and `late_capped` of them hit the cap, the largest `late_cap_lr`. From 2/L up, `above` rates:
    `above_capped` hit the cap (growing too slowly to count as diverged) and `above_diverged`
    diverged; `above_cap_lr` is the largest that hit the cap. The last three say where those
    capped rates sit on the grid.
    """
    rates = np.asarray(rates)
    status = np.array([r.status for r in sweep])
    steps = np.array([r.iterations for r in sweep])
    ok = np.flatnonzero(status == "converged")
    first, last = ok[0], ok[-1]
    below = rates < 2 / lipschitz
    late = np.flatnonzero(below & (np.arange(len(rates)) > last) & (status != "converged"))
    late_capped = late[status[late] == "max_iter"]
    above_capped = np.flatnonzero(~below & (status == "max_iter"))
    fewest = ok[np.argmin(steps[ok])]
    return {
        "converged": len(ok),
        "one_band": bool(last - first + 1 == len(ok)),
        "falls": bool(len(ok) > 1 and np.all(np.diff(steps[ok]) < 0)),  # needs two to fall
        "fewest": int(steps[fewest]),
        "fewest_lr": f"{rates[fewest]:.3g}",
        "slow_capped": int(first),
        "slow_all_capped": bool(first and np.all(status[:first] == "max_iter")),
        "slow_cap_to": f"{rates[first - 1]:.3g}" if first else "none",
        "late_missed": len(late),
        "late_capped": len(late_capped),
        "late_cap_lr": f"{rates[late_capped[-1]]:.4g}" if len(late_capped) else "none",
        "above": int((~below).sum()),
        "above_capped": len(above_capped),
        "above_diverged": int((~below & (status == "diverged")).sum()),
        "above_cap_lr": f"{rates[above_capped[-1]]:.4g}" if len(above_capped) else "none",
        # Where the capped rates sit: right after the fewest steps' rate, or first above 2/L.
        "fewest_is_last": bool(fewest == last),
        "late_cap_next": bool(len(late_capped) and late_capped[0] == last + 1),
        "above_cap_first": bool(len(above_capped) and above_capped[0] == np.argmin(below)),
    }

"""Where a run ends: local minima of the six-hump camel and the saddle point of x^2 - y^2.

Left: plain GD from a grid of starts on the six-hump camel, each path coloured by the minimum it
reached (six local minima, two of them global). Right: on the saddle x^2 - y^2, a start exactly on
the x axis converges to the saddle (the gradient is zero there too), while a start 0.01 off the
axis escapes and gdlib reports the run as diverged.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, CYCLE, case_lines, contour, themed_svgs, write_values
from matplotlib import pyplot as plt

from gdlib.descent import descend
from gdlib.surfaces import get_surface

LR, MAX_ITER = 0.02, 3000  # the camel's runs
SADDLE_LR, SADDLE_MAX_ITER = 0.1, 1000
ON_AXIS, OFF_AXIS = (1.5, 0.0), (1.5, 0.01)  # the saddle's starts: on the x axis, and off it
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "on_axis_converged": f"the run on x² − y² from {ON_AXIS}, on the x axis, converged",
    "off_axis_diverged": f"the run on x² − y² from {OFF_AXIS}, off the x axis, diverged",
}


def camel_runs():
    """Run gdlib from a 5 x 4 grid of starts; return each run and the index of its minimum."""
    surface = get_surface("camel")
    minima = np.array(surface.minima)
    runs = []
    for x in np.linspace(-1.8, 1.8, 5):
        for y in np.linspace(-0.85, 0.85, 4):
            run = descend(surface, (x, y), lr=LR, max_iter=MAX_ITER)
            nearest = int(np.argmin(np.linalg.norm(minima - run.positions[-1], axis=1)))
            runs.append((run, nearest))
    return surface, runs


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel figure and the counts the page quotes."""
    camel, runs = camel_runs()
    saddle = get_surface("saddle")
    on_axis = descend(saddle, ON_AXIS, lr=SADDLE_LR, max_iter=SADDLE_MAX_ITER)
    off_axis = descend(saddle, OFF_AXIS, lr=SADDLE_LR, max_iter=SADDLE_MAX_ITER)

    def draw(theme: str):
        fig, (left, right) = plt.subplots(
            1, 2, figsize=(8.8, 3.4), layout="constrained", width_ratios=(2, 1.1)
        )
        contour(left, camel)
        for run, nearest in runs:
            p = run.positions
            left.plot(p[:, 0], p[:, 1], color=CYCLE[nearest], lw=1.3)
            left.plot(*p[0], "o", color=CYCLE[nearest], ms=3)
        case_lines(left, theme)  # blue paths end in the map's darkest well
        minima = np.array(camel.minima)
        for i, (mx, my) in enumerate(minima):
            left.plot(mx, my, "*", color=CYCLE[i], mec="white", ms=12, mew=0.8)
        left.set(title="six-hump camel: the start picks the minimum", xlabel="$x$", ylabel="$y$")
        contour(right, saddle, log=False)
        # Both paths share their start: the off-axis one is drawn first, the on-axis one on
        # top with open markers, so that both stay visible.
        off = np.clip(off_axis.positions, -2, 2)
        right.plot(off[:, 0], off[:, 1], "-", color=COLORS["green"], lw=1.6, label="0.01 off it")
        on = on_axis.positions
        right.plot(
            on[:, 0], on[:, 1], "o", color=COLORS["red"], ms=4, mfc="none", label="on the axis"
        )
        right.plot(0, 0, "x", color=COLORS["orange"], ms=9, mew=2)
        right.set(title="saddle $x^2 - y^2$", xlabel="$x$")
        right.legend(loc="lower left", fontsize=9)
        return fig

    reached = sorted({nearest for _, nearest in runs})
    end_gap = max(np.linalg.norm(np.subtract(camel.minima[n], r.positions[-1])) for r, n in runs)
    values = {
        "lr": LR,
        "max_iter": MAX_ITER,
        "saddle_lr": SADDLE_LR,
        "starts": len(runs),
        "distinct": len(reached),
        "global": sum(1 for _, nearest in runs if nearest < 2),
        "on_axis": on_axis.message,
        "on_axis_steps": on_axis.iterations,
        "off_axis": off_axis.message,
        "off_axis_steps": off_axis.iterations,
        "on_axis_converged": on_axis.status == "converged",
        "on_axis_final_norm": float(np.linalg.norm(on_axis.positions[-1])),
        "off_axis_diverged": off_axis.status == "diverged",
        "converged": sum(run.status == "converged" for run, _ in runs),
        "max_steps": max(run.iterations for run, _ in runs),
        "max_end_gap": f"{end_gap:.1e}",
    }
    written = themed_svgs(draw, out_dir, "convergence-minima", narrow=True)
    return [*written, write_values(out_dir, "minima", values, says=SAYS)]

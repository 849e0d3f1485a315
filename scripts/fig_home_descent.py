"""Home page animation: plain gradient descent on Himmelblau's function from four starts.

Each start rolls downhill to a different one of the four minima, which shows in one picture what
the algorithm does (follow the negative gradient) and what it cannot do (choose the minimum).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _animation import Track, path_animation
from _figure import CYCLE, contour, step_lengths, write_values
from _prose import fmt
from matplotlib import pyplot as plt

from gdlib.descent import GRAD_TOL, descend
from gdlib.surfaces import get_surface

STARTS = ((0.0, 0.0), (-1.0, 4.5), (-4.5, -1.0), (1.0, -4.5))
LR = 0.01
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "stopped_on_gradient": f"the gradient test (grad_tol) stopped each of the {len(STARTS)} runs",
    "downhill": "every step of every run lowered f, strictly",
    "first_longest_steepest": "the runs whose first step was their longest all started where the"
    " gradient was longer than at any other start",
}


def runs():
    """Run gdlib from each start."""
    surface = get_surface("himmelblau")
    return surface, [descend(surface, s, optimizer="gd", lr=LR, max_iter=2000) for s in STARTS]


def main(out_dir: Path) -> list[Path]:
    """Write the animation and the numbers the home page quotes."""
    surface, trajectories = runs()

    def setup(theme: str):
        fig, ax = plt.subplots(figsize=(6.2, 5.0), layout="constrained")
        contour(ax, surface)
        minima = np.array(surface.minima)
        ax.plot(minima[:, 0], minima[:, 1], "*", color="white", mec="black", ms=11, mew=0.6)
        ax.set(xlabel="$x$", ylabel="$y$", title=f"Gradient descent on {surface.title}, lr = {LR}")
        tracks = [
            Track(ax, t.positions, CYCLE[i % len(CYCLE)], f"start {STARTS[i]}")
            for i, t in enumerate(trajectories)
        ]
        return fig, tracks

    values = {"lr": LR, "starts": len(STARTS)}
    values["max_steps"] = max(t.iterations for t in trajectories)
    values["min_steps"] = min(t.iterations for t in trajectories)
    ends = [t.positions[-1] for t in trajectories]
    values["first_end"] = f"({fmt(ends[0][0])}, {fmt(ends[0][1])})"
    # Which known minimum each run ended nearest to, and how near: the page checks that the
    # runs converged into as many different minima as there are starts.
    minima = np.array(surface.minima)
    gaps = [np.linalg.norm(minima - end, axis=1) for end in ends]
    values["distinct_minima"] = len({int(np.argmin(g)) for g in gaps})
    values["converged"] = sum(t.status == "converged" for t in trajectories)
    values["stopped_on_gradient"] = all(t.criterion == "grad_tol" for t in trajectories)
    # Every step lowers f, strictly: a step that leaves f unchanged does not lower it. A start
    # on a steep slope makes its first step the run's longest.
    values["downhill"] = all(bool(np.all(np.diff(t.values) < 0)) for t in trajectories)
    steps = [step_lengths(t.positions) for t in trajectories]
    first = np.array([int(np.argmax(s)) == 0 for s in steps])
    values["first_longest"] = int(first.sum())
    # ... and those runs are the ones whose starts are steepest: no flatter start has it.
    slope = np.array([np.linalg.norm(t.gradients[0]) for t in trajectories])
    steepest = first.any() and slope[first].min() > slope[~first].max(initial=0.0)
    values["first_longest_steepest"] = bool(steepest)
    values["grad_tol"] = fmt(GRAD_TOL, 1)
    end_gap = max(float(g.min()) for g in gaps)
    # Written as the page writes the tolerance beside it; the claim reads the raw number.
    values["max_end_gap"], values["max_end_gap_raw"] = fmt(end_gap, 2), end_gap
    written = path_animation(setup, out_dir, "home-descent", narrow=True)
    return [*written, write_values(out_dir, "home", values, says=SAYS)]

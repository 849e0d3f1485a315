"""Learning rate, four real runs side by side on the valley x^2 + 10 y^2 (L = 20, so 2/L = 0.1).

Too small (crawls and hits the iteration cap), well chosen, too large (zig-zags across the
valley but still converges) and above 2/L (diverges), each titled with gdlib's own stop message.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import CYCLE, contour, fmt, themed_svgs, write_values
from matplotlib import pyplot as plt

from gdlib.descent import descend
from gdlib.surfaces import get_surface

CASES = (("too small", 0.005), ("well chosen", 0.05), ("too large", 0.095), ("diverging", 0.11))
MAX_ITER = 200


def main(out_dir: Path) -> list[Path]:
    """Write the 2 x 2 figure and the numbers the learning-rate page quotes."""
    surface = get_surface("valley")
    runs = [descend(surface, surface.start, lr=lr, max_iter=MAX_ITER) for _, lr in CASES]

    def draw(theme: str):
        fig, axes = plt.subplots(2, 2, figsize=(8.4, 5.0), layout="constrained")
        for i, (ax, (label, lr), run) in enumerate(zip(axes.flat, CASES, runs, strict=True)):
            contour(ax, surface, n=120)
            path = np.clip(run.positions, -10, 10)
            ax.plot(path[:, 0], path[:, 1], "-", color=CYCLE[i], lw=1.2)
            ax.plot(path[:40, 0], path[:40, 1], ".", color=CYCLE[i], ms=3)
            ax.plot(*surface.start, "o", color=CYCLE[i])
            ax.set_title(f"{label}: lr = {lr}\n{run.status} after {run.iterations} steps")
        return fig

    values = {"max_iter": MAX_ITER, "two_over_l": fmt(2 / surface.lipschitz)}
    for (label, lr), run in zip(CASES, runs, strict=True):
        key = label.replace(" ", "_")
        values[f"{key}_lr"] = lr
        values[f"{key}_steps"] = run.iterations
        values[f"{key}_status"] = run.status
        values[f"{key}_message"] = run.message
        values[f"{key}_value"] = fmt(float(run.values[-1]))
    return [*themed_svgs(draw, out_dir, "lr-runs"), write_values(out_dir, "lr_runs", values)]

"""Learning rate, the live figure's static twin: a valley run and the steps-to-converge curve.

Left: gdlib's plain descent on x^2 + 10 y^2 from the valley's start at the live figure's opening
rate (the best fixed rate 2 / (2 + 20), rounded to the three digits the slider shows). Right: the
steps each of SWEEP log-spaced rates took to converge (capped at MAX_ITER; rates that hit the cap or
diverged are marked on the cap line), with the opening rate marked. js/src/widgets/rate.js draws
the same picture in the browser from the same settings (the page passes them as its config), with
the JS port of descend that tests/test_js_agreement.py holds to gdlib's paths.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _figure import COLORS, contour, fmt, themed_svgs, write_values
from matplotlib import pyplot as plt

from gdlib.descent import descend
from gdlib.rates import best_fixed_rate
from gdlib.surfaces import get_surface

LR = float(f"{best_fixed_rate((2.0, 20.0)):.3g}")
LR_MIN, LR_MAX = 0.001, 0.2
MAX_ITER = 200
SWEEP = 60  # js/src/widgets/rate-state.js SWEEP_POINTS


def sweep_rates() -> np.ndarray:
    """Return the rates of the steps-to-converge curve, log-spaced over the slider's range."""
    return LR_MIN * (LR_MAX / LR_MIN) ** (np.arange(SWEEP) / (SWEEP - 1))


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the live figure's settings."""
    surface = get_surface("valley")
    run = descend(surface, surface.start, lr=LR, max_iter=MAX_ITER)
    rates = sweep_rates()
    sweep = [descend(surface, surface.start, lr=r, max_iter=MAX_ITER) for r in rates]
    steps = np.array([r.iterations for r in sweep])
    done = np.array([r.status == "converged" for r in sweep])

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.6), layout="constrained")
        contour(left, surface, n=120)
        left.plot(run.positions[:, 0], run.positions[:, 1], ".-", color=COLORS["orange"], lw=1)
        title = f"lr = {LR}: {run.status}, {run.iterations} steps"
        left.set(xlabel="$x$", ylabel="$y$", title=title)
        right.semilogx(rates[done], steps[done], "o", ms=3, color=COLORS["blue"], label="converged")
        right.semilogx(rates[~done], steps[~done], "x", ms=4, color=COLORS["grey"], label="did not")
        right.axvline(LR, color=COLORS["orange"], lw=1.5)
        right.axvline(2 / surface.lipschitz, color=COLORS["grey"], lw=1, ls="--")
        right.set(xlabel="learning rate", ylabel="steps", title="steps to converge (cap 200)")
        right.legend(fontsize=8)
        return fig

    config = {"surface": surface.name, "start": list(surface.start), "lr": LR}
    config |= {"lrMin": LR_MIN, "lrMax": LR_MAX, "maxIter": MAX_ITER}
    values = {
        "lr": LR,
        "steps": run.iterations,
        "max_iter": MAX_ITER,
        "message": run.message,
        "two_over_l": fmt(2 / surface.lipschitz),
        "widget": json.dumps(config),
    }
    return [*themed_svgs(draw, out_dir, "lr-live"), write_values(out_dir, "lr_live", values)]

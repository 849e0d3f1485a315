"""The 2/L stability bound, measured: steps to converge on the valley for a sweep of rates.

Left: the per-step contraction factors |1 - lr * lambda| of the valley's two directions
(lambda = 2 and 20), which must both stay below 1. Right: how many steps gdlib's descent needs
at each rate (diverged runs marked at the top), with 1/L and 2/L drawn.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, fmt, themed_svgs, write_values
from matplotlib import pyplot as plt

from gdlib.descent import descend
from gdlib.surfaces import get_surface

RATES = np.round(np.linspace(0.004, 0.11, 54), 4)
MAX_ITER = 2000
CURVATURES = (2.0, 20.0)  # the valley's Hessian is diag(2, 20)


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the fastest rate found by the sweep."""
    surface = get_surface("valley")
    L = surface.lipschitz
    runs = [descend(surface, surface.start, lr=float(lr), max_iter=MAX_ITER) for lr in RATES]
    steps = np.array([r.iterations for r in runs])
    diverged = np.array([r.status == "diverged" for r in runs])
    best = int(np.argmin(np.where(diverged, MAX_ITER * 10, steps)))

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.3), layout="constrained")
        lrs = np.linspace(0, 0.11, 300)
        for lam, color in zip(CURVATURES, (COLORS["green"], COLORS["purple"]), strict=True):
            left.plot(lrs, np.abs(1 - lrs * lam), color=color, label=f"$|1 - \\eta\\,{lam:g}|$")
        left.axhline(1, color=COLORS["grey"], ls="--", lw=1)
        left.set(xlabel="learning rate $\\eta$", ylabel="factor per step", ylim=(0, 1.3))
        left.legend(loc="lower left")
        ok = ~diverged
        right.semilogy(RATES[ok], steps[ok], "o", ms=3.5, color=COLORS["blue"], label="converged")
        right.semilogy(
            RATES[diverged],
            np.full(diverged.sum(), MAX_ITER),
            "x",
            color=COLORS["red"],
            label="diverged",
        )
        for x, text in ((1 / L, "1/L"), (2 / L, "2/L")):
            for ax in (left, right):
                ax.axvline(x, color=COLORS["orange"], lw=1)
            right.annotate(text, (x, MAX_ITER), textcoords="offset points", xytext=(-22, -12))
        right.set(xlabel="learning rate $\\eta$", ylabel="steps to $\\|\\nabla f\\| \\leq 10^{-6}$")
        right.legend(loc="lower left")
        return fig

    first_div = RATES[diverged][0] if diverged.any() else float("nan")
    values = {
        "best_lr": fmt(RATES[best]),
        "best_steps": steps[best],
        "first_diverged": fmt(first_div),
        "last_converged": fmt(RATES[~diverged].max()),
        "rates": len(RATES),
        "one_over_l": fmt(1 / L),
        "l": fmt(L),
    }
    return [*themed_svgs(draw, out_dir, "lr-bound"), write_values(out_dir, "lr_bound", values)]

"""The 2/L stability bound, measured: steps to converge on the valley for a sweep of rates.

Left: the per-step contraction factors |1 - lr * lambda| of the valley's two directions (lambda
the Hessian's eigenvalues, measured on the surface), which must both stay below 1. Right: how
many steps gdlib's descent needs at each rate, with 1/L and 2/L drawn. Each run is drawn by how
it really ended: converged (the gradient norm reached 1e-6), stopped at max_iter (at exactly 2/L
the stiff direction's factor is -1: the run bounces forever, never converges), or diverged
(marked above the cap). The values file holds the counts and boolean facts a page can check
(``every_rate_above_two_over_l_diverged``, ``falls_to_best``, ...).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from _prose import fmt
from matplotlib import pyplot as plt

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import descend
from gdlib.surfaces import get_surface

RATES = np.round(np.linspace(0.004, 0.11, 54), 4)
MAX_ITER = 2000
DIVERGED_MARK = 1.6 * MAX_ITER  # diverged runs are drawn above the cap
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "none_at_two_over_l_converged": "no run at exactly 2/L converged",
    "every_rate_above_two_over_l_diverged": "every rate of the sweep above 2/L diverged",
    "every_rate_below_two_over_l_converged": "every rate of the sweep below 2/L converged",
    "falls_to_best": "the step count fell at each larger converged rate up to the fastest run",
    "rises_after_best": "the step count rose at each larger converged rate after the fastest run",
}


def facts(rates: np.ndarray, status: np.ndarray, two_over_l: float) -> dict[str, bool | int]:
    """Claims about the sweep that a page may state, each true or false as the runs say.

    >>> facts(np.array([0.05, 0.1, 0.2]), np.array(["converged", "max_iter", "diverged"]), 0.1)
    ... # doctest: +NORMALIZE_WHITESPACE
    {'rates_at_two_over_l': 1, 'none_at_two_over_l_converged': True,
     'every_rate_above_two_over_l_diverged': True, 'every_rate_below_two_over_l_converged': True}
    """
    at = np.isclose(rates, two_over_l, rtol=1e-12, atol=0.0)
    above, below = (rates > two_over_l) & ~at, (rates < two_over_l) & ~at
    return {
        "rates_at_two_over_l": int(at.sum()),
        # vacuous truths are not facts: each needs at least one run it speaks about
        "none_at_two_over_l_converged": bool(at.any() and not (status[at] == "converged").any()),
        "every_rate_above_two_over_l_diverged": bool(
            above.any() and (status[above] == "diverged").all()
        ),
        "every_rate_below_two_over_l_converged": bool(
            below.any() and (status[below] == "converged").all()
        ),
    }


def shape(rates: np.ndarray, steps: np.ndarray, converged: np.ndarray) -> dict[str, object]:
    """How the converged runs' step counts move with the rate: down to the fewest, then up.

    >>> shape(np.array([0.1, 0.2, 0.3, 0.4]), np.array([9, 5, 7, 30]), np.ones(4, bool))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'falls_to_best': True, 'rises_after_best': True, 'first_rate': '0.1', 'first_steps': 9,
     'last_converged_steps': 30}
    """
    counts = steps[converged]
    best = int(np.argmin(counts))
    return {
        # each needs a run on its side of the fewest: a lone point neither falls nor rises
        "falls_to_best": bool(best > 0 and np.all(np.diff(counts[: best + 1]) < 0)),
        "rises_after_best": bool(best < len(counts) - 1 and np.all(np.diff(counts[best:]) > 0)),
        "first_rate": fmt(rates[converged][0]),
        "first_steps": int(counts[0]),
        "last_converged_steps": int(counts[-1]),
    }


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the fastest rate found by the sweep."""
    surface = get_surface("valley")
    L = surface.lipschitz
    # On this quadratic the central differences at the minimum are exact: the curvatures 2, 20.
    curvatures = hessian_eigenvalues(surface.grad, surface.minima[0])
    runs = [descend(surface, surface.start, lr=float(lr), max_iter=MAX_ITER) for lr in RATES]
    steps = np.array([r.iterations for r in runs])
    status = np.array([r.status for r in runs])
    converged, diverged, capped = (status == s for s in ("converged", "diverged", "max_iter"))
    if not converged.any():
        raise RuntimeError("no rate of the sweep converged: the figure would have no best rate")
    best = int(np.argmin(np.where(converged, steps, np.iinfo(np.int64).max)))

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.3), layout="constrained")
        lrs = np.linspace(0, 0.11, 300)
        for lam, color in zip(curvatures, (COLORS["green"], COLORS["purple"]), strict=True):
            left.plot(lrs, np.abs(1 - lrs * lam), color=color, label=f"$|1 - {lam:g}\\,\\eta|$")
        left.axhline(1, color=COLORS["grey"], ls="--", lw=1)
        left.set(xlabel="learning rate $\\eta$", ylabel="factor per step", ylim=(0, 1.3))
        # Each key below its panel: inside, any place wide enough crosses 1/L or the runs.
        below = {"loc": "upper center", "bbox_to_anchor": (0.5, -0.22), "fontsize": 9}
        left.legend(ncols=2, **below)
        right.semilogy(
            RATES[converged], steps[converged], "o", ms=3.5, color=COLORS["blue"], label="converged"
        )
        # The markers of the live figure below it on the page (scripts/_rate_live.py): a cross
        # for a run that hit the cap, a hollow triangle above the cap for one that diverged.
        right.semilogy(
            RATES[capped],
            steps[capped],
            "x",
            ms=5,
            color=COLORS["purple"],
            label=f"hit the cap (max_iter = {MAX_ITER})",
        )
        right.semilogy(
            RATES[diverged],
            np.full(diverged.sum(), DIVERGED_MARK),
            "^",
            mfc="none",
            color=COLORS["red"],
            label="diverged (above the cap)",
        )
        # Grey, 2/L dashed, as the live rate figure draws it (its solid orange: the reader's rate).
        for x, text, dash in ((1 / L, "1/L", "-."), (2 / L, "2/L", "--")):
            for ax in (left, right):
                ax.axvline(x, color=COLORS["grey"], lw=1, ls=dash)
            right.annotate(text, (x, DIVERGED_MARK), textcoords="offset points", xytext=(-22, 4))
            left.annotate(text, (x, 1.2), textcoords="offset points", xytext=(-22, 0))
        right.set(xlabel="learning rate $\\eta$", ylabel="steps to $\\|\\nabla f\\| \\leq 10^{-6}$")
        right.set_ylim(top=DIVERGED_MARK * 2)
        right.legend(**below)
        return fig

    values = {
        "best_lr": fmt(RATES[best]),
        "best_steps": steps[best],
        "first_diverged": fmt(RATES[diverged][0]) if diverged.any() else "none",
        "last_converged": fmt(RATES[converged].max()),
        "rates": len(RATES),
        "max_iter": MAX_ITER,
        "converged_runs": int(converged.sum()),
        "max_iter_runs": int(capped.sum()),
        "max_iter_rates": ", ".join(fmt(r) for r in RATES[capped]) or "none",
        "max_iter_rate_n": float(RATES[capped][0]) if capped.any() else float("nan"),
        "two_over_l_n": 2 / L,
        "diverged_runs": int(diverged.sum()),
        "one_over_l": fmt(1 / L),
        "two_over_l": fmt(2 / L),
        "l": fmt(L),
        **facts(RATES, status, 2 / L),
        **shape(RATES, steps, converged),
    }
    return [
        *themed_svgs(draw, out_dir, "lr-bound", narrow=True),
        write_values(out_dir, "lr_bound", values, says=SAYS),
    ]

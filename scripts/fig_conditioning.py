"""Conditioning and convergence rates: predicted against measured, from gdlib runs.

Left: plain gradient descent at the best fixed rate 2/(lambda_min + lambda_max) on quadratics
0.5 (x^2 + kappa y^2) for a range of condition numbers kappa: the measured factor per step (dots)
against the prediction (kappa - 1)/(kappa + 1); the steps to a gradient norm of 1e-6 are values.
Middle: without strong convexity a rate can be sublinear: on the logistic loss log(1 + e^-x)
(convex, infimum 0 but no minimiser, so outside the O(1/k) bound) f(x_k) falls like 1/(lr k),
against the valley's linear fall. Right: feature scaling, least squares by batch descent on raw
features (one in other units, off-centre) and on standardised ones, each at its own best fixed
rate. Values also hold an Armijo run on the valley from ten times 2/L, and tuned heavy ball.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import numpy as np
from _conditioning_backtracking import SAYS, backtracking
from _conditioning_momentum import momentum_values
from _conditioning_quartic import quartic_values
from _conditioning_starts import TOL, VALLEY_LR, VALLEY_START, predicted_steps
from _figure import COLORS, themed_svgs, write_values
from _prose import fmt, power_of_ten
from _quadratic import quadratic
from matplotlib import pyplot as plt

from gdlib.curvature import mse_curvatures
from gdlib.datasets import make_regression
from gdlib.descent import descend
from gdlib.rates import (
    best_fixed_rate,
    condition_number,
    measured_rate,
    predicted_rate,
)
from gdlib.regression import fit_linear, mse
from gdlib.surfaces import Surface

KAPPAS = (2, 5, 10, 20, 50, 100, 200)
LOGISTIC_LR, LOGISTIC_STEPS, VALLEY_STEPS = 1.0, 10_000, 300
EPOCHS = 3000
EXAMPLES, UNITS, OFFSET, GAP_TOL = 200, 10, 5, 1e-8  # the scaling experiment's setup
# Keys under the panels at the ticks' size: 8 points inside them had read 6 px at 601 px (tested).
KEY_BELOW = {"loc": "upper center", "bbox_to_anchor": (0.5, -0.2), "fontsize": 10}

LOGISTIC = Surface(
    name="logistic",
    title="log(1 + e^-x) + y^2/2",
    formula="\\log(1 + e^{-x}) + \\tfrac12 y^2",
    func=lambda x, y: np.logaddexp(0.0, -x) + 0.5 * y**2,
    gradient=lambda x, y: (-1.0 / (1.0 + np.exp(x)), y),
    bounds=((-2.0, 20.0), (-1.0, 1.0)),
    minima=(),
    start=(0.0, 0.0),
    lipschitz=1.0,
)


def kappa_sweep() -> dict[str, np.ndarray]:
    """Run each quadratic at its best fixed rate; measure the factor per step and the steps."""
    predicted, measured, steps = [], [], []
    for kappa in KAPPAS:
        eig = (1.0, float(kappa))
        lr = best_fixed_rate(eig)
        run = descend(quadratic(kappa), (1.0, 1.0), lr=lr, max_iter=20_000, grad_tol=TOL)
        predicted.append(predicted_rate(eig))
        measured.append(measured_rate(run.positions, (0.0, 0.0)))
        steps.append(run.iterations)
    return {"predicted": np.array(predicted), "measured": np.array(measured), "steps": steps}


def scaled_problems() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Return the same regression twice: one feature in other units and off-centre, standardised."""
    X, y, _ = make_regression(EXAMPLES, 3, noise=0.1, seed=4)
    raw = X.copy()
    raw[:, 2] = UNITS * X[:, 2] + OFFSET  # e.g. measured in other units, and not centred
    scaled = raw.copy()
    scaled[:, 1:] = (raw[:, 1:] - raw[:, 1:].mean(0)) / raw[:, 1:].std(0)
    return {"raw": (raw, y), "scaled": (scaled, y)}


def fit_at_best_rate(X: np.ndarray, y: np.ndarray) -> dict[str, object]:
    """Batch descent at 2/(lambda_min + lambda_max) of the Hessian 2/n X^T X; epochs to GAP_TOL."""
    eig = mse_curvatures(X)
    run = fit_linear(X, y, lr=best_fixed_rate(eig), epochs=EPOCHS, record="step")
    best = mse(X, y, np.linalg.lstsq(X, y, rcond=None)[0])
    gap = run.epoch_losses - best
    reached = np.flatnonzero(gap <= GAP_TOL)
    epochs = int(reached[0]) if reached.size else None
    return {"kappa": condition_number(eig), "gap": gap, "epochs": epochs}


def logistic_curvature() -> float:
    """Return the largest curvature of log(1 + e^-x) on the figure's x range: s (1 - s).

    The x part's L: LOGISTIC's `lipschitz` (1) is its y^2 / 2 term's, and the run, from y = 0,
    stays at y = 0.
    """
    s = 1 / (1 + np.exp(-np.linspace(*LOGISTIC.bounds[0], 2201)))
    return float(np.max(s * (1 - s)))


def main(out_dir: Path) -> list[Path]:
    """Write the three-panel figure and the measured numbers."""
    sweep = kappa_sweep()
    flat = {"grad_tol": 0, "step_tol": 0}  # run every step: the figure draws them all
    logistic = descend(LOGISTIC, LOGISTIC.start, lr=LOGISTIC_LR, max_iter=LOGISTIC_STEPS, **flat)
    valley = descend("valley", VALLEY_START, lr=VALLEY_LR, max_iter=VALLEY_STEPS, **flat)
    k = np.arange(1, LOGISTIC_STEPS + 1)
    fits = {name: fit_at_best_rate(*problem) for name, problem in scaled_problems().items()}
    if any(fit["epochs"] is None for fit in fits.values()):
        raise RuntimeError(f"a regression did not reach the optimum in {EPOCHS} epochs")

    def draw(theme: str):
        fig, (a, b, c) = plt.subplots(1, 3, figsize=(8.8, 4.4), layout="constrained")
        grid = np.geomspace(1.5, 300, 200)
        a.semilogx(
            grid, (grid - 1) / (grid + 1), color=COLORS["grey"], label="$(\\kappa-1)/(\\kappa+1)$"
        )
        a.semilogx(KAPPAS, sweep["measured"], "o", color=COLORS["blue"], label="measured")
        a.set(xlabel="condition number $\\kappa$", ylabel="factor per step", ylim=(0, 1.05))
        a.legend(**KEY_BELOW)
        a.set_title("linear rate at the best fixed $\\eta$")
        b.loglog(k, logistic.values[1:], color=COLORS["orange"], label="logistic (no minimiser)")
        b.loglog(k, 1 / (LOGISTIC_LR * k), ":", color=COLORS["grey"], label="$1/(\\eta k)$")
        valley_label = "valley $x^2 + 10y^2$"  # gdlib's: twice the first panel's kappa = 10
        b.loglog(k[:VALLEY_STEPS], valley.values[1:], color=COLORS["blue"], label=valley_label)
        b.set(xlabel="step $k$", ylabel="$f(\\theta_k) - \\inf f$", ylim=(1e-12, 10))
        b.legend(**KEY_BELOW)
        b.set_title("no minimiser: $f \\approx 1/(\\eta k)$")
        for name, color, style in (("raw", "red", "-"), ("scaled", "green", ".-")):
            fit = fits[name]
            label = f"{name} features, $\\kappa$ = {fmt(fit['kappa'])}"
            c.semilogy(np.maximum(fit["gap"], 1e-16), style, color=COLORS[color], label=label)
        right = 1.4 * fits["raw"]["epochs"]
        c.set(xlabel="epoch", ylabel="loss $-$ best loss", xlim=(-10, right), ylim=(1e-12, 1e3))
        c.legend(**KEY_BELOW)
        # At this scale the scaled run is a line on the axis: say where it ends, in words.
        scaled = fits["scaled"]["epochs"]
        arrow = {"arrowstyle": "->", "color": COLORS["green"], "lw": 1}
        text = {"va": "center", "fontsize": 10, "color": COLORS["green"], "arrowprops": arrow}
        c.annotate(f"scaled: {scaled} epochs", (scaled, 1e-10), (0.12 * right, 1e-10), **text)
        c.set_title("least squares, batch descent")
        return fig

    kf = k * logistic.values[1:]
    values = {
        "kappas": ", ".join(str(x) for x in KAPPAS),
        "max_rate_error": f"{float(np.max(np.abs(sweep['measured'] - sweep['predicted']))):.1e}",
        "rate_10": round(float(sweep["measured"][KAPPAS.index(10)]), 4),
        "steps_10": sweep["steps"][KAPPAS.index(10)],
        "steps_100": sweep["steps"][KAPPAS.index(100)],
        "rate_100": round(float(sweep["measured"][KAPPAS.index(100)]), 4),
        "logistic_lr": LOGISTIC_LR,
        "logistic_inv_l": round(1 / logistic_curvature(), 4),
        "logistic_kf_1000": round(float(kf[999]), 4),
        "logistic_kf_10000": round(float(kf[-1]), 4),
        "logistic_f_10000": f"{float(logistic.values[-1]):.3g}",
        **{"logistic_steps": f"{LOGISTIC_STEPS:,}", "valley_steps": VALLEY_STEPS},
        "valley_f_300": f"{float(valley.values[-1]):.3g}",
        "valley_lr": str(Fraction(VALLEY_LR).limit_denominator(1000)),
        "valley_start": "({:g}, {:g})".format(*VALLEY_START),
        **dict(
            examples=EXAMPLES, units=UNITS, offset=OFFSET, kappa_min=KAPPAS[0], kappa_max=KAPPAS[-1]
        ),
        "gap_tol": power_of_ten(round(np.log10(GAP_TOL))),
    }
    values |= predicted_steps()
    values["steps_ratio"] = round(values["steps_100"] / values["steps_10"], 1)
    raw = fits["raw"]["epochs"]
    for name, fit in fits.items():
        values[f"{name}_kappa"] = fmt(fit["kappa"])
        values[f"{name}_epochs"] = fit["epochs"]
    values |= backtracking() | momentum_values() | quartic_values()
    # "Nearly a straight line": the raw run's fall of log gap per epoch until it reaches GAP_TOL,
    # averaged over each quarter of those epochs, largest over smallest.
    falls = [-q.mean() for q in np.array_split(np.diff(np.log(fits["raw"]["gap"][: raw + 1])), 4)]
    values["raw_fall_spread_n"] = float(max(falls) / min(falls)) if min(falls) > 0 else np.inf
    values["max_rate_error_raw"] = float(np.max(np.abs(sweep["measured"] - sweep["predicted"])))
    return [
        *themed_svgs(draw, out_dir, "conditioning", narrow=True),
        write_values(out_dir, "conditioning", values, says=SAYS),
    ]

"""Gradient descent slows near a saddle: the closer the start to the stable manifold, the longer.

The double well f = x^2 + (y^2 - 1)^2 (a gdlib `Surface`, scripts/_double_well.py) has a saddle
at the origin (Hessian eigenvalues 2 and -4) between minima at (0, +-1); its stable manifold is
the line y = 0.
Gradient descent at LR from (1.5, y0) for y0 from 1e-1 to 1e-12, and from y0 = 0 exactly. Left:
the gradient norm along each run (the closer the start to y = 0, the later and lower it turns
up); the loss's plateau near the saddle's value 1 is counted too. Right: steps
spent within RADIUS of the saddle against y0, with the linear prediction: near the saddle y grows
by the factor 1 + 4 LR per step, x shrinks by 1 - 2 LR, so the stay is
ln(RADIUS / y0) / ln(1 + 4 LR) - ln(1.5 / RADIUS) / -ln(1 - 2 LR) steps.

The numbers also cover two degenerate saddles (a zero Hessian eigenvalue), where that estimate
fails: on x^2 - y^4 the push away is 4 y^3, so y needs (1/y0^2 - 1/RADIUS^2) / (8 LR) steps to
reach RADIUS, and from heights of STALL_Y0 the default gradient test stops the run at the saddle;
on x^2 + y^3 nothing pushes away on the side y > 0 and the run creeps in.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _double_well import DOUBLE_WELL, LR, RADIUS, X0, predicted_stay
from _figure import COLORS, CYCLE, fmt, themed_svgs, write_values
from matplotlib import pyplot as plt

from gdlib.descent import Trajectory, descend
from gdlib.expression import surface_from_expression

OFFSETS = 10.0 ** -np.arange(1, 13)
SHOWN = (1e-2, 1e-6, 1e-12)
QUARTIC_Y0, CUBIC_Y0 = 1e-2, 0.5  # the starts' heights on the two degenerate saddles
PLATEAU_TOL = 0.01  # the loss within this of the saddle's value counts as the plateau
STALL_Y0 = (5e-3, 1e-3)  # quartic starts whose gradient passes the default test at the saddle


def run(y0: float):
    """Descend the double well from (X0, y0)."""
    return descend(DOUBLE_WELL, (X0, y0), lr=LR, max_iter=2000)


def escape_step(run: Trajectory) -> int:
    """Return the first step at which |y| reaches RADIUS (the run's length if it never does)."""
    away = np.abs(run.positions[:, 1]) >= RADIUS
    return int(np.argmax(away)) if away.any() else run.iterations


def degenerate_values(double_well_run: Trajectory) -> dict:
    """Measure the escape from the quartic saddle and the cubic saddle's creep into its saddle.

    The quartic's escape is set beside the double well's from the same height. Both surfaces
    are gdlib's, from their formulas (SymPy differentiates them), on the double well's domain.
    """
    quartic_saddle, cubic_saddle = (
        surface_from_expression(text, DOUBLE_WELL.bounds) for text in ("x^2 - y^4", "x^2 + y^3")
    )
    # No stopping test but divergence: the run goes on until y has escaped and run away.
    quartic = descend(
        quartic_saddle, (X0, QUARTIC_Y0), lr=LR, max_iter=40_000, grad_tol=0, step_tol=0
    )
    cubic = descend(cubic_saddle, (X0, CUBIC_Y0), lr=LR, max_iter=100_000)
    stalls = [descend(quartic_saddle, (X0, y0), lr=LR) for y0 in STALL_Y0]
    escape = escape_step(quartic)
    predicted = round((1 / QUARTIC_Y0**2 - 1 / RADIUS**2) / (8 * LR))
    return {
        "quartic_escape": f"{escape:,}",
        "quartic_escape_n": escape,
        "quartic_pred": f"{predicted:,}",
        "quartic_pred_n": predicted,
        "well_escape": escape_step(double_well_run),
        "cubic_message": cubic.message,
        "cubic_converged": cubic.status == "converged",
        "cubic_steps": f"{cubic.iterations:,}",
        "cubic_x": abs(float(cubic.positions[-1][0])),
        "cubic_y": fmt(float(cubic.positions[-1][1]), 2),
        "cubic_y_n": float(cubic.positions[-1][1]),
        "stall_y0": fmt(STALL_Y0[0], 1),
        "stall_y0_low": f"10^{{{np.log10(STALL_Y0[1]):.0f}}}",
        "stall_message": stalls[0].message,
        "stall_steps": stalls[0].iterations,
        "stall_y": fmt(float(stalls[0].positions[-1][1]), 2),
        "stall_all": all(r.criterion == "grad_tol" for r in stalls),
        "stall_y_kept": min(r.positions[-1][1] / r.positions[0][1] for r in stalls),
        "stall_x": max(abs(float(r.positions[-1][0])) for r in stalls),
    }


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the measured stays."""
    runs = {y0: run(y0) for y0 in OFFSETS}
    stays = np.array([np.sum(np.linalg.norm(r.positions, axis=1) < RADIUS) for r in runs.values()])
    totals = np.array([r.iterations for r in runs.values()])
    on_manifold = run(0.0)
    entered = stays > 0  # starts far from the manifold leave before they come near the saddle
    slope = np.polyfit(np.log(OFFSETS[entered]), stays[entered], 1)[0]

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.4), layout="constrained")
        for color, y0 in zip(CYCLE, SHOWN, strict=False):
            norms = np.linalg.norm(runs[y0].gradients, axis=1)
            left.semilogy(norms, color=color, label=f"$y_0 = 10^{{{int(np.log10(y0))}}}$")
        norms = np.linalg.norm(on_manifold.gradients, axis=1)
        left.semilogy(norms, color=COLORS["grey"], ls="--", label="$y_0 = 0$")
        left.set(xlabel="step $k$", ylabel="$\\|\\nabla f\\|$", xlim=(0, 200), ylim=(1e-7, 10))
        left.set_title("Gradient norm: the closer the start, the later the turn")
        left.legend(fontsize=8)
        right.semilogx(OFFSETS, stays, "o", color=COLORS["blue"], label="measured")
        right.semilogx(
            OFFSETS, predicted_stay(OFFSETS), "--", color=COLORS["grey"], label="predicted"
        )
        right.set(xlabel="start's distance $y_0$ from the stable manifold")
        right.set(ylabel=f"steps within {RADIUS:g} of the saddle")
        right.set_title("Each factor of 10 closer adds the same steps")
        right.legend()
        return fig

    manifold_distance = float(np.linalg.norm(on_manifold.positions[-1]))
    values = {
        "lr": LR,
        "radius": RADIUS,
        "per_decade": f"{-slope * np.log(10):.2f}",
        "first_entered": f"{OFFSETS[entered][0]:g}",
        "per_decade_pred": f"{np.log(10) / np.log(1 + 4 * LR):.2f}",
        "manifold_message": on_manifold.message,
        "manifold_end": "({:.2g}, {:.2g})".format(*on_manifold.positions[-1]),
        "manifold_y": f"{abs(on_manifold.positions[-1][1]):g}",
        "manifold_converged": on_manifold.status == "converged",
        "manifold_steps": on_manifold.iterations,
        "manifold_end_norm": f"{manifold_distance:.2e}",
        "manifold_distance": fmt(manifold_distance, 2),
    }
    decades = np.rint(-np.log10(OFFSETS)).astype(int)  # y0 = 10^-decade
    for decade, stay, total in zip(decades, stays, totals, strict=True):
        values[f"stay_{decade}"] = int(stay)
        values[f"total_{decade}"] = int(total)
    values["max_gap"] = f"{np.abs(stays - predicted_stay(OFFSETS)).max():.1f}"
    # Until the escape in y outlasts the contraction in x, the saddle costs no extra steps.
    longer = decades[totals > on_manifold.iterations]
    rises_from = int(longer.min()) if len(longer) else 0
    values["total_rises_from"], values["total_flat_to"] = rises_from, rises_from - 1
    values["totals_flat_until_then"] = bool(
        np.all(totals[decades < rises_from] == on_manifold.iterations)
    )
    values["totals_longer_from_then"] = bool(
        np.all(totals[decades >= rises_from] > on_manifold.iterations)
    )
    # The stay in the loss: a plateau at the saddle's value f = 1, and every start escapes.
    for y0 in SHOWN:
        plateau = np.abs(runs[y0].values - 1.0) < PLATEAU_TOL
        values[f"plateau_{-int(np.log10(y0))}"] = int(plateau.sum())
    values["plateau_tol"] = PLATEAU_TOL
    values["closest_2"] = f"{np.abs(runs[1e-2].values - 1.0).min():.3f}"
    values["all_escaped"] = bool(all(abs(r.positions[-1][1]) > 0.9 for r in runs.values()))
    values |= degenerate_values(runs[QUARTIC_Y0])
    written = themed_svgs(draw, out_dir, "saddle-escape")
    return [*written, write_values(out_dir, "saddle", values)]

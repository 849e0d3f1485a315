"""Gradient descent slows near a saddle: the closer the start to the stable manifold, the longer.

The double well f = x^2 + (y^2 - 1)^2 (a gdlib `Surface`, scripts/_double_well.py) has a saddle
at the origin (Hessian eigenvalues 2 and -4) between minima at (0, +-1); its stable manifold is
the line y = 0.
Gradient descent at LR from (1.5, y0) for y0 from 1e-1 to 1e-12, and from y0 = 0 exactly. Left:
the gradient norm along each run (the closer the start to y = 0, the later and lower it turns
up); the loss's plateau near the saddle's value 1 is counted too. Right: the iterates
within RADIUS of the saddle against y0, with the linear prediction: near the saddle y grows
by the factor 1 + 4 LR per step, x shrinks by 1 - 2 LR, so the stay is
ln(RADIUS / y0) / ln(1 + 4 LR) - ln(1.5 / RADIUS) / -ln(1 - 2 LR) steps.

The numbers also cover two degenerate saddles (a zero Hessian eigenvalue), where that estimate
fails (scripts/_saddle_degenerate.py): on x^2 - y^4 the escape is far slower, and on x^2 + y^3
every start on the side y > 0 creeps into the saddle.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _double_well import DOUBLE_WELL, LR, RADIUS, X0, predicted_stay
from _figure import COLORS, CYCLE, themed_svgs, write_values
from _prose import fmt, plain_number, rounded_up
from _saddle_degenerate import (
    AT_SADDLE,
    BAND_DECADES,
    CREPT,
    CUBIC_CAP,
    CUBIC_STARTS,
    CUBIC_Y0,
    ESCAPED_Y,
    QUARTIC_Y0,
    STALL_Y0,
    degenerate_values,
)
from _saddle_well import AT_MINIMUM, DEEPER, DEPTH_Y0, depth_facts, map_facts, turn_facts
from matplotlib import pyplot as plt

from gdlib.descent import descend

OFFSETS = 10.0 ** -np.arange(1, 13)
SHOWN = (1e-2, 1e-6, 1e-12)
PLATEAU_TOL = 0.01  # the loss within this of the saddle's value counts as the plateau


def run(y0: float):
    """Descend the double well from (X0, y0)."""
    return descend(DOUBLE_WELL, (X0, y0), lr=LR, max_iter=2000)


def says(values: dict) -> dict[str, str]:
    """Word each true/false fact as the proposition it tests: what a page's ✓ says was checked.

    Where the runs found a bound (the first decade whose total is longer, the band's edge), the
    words quote it from `values`.
    """
    rises, band = values["total_rises_from"], values["well_band_decade"]
    cap = values["cubic_default_cap"]
    top, bottom = (round(-np.log10(y)) for y in OFFSETS[[0, -1]])  # y0 = 1e-top to 1e-bottom

    def span(high: int, low: int) -> str:
        return f"every double-well run from y0 = 1e-{high} to 1e-{low}"

    cubic = f"all {len(CUBIC_STARTS)} runs on x² + y³"
    given = f"{cubic}, given {CUBIC_CAP:,} steps,"
    start, near = plain_number(DEPTH_Y0), plain_number(AT_MINIMUM)
    depth = f"from ({X0:g}, {start}) converged within {near} of (0, 1) or (0, −1)"
    escaped, manifold = f"ended with |y| > {ESCAPED_Y:g}", "the run on the manifold"
    return {
        "manifold_converged": f"the run from ({X0:g}, 0), on the stable manifold, converged",
        "totals_flat_until_then": f"{span(top, rises - 1)} took as many steps as {manifold}",
        "totals_longer_from_then": f"{span(rises, bottom)} took more steps than {manifold}",
        "all_escaped": f"{span(top, bottom)} converged and {escaped}",
        "stall_all": "gdlib's default gradient test stopped the x² − y⁴ runs from "
        + " and ".join(f"({X0:g}, {y:g})" for y in STALL_Y0),
        "well_band_whole": (
            f"{span(band, BAND_DECADES[-1])} ended within {plain_number(AT_SADDLE)} of the saddle"
        ),
        "well_band_above_escaped": (
            f"{span(BAND_DECADES[0], band - 1)}, run to gdlib's default cap, {escaped}"
        ),
        "cubic_converged": f"the run on x² + y³ from ({X0:g}, {CUBIC_Y0:g}) converged",
        "cubic_all_converged": f"{given} converged",
        "cubic_all_at_saddle": f"{given} ended within {plain_number(CREPT)} of the saddle",
        "cubic_all_capped": f"{cubic} hit gdlib's default cap of {cap:,} steps",
        "shallow_ends_at_minimum": f"the run on the double well {depth}",
        "deep_ends_at_minimum": f"the run on x² + {DEEPER:g}(y² − 1)² {depth}",
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
        left.legend(fontsize=9)
        right.semilogx(OFFSETS, stays, "o", color=COLORS["blue"], label="measured")
        right.semilogx(
            OFFSETS, predicted_stay(OFFSETS), "--", color=COLORS["grey"], label="predicted"
        )
        right.set(xlabel="start's distance $y_0$ from the stable manifold")
        right.set(ylabel=f"iterates within {RADIUS:g} of the saddle")
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
    gap = float(np.abs(stays - predicted_stay(OFFSETS)).max())
    values |= {"max_gap": rounded_up(gap), "max_gap_raw": gap}  # the page: "no more than"
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
    values["all_escaped"] = all(
        r.status == "converged" and abs(r.positions[-1][1]) > ESCAPED_Y for r in runs.values()
    )  # converged near y = +-1: at a minimum
    values |= degenerate_values(runs[QUARTIC_Y0])
    values |= map_facts() | turn_facts({y0: runs[y0] for y0 in SHOWN}) | depth_facts()
    written = themed_svgs(draw, out_dir, "saddle-escape", narrow=True)
    return [*written, write_values(out_dir, "saddle", values, says=says(values))]

"""The saddle page's two degenerate saddles (a zero Hessian eigenvalue), next to its double well.

fig_saddle_escape.py writes these values with its own. On x^2 - y^4 the push away from y = 0 is
4 y^3, so y needs (1/y0^2 - 1/RADIUS^2) / (8 LR) steps to reach RADIUS, and from heights of
STALL_Y0 gdlib's default gradient test stops the run at the saddle. On x^2 + y^3 nothing pushes
away on the side y > 0: each step multiplies y by 1 - 3 LR y, so 1/y grows by about 3 LR a step
and the run creeps into the saddle, until the default gradient test (3 y^2 <= grad_tol) fires
after about (1/y_stop - 1/y0) / (3 LR) steps. CUBIC_STARTS spread over the side y > 0 of the
double well's domain say that every start there does the same, far beyond the default cap.
"""

from __future__ import annotations

import inspect

import numpy as np
from _double_well import DOUBLE_WELL, LR, RADIUS, X0
from _log_edge import log_edge
from _prose import fmt, rounded_up, tex_power_of_ten

from gdlib.descent import GRAD_TOL, Trajectory, descend
from gdlib.expression import surface_from_expression

QUARTIC_Y0, CUBIC_Y0 = 1e-2, 0.5  # the starts' heights on the two degenerate saddles
STALL_Y0 = (5e-3, 1e-3)  # quartic starts whose gradient passes the default test at the saddle
# Starts on the cubic's side y > 0, from near the line to the domain's edge; x0 matters little
# (x and y do not interact), so each takes another. The page's own run, (X0, CUBIC_Y0), is one.
# Each run creeps for thousands of steps (about a second), so the grid stays this small.
CUBIC_STARTS = ((-1.5, 1e-3), (X0, CUBIC_Y0), (1.9, 1.5))
CUBIC_CAP = 100_000
BAND_DECADES = range(1, 31)  # the double well's starts 10^-1 to 10^-30 off its line, for its band
AT_SADDLE = 1e-6  # a band run that ends this close to the saddle was stopped there
ESCAPED_Y = 0.9  # a run that ends with |y| above this has escaped the saddle
CREPT = 1e-3  # every run on the cubic must end this close to the saddle


def escape_step(run: Trajectory) -> int:
    """Return the first step at which |y| reaches RADIUS (the run's length if it never does)."""
    away = np.abs(run.positions[:, 1]) >= RADIUS
    return int(np.argmax(away)) if away.any() else run.iterations


def cubic_grid(cubic_saddle, cubic: Trajectory) -> dict[str, object]:
    """Run the cubic from every start of CUBIC_STARTS, with a high cap and with the default one.

    `cubic` is the page's run from (X0, CUBIC_Y0), already made at the high cap.
    The creep's estimate: 1/y grows by 3 LR a step, from 1/y0 to 1/y_stop, where the default
    gradient test 3 y^2 <= grad_tol fires.
    """
    default_cap = inspect.signature(descend).parameters["max_iter"].default
    y_stop = np.sqrt(GRAD_TOL / 3)
    runs = [
        cubic if s == (X0, CUBIC_Y0) else descend(cubic_saddle, s, lr=LR, max_iter=CUBIC_CAP)
        for s in CUBIC_STARTS
    ]
    capped = [descend(cubic_saddle, s, lr=LR) for s in CUBIC_STARTS]
    steps = np.array([r.iterations for r in runs])
    predicted = np.array([(1 / y_stop - 1 / y0) / (3 * LR) for _, y0 in CUBIC_STARTS])
    return {
        "cubic_starts": len(CUBIC_STARTS),
        "cubic_all_converged": all(r.status == "converged" for r in runs),
        "cubic_all_at_saddle": max(float(np.linalg.norm(r.positions[-1])) for r in runs) < CREPT,
        "cubic_steps_min": f"{steps.min():,}",
        "cubic_steps_max": f"{steps.max():,}",
        "cubic_pred_gap": float(np.max(np.abs(steps / predicted - 1))),
        # "within": rounded up, so the percentage the page quotes bounds the gap.
        "cubic_pred_gap_pct": rounded_up(100 * np.max(np.abs(steps / predicted - 1)), 1),
        "cubic_y0_min": fmt(min(y0 for _, y0 in CUBIC_STARTS)),
        "cubic_y0_max": fmt(max(y0 for _, y0 in CUBIC_STARTS)),
        "cubic_grad_tol_decade": -round(np.log10(GRAD_TOL)),
        "cubic_creep_steps": f"{1 / (3 * LR * y_stop):,.0f}",
        "cubic_y_stop": fmt(y_stop, 2),
        "cubic_default_cap": default_cap,
        "cubic_cap": f"{CUBIC_CAP:,}",
        "cubic_all_capped": all(r.status == "max_iter" for r in capped),
        "cubic_steps_min_n": int(steps.min()),
        "cubic_one_over_3lr": f"{1 / (3 * LR):.3g}",
    }


def well_band() -> dict[str, object]:
    """Find where the double well's band of starts that its gradient test stops at the saddle ends.

    Its saddle has a band too: while x shrinks to the test's size, y grows by a fixed factor
    (1 + 4 LR a step), so a start low enough still has a gradient under grad_tol there. Starts
    10^-k off the line, k in BAND_DECADES: the first k whose run stops within 10^-6 of the saddle,
    and whether every higher start escaped to a minimum.
    """
    runs = {k: descend(DOUBLE_WELL, (X0, 10.0**-k), lr=LR) for k in BAND_DECADES}
    stopped = [k for k, r in runs.items() if np.linalg.norm(r.positions[-1]) < AT_SADDLE]
    first = stopped[0]
    band, above = runs[first], [r for k, r in runs.items() if k < first]
    return {
        "well_band_decade": first,
        "well_band_from": 10.0**-first,  # the decade the scan finds the band's edge in
        "well_band_to": 10.0 ** -(first - 1),
        "well_band_above": first - 1,
        "well_band_steps": band.iterations,
        "well_band_y": fmt(float(band.positions[-1][1]), 2),
        "well_band_whole": stopped == [k for k in BAND_DECADES if k >= first],
        "well_band_above_escaped": all(abs(r.positions[-1][1]) > ESCAPED_Y for r in above),
    }


def band_edge(surface, stops_at: float, escapes_at: float, halvings: int = 16) -> float:
    """Return the height y0 where starts (X0, y0) stop being stopped at the saddle.

    Over the double well's 29 decades, 16 halvings place it to about 0.1 %.

    A run counts as stopped when gdlib's gradient test ends it with |y| still under RADIUS (a run
    that escapes reaches a minimum or diverges). The heights bracket the edge: the search halves
    the gap in log10(y0), so it presumes one edge between them, as the page's scans show.
    """

    def stopped(y0: float) -> bool:
        run = descend(surface, (X0, y0), lr=LR)
        return run.criterion == "grad_tol" and abs(run.positions[-1][1]) < RADIUS

    return log_edge(stopped, stops_at, escapes_at, f"stopping on {surface.title}", halvings)


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
    cubic = descend(cubic_saddle, (X0, CUBIC_Y0), lr=LR, max_iter=CUBIC_CAP)
    stalls = [descend(quartic_saddle, (X0, y0), lr=LR) for y0 in STALL_Y0]
    edges = band_edge(quartic_saddle, STALL_Y0[0], QUARTIC_Y0), band_edge(DOUBLE_WELL, 1e-30, 1e-1)
    escape = escape_step(quartic)
    predicted = round((1 / QUARTIC_Y0**2 - 1 / RADIUS**2) / (8 * LR))
    return (
        {
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
            "quartic_edge": fmt(edges[0], 2),
            "quartic_edge_n": edges[0],
            "well_edge": fmt(edges[1], 2),
            "well_edge_n": edges[1],
            "stall_y0_low": tex_power_of_ten(STALL_Y0[1]),
            "stall_message": stalls[0].message,
            "stall_steps": stalls[0].iterations,
            "stall_y": fmt(float(stalls[0].positions[-1][1]), 2),
            "stall_all": all(r.criterion == "grad_tol" for r in stalls),
            "stall_y_kept": min(r.positions[-1][1] / r.positions[0][1] for r in stalls),
            "stall_x": max(abs(float(r.positions[-1][0])) for r in stalls),
        }
        | cubic_grid(cubic_saddle, cubic)
        | well_band()
    )

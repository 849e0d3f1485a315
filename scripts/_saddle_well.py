"""The saddle page's double well read beyond the escape figure's counts (fig_saddle_escape.py).

`map_facts`: a step maps the height y to y (1 + 4 LR (1 - y^2)), whatever x is. That map settles
the stable manifold directly, where Lee et al.'s theorem (a gradient L-Lipschitz everywhere, a rate
below 1/L) does not apply: the curvature f_yy = 12 y^2 - 4 grows without bound, and even on the
plotted box LR is above 1/L. The map sends only y = 0 and y = +-sqrt(1 + 1/(4 LR)) to 0, and it
folds over (its derivative is 0) at y = +-sqrt((1 + 4 LR) / (12 LR)). Iterated from heights across
the box, |y| never falls below min(|y0|, 1): it grows below 1 and stays at 1 or above from above.
`turn_facts`: where each shown run's gradient norm turns up (its lowest point before |y| passes
TURN_Y) and the bump it climbs after, for the figure's description. The turn is not where a run
parts from the straight line of the run on the manifold: each shown run's norm is already a little
above that line a few steps before its turn; the page quotes only the turn.
`depth_facts`: the escape from the same start on the double well and on one DEEPER times as deep,
whose saddle curves down DEEPER times as steeply.
"""

from __future__ import annotations

import numpy as np
from _double_well import DOUBLE_WELL, LR, RADIUS, X0
from _prose import fmt

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import descend
from gdlib.surfaces import Surface

TURN_Y = 0.5  # a run has left the saddle once |y| passes this
DEEPER, DEPTH_Y0 = 2.0, 1e-6
AT_MINIMUM = 1e-4  # a converged run ending this close to (0, 1) or (0, -1) is at a minimum


def height_map(y: np.ndarray) -> np.ndarray:
    """Return the height after one step of plain descent from height y (x plays no part)."""
    return y - LR * DOUBLE_WELL.grad(np.stack([np.zeros_like(y), y], axis=-1))[..., 1]


FLOOR_STEPS = 300  # steps of the height map iterated from each height of the box


def map_floor(heights: np.ndarray, steps: int = FLOOR_STEPS) -> float:
    """Return the least |y_k| / min(|y_0|, 1) over `steps` steps of the map from each height."""
    y, floor = heights.copy(), np.minimum(np.abs(heights), 1.0)
    least = np.ones_like(y)
    for _ in range(steps):
        y = height_map(y)
        least = np.minimum(least, np.abs(y) / floor)
    return float(least.min())


def map_facts() -> dict[str, object]:
    """Return the box's largest curvature (its L), the map's zeros and fold, and its image."""
    top = DOUBLE_WELL.bounds[1][1]
    lipschitz = float(hessian_eigenvalues(DOUBLE_WELL.grad, (0.0, top)).max())
    root_sq, fold_sq = 1 + 1 / (4 * LR), (1 + 4 * LR) / (12 * LR)
    heights = np.linspace(-top, top, 3001)
    image = float(np.abs(height_map(np.r_[heights, np.sqrt(fold_sq)])).max())
    return {
        "box_top": f"{top:g}",
        "box_l": f"{lipschitz:.0f}",
        "box_one_over_l": f"{1 / lipschitz:.3f}",
        "box_l_raw": lipschitz,
        "root_sq": f"{root_sq:.6g}",
        "root_sq_raw": root_sq,
        "root_lands": float(np.abs(height_map(np.sqrt([root_sq]))).max()),
        "fold_sq": f"{fold_sq:.6g}",
        "fold_sq_raw": fold_sq,
        "box_image": f"{image:.2f}",
        "box_image_raw": image,
        "floor_starts": len(heights) - 1,
        "floor_steps": FLOOR_STEPS,
        "floor_ratio_raw": map_floor(heights[heights != 0]),
    }


def turn_facts(runs: dict) -> dict[str, object]:
    """Return each run's turn (step and gradient norm) and the bump after it, keyed by decade."""
    out: dict[str, object] = {}
    bumps = []
    for y0, run in runs.items():
        norms = np.linalg.norm(run.gradients, axis=1)
        gone = int(np.argmax(np.abs(run.positions[:, 1]) > TURN_Y))
        turn = int(np.argmin(norms[:gone]))
        bumps.append(float(norms[turn:].max()))
        decade = -round(np.log10(y0))
        out[f"turn_{decade}"] = turn
        out[f"turn_grad_{decade}"] = fmt(float(norms[turn]), 2)
        mantissa, exponent = f"{norms[turn]:.1e}".split("e")
        out[f"turn_grad_{decade}_alt"] = f"{mantissa} × 10^{int(exponent)}"  # alt text: no HTML
        out[f"turn_grad_{decade}_raw"] = float(norms[turn])
    out |= {"bump_lo": f"{min(bumps):.2f}", "bump_hi": f"{max(bumps):.2f}"}
    return out | {"bump_lo_raw": min(bumps), "bump_hi_raw": max(bumps)}


def well(depth: float) -> Surface:
    """Build x^2 + depth (y^2 - 1)^2: the double well `depth` times as deep in y."""
    return Surface(
        name=f"double-well-{depth:g}",
        title=f"Double well, depth {depth:g}",
        formula=rf"x^2 + {depth:g}(y^2 - 1)^2",
        func=lambda x, y: x * x + depth * (y * y - 1.0) ** 2,
        gradient=lambda x, y: (2.0 * x, 4.0 * depth * y * (y * y - 1.0)),
        bounds=DOUBLE_WELL.bounds,
        minima=DOUBLE_WELL.minima,
        start=(X0, DEPTH_Y0),
    )


def depth_facts() -> dict[str, object]:
    """Return the steps until |y| reaches RADIUS from (X0, DEPTH_Y0) on the two wells.

    Each beside its prediction ln(RADIUS / y0) / ln(1 + LR |lambda_min|), with lambda_min
    measured at the saddle.
    """
    out: dict[str, object] = {
        "deeper": f"{DEEPER:g}",
        "depth_y0_decade": -round(np.log10(DEPTH_Y0)),
    }
    for name, depth in (("shallow", 1.0), ("deep", DEEPER)):
        surface = well(depth)
        low = float(hessian_eigenvalues(surface.grad, (0.0, 0.0)).min())
        run = descend(surface, (X0, DEPTH_Y0), lr=LR, max_iter=2000)
        away = np.flatnonzero(np.abs(run.positions[:, 1]) >= RADIUS)
        out[f"{name}_lambda"] = f"{low:.6g}"
        out[f"{name}_escape"] = int(away[0])
        out[f"{name}_escape_pred"] = f"{np.log(RADIUS / DEPTH_Y0) / np.log(1 + LR * abs(low)):.1f}"
        x, y = run.positions[-1]  # the minima are (0, 1) and (0, -1)
        arrived = run.status == "converged" and np.hypot(x, abs(y) - 1) < AT_MINIMUM
        out[f"{name}_ends_at_minimum"] = bool(arrived)
    return out

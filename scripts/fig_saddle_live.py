"""Saddle points, the live figure's static twin: one start near the stable manifold and its escape.

Left: gdlib's plain descent on the double well (scripts/_double_well.py) from (X0, Y0), with the
circle of RADIUS around the saddle. Right: the iterates within RADIUS of the saddle of each start
height of the curve (CURVE log-spaced heights over the slider's range), measured (dots)
and by the linearised count (dashed), with Y0 marked. The live figure (js/src/widgets/escape.js)
opens on the same run and lets the reader move the start height or put it on the manifold.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _double_well import DOUBLE_WELL, LR, RADIUS, X0, predicted_stay
from _figure import COLORS, PALETTES, case_lines, contour, themed_svgs, write_values
from _prose import fmt, rounded_up
from matplotlib import pyplot as plt

from gdlib.descent import descend

Y0, Y0_MIN, Y0_MAX = 1e-6, 1e-12, 1e-1
MAX_ITER = 2000
CURVE = 45  # js/src/widgets/escape-state.js CURVE_POINTS
SLIDER_STEPS = 220  # the live figure's slider has SLIDER_STEPS + 1 positions (its config)
KINK = 10  # steps: below this count the linear estimate is judged near its kink


def heights() -> np.ndarray:
    """Return the start heights of the curve, log-spaced over the slider's range."""
    return Y0_MIN * (Y0_MAX / Y0_MIN) ** (np.arange(CURVE) / (CURVE - 1))


def slider_heights() -> np.ndarray:
    """Return every height the live figure's slider reaches (js/src/widgets/scale.js logSlider).

    Log-spaced over SLIDER_STEPS and each rounded to the 3 digits the slider shows; the page's
    gaps are measured over these, so they hold for every position a reader can pick.
    """
    raw = Y0_MIN * np.exp(np.log(Y0_MAX / Y0_MIN) * np.arange(SLIDER_STEPS + 1) / SLIDER_STEPS)
    return np.array([float(f"{y0:.3g}") for y0 in raw])


def stay(y0: float) -> int:
    """Count the iterates of the run from (X0, y0) within RADIUS of the saddle (the start too)."""
    run = descend(DOUBLE_WELL, (X0, y0), lr=LR, max_iter=MAX_ITER)
    return int(np.sum(np.linalg.norm(run.positions, axis=1) < RADIUS))


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the live figure's settings."""
    run = descend(DOUBLE_WELL, (X0, Y0), lr=LR, max_iter=MAX_ITER)
    ys = heights()
    stays = [stay(y0) for y0 in ys]

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.6), layout="constrained")
        contour(left, DOUBLE_WELL, n=120)
        # In the text colour: grey was faint on the dark palette's blue map.
        circle = plt.Circle((0, 0), RADIUS, fill=False, color=PALETTES[theme]["text"], ls="--")
        left.add_patch(circle)
        left.plot(run.positions[:, 0], run.positions[:, 1], "-", color=COLORS["orange"], lw=1.2)
        case_lines(left, theme)
        left.set(xlabel="$x$", ylabel="$y$", title=f"from $y_0$ = {Y0:g}: {stay(Y0)} iterates near")
        right.semilogx(ys, stays, "o", ms=3, color=COLORS["blue"], label="measured")
        right.semilogx(ys, predicted_stay(ys), "--", color=COLORS["grey"], label="predicted")
        right.axvline(Y0, color=COLORS["orange"], lw=1.5)
        right.set(xlabel="start height $y_0$", ylabel=f"iterates within {RADIUS:g} of the saddle")
        right.legend(fontsize=9)
        return fig

    config = {"lr": LR, "x0": X0, "y0": Y0, "y0Min": Y0_MIN, "y0Max": Y0_MAX, "radius": RADIUS}
    config |= {"maxIter": MAX_ITER, "sliderSteps": SLIDER_STEPS}
    config |= {"bounds": [list(b) for b in DOUBLE_WELL.bounds]}
    config |= {"minima": [list(m) for m in DOUBLE_WELL.minima]}
    end = "({:.2g}, {:.2g})".format(*(run.positions[-1] + 0.0))  # + 0.0: no "-0"
    values = {"y0": f"{Y0:g}", "stay": stay(Y0), "message": run.message, "end": end}
    values |= {"steps": run.iterations, "widget": json.dumps(config)}
    values |= {"end_x_n": float(run.positions[-1, 0]), "end_y_n": float(run.positions[-1, 1])}
    # Where the count leaves the estimate: near the kink, where the counts fall below KINK;
    # measured at every slider position, finer than the plotted curve, as the reader can reach.
    reach = slider_heights()
    reached = np.array([stay(y0) for y0 in reach])
    gaps = np.abs(reached - predicted_stay(reach))
    away = np.minimum(reached, predicted_stay(reach)) >= KINK
    at = int(np.argmax(gaps))
    # The largest gap, at one named height, as it is there; the bound elsewhere rounded up: the
    # page says "within".
    values |= {"max_gap": f"{gaps[at]:.1f}", "max_gap_raw": float(gaps[at])}
    values |= {"max_gap_at": fmt(reach[at], 3), "max_gap_at_raw": float(reach[at])}
    values |= {"max_gap_stay": int(reached[at]), "kink": KINK, "positions": reach.size}
    elsewhere = float(gaps[away].max())
    values |= {"gap_elsewhere": rounded_up(elsewhere), "gap_elsewhere_raw": elsewhere}
    written = themed_svgs(draw, out_dir, "saddle-live", narrow=True)
    return [*written, write_values(out_dir, "saddle_live", values)]

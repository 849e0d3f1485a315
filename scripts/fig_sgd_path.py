"""Stochastic gradient descent on the shared regression (animated): one example per step.

The same data and start as the batch page, at stochastic descent's own best rate from the fair
sweep (`BEST_RATE[1]`, scripts/fig_variants_sweep.py); the path jitters because each step
follows one example's gradient, and it keeps jittering near the minimum. At the animation's
scale the jitter is small, as each step is: the values say how small, and how far each epoch's
steps wander, as the length of its path over the straight line from its first point to its last,
and how the loss panel falls: the gap at each epoch's end, and how often the drawn curve rises.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import step_lengths, write_values
from _prose import fmt
from _variants import N, data, drawn_points, floor, loss_stride, run, variant_animation

EPOCHS = 3


def wander(thetas: np.ndarray) -> dict[str, object]:
    """Median step length, and each epoch's path length over its net displacement."""
    steps = step_lengths(thetas)
    median = float(np.median(steps))
    values = {"step_median": fmt(median, 2), "step_median_n": median}
    values["drawn_every"] = int(np.diff(drawn_points(len(thetas)))[0])  # the animation's stride
    start_dist = float(np.linalg.norm(thetas[0] - data()[2]))  # to the least-squares point
    values |= {"start_dist": f"{start_dist:.2f}", "start_dist_n": start_dist}
    for e in range(EPOCHS):
        epoch = thetas[e * N : (e + 1) * N + 1]
        ratio = steps[e * N : (e + 1) * N].sum() / np.linalg.norm(epoch[-1] - epoch[0])
        values[f"wander_{e + 1}"], values[f"wander_{e + 1}_n"] = f"{ratio:.1f}", float(ratio)
    return values


def loss_panel(gaps: np.ndarray) -> dict[str, object]:
    """How the loss panel falls: each epoch's end below half the last, and how often it rises.

    `gaps` is the loss above the minimum at every step, as the panel draws it.
    """
    ends = gaps[::N]  # the start, then each epoch's end
    drawn = gaps[:: loss_stride(len(gaps))]  # the points the panel draws
    rises = float(np.mean(np.diff(drawn) > 0))
    out = {"epoch_ends_halve": bool(np.all(ends[1:] < ends[:-1] / 2)), "drawn_rises_n": rises}
    return out | {"drawn_rises_pct": f"{100 * rises:.0f}"}


def main(out_dir: Path) -> list[Path]:
    """Write the animation and how far its steps wander."""
    sgd = run(1, EPOCHS)
    written = variant_animation(out_dir, "sgd-path", {"stochastic, b = 1": sgd})
    values = wander(np.asarray(sgd.thetas)) | loss_panel(np.asarray(sgd.losses) - floor())
    says = {"epoch_ends_halve": "at each epoch's end the loss gap was below half the last one's"}
    return [*written, write_values(out_dir, "sgd_path", values, says=says)]

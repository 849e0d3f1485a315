"""Stochastic gradient descent on the shared regression (animated): one example per step.

The same data and start as the batch page, at stochastic descent's own best rate from the fair
sweep (`BEST_RATE[1]`, scripts/fig_variants_sweep.py); the path jitters because each step
follows one example's gradient, and it keeps jittering near the minimum. At the animation's
scale the jitter is small, as each step is: the values say how small, and how far each epoch's
steps wander, as the length of its path over the straight line from its first point to its last.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import step_lengths, write_values
from _prose import fmt
from _variants import N, data, drawn_points, run, variant_animation

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


def main(out_dir: Path) -> list[Path]:
    """Write the animation and how far its steps wander."""
    sgd = run(1, EPOCHS)
    written = variant_animation(out_dir, "sgd-path", {"stochastic, b = 1": sgd})
    return [*written, write_values(out_dir, "sgd_path", wander(np.asarray(sgd.thetas)))]

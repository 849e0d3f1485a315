"""The three variants on one loss surface (animated), on a shared clock of gradient evaluations.

Batch, mini-batch (b = 16) and stochastic runs of gdlib from the same start, each at its own
best rate, for the same budget of examples: the stochastic path is far along while batch has
taken a few steps. The clip's length and where each run ends go to the page's alt text (with raw
gaps, `_n`, for its check that both noisy runs end far below batch), and how close the stochastic
and mini-batch paths stay (the one drawn over the other) to its text.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import write_values
from _prose import fmt
from _variants import MINI, NAMES, THETA0, N, data, floor, run, variant_animation

EPOCHS = 4


def apart(mini, sgd) -> float:
    """Return the widest gap between two runs on the animation's clock, at every step of `sgd`.

    Between its updates the mini-batch point stands where its last update left it. As a share of
    the start's distance to the least-squares point.
    """
    best = data()[2]
    held = np.searchsorted(mini.examples_seen, sgd.examples_seen, side="right") - 1
    gaps = np.linalg.norm(mini.thetas[held] - sgd.thetas, axis=1)
    return float(gaps.max() / np.linalg.norm(THETA0 - best))


def main(out_dir: Path) -> list[Path]:
    """Write the animation and its numbers."""
    runs = {b: run(b, EPOCHS) for b in (N, MINI, 1)}
    written = variant_animation(out_dir, "compare-paths", {NAMES[b]: r for b, r in runs.items()})
    low = floor()
    gaps = {b: float(r.epoch_losses[-1]) - low for b, r in runs.items()}
    values = {"epochs": EPOCHS, "examples": f"{EPOCHS * N:,}", "batch_gap": fmt(gaps[N], 2)}
    values |= {"mini_gap": fmt(gaps[MINI], 1), "sgd_gap": fmt(gaps[1], 1)}
    values |= {"batch_gap_n": gaps[N], "mini_gap_n": gaps[MINI], "sgd_gap_n": gaps[1]}
    values["apart_pct"] = f"{np.ceil(100 * apart(runs[MINI], runs[1])):.0f}"  # "within": up
    return [*written, write_values(out_dir, "compare_paths", values)]

"""Batch gradient descent's strength and price, from real gdlib runs on the shared regression.

Left: loss per epoch, batch against stochastic, same rate: batch falls smoothly and never goes
up. Right: the same runs against gradient evaluations (examples read): after one pass over the
data, batch has taken a single step while the stochastic run has taken N.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, fmt, themed_svgs, write_values
from _variants import N, data, run
from matplotlib import pyplot as plt

from gdlib.regression import mse

EPOCHS = 30


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the numbers the batch page quotes."""
    batch, sgd = run(N, EPOCHS), run(1, EPOCHS)
    X, y, best = data()
    floor = mse(X, y, best)

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.2), layout="constrained")
        epochs = np.arange(EPOCHS + 1)
        left.semilogy(
            epochs,
            batch.epoch_losses - floor,
            "o-",
            ms=3,
            color=COLORS["blue"],
            label=f"batch (b = {N})",
        )
        left.semilogy(
            epochs,
            sgd.epoch_losses - floor,
            "o-",
            ms=3,
            color=COLORS["green"],
            label="stochastic (b = 1)",
        )
        left.set(xlabel="epoch", ylabel="loss above the minimum", title="per epoch")
        left.legend()
        budget = 3 * N
        for r, color in ((batch, COLORS["blue"]), (sgd, COLORS["green"])):
            upto = r.examples_seen <= budget
            right.semilogy(
                r.examples_seen[upto], r.losses[upto] - floor, ".-", ms=3, lw=1, color=color
            )
        right.set(xlabel="gradient evaluations (examples read)", title="per example read")
        return fig

    increases = int(np.sum(np.diff(batch.epoch_losses) > 0))
    values = {
        "epochs": EPOCHS,
        "n": N,
        "increases": increases,
        "sgd_increases": int(np.sum(np.diff(sgd.losses) > 0)),
        "sgd_steps": len(sgd.losses) - 1,
        "batch_gap": fmt(batch.epoch_losses[-1] - floor, 2),
        "sgd_gap": fmt(sgd.epoch_losses[-1] - floor, 2),
        "batch_gap_1": fmt(batch.epoch_losses[1] - floor, 2),
        "sgd_gap_1": fmt(sgd.epoch_losses[1] - floor, 2),
    }
    return [*themed_svgs(draw, out_dir, "batch-cost"), write_values(out_dir, "batch", values)]

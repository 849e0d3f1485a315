"""Comparison: loss against epochs and against gradient evaluations for several batch sizes.

All gdlib runs on the shared regression, same start and rate, b in BATCH_SIZES. Per epoch,
small batches win (more steps per pass); per gradient evaluation the picture is the same here,
but per step (what parallel hardware pays for) large batches win. A table gives the numbers.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import CYCLE, themed_svgs, write_values
from _variants import BATCH_SIZES, data, run
from matplotlib import pyplot as plt

from gdlib.regression import mse

EPOCHS = 10


def table(runs, floor: float) -> str:
    """Tabulate steps per epoch and the loss gap after 1 and EPOCHS epochs (Markdown)."""
    rows = [f"| batch size | steps per epoch | gap after 1 epoch | gap after {EPOCHS} epochs |"]
    rows.append("|---|---|---|---|")
    for b, r in runs.items():
        steps = int(np.sum(r.examples_seen <= r.examples_seen[-1] / EPOCHS)) - 1
        gaps = r.epoch_losses[[1, EPOCHS]] - floor
        rows.append(f"| {b} | {steps} | {gaps[0]:.3g} | {gaps[1]:.3g} |")
    return "\n".join(rows)


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel figure and the table."""
    X, y, best = data()
    floor = mse(X, y, best)
    runs = {b: run(b, EPOCHS) for b in BATCH_SIZES}

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.3), layout="constrained")
        for i, (b, r) in enumerate(runs.items()):
            left.semilogy(
                np.arange(EPOCHS + 1),
                r.epoch_losses - floor,
                "o-",
                ms=3,
                color=CYCLE[i],
                label=f"b = {b}",
            )
            every = slice(None, None, max(1, len(r.losses) // 300))
            right.semilogy(r.examples_seen[every], r.losses[every] - floor, lw=0.9, color=CYCLE[i])
        left.set(xlabel="epoch", ylabel="loss above the minimum", title="per epoch")
        right.set(xlabel="gradient evaluations (examples read)", title="per gradient evaluation")
        left.legend(ncols=2, fontsize=8)
        return fig

    final = {b: float(r.epoch_losses[EPOCHS] - floor) for b, r in runs.items()}
    values = {"table": table(runs, floor), "epochs": EPOCHS, "best_b": min(final, key=final.get)}
    written = themed_svgs(draw, out_dir, "compare-curves")
    return [*written, write_values(out_dir, "compare", values)]

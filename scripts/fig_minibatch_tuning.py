"""Mini-batch: the batch size needs tuning. Final loss for a grid of batch sizes and learning rates.

Every cell is a gdlib run on the shared regression with the same budget of gradient evaluations
(EPOCHS passes over the data); the colour is the loss above the minimum at the end. Small
batches are noisy (their floor stays high at large rates), large ones take too few steps; which
batch size is best depends on the rate, so the two are tuned together.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import fmt, themed_svgs, write_values
from _variants import N, data, run
from matplotlib import pyplot as plt

from gdlib.regression import mse

SIZES = (1, 2, 4, 8, 16, 32, 64, N)
RATES = (0.01, 0.03, 0.1, 0.3)
EPOCHS = 4


def gaps() -> np.ndarray:
    """Loss above the minimum after EPOCHS, shape (len(RATES), len(SIZES)); inf if diverged."""
    X, y, best = data()
    floor = mse(X, y, best)
    out = np.full((len(RATES), len(SIZES)), np.inf)
    for i, lr in enumerate(RATES):
        for j, b in enumerate(SIZES):
            r = run(b, EPOCHS, lr)
            if r.status == "completed":
                out[i, j] = r.losses[-1] - floor
    return out


def main(out_dir: Path) -> list[Path]:
    """Write the heat map and the best cell."""
    table = gaps()
    i, j = np.unravel_index(np.argmin(table), table.shape)

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(7.0, 3.0), layout="constrained")
        shown = np.log10(np.where(np.isfinite(table), table, np.nan))
        image = ax.imshow(shown, cmap="viridis_r", aspect="auto")
        for (r, c), value in np.ndenumerate(table):
            text = "div." if not np.isfinite(value) else f"{value:.0e}".replace("e-0", "e-")
            # Dark text on the light (yellow) cells, light text on the dark ones.
            red, green, blue, _ = image.cmap(image.norm(shown[r, c]))
            light = 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.45
            ax.text(
                c,
                r,
                text,
                ha="center",
                va="center",
                fontsize=7.5,
                color="black" if light else "white",
            )
        ax.set_xticks(range(len(SIZES)), [str(b) for b in SIZES])
        ax.set_yticks(range(len(RATES)), [str(lr) for lr in RATES])
        ax.set(xlabel="batch size $b$", ylabel="learning rate")
        ax.set_title(f"loss above the minimum after {EPOCHS} epochs (same examples read)")
        ax.grid(False)
        fig.colorbar(image, ax=ax, label="$\\log_{10}$ gap")
        return fig

    values = {
        "best_b": SIZES[j],
        "best_lr": RATES[i],
        "best_gap": fmt(table[i, j], 2),
        "epochs": EPOCHS,
        "n": N,
        "b1_gap": fmt(table[RATES.index(0.1), 0], 2),
        "bn_gap": fmt(table[RATES.index(0.1), -1], 2),
    }
    written = themed_svgs(draw, out_dir, "minibatch-tuning")
    return [*written, write_values(out_dir, "tuning", values)]

"""How accurate is a batch's gradient? Error of mini-batch gradients against the full gradient.

At the shared start, gdlib's `mse_grad` on 200 seeded random batches of each size is compared
with the full-data gradient: the relative error shrinks like 1/sqrt(b) and is exactly 0 for the
whole set (batch gradient descent). This is the noise of stochastic and mini-batch updates.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, fmt, themed_svgs, write_values
from _variants import SEED, THETA0, N, data
from matplotlib import pyplot as plt

from gdlib.regression import mse_grad

SIZES = (1, 2, 4, 8, 16, 32, 64, 128, N)
DRAWS = 200


def relative_errors() -> np.ndarray:
    """Mean relative error ||g_B - g|| / ||g|| for each batch size in SIZES."""
    X, y, _ = data()
    full = mse_grad(X, y, THETA0)
    rng = np.random.default_rng(SEED)
    means = []
    for b in SIZES:
        errs = []
        for _ in range(DRAWS):
            rows = rng.choice(N, size=b, replace=False)
            errs.append(np.linalg.norm(mse_grad(X[rows], y[rows], THETA0) - full))
        means.append(np.mean(errs) / np.linalg.norm(full))
    return np.array(means)


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the errors at b = 1, 16 and N."""
    errors = relative_errors()

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.4, 3.2), layout="constrained")
        sizes = np.array(SIZES[:-1])
        ax.loglog(sizes, errors[:-1], "o-", color=COLORS["blue"], label="measured (gdlib)")
        ax.loglog(sizes, errors[0] / np.sqrt(sizes), "--", color=COLORS["grey"], label="∝ 1/√b")
        ax.set(xlabel="batch size $b$", ylabel="relative gradient error")
        ax.set_title(f"mean over {DRAWS} random batches; b = {N} (all data) gives exactly 0")
        ax.legend()
        return fig

    values = {"b1": fmt(errors[0], 2), "b16": fmt(errors[SIZES.index(16)], 2)}
    values["bn"] = fmt(errors[-1], 2)
    values["draws"] = DRAWS
    written = themed_svgs(draw, out_dir, "gradient-noise")
    return [*written, write_values(out_dir, "noise", values)]

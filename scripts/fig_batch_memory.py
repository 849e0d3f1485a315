"""Batch gradient descent is memory intensive: peak memory of one gradient step against batch size.

On a synthetic regression of N_ROWS x D (gdlib.datasets.make_regression), one step of gdlib's
`mse_grad` on a shuffled batch of b rows is traced with Python's tracemalloc, which counts
NumPy's buffers: the batch copy, the residuals and the gradient. The peak grows in proportion to
b; at b = n the whole data set is copied into the step.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from matplotlib import pyplot as plt

from gdlib.datasets import make_regression
from gdlib.regression import mse_grad

N_ROWS, D = 2**18, 10
SIZES = (1, 16, 256, 4096, 65536, N_ROWS)


def peak_bytes(X: np.ndarray, y: np.ndarray, b: int, rng: np.random.Generator) -> int:
    """Peak bytes allocated while gathering a random batch of b rows and taking its gradient."""
    theta = np.zeros(X.shape[1])
    rows = rng.permutation(len(y))[:b].copy()  # drawn before tracing: the same for every b
    tracemalloc.start()
    try:
        mse_grad(X[rows], y[rows], theta)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main(out_dir: Path) -> list[Path]:
    """Write the memory figure and the peaks at b = 1 and b = n."""
    X, y, _ = make_regression(N_ROWS, D, seed=0)
    rng = np.random.default_rng(0)
    # In KiB, to one decimal: Python's own bookkeeping could shift the count by a few bytes.
    peaks = np.array([round(peak_bytes(X, y, b, rng) / 1024, 1) for b in SIZES])

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.4, 3.2), layout="constrained")
        ax.loglog(SIZES, peaks, "o-", color=COLORS["blue"], label="measured peak (tracemalloc)")
        ax.loglog(
            SIZES,
            np.array(SIZES) * (D + 2) * 8 / 1024,
            "--",
            color=COLORS["grey"],
            label="$b\\,(d + 2)$ float64 values",
        )
        ax.set(xlabel="batch size $b$ (rows per step)", ylabel="peak memory of one step (KiB)")
        ax.set_title(f"one gradient step on {N_ROWS:,} x {D} data; b = n is batch descent")
        ax.legend()
        return fig

    values = {
        "rows": f"{N_ROWS:,}",
        "d": D,
        "b1_kib": peaks[0],
        "bn_mib": f"{peaks[-1] / 1024:.1f}",
        "b256_kib": peaks[SIZES.index(256)],
    }
    written = themed_svgs(draw, out_dir, "batch-memory")
    return [*written, write_values(out_dir, "memory", values)]

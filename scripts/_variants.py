"""The regression problem shared by the batch, stochastic, mini-batch and comparison figures.

One seeded data set from `gdlib.datasets.make_regression` (an intercept and one feature, so the
parameters are a point in the plane and the loss can be drawn as contours), one start and one
learning rate; every run is `gdlib.regression.fit_linear` with a different batch size.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from _figure import grid, surface_cmap

from gdlib.datasets import make_regression
from gdlib.regression import RegressionRun, fit_linear, mse

N = 200
SEED = 3
LR = 0.05
THETA0 = np.array([-2.0, 3.0])
BOUNDS = ((-3.5, 1.0), (-1.0, 3.5))
BATCH_SIZES = (1, 4, 16, 64, N)
NAMES = {1: "stochastic (b = 1)", 16: "mini-batch (b = 16)", N: f"batch (b = {N})"}


@cache
def data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return X (ones and one feature), y and the least-squares solution."""
    X, y, _ = make_regression(N, 2, noise=0.8, seed=SEED)
    return X, y, np.linalg.lstsq(X, y, rcond=None)[0]


@cache
def run(batch_size: int, epochs: int, lr: float = LR, lr_decay: float = 0.0) -> RegressionRun:
    """Fit the shared data with gdlib at one batch size."""
    X, y, _ = data()
    return fit_linear(
        X,
        y,
        lr=lr,
        epochs=epochs,
        batch_size=batch_size,
        seed=SEED,
        theta0=THETA0,
        lr_decay=lr_decay,
    )


def loss_contour(ax, n: int = 90) -> None:
    """Draw the full-data loss over (intercept, slope), computed point by point with gdlib."""
    X, y, best = data()
    T0, T1, P = grid(BOUNDS, n)
    Z = np.array([[mse(X, y, p) for p in row] for row in P])
    ax.contourf(T0, T1, np.log(Z), levels=16, cmap=surface_cmap(), rasterized=True)
    ax.plot(*best, "*", color="white", mec="black", ms=12, mew=0.6)
    ax.set(
        xlim=BOUNDS[0], ylim=BOUNDS[1], xlabel="intercept $\\theta_0$", ylabel="slope $\\theta_1$"
    )
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)


def variant_animation(out_dir, name: str, runs: dict[str, RegressionRun]) -> list:
    """Animate runs on the loss contour (left) and their loss against examples seen (right).

    Both panels share one clock, examples seen, so a batch step (N examples) takes as long on
    screen as N stochastic steps.
    """
    from _animation import Track, path_animation
    from _figure import CYCLE
    from matplotlib import pyplot as plt

    def setup(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.9), layout="constrained")
        loss_contour(left)
        floor = float(mse(*data()))
        tracks = []
        for i, (label, r) in enumerate(runs.items()):
            color = CYCLE[i]
            tracks.append(Track(left, r.thetas, color, label, clock=r.examples_seen))
            # At most ~200 points per loss curve: every stride-th step keeps the WebP small.
            keep = slice(None, None, max(1, len(r.losses) // 200))
            seen = r.examples_seen[keep]
            curve = np.column_stack([seen, r.losses[keep] - floor + 1e-3])
            tracks.append(Track(right, curve, color, None, clock=seen, lw=1.0))
        right.set_yscale("log")
        right.set_xlim(0, max(r.examples_seen[-1] for r in runs.values()))
        right.set_ylim(1e-3, max(float(r.losses.max() - floor) for r in runs.values()) * 2)
        right.set(xlabel="gradient evaluations (examples seen)", ylabel="loss above the minimum")
        return fig, tracks

    return path_animation(setup, out_dir, name, frames=44)

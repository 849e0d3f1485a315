"""The regression problem shared by the batch, stochastic, mini-batch and comparison pages.

One seeded data set of N = 2000 examples from `gdlib.datasets.make_regression` (an intercept and
one feature, so the parameters are a point in the plane and the loss can be drawn as contours).
The feature is shifted to have mean about 1, as raw measurements usually do: that couples
intercept and slope and makes the loss a tilted valley (condition number about 7) rather than a
round bowl, on which a single batch step would nearly finish the job. Two thousand rows for two
parameters is very redundant data: that redundancy is what stochastic steps exploit.

`BEST_RATE` holds each variant's best learning rate from the grid of `RATES`, as measured by
`scripts/fig_variants_sweep.py` (which fails the build if the sweep picks another one): the
animations and code samples use them without re-running the sweep.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from _figure import COLORS, grid, surface_cmap
from _sweep import quadratic_loss

from gdlib.datasets import make_regression
from gdlib.regression import RegressionRun, fit_linear, mse

N = 2000
SEED = 3
SHIFT = 1.0
NOISE = 1.0
THETA0 = np.array([-3.0, 1.5])
BOUNDS = ((-4.0, 1.5), (-2.0, 2.5))
BATCH_SIZES = (1, 4, 16, 64, 256, N)
MINI = 16
RATES = 10.0 ** (np.arange(-24, 1) / 6)  # 1e-4 to 1, six per decade
# Shuffle seeds of every sweep; results are medians over them. One run's loss after a few epochs
# varies over more than a decade from seed to seed, so medians need many: even over 33 seeds a
# 5-epoch median moves between random thirds of SEEDS by a typical factor of 1.5-2, and by about 3
# in one split in twenty (the comparison page quotes the spread, from scripts/_variants_splits.py).
SEEDS = tuple(range(99))
BUDGET = 5  # epochs: each variant's rate is the grid's best after this many passes
HORIZON = 30  # epochs drawn, to show what happens after the budget
LAST = 10  # the last epochs, where the pages read the level a noisy run hovers at
LATE = slice(HORIZON - LAST + 1, HORIZON + 1)  # their indices (index e: after epoch e)
# Best rates after BUDGET epochs (median loss over SEEDS), checked by fig_variants_sweep.py.
BEST_RATE = {1: RATES[5], 4: RATES[9], 16: RATES[12], 64: RATES[16], 256: RATES[19], N: RATES[21]}
# One colour per variant on every page, live figures included: a reader who met them in the
# comparison knows them. Other things (rates, methods) take other hues.
VARIANT_COLORS = {
    "stochastic": COLORS["green"],
    "mini-batch": COLORS["orange"],
    "batch": COLORS["blue"],
}


def variant(b: int, n: int) -> str:
    """Name the variant that steps on b of n rows: stochastic, mini-batch or batch."""
    return "stochastic" if b == 1 else "batch" if b == n else "mini-batch"


COLOR = {b: VARIANT_COLORS[variant(b, N)] for b in (1, MINI, N)}
NAMES = {b: f"{variant(b, N)} (b = {b})" for b in (1, MINI, N)}


def source(n: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw n examples of the source: X (ones, feature + SHIFT), y and their true parameters.

    The parameters are written for the shifted feature, so that y = X @ true + noise.
    """
    X, y, true = make_regression(n, 2, noise=NOISE, seed=seed)
    X[:, 1] += SHIFT
    return X, y, np.array([true[0] - SHIFT * true[1], true[1]])


@cache
def data() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return X (ones and one feature), y and the least-squares solution."""
    X, y, _ = source(N, SEED)
    return X, y, np.linalg.lstsq(X, y, rcond=None)[0]


def floor() -> float:
    """Return the minimum of the full-data loss."""
    X, y, best = data()
    return mse(X, y, best)


@cache
def run(
    batch_size: int, epochs: int, lr: float | None = None, lr_decay: float = 0.0, seed: int = SEED
) -> RegressionRun:
    """Fit the shared data with gdlib at one batch size (at its best rate unless `lr` is given)."""
    X, y, _ = data()
    return fit_linear(
        X,
        y,
        lr=BEST_RATE[batch_size] if lr is None else lr,
        epochs=epochs,
        batch_size=batch_size,
        seed=seed,
        theta0=THETA0,
        lr_decay=lr_decay,
    )


@cache
def _loss_grid(n: int):
    """Return the grid and the full-data loss on it.

    The loss is a quadratic in theta, so the grid costs a 2 x 2 form per point, not a pass
    over all N examples (same surface to ~1e-12, a fraction of a second less per animation).
    """
    X, y, _ = data()
    T0, T1, P = grid(BOUNDS, n)
    return T0, T1, quadratic_loss(X, y)(P)


def loss_contour(ax, n: int = 90) -> None:
    """Draw the full-data loss over (intercept, slope), with the least-squares point."""
    _, _, best = data()
    T0, T1, Z = _loss_grid(n)
    ax.contourf(T0, T1, np.log(Z), levels=16, cmap=surface_cmap(), rasterized=True)
    ax.plot(*best, "*", color="white", mec="black", ms=12, mew=0.6)
    labels = {"xlabel": "intercept $\\theta^{(1)}$", "ylabel": "slope $\\theta^{(2)}$"}
    ax.set(xlim=BOUNDS[0], ylim=BOUNDS[1], **labels)
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)


def loss_stride(steps: int) -> int:
    """Return every how many steps an animation's loss curve draws a point: about 200 points."""
    return max(1, steps // 200)  # more would make the WebP large and show no more


def drawn_points(n: int) -> np.ndarray:
    """Return the indices of a path of `n` points that its animation draws: every k-th, the last.

    A path of thousands of tiny steps reads the same drawn through about 1500 of its points.
    """
    return np.unique(np.r_[0 : n : max(1, n // 1500), -1 % n])


def variant_animation(out_dir, name: str, runs: dict[str, RegressionRun]) -> list:
    """Animate runs on the loss contour (left) and their loss against examples seen (right).

    Both panels share one clock, examples seen, so a batch step (N examples) takes as long on
    screen as N stochastic steps.
    """
    from _animation import Track, path_animation
    from matplotlib import pyplot as plt
    from matplotlib import ticker

    def setup(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.9), layout="constrained")
        loss_contour(left)
        low = floor()
        tracks, lowest = [], np.inf
        for label, r in runs.items():
            color = VARIANT_COLORS[variant(r.batch_size, N)]
            every = drawn_points(len(r.thetas))
            tracks.append(Track(left, r.thetas[every], color, label, clock=r.examples_seen[every]))
            keep = slice(None, None, loss_stride(len(r.losses)))
            seen, gap = r.examples_seen[keep], np.maximum(r.losses[keep] - low, 1e-12)
            lowest = min(lowest, float(gap.min()))
            # A staircase: the loss changes only when a step completes, not while it reads.
            x, y = np.repeat(seen, 2)[1:], np.repeat(gap, 2)[:-1]
            curve = np.column_stack([x, y])
            tracks.append(Track(right, curve, color, None, clock=x, lw=1.0, cased=False))
        log_axes(right)
        right.set_xlim(0, max(r.examples_seen[-1] for r in runs.values()))
        right.set_ylim(lowest / 2, max(float(r.losses.max() - low) for r in runs.values()) * 2)
        right.set(xlabel="gradient evaluations (examples seen)", ylabel="loss above the minimum")
        # At most five gaps: labels every 2000 up to 16000 (mini-batch) ran into each other.
        right.xaxis.set_major_locator(ticker.MaxNLocator(5))
        return fig, tracks

    return path_animation(setup, out_dir, name, frames=44, narrow=True)


_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _log_label(value: float, _pos=None) -> str:
    exponent = int(np.round(np.log10(value))) if value > 0 else 0
    return f"10{str(exponent).translate(_SUPERSCRIPT)}" if abs(exponent) >= 3 else f"{value:g}"


def log_axes(ax, x: bool = False, y: bool = True) -> None:
    """Log scales with plain-text decade labels and no minor ticks.

    Matplotlib's default log labels are mathtext, laid out tick by tick, and minor ticks
    multiply them: on these many-decade axes that cost seconds per figure.
    """
    from matplotlib import ticker

    for flag, axis, scale in ((x, ax.xaxis, ax.set_xscale), (y, ax.yaxis, ax.set_yscale)):
        if flag:
            scale("log")
            axis.set_major_formatter(ticker.FuncFormatter(_log_label))
    ax.minorticks_off()

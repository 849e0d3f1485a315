"""Stochastic gradient descent: fast, noisy, and with a constant rate it never settles.

Left: loss above the minimum per epoch for SGD with a constant rate LR_CONST and with the rate
decayed per epoch (lr / (1 + decay * epoch)), median and 10-90 % band over the shared shuffle
seeds (scripts/_sweep.py, one cell replayed with gdlib). The levels are medians over seeds and
the ten epochs of a window: EARLY (epochs 11-20) compares the runs, LATE (51-60) says whether
each level still falls. At a constant rate a window's median still wanders from one window to
the next (the loss at an epoch's end is one draw from the cloud), so the page counts a trend only
beyond a factor of two, and its check asserts that the constant runs stay within it.
Right: escaping a local minimum: plain GD and SGD on a non-convex loss (the mean of shifted
six-hump camels, one per example), using gdlib's camel gradients and sgd update; the noise of
single examples carries SGD out of the basin where full-gradient descent stays.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, fmt, grid, surface_cmap, themed_svgs, write_values
from _sweep import check_against_gdlib, sweep
from _variants import BEST_RATE, THETA0, data, floor, log_axes
from matplotlib import pyplot as plt

from gdlib import schedules
from gdlib.optimizers import sgd
from gdlib.surfaces import get_surface

EPOCHS = 60
DECAY = 0.5
LR_CONST = 0.01
SHIFTS = np.random.default_rng(7).normal(0.0, 0.15, size=(16, 2))
START = np.array([1.6, 0.57])  # in the basin of the shallow local minimum near (1.61, 0.57)
LR, STEPS = 0.04, 1600
DRAWN = 11  # the seed whose path is drawn
# Two windows of ten epochs (index e: after epoch e): epochs 11-20 and the last ten, 51-60.
EARLY = slice(11, 21)
LATE = slice(EPOCHS - 9, EPOCHS + 1)
RUNS = ("const", "decay", "best")  # the three runs of the left panel's sweep, in order
ESCAPE_SEEDS = tuple(range(20))
SEEDS = tuple(range(11))  # shuffle seeds of the left panel (the comparison sweep uses more)


def descend_sum(stochastic: bool, seeds=(DRAWN,)) -> np.ndarray:
    """Descend mean_i camel(p - s_i) with gdlib's sgd rule, one run per seed at once.

    With `stochastic`, each step uses one example drawn by the seed's generator; otherwise all
    of them (the full gradient, the same for every seed). Returns paths, (seeds, STEPS + 1, 2).
    """
    camel, opt = get_surface("camel"), sgd(LR)
    p = np.tile(START, (len(seeds), 1))
    state = opt.init(p)
    picks = np.stack([np.random.default_rng(s).integers(len(SHIFTS), size=STEPS) for s in seeds])
    path = [p]
    for k in range(STEPS):
        if stochastic:
            grad = camel.grad(p - SHIFTS[picks[:, k]])
        else:
            grad = camel.grad(p[:, None, :] - SHIFTS).mean(axis=1)
        step, state = opt.update(grad, state)
        p = p + step
        path.append(p)
    return np.stack(path, axis=1)


def mean_loss(p: np.ndarray) -> float:
    """Full loss: mean over the examples' shifted camels."""
    return float(get_surface("camel").f(p - SHIFTS).mean())


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel figure and its numbers."""
    X, y, _ = data()
    # Constant, decayed, and constant at stochastic descent's best rate (the comparison page's).
    rates, decays = [LR_CONST, LR_CONST, BEST_RATE[1]], [0.0, DECAY, 0.0]
    runs = sweep(X, y, THETA0, 1, rates, SEEDS, EPOCHS, lr_decay=decays)
    check_against_gdlib(X, y, THETA0, runs, SEEDS, 1, 2, lr_decay=decays)
    gaps = runs.epoch_losses - floor()  # (3, seeds, EPOCHS + 1); the figure draws the first two
    lo, med, hi = np.quantile(gaps, [0.1, 0.5, 0.9], axis=1)
    # The level each run hovers at in each window, over every seed and epoch of it.
    early, late = (np.median(gaps[:, :, part], axis=(1, 2)) for part in (EARLY, LATE))
    const_floor, decay_floor, best_floor = early
    shares = list(zip(RUNS, late / early, strict=True))
    full_path = descend_sum(False)[0]
    sgd_paths = descend_sum(True, ESCAPE_SEEDS)
    sgd_path = sgd_paths[ESCAPE_SEEDS.index(DRAWN)]
    full_end_loss = mean_loss(full_path[-1])
    end_losses = np.array([mean_loss(q[-1]) for q in sgd_paths])
    lower = int(np.sum(end_losses < full_end_loss - 0.1))
    higher = int(np.sum(end_losses > full_end_loss + 0.1))

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.8, 3.4), layout="constrained")
        epochs = np.arange(EPOCHS + 1)
        for k, color, label in (
            (0, COLORS["green"], f"constant rate {LR_CONST}"),
            (1, COLORS["purple"], f"decayed, $\\delta$ = {DECAY}"),
        ):
            left.fill_between(epochs, lo[k], hi[k], color=color, alpha=0.25, lw=0)
            left.plot(epochs, med[k], "o-", ms=2.5, color=color, label=label)
        log_axes(left)
        left.set(xlabel="epoch", ylabel="loss above the minimum", title="SGD, b = 1")
        left.legend()
        X, Y, P = grid(get_surface("camel").bounds, 120)
        Z = get_surface("camel").f(P[..., None, :] - SHIFTS).mean(axis=-1)
        right.contourf(X, Y, np.log1p(Z - Z.min()), levels=16, cmap=surface_cmap(), rasterized=True)
        right.set_aspect("equal")
        right.grid(False)
        right.plot(
            full_path[:, 0], full_path[:, 1], color=COLORS["blue"], lw=2, label="full gradient"
        )
        right.plot(
            sgd_path[:, 0], sgd_path[:, 1], color=COLORS["orange"], lw=0.8, label="one example"
        )
        right.plot(*START, "o", color="black", ms=4)
        right.set(title=f"escaping a local minimum (mean of {len(SHIFTS)} shifted camels)")
        right.legend(loc="lower left", fontsize=8)
        return fig

    # The decayed run's rate in each epoch: when it passes below the best constant rate, and where
    # it ends.
    decayed = schedules.rates(schedules.inverse_time_lr(LR_CONST, lr_decay=DECAY), EPOCHS)
    values = {
        "decay_below_best_from": int(np.argmax(decayed < BEST_RATE[1])) + 1,
        "decay_rate_end": fmt(decayed[-1], 2),
        "decay_rate_end_n": float(decayed[-1]),
        "epochs": EPOCHS,
        "decay": DECAY,
        "lr_const": LR_CONST,
        "const_floor": fmt(const_floor, 2),
        "decay_floor": fmt(decay_floor, 2),
        "const_floor_n": const_floor,
        "decay_floor_n": decay_floor,
        "best_lr": fmt(BEST_RATE[1], 2),
        "best_lr_n": BEST_RATE[1],
        "late_start": LATE.start,
        "best_floor": fmt(best_floor, 2),
        "best_floor_n": best_floor,
        **{f"{run}_late_n": share for run, share in shares},
        **{f"{run}_late": f"{share * 100:.0f} %" for run, share in shares},
        **{f"{run}_end_n": level for run, level in zip(RUNS, late, strict=True)},
        **{f"{run}_end": fmt(level, 2) for run, level in zip(RUNS, late, strict=True)},
        "early_epochs": f"{EARLY.start}–{EARLY.stop - 1}",
        "late_epochs": f"{LATE.start}–{EPOCHS}",
        "seeds": len(SEEDS),
        "full_end": "({:.2f}, {:.2f})".format(*full_path[-1]),
        "sgd_end": "({:.2f}, {:.2f})".format(*sgd_path[-1]),
        "full_loss": fmt(mean_loss(full_path[-1])),
        "sgd_loss": fmt(mean_loss(sgd_path[-1])),
        "full_loss_n": mean_loss(full_path[-1]),
        "sgd_loss_n": mean_loss(sgd_path[-1]),
        "full_moved_n": float(np.linalg.norm(full_path[-1] - START)),
        "full_moved": f"{np.linalg.norm(full_path[-1] - START):.1f}",
        "examples": len(SHIFTS),
        "lr": LR,
        "steps": STEPS,
        "escape_runs": len(ESCAPE_SEEDS),
        "escape_lower": lower,
        "escape_higher": higher,
        "escape_lower_n": lower,
        "escaped": "all" if lower == len(ESCAPE_SEEDS) else "most" if lower > higher else "few",
        "drawn_seed": DRAWN,
    }
    return [*themed_svgs(draw, out_dir, "sgd-behaviour"), write_values(out_dir, "sgd", values)]

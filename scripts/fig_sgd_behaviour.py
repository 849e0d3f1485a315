"""Stochastic gradient descent: fast, noisy, and with a constant rate it never settles.

Unless a line fits every example: a fifth run, counted, not drawn, gives the same inputs labels
without noise (interpolation), where LR_CONST reaches the minimum to rounding.

Left: loss above the minimum per epoch for SGD with a constant rate LR_CONST, with the rate
decayed per epoch (lr / (1 + decay * epoch)), and with a constant rate as small as the decayed
run's last one, median and 10-90 % band over the comparison's shuffle seeds (scripts/_sweep.py,
one cell replayed with gdlib); a fourth run at stochastic descent's best rate is counted, not
drawn. The levels are medians over seeds and the ten epochs of a window: EARLY (epochs 11-20)
compares the runs, LATE (51-60) says whether each level still falls, and every window between
(scripts/_sgd_floors.py, with the "Try it" block's runs) whether it falls each time. At a constant
rate a window's median still wanders from one window to the next (the loss at an epoch's end is one
draw from the cloud), so the page counts a trend only beyond a factor of two (LEVEL_FACTOR there).
Right: escaping a local minimum (scripts/_sgd_escape.py): plain GD and SGD on a non-convex loss;
the noise of single examples carries SGD out of the shallow basin where full-gradient descent
stays, at the rate drawn, but seldom at half of it; no single step, nor pair of steps, from the
shallow minimum escapes: it takes a run of them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, case_lines, grid, surface_cmap, themed_svgs, write_values
from _prose import fmt
from _sgd_escape import (
    DRAWN,
    ESCAPE_SEEDS,
    EXAMPLES,
    LR,
    MARGIN,
    START,
    STEPS,
    TIMED_SEEDS,
    barrier,
    descend_sum,
    escape_runs,
    escape_steps,
    escapes,
    mean_loss,
    short_tries_away,
)
from _sgd_floors import try_values, window_values
from _sweep import check_against_gdlib, sweep
from _variants import BEST_RATE, SEED, SEEDS, THETA0, N, data, floor, log_axes, source
from matplotlib import pyplot as plt

from gdlib import schedules
from gdlib.surfaces import get_surface

EPOCHS = 60
DECAY = 0.5
LR_CONST = 0.01
# Two windows of WINDOW epochs (index e: after epoch e): epochs 11-20 and the last ten, 51-60.
WINDOW = 10
EARLY = slice(11, 11 + WINDOW)
LATE = slice(EPOCHS - WINDOW + 1, EPOCHS + 1)
START_EPOCH = 2  # where the runs' medians are compared on the way down
RUNS = ("const", "decay", "best", "small")  # the runs of the left panel's sweep, in order
# All three are stochastic runs: green, the variant's colour, then hues no other variant takes.
DRAWN_RUNS = {"const": "green", "decay": "purple", "small": "red"}


def escape_values(full_path: np.ndarray, runs: np.ndarray) -> dict:
    """Escapes at LR (`runs`), half and a quarter of it, the barrier and the steps they take."""
    sgd_path = runs[ESCAPE_SEEDS.index(DRAWN)]
    # The deeper minimum: full-gradient descent from where the drawn SGD run ended.
    settled = descend_sum(False, start=sgd_path[-1])[0, -1]
    full_loss, deep = float(mean_loss(full_path[-1])), float(mean_loss(settled))
    lower, higher = escapes(full_loss, runs)
    v = {"escape_lower": lower, "escape_higher": higher, "escape_lower_n": lower}
    v["escaped"] = "all" if lower == len(ESCAPE_SEEDS) else "most" if lower > higher else "few"
    v["escape_half"], _ = escapes(full_loss, escape_runs(LR / 2))
    v["escape_half_long"], _ = escapes(full_loss, escape_runs(LR / 2, 2 * STEPS))
    v["escape_quarter"], _ = escapes(full_loss, escape_runs(LR / 4))
    v["lr_half"], v["lr_quarter"] = f"{LR / 2:g}", f"{LR / 4:g}"
    top = barrier(full_path[-1], sgd_path[-1])
    v["barrier"], v["barrier_n"] = f"{top - full_loss:#.2g}", top - full_loss
    v["depth"], v["depth_n"] = f"{full_loss - deep:#.2g}", full_loss - deep
    # From the shallow minimum itself: one or two noisy steps, then full-gradient descent; and
    # seeded runs timed to their escape, at LR and at half of it.
    v["one_step_away"], v["two_step_away"] = short_tries_away(full_path[-1], LR)
    v["pairs"], v["timed_runs"], v["margin"] = EXAMPLES**2, len(TIMED_SEEDS), MARGIN
    first = escape_steps(full_path[-1], LR)
    v["timed_escaped"] = int(np.sum(first >= 0))
    left = first[first >= 0]
    v["escape_step_median"], v["escape_step_median_n"] = f"{np.median(left):g}", np.median(left)
    v["escape_step_lo"], v["escape_step_hi"] = (f"{q:.0f}" for q in np.quantile(left, [0.1, 0.9]))
    v["timed_escaped_half"] = int(np.sum(escape_steps(full_path[-1], LR / 2) >= 0))
    return v


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel figure and its numbers."""
    X, y, _ = data()
    # The decayed run's rate in each epoch: when it passes below the best constant rate, and where
    # it ends.
    decayed = schedules.rates(schedules.inverse_time_lr(LR_CONST, lr_decay=DECAY), EPOCHS)
    # Constant, decayed, constant at stochastic descent's best rate (the comparison page's) and
    # constant at the decayed run's last rate.
    rates = [LR_CONST, LR_CONST, BEST_RATE[1], float(decayed[-1])]
    decays = [0.0, DECAY, 0.0, 0.0]
    runs = sweep(X, y, THETA0, 1, rates, SEEDS, EPOCHS, lr_decay=decays)
    check_against_gdlib(X, y, THETA0, runs, SEEDS, 1, 2, lr_decay=decays)
    gaps = runs.epoch_losses - floor()  # (runs, seeds, EPOCHS + 1)
    # Interpolation: labels without noise, which a line fits exactly (minimum 0): no floor.
    clean = sweep(X, X @ source(N, SEED)[2], THETA0, 1, [LR_CONST], SEEDS, EARLY.stop - 1)
    clean_floor = float(np.median(clean.epoch_losses[0][:, EARLY]))
    lo, med, hi = np.quantile(gaps, [0.1, 0.5, 0.9], axis=1)
    # The level each run hovers at in each window, over every seed and epoch of it.
    early, late = (np.median(gaps[:, :, part], axis=(1, 2)) for part in (EARLY, LATE))
    shares = list(zip(RUNS, late / early, strict=True))
    windowed, says = window_values(gaps, RUNS, rates, decays, EARLY.start, WINDOW)
    full_path = descend_sum(False)[0]
    # The drawn path is one of the seeded runs the escapes are counted on: run once, for both.
    runs_at_lr = escape_runs(LR)
    sgd_path = runs_at_lr[ESCAPE_SEEDS.index(DRAWN)]
    # The loss under the right panel, the same for both themes.
    cx, cy, points = grid(get_surface("camel").bounds, 120)
    Z = mean_loss(points)
    shade = np.log1p(Z - Z.min())
    labels = {
        "const": f"constant rate {LR_CONST}",
        "decay": "decayed, $\\eta_e$",
        "small": f"constant rate {decayed[-1]:.2g} (decayed's last)",
    }

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.8, 3.4), layout="constrained")
        epochs = np.arange(EPOCHS + 1)
        for run, color in DRAWN_RUNS.items():
            k = RUNS.index(run)
            left.fill_between(epochs, lo[k], hi[k], color=COLORS[color], alpha=0.2, lw=0)
            left.plot(epochs, med[k], "o-", ms=2.5, color=COLORS[color], label=labels[run])
        log_axes(left)
        left.set(xlabel="epoch", ylabel="loss above the minimum", title="SGD, b = 1")
        left.legend(fontsize=9)
        right.contourf(cx, cy, shade, levels=16, cmap=surface_cmap(), rasterized=True)
        right.set_aspect("equal")
        right.grid(False)
        right.plot(*sgd_path.T, color=COLORS["green"], lw=0.8, label="one example")
        # Drawn last: the full-gradient path, short, lies under the stochastic one's start.
        right.plot(*full_path.T, color=COLORS["blue"], lw=2.5, zorder=4, label="full gradient")
        case_lines(right, theme)  # the blue path on the blue map, and above the green tangle
        right.plot(*full_path[-1], "s", color=COLORS["blue"], mec="white", ms=6, zorder=5)
        right.plot(*START, "o", color="black", mec="white", ms=5, zorder=6, label="start")
        right.set_title(f"escaping a local minimum (mean of {EXAMPLES} shifted camels)", fontsize=9)
        right.legend(loc="lower left", fontsize=9)
        return fig

    values = {
        "decay_below_best_from": int(np.argmax(decayed < BEST_RATE[1])) + 1,
        "decay_rate_end": fmt(decayed[-1], 2),
        "decay_rate_end_n": float(decayed[-1]),
        "epochs": EPOCHS,
        "decay": DECAY,
        "lr_const": LR_CONST,
        "clean_floor": fmt(clean_floor, 1),
        "clean_floor_n": clean_floor,
        "best_lr": fmt(BEST_RATE[1], 2),
        "best_lr_n": BEST_RATE[1],
        "late_start": LATE.start,
        **{f"{run}_floor_n": level for run, level in zip(RUNS, early, strict=True)},
        **{f"{run}_floor": fmt(level, 2) for run, level in zip(RUNS, early, strict=True)},
        **{f"{run}_late_n": share for run, share in shares},
        **{f"{run}_late": f"{share * 100:.0f} %" for run, share in shares},
        **{f"{run}_end_n": level for run, level in zip(RUNS, late, strict=True)},
        **{f"{run}_end": fmt(level, 2) for run, level in zip(RUNS, late, strict=True)},
        **{f"{run}_start_n": level for run, level in zip(RUNS, med[:, START_EPOCH], strict=True)},
        **{f"{run}_start": fmt(x, 2) for run, x in zip(RUNS, med[:, START_EPOCH], strict=True)},
        "start_epoch": START_EPOCH,
        "window": WINDOW,
        "early_epochs": f"{EARLY.start}–{EARLY.stop - 1}",
        "late_epochs": f"{LATE.start}–{EPOCHS}",
        "test_span": LATE.start - EARLY.start,  # epochs from the early window to the late one
        "seeds": len(SEEDS),
        "full_end": "({:.2f}, {:.2f})".format(*full_path[-1]),
        "sgd_end": "({:.2f}, {:.2f})".format(*sgd_path[-1]),
        "full_loss": fmt(float(mean_loss(full_path[-1]))),
        "sgd_loss": fmt(float(mean_loss(sgd_path[-1]))),
        "full_loss_n": float(mean_loss(full_path[-1])),
        "sgd_loss_n": float(mean_loss(sgd_path[-1])),
        "full_moved_n": float(np.linalg.norm(full_path[-1] - START)),
        "full_moved": f"{np.linalg.norm(full_path[-1] - START):.1f}",
        "examples": EXAMPLES,
        "lr": LR,
        "steps": STEPS,
        "escape_runs": len(ESCAPE_SEEDS),
        "drawn_seed": DRAWN,
        **escape_values(full_path, runs_at_lr),
        **windowed,  # every WINDOW-epoch window from EARLY on, and the "Try it" block's runs
        **try_values(LR_CONST, DECAY),
    }
    return [
        *themed_svgs(draw, out_dir, "sgd-behaviour", narrow=True),
        write_values(out_dir, "sgd", values, says=says),
    ]

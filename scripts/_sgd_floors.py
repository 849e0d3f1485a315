"""Whether SGD's floor still falls: the stochastic page's window medians and its "Try it" runs.

For scripts/fig_sgd_behaviour.py. `window_values` cuts each run of the figure's sweep into
consecutive windows of `window` epochs, from the early window on, and takes each window's median
over every seed and epoch in it: does the decayed run's fall from each window to the next, and do
the constant rates' stay within a factor LEVEL_FACTOR of each other? `try_values` repeats the runs
of the page's "Try it" code block (one shuffle seed, three decays) and saves what it prints: the
loss above the minimum after the first epoch and the mean over the last three.
"""

from __future__ import annotations

import numpy as np
from _prose import fmt, listed
from _variants import SEED, data, floor

from gdlib import schedules
from gdlib.regression import stochastic_gd

# A constant rate's window medians wander (each epoch's end is one draw from the cloud): windows
# within this factor of each other count as level.
LEVEL_FACTOR = 2
# The "Try it" block's runs: lr = the figure's constant rate, the decays 0, the figure's and
# TRY_FAST, for TRY_EPOCHS epochs on the shuffle seed TRY_SEED (also the data's seed).
TRY_EPOCHS = 10
TRY_FAST = 5000.0
TRY_SEED = SEED
TRY_LAST = 3  # the last epochs the block averages


def window_values(
    gaps: np.ndarray,
    runs: tuple[str, ...],
    rates: list[float],
    decays: list[float],
    start: int,
    window: int,
) -> tuple[dict, dict]:
    """Window medians of `gaps` (runs, seeds, epochs + 1) from epoch `start`, and their words.

    >>> g = np.ones((2, 3, 31)); g[1] /= np.arange(1, 32)
    >>> v, _ = window_values(g, ("c", "d"), [0.1, 0.1], [0.0, 1.0], 11, 10)
    >>> v["windows"], v["decay_windows_fall"], v["const_windows_level"]
    (2, True, True)
    """
    epochs = gaps.shape[-1] - 1
    starts = range(start, epochs - window + 2, window)
    meds = np.array([[np.median(g[:, s : s + window]) for s in starts] for g in gaps])
    v: dict[str, object] = {"windows": len(starts), "level_factor": LEVEL_FACTOR}
    for run, row in zip(runs, meds, strict=True):
        v[f"{run}_windows"] = listed([fmt(m, 2) for m in row])
        v |= {f"{run}_w{s}_n": float(m) for s, m in zip(starts, row, strict=True)}
    fall = meds[[d > 0 for d in decays]]
    level = meds[[d == 0 for d in decays]]
    # Both need two windows or more, and the first a decayed run and the second a constant one.
    v["decay_windows_fall"] = bool(len(starts) >= 2 and fall.size and (np.diff(fall) < 0).all())
    # Its epoch-by-epoch median, from `start` on: "ups and downs" are the epochs it rose.
    decayed = np.median(gaps[[d > 0 for d in decays]], axis=1)[:, start:]
    v["decay_epoch_rises"] = int(np.sum(np.diff(decayed, axis=-1) > 0))
    v["const_windows_level"] = bool(
        len(starts) >= 2 and level.size and (level.max(1) < LEVEL_FACTOR * level.min(1)).all()
    )
    span = f"each {window}-epoch window from epoch {start} to {starts[-1] + window - 1}"
    constant = listed([f"{r:.2g}" for r, d in zip(rates, decays, strict=True) if d == 0])
    says = {
        "decay_windows_fall": f"the decayed run's median over {span} was below the one before it",
        "const_windows_level": f"at each constant rate ({constant}), the medians over {span}"
        f" were within a factor of {LEVEL_FACTOR} of each other",
    }
    return v, says


def try_values(lr: float, decay: float) -> dict:
    """Rerun the "Try it" block at decays 0, `decay` and TRY_FAST: save what it prints."""
    X, y, _ = data()
    v: dict[str, object] = {"try_epochs": TRY_EPOCHS, "try_seed": TRY_SEED, "try_last": TRY_LAST}
    v["try_fast"] = f"{TRY_FAST:g}"
    # gdlib's rate in the second epoch at TRY_FAST, as a fraction of lr: lr / 5001.
    second = schedules.rates(schedules.inverse_time_lr(lr, lr_decay=TRY_FAST), 2)[1]
    v["try_fast_divisor"] = f"{lr / second:.0f}"
    for d in (0.0, decay, TRY_FAST):
        run = stochastic_gd(
            X, y, lr=lr, epochs=TRY_EPOCHS, lr_decay=d, seed=TRY_SEED, record="epoch"
        )
        above = run.epoch_losses - floor()
        tag = f"{d:g}".replace(".", "")  # 0, 05, 5000
        first, last = float(above[1]), float(above[-TRY_LAST:].mean())
        v[f"try_e1_{tag}"], v[f"try_e1_{tag}_n"] = fmt(first, 2), first
        v[f"try_last3_{tag}"], v[f"try_last3_{tag}_n"] = fmt(last, 2), last
    return v

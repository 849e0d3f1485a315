"""Two runs the variant pages set beside stochastic descent's early lead and its noise floor.

- The same race with the feature centred. Subtracting the feature's mean is a change of variables:
  the same data, fit and minimum loss, and a start moved to make the same predictions. The valley
  turns round (condition number about 1), and with each variant at its own best rate of the same
  grid, batch descent leads from the first epochs: stochastic descent's early lead on the shared
  problem comes from the valley's tilt as much as from the data's redundancy.
- Averaging the iterates (Polyak-Ruppert): the mean of stochastic descent's iterates over the last
  ten epochs at its best constant rate, against the iterates themselves; and the same with each
  step's row drawn with replacement, where whole epochs' gradients no longer cancel at the minimum.
"""

from __future__ import annotations

import numpy as np
from _holds_from import holds_from
from _prose import fmt
from _sweep import quadratic_loss, sweep
from _variants import HORIZON, LAST, RATES, SEEDS, THETA0, N, data, floor
from _variants_plots import best_index, retuned

from gdlib.curvature import mse_curvatures

AVERAGE_FROM = HORIZON - LAST  # the iterates after epochs 21 to 30, the pages' last epochs


def centred() -> tuple[np.ndarray, np.ndarray]:
    """Return the shared design matrix with its feature centred, and the start that predicts alike.

    >>> X, start = centred()
    >>> bool(abs(X[:, 1].mean()) < 1e-12)
    True
    >>> X0, _, _ = data()
    >>> bool(np.allclose(X @ start, X0 @ THETA0))
    True
    """
    X, _, _ = data()
    shift = X[:, 1].mean()
    return X - np.array([0.0, shift]), THETA0 + np.array([THETA0[1] * shift, 0.0])


def centred_race() -> dict:
    """Return kappa and the epoch from which batch leads stochastic descent, on centred data."""
    X, start = centred()
    _, y, _ = data()
    lam = mse_curvatures(X)
    low = floor()
    gaps = {b: sweep(X, y, start, b, RATES, SEEDS, HORIZON).epoch_losses - low for b in (1, N)}
    medians = {b: np.median(g[best_index(g)], axis=0) for b, g in gaps.items()}
    tuned = retuned(gaps[1])  # stochastic descent at each epoch's best stable rate
    kappa = float(lam[-1] / lam[0])
    return {
        "centred_kappa": f"{kappa:.2f}",
        "centred_kappa_n": kappa,
        "centred_batch_ahead_from": holds_from(medians[N] < medians[1]),
        "centred_batch_ahead_tuned_from": holds_from(medians[N] < tuned),
        "centred_batch_e1": fmt(medians[N][1], 2),
        "centred_batch_e1_n": float(medians[N][1]),
        "centred_sgd_e1": fmt(medians[1][1], 2),
        "centred_sgd_tuned1_e1": fmt(tuned[1], 2),
        "centred_sgd_tuned1_e1_n": float(tuned[1]),
    }


def level_and_mean(run, rate: int) -> tuple[float, float]:
    """Return a sweep's level at one rate (index) and the gap of its mean iterate, both medians.

    `run` is swept with `average_from=AVERAGE_FROM`. The level is the pages' floor: the median
    over seeds and the last ten epoch ends.
    """
    X, y, _ = data()
    low = floor()
    late = float(np.median(run.epoch_losses[rate, :, AVERAGE_FROM + 1 :] - low))
    return late, float(np.median(quadratic_loss(X, y)(run.averaged[rate]) - low))


def averaged(sgd, best: int) -> dict:
    """Return the mean iterate's median gap at stochastic descent's best rate, and the ratios.

    `sgd` is the b = 1 sweep and `best` its best rate's index; the second ratio is with rows drawn
    with replacement.
    """
    late, gap = level_and_mean(sgd, best)
    drawn_level, drawn_gap = with_replacement(float(sgd.rates[best]))
    return {
        "drawn_below": f"{drawn_level / drawn_gap:.0f}",
        "drawn_below_n": drawn_level / drawn_gap,
        "averaged_b1": fmt(gap, 2),
        "averaged_b1_n": gap,
        "averaged_late_b1_n": late,
        "averaged_below": f"{late / gap:.0f}",
        "averaged_below_n": late / gap,
    }


def with_replacement(lr: float) -> tuple[float, float]:
    """Return stochastic descent's level and its mean iterate's gap, rows drawn with replacement.

    As the sweep at b = 1 (same data, start, rate and seeds, the same last ten epochs), but each
    step reads a row drawn uniformly at random, not the next row of a reshuffled epoch.
    """
    X, y, _ = data()
    run = sweep(X, y, THETA0, 1, [lr], SEEDS, HORIZON, average_from=AVERAGE_FROM, replacement=True)
    return level_and_mean(run, 0)

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
from _variants import BUDGET, HORIZON, RATES, SEEDS, THETA0, N, data, floor
from _variants_plots import stable_rates

from gdlib.curvature import mse_curvatures

AVERAGE_FROM = HORIZON - 10  # epochs 21 to 30, the pages' "last ten epochs"


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
    low, medians = floor(), {}
    for b in (1, N):
        gaps = sweep(X, y, start, b, RATES, SEEDS, HORIZON).epoch_losses - low
        at_budget = np.where(stable_rates(gaps), np.median(gaps[:, :, BUDGET], axis=1), np.inf)
        medians[b] = np.median(gaps[int(np.argmin(at_budget))], axis=0)
        if b == 1:  # stochastic descent re-tuned for each epoch: its stable rates' lowest median
            retuned = np.median(gaps[stable_rates(gaps)], axis=1).min(axis=0)
    kappa = float(lam[-1] / lam[0])
    return {
        "centred_kappa": f"{kappa:.2f}",
        "centred_kappa_n": kappa,
        "centred_batch_ahead_from": holds_from(medians[N] < medians[1]),
        "centred_batch_ahead_tuned_from": holds_from(medians[N] < retuned),
        "centred_batch_e1": fmt(medians[N][1], 2),
        "centred_batch_e1_n": float(medians[N][1]),
        "centred_sgd_e1": fmt(medians[1][1], 2),
        "centred_sgd_tuned1_e1": fmt(retuned[1], 2),
        "centred_sgd_tuned1_e1_n": float(retuned[1]),
    }


def averaged(sgd, best: int) -> dict:
    """Return the averaged iterates' median gap at stochastic descent's best rate, and the ratio.

    `sgd` is the b = 1 sweep, run with `average_from=AVERAGE_FROM`; `best` its best rate's index.
    The iterates' own level is the pages' floor: the median over seeds and the last ten epoch ends.
    """
    X, y, _ = data()
    low = floor()
    late = float(np.median(sgd.epoch_losses[best, :, AVERAGE_FROM + 1 :] - low))
    gap = float(np.median(quadratic_loss(X, y)(sgd.averaged[best]) - low))
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
    loss, low = quadratic_loss(X, y), floor()
    theta = np.broadcast_to(THETA0, (len(SEEDS), len(THETA0))).copy()
    rows = np.stack([np.random.default_rng(s).integers(0, N, HORIZON * N) for s in SEEDS])
    total, levels = np.zeros_like(theta), []
    for step in range(HORIZON * N):
        x, target = X[rows[:, step]], y[rows[:, step]]
        theta -= 2 * lr * (np.einsum("sd,sd->s", x, theta) - target)[:, None] * x
        if step >= AVERAGE_FROM * N:
            total += theta
            if (step + 1) % N == 0:
                levels.append(loss(theta) - low)
    mean = total / ((HORIZON - AVERAGE_FROM) * N)
    return float(np.median(levels)), float(np.median(loss(mean) - low))

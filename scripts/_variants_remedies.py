"""Two runs the variant pages set beside stochastic descent's early lead and its noise floor.

- The same race with the feature centred. Subtracting the feature's mean is a change of variables:
  the same data, fit and minimum loss, and a start moved to make the same predictions. The valley
  turns round (condition number about 1), and with each variant at its own best rate of the same
  grid, batch descent leads from the first epochs: stochastic descent's early lead on the shared
  problem comes from the valley's tilt as much as from the data's redundancy.
- Averaging the iterates (Polyak-Ruppert): the mean of stochastic descent's iterates over the last
  ten epochs at its best constant rate, against the iterates themselves.
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
    kappa = float(lam[-1] / lam[0])
    return {
        "centred_kappa": f"{kappa:.2f}",
        "centred_kappa_n": kappa,
        "centred_batch_ahead_from": holds_from(medians[N] < medians[1]),
        "centred_batch_e1": fmt(medians[N][1], 2),
        "centred_sgd_e1": fmt(medians[1][1], 2),
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
    return {
        "averaged_b1": fmt(gap, 2),
        "averaged_b1_n": gap,
        "averaged_late_b1_n": late,
        "averaged_below": f"{late / gap:.0f}",
        "averaged_below_n": late / gap,
    }

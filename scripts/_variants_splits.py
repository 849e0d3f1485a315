"""How much the fair sweep's medians and best rates move with the seeds (fig_variants_sweep.py).

SEEDS is one draw of shuffle seeds. Split it at random (seeded, so the build is reproducible) and
measure again on the parts:

- thirds: for each of LOW_SIZES at its best rate, the median after BUDGET epochs in each of three
  random sets of a third of the seeds, and the largest over the smallest; over THIRDS splits, the
  typical ratio (median over splits) and a high one (95th percentile), each as a range over the
  sizes. One fixed split (the seeds in order) is one draw from this spread, not its bound;
- bootstrap: the same ratio for three medians each over len(SEEDS) seeds drawn with replacement,
  since thirds, of a third of the seeds each, overstate how much a median over all of them moves;
- halves: HALVES random splits into two halves, in each half the best rate picked again as the
  sweep picks it (the lowest median after BUDGET epochs among the rates stable in that half): the
  share of the halves that picked another rate than all SEEDS did, for b = 1 and b = MINI, and
  the number of splits whose two halves picked different rates from each other (each half shares
  half its seeds with all SEEDS, which inflates the first count's agreement; the two halves of a
  split share none, though both come from SEEDS and the one data set).
"""

from __future__ import annotations

import numpy as np
from _variants import BUDGET, MINI, SEEDS, floor
from _variants_evidence import LOW_SIZES
from _variants_plots import stable_rates

THIRDS, HALVES = 1000, 200


def seed_splits(sweeps, best) -> dict:
    """Return the ratios between random thirds' medians and how often a half picks another rate."""
    rng, low, v = np.random.default_rng(0), floor(), {"thirds_splits": THIRDS, "halves": HALVES}
    third = len(SEEDS) // 3
    order = rng.permuted(np.tile(np.arange(len(SEEDS)), (THIRDS, 1)), axis=1)[:, : 3 * third]
    typical, high = [], []
    for b in LOW_SIZES:
        at = sweeps[b].epoch_losses[best[b], :, BUDGET] - low
        parts = np.median(at[order].reshape(THIRDS, 3, third), axis=2)
        ratio = parts.max(axis=1) / parts.min(axis=1)
        typical.append(float(np.median(ratio)))
        high.append(float(np.quantile(ratio, 0.95)))
    # Three medians each over all SEEDS, resampled with replacement (a seeded bootstrap): how
    # much a median over all of them moves, which the thirds, of a third of the seeds, overstate
    # (its own generator, so the halves below draw the same splits as before).
    boot = np.random.default_rng(1).integers(len(SEEDS), size=(THIRDS, 3, len(SEEDS)))
    resampled = []
    for b in LOW_SIZES:
        parts = np.median((sweeps[b].epoch_losses[best[b], :, BUDGET] - low)[boot], axis=2)
        resampled.append(float(np.median(parts.max(axis=1) / parts.min(axis=1))))
    for key, got in (("typical", typical), ("high", high), ("boot", resampled)):
        v[f"thirds_{key}_lo"], v[f"thirds_{key}_hi"] = f"{min(got):.1f}", f"{max(got):.1f}"
        v[f"thirds_{key}_lo_n"], v[f"thirds_{key}_hi_n"] = min(got), max(got)
    for b, key in ((1, "sgd"), (MINI, "mini")):
        losses, other, apart = sweeps[b].epoch_losses, 0, 0
        for _ in range(HALVES):
            split, picks = rng.permutation(len(SEEDS)), []
            for half in np.array_split(split, 2):
                part = losses[:, half]
                med = np.where(stable_rates(part), np.median(part[:, :, BUDGET], axis=1), np.inf)
                picks.append(int(np.argmin(med)))
                other += int(picks[-1] != best[b])
            apart += int(picks[0] != picks[1])
        share = other / (2 * HALVES)
        v[f"halves_other_{key}"], v[f"halves_other_{key}_n"] = f"{100 * share:.3g}", share
        # The splits whose two halves picked different rates, and their share of the splits.
        v[f"halves_apart_{key}"], v[f"halves_apart_{key}_n"] = apart, apart / HALVES
    return v

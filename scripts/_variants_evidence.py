"""The comparison page's statistics on the fair sweep (scripts/fig_variants_sweep.py), measured.

- seed noise: the median after BUDGET epochs over each third of SEEDS (in order), so the page can
  rank batch sizes only where they differ in every third (how much a median moves between random
  thirds is measured in scripts/_variants_splits.py); and the small sizes paired seed by seed,
  which shows a difference the medians cannot;
- shared row orders: every batch size reads the rows in the same order for a given seed (gdlib
  draws epoch e's order from `default_rng(seed)` whatever the batch size), so runs of b = 1 and
  b = MINI at about the same eta / b move together seed by seed. Pairing b = 1's seed k with
  b = MINI's seed k + 1 (another order) is the control;
- the noise floor (median over seeds and the last ten epochs) at each size's best rate, beside
  eta * lambda_max, which says whether the first-order eta / b law can hold, and runs of
  FULL_SIZES, sizes that divide N, against b = 64 and 256, whose every epoch ends on a short batch,
  read third by third and seed by seed as above;
- estimation: what precision on the training loss is worth, the excess loss on fresh data of the
  exact least-squares fit over the true parameters (sigma^2 d / n on average over data sets), and
  of stochastic descent's last iterates at its best rate (median over seeds).
"""

from __future__ import annotations

import numpy as np
from _noisy_limit import mean_square_limit
from _prose import fmt, listed, rounded_down, rounded_up
from _variants import (
    BATCH_SIZES,
    BUDGET,
    HORIZON,
    LATE,
    MINI,
    NOISE,
    RATES,
    SEED,
    SEEDS,
    N,
    data,
    floor,
    source,
)

LOW_SIZES = (1, 4, 16)  # sizes whose 5-epoch medians differ far less than the seeds move them
HIGH_SIZES = (64, 256)
# Sizes that divide N = 2000, beside the two that do not (2000 = 31 * 64 + 16 = 7 * 256 + 208).
FULL_SIZES = {64: 80, 256: 250}


def seed_noise(sweeps, best) -> dict:
    """Medians after BUDGET epochs over all seeds and over each third of them."""
    low, v = floor(), {"third": len(SEEDS) // 3}
    v["thirds_in_order"] = ", ".join(f"{p[0]}–{p[-1]}" for p in np.array_split(SEEDS, 3))
    at = {b: sweeps[b].epoch_losses[best[b], :, BUDGET] - low for b in BATCH_SIZES if b < N}
    parts = {b: np.array([np.median(p) for p in np.array_split(g, 3)]) for b, g in at.items()}
    med = {b: float(np.median(g)) for b, g in at.items()}
    low_meds = [med[b] for b in LOW_SIZES]
    v["low_sizes"] = listed([str(b) for b in LOW_SIZES])
    v["low_eb_lo"], v["low_eb_hi"] = fmt(min(low_meds), 1), fmt(max(low_meds), 1)
    v["low_eb_spread_n"] = max(low_meds) / min(low_meds)
    for b in HIGH_SIZES:
        v[f"high_eb_b{b}"], v[f"high_eb_b{b}_n"] = fmt(med[b], 1), med[b]
        # Higher than every one of LOW_SIZES in each third of the seeds, not just overall.
        v[f"high_above_b{b}"] = bool(
            all(parts[b][k] > max(parts[s][k] for s in LOW_SIZES) for k in range(3))
        )
    # Seed by seed (the sizes share their row orders): the smallest share of seeds in which a
    # larger size ended above a smaller one, shown rounded down: pages say "at least".
    share = min(float(np.mean(at[h] > at[s])) for h in HIGH_SIZES for s in LOW_SIZES)
    v["high_above_share"], v["high_above_share_n"] = rounded_down(100 * share), share
    v["high_over_low_n"] = min(med[b] for b in HIGH_SIZES) / max(low_meds)
    # The small sizes paired seed by seed too: the largest share of seeds in which one ended
    # above another. Were the seeds alone to decide, each share would be a fair coin's over the
    # seeds: above one half plus three of its standard deviations (65 or more heads in 99) with an
    # exact one-sided binomial probability of about 1/835 for one ordered pair, so about 1/140 for
    # the largest of the six.
    pairs = {(s, t): float(np.mean(at[s] > at[t])) for s in LOW_SIZES for t in LOW_SIZES if s != t}
    (above, below), share = max(pairs.items(), key=lambda item: item[1])
    v["low_pair_above"], v["low_pair_below"], v["low_pairs_n"] = above, below, len(pairs)
    v["low_pair_share"], v["low_pair_share_n"] = f"{100 * share:.0f}", share
    v["coin_share_n"] = 0.5 + 3 * 0.5 / np.sqrt(len(at[LOW_SIZES[0]]))
    # Pages say "at least" this many times: rounded down, with the shown number for the check.
    v["high_over_low_shown_n"] = np.floor(10 * v["high_over_low_n"]) / 10
    v["high_over_low"] = f"{v['high_over_low_shown_n']:.1f}"
    return v


def shared_orders(sweeps, best) -> dict:
    """How closely b = 1 and b = MINI move together, seed by seed, after BUDGET epochs."""
    low, v = floor(), {}
    window = slice(BUDGET, HORIZON + 1)
    logs = {b: np.log10(sweeps[b].epoch_losses[best[b], :, window] - low) for b in (1, MINI)}
    same = np.corrcoef(logs[1].ravel(), logs[MINI].ravel())[0, 1]
    other = np.corrcoef(logs[1].ravel(), np.roll(logs[MINI], -1, axis=0).ravel())[0, 1]
    v["pair_corr"], v["pair_corr_n"] = f"{same:.2f}", float(same)
    v["pair_corr_other"], v["pair_corr_other_n"] = f"{other:.2f}", float(other)
    medians = {b: np.median(logs[b], axis=0) for b in logs}
    gap = float(np.max(np.abs(medians[1] - medians[MINI])))  # the page: "never more than"
    v["pair_gap_decades"], v["pair_gap_decades_n"] = rounded_up(gap, 2), gap
    v["pair_eta_b_sgd"] = f"{RATES[best[1]]:.2g}"
    v["pair_eta_b_mini"] = f"{RATES[best[MINI]] / MINI:.2g}"
    v["pair_eta_b_ratio_n"] = RATES[best[MINI]] / MINI / RATES[best[1]]
    v["path_seed"] = SEED  # the seed of the runs the animations draw (`_variants.run`)
    return v


def floors(sweeps, best, lam_max: float, full: dict) -> dict:
    """Return each size's level over the last ten epochs at its best rate, and the noisy limits."""
    low, v = floor(), {}
    for b in (*LOW_SIZES, *HIGH_SIZES):
        lr = RATES[best[b]]
        level = float(np.median(sweeps[b].epoch_losses[best[b], :, LATE] - low))
        v[f"late_b{b}"], v[f"late_b{b}_n"] = fmt(level, 2), level
        v[f"eta_b_b{b}"], v[f"eta_b_b{b}_n"] = f"{lr / b:.2g}", lr / b
        v[f"eta_lmax_b{b}"], v[f"eta_lmax_b{b}_n"] = f"{lr * lam_max:.2g}", lr * lam_max
        # Beyond first order a noisy step's level along curvature lam carries 2 / (2 - eta lam).
        v[f"order2_b{b}"], v[f"order2_b{b}_n"] = (
            f"{2 / (2 - lr * lam_max):.3g}",
            2 / (2 - lr * lam_max),
        )
    for b, run in full.items():
        size = FULL_SIZES[b]
        v[f"last_batch_b{b}"] = N % b
        v[f"full_for_b{b}"], v[f"full_lr_b{b}"] = size, f"{run.rates[0]:.2g}"
        # Two factors on the level beyond first order: the curvature's 2 / (2 - eta lam) up, and
        # sampling without replacement's (n - b) / (n - 1) on the batch gradient's variance down.
        order2, sampling = 2 / (2 - run.rates[0] * lam_max), (N - size) / (N - 1)
        v[f"order2_full_b{b}"], v[f"order2_full_b{b}_n"] = f"{order2:.3g}", order2
        v[f"sampling_full_b{b}"], v[f"sampling_full_b{b}_n"] = f"{sampling:.2g}", sampling
        level = float(np.median(run.epoch_losses[0, :, LATE] - low))
        v[f"late_full_b{b}"], v[f"late_full_b{b}_n"] = fmt(level, 2), level
        eb = float(np.median(run.epoch_losses[0, :, BUDGET] - low))
        v[f"eb_full_b{b}"], v[f"eb_full_b{b}_n"] = fmt(eb, 1), eb
        v[f"n_div_b{b}"], v[f"steps_b{b}"] = N // b, -(-N // b)
        v |= full_against(sweeps, best, b, run)
    # One example's own curvature along its row X_i = (1, x_i) is 2 ||X_i||^2: a step on it alone
    # more than reverses its error there (|1 - 2 eta ||X_i||^2| > 1) from eta = 1 / ||X_i||^2 on.
    X, _, _ = data()
    norms = np.sum(X**2, axis=1)  # ||X_i||^2 = 1 + x_i^2 of each example
    curvature = float(2 * np.max(norms))
    v["example_curv_max"], v["example_limit"] = f"{curvature:.3g}", f"{2 / curvature:.2g}"
    v["example_limit_n"] = 2 / curvature
    # The others undo such steps: the noisy limit is where the error's mean square grows unbounded.
    names = {1: "sgd_ms_limit", MINI: "mini_ms_limit"} | {b: f"ms_limit_b{b}" for b in HIGH_SIZES}
    for b, key in names.items():
        limit = mean_square_limit(X, b)
        v[key], v[f"{key}_n"] = f"{limit:.3g}", limit
    reversing = int(np.sum(v["sgd_ms_limit_n"] * norms > 1))  # |1 - 2 eta ||X_i||^2| > 1
    v["reversing_at_limit"] = v["reversing_at_limit_n"] = reversing
    return v


def full_against(sweeps, best, b: int, run) -> dict:
    """Return FULL_SIZES[b]'s level against LOW_SIZES' and b's, by thirds of SEEDS and per seed."""
    low, v = floor(), {}
    levels = {s: sweeps[s].epoch_losses[best[s], :, LATE] - low for s in (*LOW_SIZES, b)}
    levels["full"] = run.epoch_losses[0, :, LATE] - low  # (seeds, epochs)
    thirds = {s: [np.median(p) for p in np.array_split(g, 3)] for s, g in levels.items()}
    over = [thirds["full"][k] / max(thirds[s][k] for s in LOW_SIZES) for k in range(3)]
    v[f"full_over_low_lo_b{b}"] = f"{min(over):.1f}"
    v[f"full_over_low_hi_b{b}"] = f"{max(over):.1f}"
    v[f"full_above_low_b{b}"] = min(over) > 1
    v[f"full_below_b{b}"] = all(thirds["full"][k] < thirds[b][k] for k in range(3))
    seed = {s: np.median(g, axis=1) for s, g in levels.items()}  # each seed's late level
    share = min(float(np.mean(seed["full"] > seed[s])) for s in LOW_SIZES)
    v[f"full_above_low_share_b{b}"] = rounded_down(100 * share)  # the page: "at least"
    v[f"full_above_low_share_b{b}_n"] = share
    share = float(np.mean(seed["full"] < seed[b]))
    v[f"full_below_share_b{b}"], v[f"full_below_share_b{b}_n"] = f"{100 * share:.0f}", share
    return v


HELD_OUT = 200_000  # fresh examples from the same source


def estimation(sgd_final: np.ndarray) -> dict:
    """How well the data pin the parameters down: the exact fit's excess loss on fresh data.

    And how far stochastic descent's last iterates (`sgd_final`, seeds x 2) are from it: their
    excess on the same fresh rows, median over seeds, against the exact fit's.
    """
    _, _, fit = data()
    _, _, true = source(N, SEED)  # the parameters that generated the data
    fresh, _, _ = source(HELD_OUT, SEED + 1)  # new rows, same distribution
    error = fresh @ (fit - true)  # the fit's prediction minus the truth's, on each fresh row
    gap = float(np.mean(error**2))
    expected = NOISE**2 * 2 / N
    moment = fresh.T @ fresh / HELD_OUT  # so a parameter error e costs e' M e on the fresh rows
    off = sgd_final - true
    sgd = float(np.median(np.einsum("si,ij,sj->s", off, moment, off)))
    return {
        "estimation_sgd": fmt(sgd, 2),
        "estimation_sgd_n": sgd,
        # Its noise's addition to the exact fit's excess; the fit's share of the average one.
        "estimation_sgd_added": fmt(sgd - gap, 1),
        "estimation_sgd_added_n": sgd - gap,
        "estimation_gap_share": f"{100 * gap / expected:.0f}",
        "estimation_gap": fmt(gap, 2),
        "estimation_gap_n": gap,
        "estimation_expected": fmt(expected, 1),
        "estimation_expected_n": expected,
        "held_out": f"{HELD_OUT:,}",
    }

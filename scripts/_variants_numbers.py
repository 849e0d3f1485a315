"""The numbers the variant pages quote from the fair sweep (scripts/fig_variants_sweep.py).

Formatted for prose, with raw floats (keys ending in `_n`) for the pages' build-time checks: each
variant's rates and losses at 1, BUDGET and HORIZON epochs (medians and 10-90 % bands over the
seeds), the level a noisy run hovers at, progress per update, stability limits, the linear
scaling rule, and the table of every batch size.
"""

from __future__ import annotations

import numpy as np
from _holds_from import holds_from
from _prose import fmt, listed
from _variants import BATCH_SIZES, BUDGET, HORIZON, LAST, LATE, MINI, RATES, SEEDS, N, data, floor
from _variants_plots import Q, retuned, stable_rates

from gdlib.regression import mse


def table(sweeps, best) -> str:
    """Markdown table: best rate, steps per epoch and median gaps for every batch size."""
    low = floor()
    head = ["batch size $b$", "best rate", "updates per epoch", "after 1 epoch"]
    head += [f"after {BUDGET} epochs", f"after {HORIZON} epochs"]
    rows = ["| " + " | ".join(head) + " |"]
    rows.append("|---|---|---|---|---|---|")
    for b in BATCH_SIZES:
        med = np.median(sweeps[b].epoch_losses[best[b]] - low, axis=0)
        cells = [str(b), f"{RATES[best[b]]:.2g}", str(-(-N // b))]
        # One figure after BUDGET and HORIZON epochs: those medians move up to a few times with
        # the seeds (the page measures how much); after one epoch the seeds agree closely.
        late = 2 if b == N else 1  # batch descent's runs are one run: no seed noise
        cells += [fmt(med[1], 2), fmt(med[BUDGET], late), fmt(med[HORIZON], late)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


SUBSET = 100
SETTLED = 0.001  # how close each late per-step factor of batch's gap comes to the prediction


def redundancy() -> dict:
    """How little of the data pins the answer down: least squares on SUBSET random rows."""
    X, y, _ = data()
    low, gaps = floor(), []
    for seed in SEEDS:
        rows = np.random.default_rng(seed).choice(N, SUBSET, replace=False)
        theta = np.linalg.lstsq(X[rows], y[rows], rcond=None)[0]
        gaps.append(mse(X, y, theta) - low)
    gap = np.median(gaps)
    return {
        "subset": SUBSET,
        "subset_gap": fmt(gap, 2),
        "subset_gap_n": gap,
        "subset_gap_pct": f"{100 * gap / low:.1f}",
        "subset_gap_share": gap / low,
    }


FLOOR_SIZES = (1, 4, 16, 64)  # the batch sizes whose floors the table's noise row is checked on
FLOOR_RATIO = 10 ** (-14 / 6)  # eta / b for "the same floor": a grid rate at b = 1 (0.0046)


def floor_shape(sweeps, best) -> dict:
    """Return the table's noise floor against eta and b, for the page's check.

    The floor is where a run hovers over its last ten epochs (median over seeds and epochs), at
    every stable rate from its batch size's best rate up: below that a run is still falling.
    """
    low, level = floor(), {}
    for b in FLOOR_SIZES:
        gaps = sweeps[b].epoch_losses - low
        late = np.median(gaps[:, :, LATE], axis=(1, 2))
        stable = stable_rates(gaps)
        level[b] = {i: late[i] for i in range(best[b], len(RATES)) if stable[i]}
    shared = best[FLOOR_SIZES[-1]]  # the largest of the sizes' best rates
    at_shared = [level[b].get(shared, np.nan) for b in FLOOR_SIZES]
    nearest = [int(np.argmin(np.abs(np.log(RATES / (FLOOR_RATIO * b))))) for b in FLOOR_SIZES[:3]]
    same = [level[b].get(i, np.nan) for b, i in zip(FLOOR_SIZES, nearest, strict=False)]
    return {
        "floor_sizes": listed([str(b) for b in FLOOR_SIZES]),
        # Each size needs two stable rates to rise across: one alone would hold vacuously.
        "floor_rises": all(
            len(v) > 1 and np.all(np.diff(list(v.values())) > 0) for v in level.values()
        ),
        "floor_shared_rate": f"{RATES[shared]:.2g}",
        "floor_shared": listed([fmt(x, 2) for x in at_shared]),
        "floor_falls_with_b": bool(np.all(np.diff(at_shared) < 0)),  # False if one is NaN
        "floor_ratio": f"{FLOOR_RATIO:.2g}",
        "floor_ratio_rates": listed([f"{RATES[i]:.2g}" for i in nearest]),
        "floor_ratio_sizes": listed([str(b) for b in FLOOR_SIZES[:3]]),
        "floor_same": listed([fmt(x, 2) for x in same]),
        "floor_same_spread_n": float(np.max(same) / np.min(same)),  # NaN fails the check
    }


def summary(sweeps, best, rule_gaps, best_gaps, lam, limit) -> dict:
    """Numbers for prose (formatted) and for build-time checks (raw floats, keys ending in _n)."""
    low = floor()
    v: dict[str, object] = {
        "n": N,
        "seeds": len(SEEDS),
        "budget": BUDGET,
        "horizon": HORIZON,
        "last": LAST,
        "mini": MINI,
    }
    v["kappa"], v["kappa_n"] = f"{lam[-1] / lam[0]:.1f}", float(lam[-1] / lam[0])
    v["limit"] = f"{limit:.3g}"
    v["limit_n"] = limit
    v["rates_lo"], v["rates_hi"], v["n_rates"] = f"{RATES[0]:g}", f"{RATES[-1]:g}", len(RATES)
    v["rates_per_decade"] = round(1 / np.log10(RATES[1] / RATES[0]))
    v["rate_step"], v["rate_step_n"] = f"{RATES[1] / RATES[0]:.3g}", float(RATES[1] / RATES[0])
    for b, key in ((1, "sgd"), (MINI, "mini"), (N, "batch")):
        s, i = sweeps[b], best[b]
        gaps = s.epoch_losses[i] - low
        med = np.median(gaps, axis=0)
        lo, hi = np.quantile(gaps, Q, axis=0)
        v[f"{key}_lr"] = f"{RATES[i]:.2g}"
        v[f"{key}_lr_n"] = RATES[i]
        for e, tag in ((1, "e1"), (BUDGET, "eb"), (HORIZON, "eh")):
            # Noisy medians after BUDGET epochs or more get one figure (see _variants_evidence).
            v[f"{key}_{tag}"] = fmt(med[e], 2 if key == "batch" or e == 1 else 1)
            v[f"{key}_{tag}_n"] = med[e]
            v[f"{key}_{tag}_lo"], v[f"{key}_{tag}_hi"] = fmt(lo[e], 2), fmt(hi[e], 2)
            v[f"{key}_{tag}_lo_n"], v[f"{key}_{tag}_hi_n"] = lo[e], hi[e]
        stable = stable_rates(s.epoch_losses)
        # How flat the median is above the best rate: the next rate's median over the best's.
        by_rate_eb = np.median(s.epoch_losses[:, :, BUDGET], axis=1) - low
        up = by_rate_eb[i + 1] / by_rate_eb[i] if stable[i + 1] else np.inf
        v[f"{key}_flat_up"], v[f"{key}_flat_up_n"] = f"{up:.2g}", float(up)
        # Where a noisy run hovers: its epoch ends over the last ten epochs, pooled over seeds.
        # One epoch's median over the seeds is a noisy draw (stochastic descent's moved 8-fold
        # between epochs 10 and 15); the pooled one gets two figures, as _variants_evidence's.
        late = gaps[:, LATE]
        v[f"{key}_floor"], v[f"{key}_floor_n"] = fmt(np.median(late), 2), float(np.median(late))
        lo, hi = np.quantile(late, Q)
        v[f"{key}_floor_lo"], v[f"{key}_floor_hi"] = fmt(lo, 2), fmt(hi, 2)
        v[f"{key}_floor_lo_n"], v[f"{key}_floor_hi_n"] = float(lo), float(hi)
        v[f"{key}_stable_max"] = f"{RATES[stable].max():.2g}"
        v[f"{key}_diverge_min"] = f"{RATES[~stable].min():.2g}"
        v[f"{key}_stable_max_n"] = RATES[stable].max()
        v[f"{key}_diverge_min_n"] = RATES[~stable].min()
        v[f"{key}_grid_reaches_limit"] = bool((~stable).any())
        after = int(np.searchsorted(s.steps, HORIZON))
        if s.steps[after] != HORIZON:
            raise AssertionError(f"the sweep recorded no loss after {HORIZON} updates")
        by_rate = np.median(s.losses[:, :, after], axis=1) - low
        v[f"{key}_u_h"], v[f"{key}_u_h_n"] = fmt(by_rate[i], 2), float(by_rate[i])
        # The rates were tuned for BUDGET epochs; the one best after HORIZON updates instead.
        by_rate = np.where(stable, by_rate, np.inf)
        v[f"{key}_u_h_tuned"] = fmt(by_rate.min(), 2)
        v[f"{key}_u_h_tuned_n"] = float(by_rate.min())
        v[f"{key}_u_h_tuned_lr"] = f"{RATES[np.argmin(by_rate)]:.2g}"
        ups = np.sum(np.diff(s.epoch_losses[i], axis=-1) > 0, axis=-1)  # per seed
        v[f"{key}_increases"] = f"{np.median(ups):g}"
        v[f"{key}_increases_n"] = float(np.median(ups))
    v.update(redundancy())
    v.update(floor_shape(sweeps, best))
    batch_gap = np.median(sweeps[N].epoch_losses[best[N]] - low, axis=0)
    factor = (batch_gap[HORIZON] / batch_gap[HORIZON - LAST]) ** (1 / LAST)
    predicted = float(np.max((1 - RATES[best[N]] * lam) ** 2))
    v["batch_factor"], v["batch_factor_pred"] = f"{factor:.3f}", f"{predicted:.3f}"
    v["batch_factor_n"], v["batch_factor_pred_n"] = factor, predicted
    steps = batch_gap[HORIZON - LAST + 1 : HORIZON + 1] / batch_gap[HORIZON - LAST : HORIZON]
    v["batch_factor_settles"] = bool(np.all(np.abs(steps - predicted) < SETTLED))
    for b, key in ((1, "sgd"), (N, "batch")):  # the rate tuned for one epoch instead
        e1 = np.where(
            stable_rates(sweeps[b].epoch_losses),
            np.median(sweeps[b].epoch_losses[:, :, 1], axis=1),
            np.inf,
        )
        v[f"{key}_tuned1_lr"] = f"{RATES[np.argmin(e1)]:.2g}"
        v[f"{key}_tuned1_e1"] = fmt(e1.min() - low, 2)
        v[f"{key}_tuned1_e1_n"] = e1.min() - low
    med_sgd = np.median(sweeps[1].epoch_losses[best[1]] - low, axis=0)
    v["start_gap_n"] = float(med_sgd[0])  # every run starts at THETA0: where the panels start
    med_batch = np.median(sweeps[N].epoch_losses[best[N]] - low, axis=0)
    v["batch_ahead_from"] = holds_from(med_batch < med_sgd)
    v["batch_ahead_after"] = v["batch_ahead_from"] < len(med_batch)
    # Against stochastic descent re-tuned for each epoch: the lowest median of its stable rates.
    v["batch_ahead_tuned_from"] = holds_from(med_batch < retuned(sweeps[1].epoch_losses - low))
    # Ahead of the median is not ahead of the seeds: the first epoch from which batch stays
    # below the low end of stochastic descent's 10-90 % band.
    sgd_lo = np.quantile(sweeps[1].epoch_losses[best[1]] - low, Q[0], axis=0)
    v["batch_below_band_from"] = holds_from(med_batch < sgd_lo)
    v["rule_bn_above_limit"] = bool(RATES[best[1]] * N > limit)
    v["ratio_e1"] = f"{med_batch[1] / med_sgd[1]:.0f}"
    v["ratio_e1_n"] = med_batch[1] / med_sgd[1]
    for j, b in enumerate(BATCH_SIZES):
        v[f"best_lr_b{b}"] = f"{RATES[best[b]]:.2g}"
        v[f"best_lr_b{b}_n"] = RATES[best[b]]
        v[f"rule_lr_b{b}"], v[f"rule_lr_b{b}_n"] = f"{RATES[best[1]] * b:.3g}", RATES[best[1]] * b
        rule_med = np.median(rule_gaps[j])
        v[f"rule_gap_b{b}"] = fmt(rule_med, 1) if np.isfinite(rule_med) else "loss grew"
        v[f"rule_gap_b{b}_n"] = rule_med
        v[f"best_gap_b{b}_n"] = np.median(best_gaps[j])
        v[f"best_gap_b{b}"] = fmt(np.median(best_gaps[j]), 1)
    return v

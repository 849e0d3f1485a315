"""The three variants compared fairly: every batch size at its own best rate, medians over seeds.

One sweep (scripts/_sweep.py, replayed against gdlib for one cell per batch size) runs every
batch size in BATCH_SIZES at every rate in RATES (six per decade, up to rates that diverge) with
every shuffle seed in SEEDS, for HORIZON epochs on the shared regression. A batch size's best
rate is the one with the lowest median loss after BUDGET epochs. Three figures come from it,
drawn here together because they share the sweep (running it once keeps the cold build fast):

- compare-curves: stochastic, mini-batch and batch at their best rates, median and 10-90 %
  band over seeds, per epoch, per gradient evaluation (examples read) and per update;
- rate-grid: median loss after BUDGET epochs against the rate, up to each variant's
  stability limit;
- batch-scaling: the best rate against the batch size beside the linear scaling rule
  lr(b) = b lr(1), and the loss that rule reaches, which stops working at the limit 2/L.

The numbers the pages quote from the sweep are worked out in scripts/_variants_numbers.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import themed_svgs, write_values
from _prose import fmt, listed
from _sweep import check_against_gdlib, sweep
from _variants import (
    BATCH_SIZES,
    BEST_RATE,
    BUDGET,
    HORIZON,
    LAST,
    MINI,
    RATES,
    SEEDS,
    THETA0,
    N,
    data,
    floor,
    run,
)
from _variants_evidence import (
    FULL_SIZES,
    HIGH_SIZES,
    LOW_SIZES,
    estimation,
    floors,
    seed_noise,
    shared_orders,
)
from _variants_numbers import FLOOR_SIZES, SETTLED, summary, table
from _variants_plots import best_index, draw_curves, draw_grid, draw_scaling, stable_rates
from _variants_remedies import AVERAGE_FROM, averaged, centred_race
from _variants_settings import settings
from _variants_splits import seed_splits

from gdlib.curvature import mse_curvatures

LOW = "b = " + listed([str(b) for b in LOW_SIZES])  # "b = 1, 4 and 16"
LEVEL = f"median level (last {LAST} epochs)"  # over the seeds and those epochs' ends
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "floor_rises": f"for b = {listed([str(b) for b in FLOOR_SIZES])}, the {LEVEL} rose at each"
    " larger rate at which every seed ended below its starting loss, from b's best rate up",
    "floor_falls_with_b": f"at b = {FLOOR_SIZES[-1]}'s best rate, the {LEVEL} fell at each"
    f" larger b of {listed([str(b) for b in FLOOR_SIZES])}",
    "batch_ahead_after": "batch's median stayed below stochastic descent's from some epoch"
    f" through epoch {HORIZON}",
    "batch_factor_settles": f"each of batch's last {LAST} per-step factors of the loss gap is"
    f" within {SETTLED} of the largest (1 - ηλ)² over the Hessian's eigenvalues λ",
    "rule_bn_above_limit": "the rule's rate at b = n, n × b = 1's best rate, is above 2/L",
    "rule_bn_grew": f"at b = n, the loss of every seed's run at the rule's rate rose in each of"
    f" its {BUDGET} epochs",
    **{
        f"{key}_grid_reaches_limit": f"at some rate of the grid, a {name} descent run did not"
        f" end its {HORIZON} epochs below its starting loss"
        for key, name in (("sgd", "stochastic"), ("mini", "mini-batch"), ("batch", "batch"))
    },
    **{
        f"high_above_b{b}": f"b = {b}'s median after {BUDGET} epochs was above each of {LOW}'s"
        " in each third of the seeds"
        for b in HIGH_SIZES
    },
    **{
        f"full_above_low_b{b}": f"in each third of the seeds, b = {size}'s {LEVEL} at b = {b}'s"
        f" η / b was above each of {LOW}'s"
        for b, size in FULL_SIZES.items()
    },
    **{
        f"full_below_b{b}": f"in each third of the seeds, b = {size}'s {LEVEL} at b = {b}'s"
        f" η / b was below b = {b}'s"
        for b, size in FULL_SIZES.items()
    },
}


def run_sweeps() -> dict:
    """Sweep every batch size; check one cell of each against gdlib."""
    X, y, _ = data()
    out = {}
    for b in BATCH_SIZES:
        average_from = AVERAGE_FROM if b == 1 else None  # stochastic descent's mean iterate
        out[b] = sweep(X, y, THETA0, b, RATES, SEEDS, HORIZON, average_from=average_from)
        check_against_gdlib(
            X, y, THETA0, out[b], SEEDS, int(np.argmin(np.abs(RATES - BEST_RATE[b]))), 2
        )
    return out


def batch_rate(lam: np.ndarray, limit: float) -> dict:
    """Where the full batch's best rate sits: beside eta* = 2 / (lam_min + lam_max), below 2/L.

    With the exact gradient, eta* contracts the flattest and steepest directions equally fast,
    the fastest both can go at once. The grid's six rates per decade are too coarse to tell eta*
    from 2/L, so a finer scan of batch descent (one run: no seeds) looks between them.
    """
    eta_star = float(2 / (lam[0] + lam[-1]))
    fine = np.linspace(0.25, limit, 55, endpoint=False)  # steps of about 0.0025
    gaps = [run(N, BUDGET, lr=float(r)).losses[-1] - floor() for r in fine]
    best = float(fine[int(np.argmin(gaps))])
    return {
        "eta_star": f"{eta_star:.3f}",
        "eta_star_n": eta_star,
        "batch_fine_best": f"{best:.2f}",
        "batch_fine_best_n": best,
        "fine_lo": f"{fine[0]:g}",
        # From b = 256 to b = N: how much the batch grew, and how much its best rate did.
        "grew_256_n": N / 256,
        "grew_256": f"{N / 256:.2g}",
        "lr_grew_256_n": float(BEST_RATE[N] / BEST_RATE[256]),
        "lr_grew_256": f"{BEST_RATE[N] / BEST_RATE[256]:.2g}",
    }


def batch_passes(sweeps, best) -> int:
    """Return the epoch from which batch's median stays below both noisy variants' medians.

    As compare-curves' first panel draws them; the build fails if it ends above either.
    """
    med = {b: np.median(sweeps[b].epoch_losses[best[b]], axis=0) for b in (1, MINI, N)}
    below = med[N] < np.minimum(med[1], med[MINI])
    if not below[-1]:
        raise ValueError("batch's median no longer ends below the noisy variants' (compare-curves)")
    return int(np.flatnonzero(~below).max()) + 1


def main(out_dir: Path) -> list[Path]:
    """Run the sweep, write the three figures and the numbers the variant pages quote."""
    X, y, _ = data()
    low = floor()
    sweeps = run_sweeps()
    best = {b: best_index(s.epoch_losses - low) for b, s in sweeps.items()}
    for b, i in best.items():
        if not np.isclose(RATES[i], BEST_RATE[b]):
            raise AssertionError(
                f"best rate for b = {b} is now {RATES[i]:.4g}; update BEST_RATE in _variants.py"
            )
    lam = mse_curvatures(X)
    limit = 2 / float(lam[-1])
    rule = {b: sweep(X, y, THETA0, b, [RATES[best[1]] * b], SEEDS, BUDGET) for b in BATCH_SIZES}
    rule_gaps = np.array(
        [
            np.where(
                stable_rates(rule[b].epoch_losses)[0],
                rule[b].epoch_losses[0, :, BUDGET] - low,
                np.inf,
            )
            for b in BATCH_SIZES
        ]
    )
    best_gaps = np.array([sweeps[b].epoch_losses[best[b], :, BUDGET] - low for b in BATCH_SIZES])
    written = themed_svgs(draw_curves(sweeps, best), out_dir, "compare-curves", narrow=True)
    written += themed_svgs(draw_grid(sweeps, best, limit), out_dir, "rate-grid", narrow=True)
    written += themed_svgs(
        draw_scaling(best, rule_gaps, best_gaps, limit), out_dir, "batch-scaling", narrow=True
    )
    values = summary(sweeps, best, rule_gaps, best_gaps, lam, limit)
    values["rule_bn_grew"] = bool((np.diff(rule[N].epoch_losses[0], axis=-1) > 0).all())
    # Progress per epoch a larger batch costs at its own rate: each size's median after BUDGET
    # epochs over the best size's, the worst of the sizes below N against the full batch.
    gaps = dict(zip(BATCH_SIZES, np.median(best_gaps, axis=1).tolist(), strict=True))
    worst = max((b for b in BATCH_SIZES if b < N), key=gaps.get)
    cost, full_cost = gaps[worst] / min(gaps.values()), gaps[N] / min(gaps.values())
    # One significant figure, as the page's table gives these medians: they move with the seeds.
    values |= {"small_cost_b": worst, "small_cost": fmt(cost, 1), "small_cost_n": cost}
    values["small_cost_best"] = min(gaps, key=gaps.get)  # the size whose median the costs are over
    values |= {"full_cost": fmt(full_cost, 1), "full_cost_n": full_cost}
    values["table"] = table(sweeps, best)
    values["batch_passes"] = batch_passes(sweeps, best)
    # Sizes that divide N, at b = 64's and 256's eta / b: do their short last batches set the level?
    full = {
        b: sweep(X, y, THETA0, size, [RATES[best[b]] * size / b], SEEDS, HORIZON)
        for b, size in FULL_SIZES.items()
    }
    values |= seed_noise(sweeps, best) | shared_orders(sweeps, best) | seed_splits(sweeps, best)
    values |= floors(sweeps, best, float(lam[-1]), full) | batch_rate(lam, limit)
    values |= estimation(sweeps[1].final[best[1]])  # stochastic descent's last iterates
    values |= averaged(sweeps[1], best[1]) | centred_race() | settings()  # the code's problem
    return [*written, write_values(out_dir, "compare", values, says=SAYS)]

"""The variant pages' live figure, static twins: mini-batch descent at b = 1, 16 and n.

On a small slice of the pages' regression data: the path on the loss contours (left) and the loss
above its minimum against examples seen (right). The comparison page's twin draws b = COMPARED
against a full batch (dashed) on the same epochs; its live figure keeps the full batch as the
yardstick while the reader moves b.

The slice is the first N_LIVE rows of the shared data set (scripts/_variants.py), rounded to four
decimals so the page can carry it: the live figure (js/src/widgets/variants.js) runs the JS port
of fit_linear on exactly these numbers, opening with the row orders gdlib draws for SEED (passed
in the config), so it opens on the same run as this figure; its reseed button draws new orders.
"""

from __future__ import annotations

import json
from math import ceil
from pathlib import Path

import numpy as np
from _figure import case_lines, grid, surface_cmap, themed_svgs, write_values
from _prose import fmt, rounded_up
from _sweep import quadratic_loss
from _variants import BOUNDS, SEED, SEEDS, THETA0, VARIANT_COLORS, data, variant
from matplotlib import pyplot as plt

from gdlib.curvature import mse_curvatures
from gdlib.regression import fit_linear, mse

N_LIVE = 200
LR = 0.05
EPOCHS = 10
BATCHES = (1, 16, N_LIVE)
COMPARED = 16  # the comparison page opens on this batch size against the full batch
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    f"last_fell_{b}": f"at b = {b}, the median loss gap of the last epoch's steps was below the"
    " epoch before's"
    for b in BATCHES
}


def live_data() -> tuple[np.ndarray, np.ndarray]:
    """Return the slice: X with its column of ones, y, both rounded to four decimals."""
    X, y, _ = data()
    X, y = np.round(X[:N_LIVE], 4), np.round(y[:N_LIVE], 4)
    return X, y


def orders() -> list[list[int]]:
    """Return the row orders fit_linear draws with seed SEED, one per epoch."""
    rng = np.random.default_rng(SEED)
    return [rng.permutation(N_LIVE).tolist() for _ in range(EPOCHS)]


def drawer(runs, floor, best, contours, title):
    """Return a themed drawer of runs [(run, dashed)] on the contours and against examples seen."""

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.6), layout="constrained")
        left.contourf(*contours, levels=16, cmap=surface_cmap(), rasterized=True)
        for run, dashed in runs:
            style = {"color": VARIANT_COLORS[variant(run.batch_size, N_LIVE)]}
            style |= {"ls": "--"} if dashed else {}
            left.plot(run.thetas[:, 0], run.thetas[:, 1], lw=1, **style)
            right.semilogy(run.examples_seen, run.losses - floor, lw=1, **style)
        case_lines(left, theme)
        left.plot(*best, "*", color="white", mec="black", ms=10, mew=0.6)
        left.set(xlim=BOUNDS[0], ylim=BOUNDS[1], xlabel="intercept", ylabel="slope")
        left.grid(False)  # as on every contour map: grid lines would cross the paths
        left.set_aspect("equal", adjustable="box")  # as the live figure draws it (plot.js)
        left.set_title(title)
        right.set(xlabel="examples seen", ylabel="loss above the minimum")
        return fig

    return draw


def settling(run, best: np.ndarray, floor: float, b: int) -> dict[str, object]:
    """Return how the run at batch size `b` settles, for the figure's description.

    `tail` is the last epoch's median of the loss gap (a noisy run's last step can land far from
    where it hovers). From the second epoch on, `later_spread` is the largest over the smallest
    epoch median (near 1: a flat level), `later_decades` the powers of ten its single steps span
    and `later_dist` the median distance to the least-squares point (`end_dist` the last one),
    against `start_dist`. The epoch medians fall for the first `falling_epochs` epochs, then stay
    between `after_low` and `after_high`; `rises` and `falls` count the epochs whose median rose
    or fell from the one before (of `changes`), and `last_fell` says whether the last one fell;
    the last step reads `last_batch` rows (fewer than b when b does not divide n).
    """
    per = ceil(N_LIVE / b)
    gaps = np.asarray(run.losses) - floor
    every = [np.median(gaps[1 + e * per : 1 + (e + 1) * per]) for e in range(EPOCHS)]
    falling = next((e for e in range(1, EPOCHS) if every[e] >= every[e - 1]), EPOCHS)
    after = every[falling:] or every[-1:]
    change = np.diff(every)  # each epoch's median minus the one before
    medians = every[1:]
    later = gaps[1 + per :]
    dist = np.linalg.norm(np.asarray(run.thetas) - best, axis=1)
    spread, decades = max(medians) / min(medians), np.log10(later.max() / later.min())
    return {
        f"tail_{b}": fmt(every[-1]),
        f"tail_{b}_n": float(every[-1]),
        f"later_spread_{b}_n": float(spread),
        f"later_spread_{b}": rounded_up(spread),  # "within a factor of"
        f"later_decades_{b}_n": float(decades),
        f"later_decades_{b}": int(decades),
        f"later_dist_{b}": f"{np.median(dist[1 + per :]):.2f}",
        f"later_dist_{b}_n": float(np.median(dist[1 + per :])),
        f"end_dist_{b}_n": float(dist[-1]),
        f"falling_epochs_{b}": falling,
        f"rises_{b}": int(np.sum(change >= 0)),
        f"falls_{b}": int(np.sum(change < 0)),
        "changes": len(change),
        f"last_fell_{b}": bool(change[-1] < 0),
        # Plain text (no <sup>): these go into the image's alt text.
        f"tail_{b}_alt": f"{every[-1]:.2g}",
        f"after_low_{b}": f"{min(after):.2g}",
        f"after_high_{b}": f"{max(after):.2g}",
        f"loss_{b}_alt": f"{run.losses[-1] - floor:.2g}",
        f"after_high_{b}_n": float(max(after)),
        f"last_batch_{b}": N_LIVE - (per - 1) * b,
        "start_dist": f"{dist[0]:.2f}",
        "start_dist_n": float(dist[0]),
    }


def main(out_dir: Path) -> list[Path]:
    """Write a figure per batch size and the live figure's settings for each page."""
    X, y = live_data()
    best = np.linalg.lstsq(X, y, rcond=None)[0]
    floor = mse(X, y, best)
    T0, T1, P = grid(BOUNDS, 90)
    contours = (T0, T1, np.log(quadratic_loss(X, y)(P)))
    outputs, values = [], {"n": N_LIVE, "lr": LR, "epochs": EPOCHS, "floor": fmt(floor)}
    # 1/L of these rows' loss: below it every 1 - lr * lambda_i is positive, so batch cannot zig-zag
    inv_l = float(1 / mse_curvatures(X)[-1])
    values |= {"inv_l": fmt(inv_l), "inv_l_n": inv_l}
    runs = {}
    for b in BATCHES:
        run = runs[b] = fit_linear(
            X, y, lr=LR, epochs=EPOCHS, batch_size=b, seed=SEED, theta0=THETA0
        )
        title = f"b = {b}: {len(run.thetas) - 1} steps in {EPOCHS} epochs"
        draw = drawer([(run, False)], floor, best, contours, title)
        outputs += themed_svgs(draw, out_dir, f"variants-live-{b}", narrow=True)
        config = {"x": X[:, 1].tolist(), "y": y.tolist(), "lr": LR, "epochs": EPOCHS}
        config["colours"] = VARIANT_COLORS
        config |= {"batch": b, "orders": orders(), "theta0": THETA0.tolist(), "bounds": BOUNDS}
        values[f"widget_{b}"] = json.dumps(config, separators=(",", ":"))
        values[f"steps_{b}"] = len(run.thetas) - 1
        values[f"loss_{b}_n"] = float(run.losses[-1] - floor)
        values[f"loss_{b}"] = fmt(values[f"loss_{b}_n"])
        values[f"message_{b}"] = run.message
        values |= settling(run, best, floor, b)
    # The b = 1 figure is one shuffle seed's run: how flat its level is, over the pages' seeds.
    spreads = [
        settling(
            fit_linear(X, y, lr=LR, epochs=EPOCHS, batch_size=1, seed=s, theta0=THETA0),
            best,
            floor,
            1,
        )["later_spread_1_n"]
        for s in SEEDS
    ]
    lo, mid, hi = np.quantile(spreads, [0.1, 0.5, 0.9])
    values |= {"seed": SEED, "seeds": len(SEEDS), "spread_median_1_n": float(mid)}
    values |= {f"spread_{k}_1": f"{q:.1f}" for k, q in (("lo", lo), ("median", mid), ("hi", hi))}
    pair = [(runs[N_LIVE], True), (runs[COMPARED], False)]
    title = f"b = {COMPARED} against b = {N_LIVE} (dashed), {EPOCHS} epochs"
    outputs += themed_svgs(
        drawer(pair, floor, best, contours, title), out_dir, "variants-live-compare", narrow=True
    )
    config = json.loads(values[f"widget_{COMPARED}"]) | {"compare": N_LIVE}
    values["widget_compare"] = json.dumps(config, separators=(",", ":"))
    values["compared"] = COMPARED
    for key, b in (("compared", COMPARED), ("full", N_LIVE)):
        values[f"{key}_loss"] = values[f"loss_{b}"]
        values[f"{key}_steps"] = values[f"steps_{b}"]
        values[f"{key}_tail"], values[f"{key}_tail_n"] = values[f"tail_{b}"], values[f"tail_{b}_n"]
    return [*outputs, write_values(out_dir, "variants_live", values, says=SAYS)]

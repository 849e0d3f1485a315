"""The three drawings of the fair variant sweep (scripts/fig_variants_sweep.py).

Curves, rate grid and batch-size scaling, each a function of the sweep's results; split from the
sweep script so each module keeps one job (running and summarising vs drawing).
"""

from __future__ import annotations

import numpy as np
from _figure import COLORS
from _variants import BATCH_SIZES, BUDGET, COLOR, HORIZON, MINI, NAMES, RATES, N, floor, log_axes
from matplotlib import pyplot as plt

SHOWN = (1, MINI, N)
Q = (0.1, 0.9)


def stable_rates(losses: np.ndarray) -> np.ndarray:
    """Rates (axis 0) at which every seed (axis 1) ends below its starting loss, finite."""
    end, start = losses[:, :, -1], losses[:, :, 0]
    return (np.isfinite(end) & (end < start)).all(axis=1)


def best_index(gaps: np.ndarray) -> int:
    """Rate index with the lowest median gap after BUDGET epochs among the stable rates."""
    med = np.where(stable_rates(gaps), np.median(gaps[:, :, BUDGET], axis=1), np.inf)
    return int(np.argmin(med))


def retuned(gaps: np.ndarray) -> np.ndarray:
    """Return each epoch's median gap at that epoch's best stable rate (re-tuned every epoch)."""
    return np.median(gaps[stable_rates(gaps)], axis=1).min(axis=0)


def band(ax, x, gaps, color, label, **kw) -> None:
    """Median line and 10-90 % band of gaps (seeds on axis 0)."""
    lo, mid, hi = np.quantile(gaps, [Q[0], 0.5, Q[1]], axis=0)
    step = {"step": "post"} if kw.get("drawstyle") == "steps-post" else {}
    ax.fill_between(x, lo, hi, color=color, alpha=0.25, lw=0, **step)
    ax.plot(x, mid, color=color, label=label, **kw)


def draw_curves(sweeps, best):
    """Return a drawer of compare-curves: three variants, three x axes."""
    low = floor()

    def draw(theme: str):
        fig, axes = plt.subplots(1, 3, figsize=(8.7, 4.0), layout="constrained", sharey=True)
        for b in SHOWN:
            s, i = sweeps[b], best[b]
            label = f"{NAMES[b]}, lr {RATES[i]:.2g}"
            band(
                axes[0],
                np.arange(HORIZON + 1),
                s.epoch_losses[i] - low,
                COLOR[b],
                label,
                marker="o",
                ms=2.5,
            )
            # Steps, not slopes: the loss changes only when an update completes.
            for ax, x_values in zip(axes[1:], (s.seen, s.steps), strict=True):
                loss = s.losses[i] - low
                band(ax, np.maximum(x_values, 1), loss, COLOR[b], None, drawstyle="steps-post")
        axes[0].axvline(BUDGET, color=COLORS["grey"], ls=":", lw=1)
        axes[0].text(
            BUDGET + 0.4,
            0.93,
            "tuning budget",
            color=COLORS["grey"],
            fontsize=9,
            transform=axes[0].get_xaxis_transform(),
        )
        log_axes(axes[0])
        for ax in axes[1:]:
            log_axes(ax, x=True)
        axes[0].set(
            xlabel="epochs (passes over the data)",
            ylabel="loss above the minimum",
            title="per epoch",
        )
        axes[1].set(xlabel=f"gradient evaluations\n(examples read; n = {N})")
        axes[1].set_title("per gradient evaluation")
        axes[2].set(xlabel="updates\n(steps taken)", title="per update")
        # Below the panels, at 8.7 in: 9 points read 8.1 px in the 569 px column of a 601 px screen.
        fig.legend(loc="outside lower center", ncols=3, fontsize=9)
        return fig

    return draw


def draw_grid(sweeps, best, limit):
    """Return a drawer of rate-grid: loss after BUDGET epochs against the rate."""
    low = floor()

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.8, 3.5), layout="constrained")
        gaps = {b: sweeps[b].epoch_losses[:, :, BUDGET] - low for b in SHOWN}
        ok = {b: stable_rates(sweeps[b].epoch_losses) for b in SHOWN}
        top = 3 * max(float(np.median(gaps[b][ok[b]], axis=1).max()) for b in SHOWN)
        for b in SHOWN:
            band(ax, RATES[ok[b]], gaps[b][ok[b]].T, COLOR[b], NAMES[b], marker="o", ms=2.5)
            ax.plot(
                RATES[best[b]],
                np.median(gaps[b][best[b]]),
                "o",
                ms=9,
                mfc="none",
                mec=COLOR[b],
                mew=1.6,
            )
            bad = RATES[~ok[b]]
            ax.plot(
                bad,
                np.full(len(bad), top * {1: 1.0, MINI: 1.6, N: 2.6}[b]),
                "x",
                ms=6,
                mew=1.6,
                color=COLOR[b],
            )
        ax.axvline(limit, color=COLORS["grey"], ls="--", lw=1)
        ax.text(  # right of the line, halfway up: below the x marks
            limit * 1.07,
            0.5,
            "2/L",
            ha="left",
            color=COLORS["grey"],
            transform=ax.get_xaxis_transform(),
        )
        log_axes(ax, x=True)
        ax.set(xlabel="learning rate", ylabel=f"loss above the minimum after {BUDGET} epochs")
        ax.set_title(
            "median, 10-90 % band over seeds; circled: best; x: a seed did not end below its start",
            fontsize=9,
        )
        # Below the panel: inside it, the lower right holds the 2/L line.
        fig.legend(loc="outside lower center", ncols=3, fontsize=9)
        return fig

    return draw


def draw_scaling(best, rule_gaps, best_gaps, limit):
    """Return a drawer of batch-scaling: best rate and the linear rule against b."""
    sizes = np.array(BATCH_SIZES)

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.8, 3.3), layout="constrained")
        left.plot(
            sizes,
            [RATES[best[b]] for b in BATCH_SIZES],
            "o",
            color=COLORS["purple"],
            label="best rate in the grid",
        )
        left.plot(
            sizes, RATES[best[1]] * sizes, "--", color=COLORS["grey"], label="linear rule: b lr(1)"
        )
        left.axhline(limit, color=COLORS["red"], lw=1, label="2/L (batch stability limit)")
        log_axes(left, x=True)
        left.set(
            xlabel="batch size b", ylabel="learning rate", title=f"best rate after {BUDGET} epochs"
        )
        left.legend(fontsize=9)
        finite = np.concatenate(
            [best_gaps[np.isfinite(best_gaps)], rule_gaps[np.isfinite(rule_gaps)]]
        )
        top = 3 * float(finite.max())
        for gaps, color, label, marker in (
            # rates, not variants: hues the variants' colours (COLOR) leave free
            (best_gaps, COLORS["purple"], "at the best rate", "o"),
            (rule_gaps, COLORS["teal"], "at the linear rule's rate", "s"),
        ):
            ok = np.isfinite(gaps).all(axis=1)
            lo, mid, hi = np.full((3, len(gaps)), np.nan)
            lo[ok], mid[ok], hi[ok] = np.quantile(gaps[ok], [Q[0], 0.5, Q[1]], axis=1)
            right.errorbar(
                sizes[ok],
                mid[ok],
                yerr=[mid[ok] - lo[ok], hi[ok] - mid[ok]],
                fmt=marker + "-",
                color=color,
                label=label,
                ms=4,
                capsize=2,
            )
            if (~ok).any():  # on the top edge, pointing up: not a value (as a cross inside read)
                grew = {"ms": 8, "clip_on": False, "label": "loss grew off the scale: above 2/L"}
                right.plot(sizes[~ok], np.full((~ok).sum(), top), "^", color=color, **grew)
        log_axes(right, x=True)
        right.set_ylim(top=top)
        right.set(
            xlabel="batch size b",
            ylabel="loss above the minimum",
            title=f"after {BUDGET} epochs (median, 10-90 %)",
        )
        right.legend(fontsize=9)
        return fig

    return draw

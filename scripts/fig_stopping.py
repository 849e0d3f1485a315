"""Stopping in practice: early stopping on a validation set, and gradient-norm tests under noise.

Left: batch descent on a least-squares problem with nearly as many features as training examples
(40 examples, 30 features, noisy labels): the training loss keeps falling while the loss on 400
held-out validation examples bottoms out and rises again; early stopping keeps the weights of the
best validation epoch. Right: mini-batch descent (batch 10, constant rate) on a well-posed
regression; the norm of the full gradient falls, but the norm of the mini-batch gradient that a
stopping test would see levels off at the noise floor, far above a usual tolerance, and is no
smaller at the exact minimiser. The same run on labels the model fits exactly (no noise, not
drawn) has no floor: its mini-batch norm falls through the tolerance to rounding level.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from _prose import fmt, fmt_bound
from matplotlib import pyplot as plt

from gdlib.curvature import mse_curvatures
from gdlib.datasets import make_regression
from gdlib.regression import fit_linear, mse, mse_grad

EPOCHS, BATCH, TOL = 400, 10, 1e-3
DRAW_SEED, OTHER_DRAWS = 7, range(20)  # the figure's draw of the problem, and draws beside it
RISE = 1.2  # a turn-up: the last epoch's validation loss above this times its lowest
OVERFIT = {"train": 40, "valid": 400, "features": 30}  # the left panel's problem: n close to d
NOISY = {"examples": 1000, "features": 5, "lr": 0.02, "epochs": 20}  # the right panel's problem
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "train_falls_every_epoch": "the first panel's training loss fell in every epoch",
    "draws_has_figures": f"the figure's draw of the data is one of the {len(OTHER_DRAWS)} draws",
}


def early_stopping(seed: int = DRAW_SEED) -> dict[str, np.ndarray | int | float]:
    """Train on OVERFIT's examples and features; watch the loss on its others (data from `seed`)."""
    n = OVERFIT["train"]
    X, y, _ = make_regression(n + OVERFIT["valid"], OVERFIT["features"], noise=1.0, seed=seed)
    train, valid = slice(0, n), slice(n, None)
    lr = 1.0 / mse_curvatures(X[train])[-1]  # 1/L: stable
    run = fit_linear(X[train], y[train], lr=lr, epochs=EPOCHS, record="epoch")
    valid_loss = np.array([mse(X[valid], y[valid], t) for t in run.thetas])
    best = int(np.argmin(valid_loss))
    return {"train": run.epoch_losses, "valid": valid_loss, "best": best, "lr": lr}


def other_draws() -> dict[str, int]:
    """Run early_stopping on OTHER_DRAWS: how often its validation loss turns up, and how often not.

    The U the figure shows depends on the draw: in some the loss is still lowest at the last epoch.
    """
    runs = [early_stopping(seed) for seed in OTHER_DRAWS]
    turned = [r["best"] < EPOCHS and r["valid"][-1] > RISE * r["valid"][r["best"]] for r in runs]
    return {
        "draws": len(runs),
        "draws_turned": int(sum(turned)),
        "draws_still_falling": int(sum(r["best"] == EPOCHS for r in runs)),
        "draws_has_figures": DRAW_SEED in OTHER_DRAWS,
    }


def batch_norms(X: np.ndarray, y: np.ndarray, thetas, batches) -> np.ndarray:
    """Return each batch's gradient norm at the theta beside it: what a stopping test sees."""
    pairs = zip(batches, thetas, strict=True)
    return np.array([np.linalg.norm(mse_grad(X[b], y[b], t)) for b, t in pairs])


def noisy_gradients() -> dict[str, np.ndarray | float]:
    """Mini-batch descent; the full and a fresh mini-batch gradient norm at each recorded theta.

    The same run on labels the model fits exactly (X @ truth) is the foil: there every example's
    gradient vanishes at one point, so the mini-batch norm has no floor and the run reaches it.
    """
    X, y, truth = make_regression(NOISY["examples"], NOISY["features"], noise=0.5, seed=3)
    run = fit_linear(X, y, lr=NOISY["lr"], epochs=NOISY["epochs"], batch_size=BATCH, seed=0)
    rng = np.random.default_rng(0)
    batches = [rng.choice(len(y), BATCH, replace=False) for _ in run.thetas]
    full = np.array([np.linalg.norm(mse_grad(X, y, t)) for t in run.thetas])
    best = np.linalg.lstsq(X, y, rcond=None)[0]
    fitted = X @ truth
    fit = fit_linear(X, fitted, lr=NOISY["lr"], epochs=NOISY["epochs"], batch_size=BATCH, seed=0)
    return {
        "full": full,
        "mini": batch_norms(X, y, run.thetas, batches),
        "at_best_median": float(np.median(batch_norms(X, y, [best] * len(batches), batches))),
        "fit_mini": batch_norms(X, fitted, fit.thetas, batches),
    }


def fit_values(fit_mini: np.ndarray, tail: slice) -> dict[str, object]:
    """Where the exactly fitted run's mini-batch norm meets TOL, stays under it, and ends up."""
    above = np.flatnonzero(fit_mini > TOL)
    return {
        "fit_first": int(np.argmax(fit_mini <= TOL)),  # 0 if it never fires: the claim says > 0
        "fit_stays": int(above[-1]) + 1 if above.size else 0,  # under TOL from here to the end
        "fit_tail_max": fmt_bound(float(fit_mini[tail].max())),  # "never above": rounded up
        "fit_tail_max_raw": f"{float(fit_mini[tail].max()):.3g}",
    }


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel figure and the numbers the convergence page quotes."""
    early, noisy = early_stopping(), noisy_gradients()
    steps = np.arange(len(noisy["full"]))

    def draw(theme: str):
        fig, (a, b) = plt.subplots(1, 2, figsize=(9.0, 3.3), layout="constrained")
        a.semilogy(early["train"], color=COLORS["blue"], label="training loss")
        a.semilogy(early["valid"], color=COLORS["orange"], label="validation loss")
        a.axvline(early["best"], color=COLORS["grey"], ls="--", lw=1, label="early stop")
        a.set(xlabel="epoch", ylabel="mean squared error", title="early stopping")
        a.legend(loc="upper right", fontsize=9.5)
        b.semilogy(
            steps,
            noisy["mini"],
            ".",
            ms=1.5,
            color=COLORS["orange"],
            label="mini-batch gradient norm",
        )
        b.semilogy(steps, noisy["full"], color=COLORS["blue"], label="full gradient norm")
        b.axhline(TOL, color=COLORS["grey"], ls=":", lw=1, label=f"tolerance {TOL:g}")
        b.set(xlabel="update", ylabel="gradient norm", title=f"mini-batch descent, batch {BATCH}")
        b.set_ylim(bottom=TOL / 100)  # room under the tolerance line for the key
        b.legend(loc="lower left", fontsize=9.5)
        return fig

    tail = slice(len(steps) // 2, None)
    values = {
        "features": OVERFIT["features"],
        "train_examples": OVERFIT["train"],
        "best_epoch": early["best"],
        "lr": fmt(early["lr"]),
        "epochs": EPOCHS,
        "valid_best": f"{float(early['valid'][early['best']]):.2f}",  # a pair: same decimals
        "valid_last": f"{float(early['valid'][-1]):.2f}",
        "train_last": fmt(float(early["train"][-1])),
        "train_at_best": fmt(float(early["train"][early["best"]])),
        "train_falls_every_epoch": bool(np.all(np.diff(early["train"]) < 0)),
        "batch": BATCH,
        **{f"noisy_{k}": v for k, v in NOISY.items()},
        "tol": TOL,
        "updates": len(steps) - 1,
        "full_last": fmt(float(noisy["full"][-1])),
        "full_tail_min": fmt(float(noisy["full"][tail].min())),
        "full_min": float(noisy["full"].min()),  # over the whole run: the alt's "stays far above"
        "full_tail_median": fmt(float(np.median(noisy["full"][tail]))),
        "full_tail_max": fmt(float(noisy["full"][tail].max())),
        # the first update at which the full norm is down to its second half's range
        "full_drop": int(np.argmax(noisy["full"] <= noisy["full"][tail].max())),
        "mini_tail_min": fmt_bound(float(noisy["mini"][tail].min()), up=False),  # "never below"
        "mini_min": fmt_bound(float(noisy["mini"].min()), up=False),  # a floor too
        "mini_tail_median": fmt(float(np.median(noisy["mini"][tail]))),
        "mini_at_best": fmt(noisy["at_best_median"]),
        **fit_values(noisy["fit_mini"], tail),
        "rise_pct": round(100 * (RISE - 1)),
    } | other_draws()
    return [
        *themed_svgs(draw, out_dir, "stopping", narrow=True),
        write_values(out_dir, "stopping", values, says=SAYS),
    ]

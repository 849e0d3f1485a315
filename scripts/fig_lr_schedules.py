"""Learning-rate schedules on noisy mini-batch regression: step decay, 1/t, cosine, warm-up.

A seeded least-squares problem (`gdlib.make_regression`, N examples, noise NOISE) is fitted by
gdlib's mini-batch descent (`fit_linear`, batch BATCH), one epoch per call: the schedule
(`gdlib.schedules`, its PRESETS) sets each epoch's rate and the next call starts from the last
theta (a fresh shuffle seed per epoch). The figure plots the excess loss (full-data loss minus
the least-squares optimum's) after each epoch, the median over SEEDS shuffling seeds with the
range shaded, and the rates themselves. The page weighs the peak rate against the stability
limit of the full loss and of every batch the runs draw (`batch_limit`), and quotes the runs of
_schedule_probes.py: how the noise floor scales with the rate, and what warm-up does for Adam.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import CYCLE, themed_svgs, write_values
from _prose import fmt, fmt_bound
from _says_schedules import says
from _schedule_probes import constant_budget, noise_floors, warmup_first_steps
from _schedule_shapes import DROP, STEP, WARMUP, figure_facts
from matplotlib import pyplot as plt

from gdlib import fit_linear, make_regression, mse
from gdlib.curvature import mse_curvatures
from gdlib.schedules import LABELS, PRESETS, SCHEDULES, get_schedule, rates

N, FEATURES, NOISE, BATCH, EPOCHS, PEAK, SEEDS = 1000, 10, 1.0, 10, 30, 0.05, 5
CONST_FROM = 5  # the epoch from which the page gives the constant rate's range: past its start


def schedules() -> dict[str, np.ndarray]:
    """Return each schedule's rate for epochs 0 .. EPOCHS - 1, by its label."""
    return {LABELS[n]: rates(get_schedule(n, PEAK, EPOCHS), EPOCHS) for n in SCHEDULES}


def batch_limit(X) -> tuple[float, float]:
    """Return the smallest 2 / L_B of the batches drawn, and the largest norm of an epoch's map.

    L_B is a batch's curvature; an epoch's map at PEAK is the product of its steps' I - PEAK H_B.
    Each epoch's order is `fit_linear`'s: the first permutation of `default_rng(seed)`. Two runs
    on an epoch's batches from different thetas end it apart by exactly that map of their gap.
    """
    largest, memory = 0.0, 0.0
    for seed in range(SEEDS):
        for epoch in range(EPOCHS):
            order = np.random.default_rng(1000 * seed + epoch).permutation(N)
            epoch_map = np.eye(X.shape[1])
            for rows in order.reshape(-1, BATCH):
                largest = max(largest, mse_curvatures(X[rows])[-1])
                epoch_map -= PEAK * (2.0 / BATCH) * X[rows].T @ (X[rows] @ epoch_map)
            memory = max(memory, np.linalg.norm(epoch_map, 2))
    return 2.0 / largest, memory


def excess_losses(X, y, rates: np.ndarray, seed: int, best: float) -> np.ndarray:
    """Run one schedule: excess full-data loss at the start and after each epoch."""
    theta = np.zeros(X.shape[1])
    out = [mse(X, y, theta) - best]
    for epoch, rate in enumerate(rates):
        run = fit_linear(
            X,
            y,
            lr=float(rate),
            epochs=1,
            batch_size=BATCH,
            seed=1000 * seed + epoch,
            theta0=theta,
            record="epoch",
        )
        assert run.status == "completed", run.message
        theta = run.thetas[-1]
        out.append(mse(X, y, theta) - best)
    return np.array(out)


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the final excess losses."""
    X, y, _ = make_regression(N, FEATURES, noise=NOISE, seed=0)
    best = mse(X, y, np.linalg.lstsq(X, y, rcond=None)[0])
    rates = schedules()
    curves = {
        name: np.array([excess_losses(X, y, r, s, best) for s in range(SEEDS)])
        for name, r in rates.items()
    }

    def draw(theme: str):
        fig, (left, right) = plt.subplots(
            1, 2, figsize=(8.6, 3.5), layout="constrained", width_ratios=(1.6, 1)
        )
        epochs = np.arange(EPOCHS + 1)
        for color, (name, c) in zip(CYCLE, curves.items(), strict=False):
            left.semilogy(epochs, np.median(c, axis=0), color=color, label=name)
            left.fill_between(epochs, c.min(axis=0), c.max(axis=0), color=color, alpha=0.15)
            # Each rate over the epoch it is used in: e = 0 runs from 0 to 1 epochs completed.
            right.step(epochs, np.append(rates[name], rates[name][-1]), where="post", color=color)
        left.set(xlabel="epochs completed", ylabel="loss minus the optimum's", ylim=(1e-5, 30))
        left.set_title(f"Median of {SEEDS} shuffling seeds (range shaded)")
        # One key for both panels, below them: inside, the seeds' bands fill every wide corner.
        fig.legend(*left.get_legend_handles_labels(), loc="outside lower center", ncols=5)
        right.set(xlabel="epochs completed", ylabel="learning rate", title="The schedules")
        return fig

    final = {name: float(np.median(c[:, -1])) for name, c in curves.items()}
    keys = {"constant": "constant", "step decay": "step", "1/t": "inv", "cosine": "cosine"}
    keys["warm-up + cosine"] = "warmup"
    # make_regression's first column is the intercept's ones: FEATURES - 1 features besides.
    values = {"n": N, "features": FEATURES - 1, "batch": BATCH, "epochs": EPOCHS, "peak": PEAK}
    values["seeds"], values["const_from"] = SEEDS, CONST_FROM
    values["warmup_epochs"], values["gamma"] = WARMUP, PRESETS["step"]["gamma"]
    values |= {"step_size": STEP, "second_cut": 2 * STEP, "drop_epochs": DROP}
    values["lr_decay"] = PRESETS["inverse_time"]["lr_decay"]
    for name, key in keys.items():
        values[f"final_{key}"] = final[name]
        values[f"at5_{key}"] = float(np.median(curves[name][:, 5]))
    step = np.median(curves["step decay"], axis=0)
    values["step_at10"], values["step_at20"] = float(step[STEP]), float(step[2 * STEP])
    constant = np.median(curves["constant"], axis=0)[CONST_FROM:]
    values["const_low"], values["const_high"] = float(constant.min()), float(constant.max())
    values["const_median"] = float(np.median(constant))
    # Every schedule draws the same batches (seed 1000 s + e in epoch e): step decay's epochs up
    # to its first cut are the constant run itself, and at the peak rate one epoch of updates
    # shrinks the error it inherits by this factor (the noise-free contraction of the full loss
    # over N / BATCH steps), so what a run did before an epoch at the peak barely shows after it.
    head = (curves[k][:, : STEP + 1] for k in ("step decay", "constant"))
    values["step_is_constant"] = bool(np.array_equal(*head))
    values |= figure_facts({key: np.median(curves[name], axis=0) for name, key in keys.items()})
    curvature = mse_curvatures(X)
    values["epoch_memory"] = float(np.abs(1 - PEAK * curvature).max() ** (N // BATCH))
    kappa = float(curvature.max() / curvature.min())  # a well-conditioned problem
    values["kappa"], values["kappa_n"] = f"{kappa:.2f}", kappa
    values["stable_limit"] = fmt(2 / curvature.max(), 2)
    values["peak_share_of_limit"] = f"{PEAK * curvature.max() / 2:.3g}"
    limit, values["epoch_memory_batches"] = batch_limit(X)
    values["batch_limit"], values["batch_limit_raw"] = fmt(limit, 2), f"{limit:.3g}"
    values["batches_drawn"] = f"{SEEDS * EPOCHS * (N // BATCH):,}"
    values["epochs_drawn"], values["steps_per_epoch"] = SEEDS * EPOCHS, N // BATCH
    # Step decay's last rate, over its last step_size epochs of N / BATCH steps: even with exact
    # gradients the loss can shrink at best by the steepest curvature's factor (squared: a loss).
    last, steps = rates["step decay"][-1], values["step_size"] * (N // BATCH)
    values["last_shrink"] = f"{np.abs(1 - last * curvature).min() ** (2 * steps):.2g}"
    values |= noise_floors(X, y, PEAK, values["gamma"], BATCH) | warmup_first_steps()
    values |= constant_budget(lambda r, s: excess_losses(X, y, r, s, best), PEAK, EPOCHS, SEEDS)
    # Warm-up squeezes the cosine into fewer epochs: from its first epoch at the peak on (1-based),
    # its rate stays above plain cosine's to the end.
    rates_by_name = schedules()
    below = np.nonzero(rates_by_name["warm-up + cosine"] <= rates_by_name["cosine"])[0]
    values["warmup_above_from"] = int(below.max()) + 2
    # Prose shows 2 significant digits; `NAME_raw` keeps 3 for the page's checks.
    for key in [
        k for k in values if k.startswith(("final_", "at5_", "step_at", "const_", "epoch_"))
    ]:
        values[f"{key}_raw"] = f"{values[key]:.3g}"
        # The epoch's maps are bounds ("at most"): rounded up, they stay true of the run.
        values[key] = (fmt_bound if key.startswith("epoch_memory") else fmt)(values[key], 2)
    written = themed_svgs(draw, out_dir, "lr-schedules", narrow=True)
    return [*written, write_values(out_dir, "schedules", values, says=says(SEEDS, STEP))]

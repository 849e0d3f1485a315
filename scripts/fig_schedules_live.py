"""Learning-rate schedules, the live figure's static twin: one schedule against the constant rate.

A small seeded regression (N_LIVE examples, an intercept and one feature, noise NOISE, rounded to
four decimals so the page can carry it) is fitted by gdlib's mini-batch descent, batches of BATCH,
one epoch per call at the schedule's rate as in fig_lr_schedules.py, from theta = 0; epoch e
shuffles with seed e (shuffling seed 0 of that script). Left: the loss above the least-squares
optimum after each epoch (log scale) for SCHEDULE (solid) and the constant rate on the same
batches (dashed); right: each epoch's rate. The live figure (js/src/widgets/schedules.js) opens on
the same runs, gdlib's row orders passed in its config, and lets the reader pick the schedule, the
peak rate and the schedule's own setting (DECAY); tests/test_widget_agreement.py holds its rates
and losses to gdlib's. `ranking` replays the widget's opening run and its first RESEEDS reseeds
(`seeded_orders`, a port of js/src/regression.js's seededOrders) for the page's comparison of
the four decaying schedules, and bounds what step decay's last rate can still do.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from _prose import fmt, plain_number
from matplotlib import pyplot as plt

from gdlib import fit_linear, make_regression, mse
from gdlib._minibatch import run_epoch
from gdlib.curvature import mse_curvatures
from gdlib.schedules import LABELS, PRESETS, get_schedule, rates

N_LIVE, NOISE, BATCH, EPOCHS, PEAK = 100, 1.0, 5, 30, 0.05
STEP = PRESETS["step"]["step_size"]
LAST = EPOCHS - STEP * ((EPOCHS - 1) // STEP)  # the epochs step decay runs at its last rate
LR_MIN, LR_MAX = 0.001, 2.0
SCHEDULE = "step"
DECAYING = ("step", "inverse_time", "cosine", "warmup_cosine")  # ranked for the page
RESEEDS, REPLAY = 5, 1e-9  # reseeds to rank; the replayed final loss agrees to REPLAY, relative
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "cuts_twice": (
        f"{LABELS[SCHEDULE]}'s rate changes exactly twice in {EPOCHS} epochs, both times by the"
        " same factor (as rounded for the page)"
    ),
    "opening_inv_to_step": (
        f"on gdlib's batches 1/t ends lowest of the {len(DECAYING)} decaying schedules and step"
        " decay highest"
    ),
    "opening_matches": (
        "the ranking's replay of step decay on gdlib's batches ends at the figure's final loss"
        f" to a relative {plain_number(REPLAY)}"
    ),
}
# The live figure's third control, each schedule's own setting in gdlib's name and its range
# (`step` spaces a control's positions; without it the positions are on a log scale).
DECAY = {
    "step": {"key": "gamma", "min": 0.05, "max": 0.95, "step": 0.05},
    "inverse_time": {"key": "lr_decay", "min": 0.01, "max": 10.0},
    "warmup_cosine": {"key": "warmup_epochs", "min": 1, "max": EPOCHS - 1, "step": 1},
}


def live_data() -> tuple[np.ndarray, np.ndarray]:
    """Return X (ones and one feature) and y, rounded to four decimals."""
    X, y, _ = make_regression(N_LIVE, 2, noise=NOISE, seed=0)
    return np.round(X, 4), np.round(y, 4)


def orders() -> list[list[int]]:
    """Return the row order fit_linear draws in each epoch (seed e in epoch e)."""
    return [np.random.default_rng(e).permutation(N_LIVE).tolist() for e in range(EPOCHS)]


def seeded_orders(n: int, epochs: int, seed: int) -> list[list[int]]:
    """Return the row orders the live figure draws for `seed` (mulberry32 and Fisher-Yates)."""
    state, mask = seed & 0xFFFFFFFF, 0xFFFFFFFF

    def random() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & mask
        t = ((state ^ (state >> 15)) * (state | 1)) & mask
        t ^= (t + ((t ^ (t >> 7)) * (t | 61) & mask)) & mask
        return ((t ^ (t >> 14)) & mask) / 4294967296

    out = []
    for _ in range(epochs):
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = int(random() * (i + 1))
            order[i], order[j] = order[j], order[i]
        out.append(order)
    return out


def final_gap(X, y, name: str, orders: list[list[int]]) -> float:
    """Run schedule `name` at PEAK on the given row orders; return the last loss gap."""
    theta = np.zeros(X.shape[1])
    for order, rate in zip(orders, rates(get_schedule(name, PEAK, EPOCHS), EPOCHS), strict=True):
        theta, _, diverged = run_epoch(X, y, np.array(order), theta, BATCH, float(rate), None)
        assert not diverged, name
    return mse(X, y, theta) - mse(X, y, np.linalg.lstsq(X, y, rcond=None)[0])


def ranking(X, y, run: dict) -> dict[str, object]:
    """Rank the decaying schedules on the opening orders and RESEEDS reseeds; bound step's end."""
    seeds = [orders(), *(seeded_orders(N_LIVE, EPOCHS, s) for s in range(1, RESEEDS + 1))]
    gaps = [{name: final_gap(X, y, name, o) for name in DECAYING} for o in seeds]
    out = {"ranked": len(seeds), "reseeds": RESEEDS}
    opening = sorted(gaps[0], key=gaps[0].get)
    out["opening_rank"] = ", ".join(LABELS[name] for name in opening)
    out["opening_inv_to_step"] = opening[0] == "inverse_time" and opening[-1] == "step"
    out["inv_below_step"] = sum(g["inverse_time"] < g["step"] for g in gaps)
    out["inv_lowest"] = sum(min(g, key=g.get) == "inverse_time" for g in gaps)
    out["warmup_below_cosine"] = sum(g["warmup_cosine"] < g["cosine"] for g in gaps)
    replayed, drawn = gaps[0]["step"], run["excess"][-1]
    out["opening_matches"] = bool(abs(replayed - drawn) <= REPLAY * abs(drawn))
    # Over its LAST epochs of N_LIVE / BATCH steps, even with exact gradients the loss can
    # shrink at best by the steepest curvature's factor (squared: a loss).
    last, steps = run["rates"][-1], LAST * -(-N_LIVE // BATCH)
    curvature = mse_curvatures(X)
    out |= {"last_rate": f"{last:.2g}", "steps_per_epoch": -(-N_LIVE // BATCH), "last": LAST}
    out["last_shrink"] = f"{np.abs(1 - last * curvature).min() ** (2 * steps):.2g}"
    out["at20_text"] = fmt(run["excess"][-LAST - 1])
    out["last_ten_shrink"] = f"{run['excess'][-1] / run['excess'][-LAST - 1]:.3g}"
    inv_rates = rates(get_schedule("inverse_time", PEAK, EPOCHS), EPOCHS)
    return out | {"inv_last_rate": f"{inv_rates[-1]:.2g}"}


def run_schedule(X, y, name: str, lr: float, **hyper: float) -> dict:
    """Run schedule `name` at peak `lr`, `hyper` over its preset: rates, loss gaps, status."""
    floor = mse(X, y, np.linalg.lstsq(X, y, rcond=None)[0])
    schedule = rates(get_schedule(name, lr, EPOCHS, **hyper), EPOCHS)
    theta = np.zeros(X.shape[1])
    excess, status, message = [mse(X, y, theta) - floor], "completed", f"completed {EPOCHS} epochs"
    for epoch, rate in enumerate(schedule):
        run = fit_linear(X, y, lr=float(rate), epochs=1, batch_size=BATCH, seed=epoch, theta0=theta)
        if run.status == "diverged":
            message = run.message.replace("epoch 1", f"epoch {epoch + 1}", 1)
            status = "diverged"
            break
        theta = run.thetas[-1]
        excess.append(mse(X, y, theta) - floor)
    return {"rates": schedule, "excess": np.array(excess), "status": status, "message": message}


def widget_config() -> str:
    """Return the live figure's settings as the page carries them (JSON)."""
    X, y = live_data()
    config = {"x": X[:, 1].tolist(), "y": y.tolist(), "batch": BATCH, "epochs": EPOCHS}
    config |= {"lr": PEAK, "lrMin": LR_MIN, "lrMax": LR_MAX, "schedule": SCHEDULE, "decay": DECAY}
    return json.dumps(config | {"orders": orders()}, separators=(",", ":"))


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the live figure's settings."""
    X, y = live_data()
    run, constant = run_schedule(X, y, SCHEDULE, PEAK), run_schedule(X, y, "constant", PEAK)
    edges = np.arange(EPOCHS + 1)

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.6), layout="constrained")
        for r, style in ((constant, {"color": COLORS["grey"], "ls": "--"}), (run, {})):
            colour = style.pop("color", COLORS["orange"])
            marker = None if style else "."
            epochs = edges[: len(r["excess"])]
            left.semilogy(epochs, r["excess"], marker=marker, ms=4, color=colour, **style)
            right.stairs(r["rates"], edges, baseline=None, lw=1.5, color=colour, **style)
        title = f"{LABELS[SCHEDULE]} (solid) and constant (dashed)"
        left.set(xlabel="epoch", ylabel="loss minus the optimum's", title=title)
        right.set(xlabel="epoch", ylabel="learning rate", title=f"peak rate {PEAK}")
        return fig

    values = {"n": N_LIVE, "batch": BATCH, "epochs": EPOCHS, "peak": PEAK}
    values |= {"schedule": LABELS[SCHEDULE], "widget": widget_config()}
    # The drawn schedule's cuts, for the alt text: after which epochs its rate changes, and the
    # factor of each change (the same one twice: three levels).
    cuts = np.flatnonzero(np.diff(run["rates"])) + 1
    factors = [f"{run['rates'][c] / run['rates'][c - 1]:.3g}" for c in cuts]
    values["cut_at"], values["cut_to"] = " and ".join(str(c) for c in cuts), factors[0]
    values["cuts_twice"] = len(cuts) == 2 and len(set(factors)) == 1
    values["final"] = float(run["excess"][-1])
    values["final_constant"] = float(constant["excess"][-1])
    # Where the two runs part (the first epoch after which their losses differ), and the constant
    # run's range after it, for the figure's description.
    split = int(np.argmax(run["excess"] != constant["excess"]))
    values["split"] = split - 1
    tail = constant["excess"][split:]
    for key, v in (("final", values["final"]), ("final_constant", values["final_constant"])):
        values[f"{key}_text"] = fmt(v)
    # Plain text (no <sup>) for the image's alt text.
    # Two figures: one rounded 0.0145 down to 0.01, below the run's own last value 0.0133.
    values["const_low"], values["const_high"] = f"{tail.min():.2g}", f"{tail.max():.2g}"
    values["final_alt"] = f"{values['final']:.2g}"
    # One seed's last epoch is noise: the schedule's end is weighed against the constant run's
    # whole range after the split, not its last value.
    values["const_low_n"] = float(tail.min())
    values["const_low_text"], values["const_high_text"] = fmt(tail.min()), fmt(tail.max())
    values["tail_from"] = split  # the constant run's range above is over epochs split .. EPOCHS
    values |= ranking(X, y, run)
    written = themed_svgs(draw, out_dir, "schedules-live", narrow=True)
    return [*written, write_values(out_dir, "schedules_live", values, says=SAYS)]

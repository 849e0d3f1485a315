"""Runs behind the schedules page's explanations (scripts/fig_lr_schedules.py quotes them).

`noise_floors`: why cutting the rate tenfold lowers the loss about a hundredfold. Runs start at
the least-squares optimum and keep a constant rate; the floor is the mean excess loss at the end
of each epoch after a burn-in, over SEEDS seeds. With batches drawn with replacement (the same
gdlib step on rows drawn independently) the floor falls like the rate. With gdlib's reshuffled
batches (each epoch a permutation: every example used once) an epoch's noise would cancel at a
fixed theta, and cancels the more the less the run forgets within the epoch: the floor falls
faster, ever faster as the rate shrinks (a local log-log slope near 1.4 at 0.05-0.1, near 3 below
0.0025 with 60 epochs). The slope is fitted over FLOOR_CUTS rates from the peak down to the peak
times gamma, and measured between neighbours (`floor_upper`, `floor_lower`), also seed by seed.

`constant_budget`: the constant rate that fits the run's length. The page's constant run is at
the peak rate; smaller constant rates (the peak halved again and again) end lower, up to a best
one, below which the run is too slow to get there in time.

`warmup_first_steps`: what warm-up protects. Adam at a large rate on gdlib's valley
x^2 + 10 y^2, per step under the page's cosine and warm-up + cosine schedules (torch's
schedulers set the rate, which Adam's step is proportional to: the step of rate 1 times it).
Below the rate at which Adam's first step starts to raise f, `warm_below_flat` runs cosine from
BELOW times that rate: is f highest at its start, in every one of those runs?

`near_to`: a fact of the figure's curves, the last epoch a cosine stays within a factor of two of
the constant run.
"""

from __future__ import annotations

import numpy as np
from _holds_from import holds_from
from _prose import fmt

from gdlib import fit_linear, mse
from gdlib._minibatch import run_epoch
from gdlib.optimizers import get_optimizer
from gdlib.schedules import get_schedule, rates
from gdlib.surfaces import get_surface

SEEDS, EPOCHS, BURN, FLOOR_CUTS = 5, 30, 10, 3
WARM_LR, WARM_STEPS, WARM_W, WARM_TOL = 5.12, 400, 10, 1e-6
HALVINGS = 7  # constant_budget's rates: the peak, halved up to this many times
BELOW = (0.99, 0.5, 0.1, 0.01)  # cosine's peaks below the first step's threshold, as fractions


def _floor(X, y, theta, best, rate: float, batch: int, replace: bool) -> np.ndarray:
    """Each of SEEDS seeds' mean excess loss at epoch ends after BURN epochs, from theta."""
    n, seeds = len(y), []
    for seed in range(SEEDS):
        if not replace:
            run = fit_linear(
                X,
                y,
                lr=rate,
                epochs=EPOCHS,
                batch_size=batch,
                seed=seed,
                theta0=theta,
                record="epoch",
            )
            seeds.append(np.mean(run.epoch_losses[BURN + 1 :]) - best)
            continue
        rng, t, ends = np.random.default_rng(seed), theta, []
        for epoch in range(EPOCHS):
            t, _, diverged = run_epoch(X, y, rng.integers(0, n, n), t, batch, rate, None)
            assert not diverged
            ends += [mse(X, y, t) - best] if epoch >= BURN else []
        seeds.append(np.mean(ends))
    return np.array(seeds)


def noise_floors(X, y, peak: float, gamma: float, batch: int) -> dict[str, object]:
    """Fit the floor's log-log slope against the rate, reshuffled and with replacement."""
    theta = np.linalg.lstsq(X, y, rcond=None)[0]
    best = mse(X, y, theta)
    cuts = peak * gamma ** (np.arange(FLOOR_CUTS) / (FLOOR_CUTS - 1))
    out = {"floor_hi": f"{cuts[0]:g}", "floor_lo": f"{cuts[-1]:g}", "floor_mid": f"{cuts[1]:.2g}"}
    out |= {"floor_seeds": SEEDS, "floor_burn": BURN}
    for key, replace in (("rr", False), ("wr", True)):
        per_seed = np.array([_floor(X, y, theta, best, r, batch, replace) for r in cuts]).T
        floors = per_seed.mean(axis=0)  # every seed has as many epoch ends
        out[f"floor_slope_{key}"] = f"{np.polyfit(np.log(cuts), np.log(floors), 1)[0]:.2f}"
        out[f"floor_cut_{key}"] = f"{floors[0] / floors[-1]:.0f}"
        local = np.diff(np.log(floors)) / np.diff(np.log(cuts))
        out[f"floor_upper_{key}"], out[f"floor_lower_{key}"] = (f"{v:.2f}" for v in local)
        # The same two slopes seed by seed: how far one seed's runs move them.
        seeds = np.diff(np.log(per_seed), axis=1) / np.diff(np.log(cuts))
        for i, part in enumerate(("upper", "lower")):
            low, high = seeds[:, i].min(), seeds[:, i].max()
            out[f"floor_{part}_{key}_range"] = f"{low:.2f} to {high:.2f}"
            out[f"floor_{part}_{key}_min"], out[f"floor_{part}_{key}_max"] = low, high
    return out


def warmup_first_steps() -> dict[str, object]:
    """Adam at WARM_LR on the valley under cosine, and warm-up + cosine over WARM_W steps."""
    surface = get_surface("valley")
    out = {"warm_lr": WARM_LR, "warm_steps": WARM_STEPS, "warm_w": WARM_W}
    warmup = {"warmup_epochs": WARM_W}
    for key, name, hyper in (("cos", "cosine", {}), ("wup", "warmup_cosine", warmup)):
        f = _adam_f(surface, name, WARM_LR, hyper)
        out |= {f"warm_{key}_peak": f"{f.max():.3g}", f"warm_{key}_peak_step": int(f.argmax())}
        # Done once f stays below WARM_TOL: Adam's f dips below it and rises again before that.
        out[f"warm_{key}_done"] = holds_from(f < WARM_TOL)
        out[f"warm_{key}_ok"] = bool(out[f"warm_{key}_done"] < len(f))
        out[f"warm_{key}_first"] = int(np.argmax(f < WARM_TOL))
    out["warm_f0"] = f"{f[0]:g}"
    out["warm_rise_from_raw"] = _first_step_rises_from(surface)
    out["warm_rise_from"] = fmt(out["warm_rise_from_raw"])  # the page: "a threshold ... at"
    below = [_adam_f(surface, "cosine", c * out["warm_rise_from_raw"], {}) for c in BELOW]
    out["warm_below_flat"] = bool(below) and all(f[1:].max() < f[0] for f in below)
    out["warm_start"] = "({:g}, {:g})".format(*surface.start)  # TeX: set inside $...$
    return out


def _adam_f(surface, name: str, peak: float, hyper: dict) -> np.ndarray:
    """Adam's f at each of WARM_STEPS steps from the surface's start, the schedule from peak."""
    schedule = rates(get_schedule(name, peak, WARM_STEPS, **hyper), WARM_STEPS)
    opt, theta = get_optimizer("adam", 1.0), np.array(surface.start, dtype=float)
    state, f = opt.init(theta), [float(surface.f(theta))]
    for rate in schedule:
        step, state = opt.update(surface.grad(theta), state)
        theta = theta + rate * step
        f.append(float(surface.f(theta)))
    return np.array(f)


def _first_step_rises_from(surface) -> float:
    """Find the rate above which Adam's first step from the surface's start raises f (bisection).

    Along the step's line f is a quadratic in the rate here, so the rates that raise f are an
    interval open to the right; WARM_LR must lie in it.
    """
    opt, start = get_optimizer("adam", 1.0), np.array(surface.start, dtype=float)
    step, _ = opt.update(surface.grad(start), opt.init(start))
    f0 = float(surface.f(start))
    low, high = 0.0, WARM_LR
    if not float(surface.f(start + high * step)) > f0:
        raise ValueError(f"Adam's first step at {WARM_LR} does not raise f on {surface.name}")
    for _ in range(60):
        mid = (low + high) / 2
        low, high = (low, mid) if float(surface.f(start + mid * step)) > f0 else (mid, high)
    return high


def constant_budget(run, peak: float, epochs: int, seeds: int) -> dict[str, object]:
    """Find the best constant rate for the run's length: the peak halved up to HALVINGS times.

    `run(rates, seed)` is the figure's run (one rate per epoch): the excess loss at the start and
    after each epoch. Returns the best rate's median final and fifth-epoch losses, and the final
    loss of the rate half as large and how much it fell over its last five epochs;
    `budget_interior` says the best is not at the grid's end.
    """
    grid = peak / 2.0 ** np.arange(HALVINGS + 1)
    medians = [np.median([run(np.full(epochs, r), s) for s in range(seeds)], axis=0) for r in grid]
    best = int(np.argmin([m[-1] for m in medians]))
    out = {"budget_halvings": HALVINGS, "budget_best_lr": f"{grid[best]:.2g}"}
    out["budget_interior"] = 0 < best < HALVINGS
    half = medians[min(best + 1, HALVINGS)]  # the best rate's half: still falling at the end?
    picked = {"best_final": medians[best][-1], "best_at5": medians[best][5], "half_final": half[-1]}
    out["budget_half_fall"] = f"{half[-6] / half[-1]:.2g}"  # over its last five epochs
    for key, value in picked.items():  # 2 digits for the prose, 3 for the page's checks
        out[f"budget_{key}"], out[f"budget_{key}_raw"] = fmt(value, 2), f"{value:.3g}"
    return out


def near_to(curve: np.ndarray, constant: np.ndarray, start: int) -> int:
    """Return the last epoch up to which `curve` stays within a factor of two of `constant`.

    Counted from epoch `start` (warm-up's first at the peak), both sides: below half or above
    twice the constant run's loss ends the stretch.

    >>> near_to(np.array([9.0, 1.0, 1.5, 0.6, 0.2]), np.ones(5), 1)
    3
    """
    ratio = curve[start:] / constant[start:]
    apart = (ratio < 0.5) | (ratio > 2)
    return int(np.argmax(apart)) + start - 1 if apart.any() else len(curve) - 1

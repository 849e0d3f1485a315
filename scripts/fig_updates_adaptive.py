"""Per-coordinate methods on axis-aligned and turned valleys: where AdaGrad, RMSProp, Adam help.

Valleys u^2 + kappa w^2 (`_quadratic.valley`), kappa 1 to 100, with the narrow direction along y
and turned 45 degrees. Every method runs at each rate of a grid (factors of 2); the figure plots
the steps its best rate needs until f stays below each target in TOLS for the rest of the
STEPS-step run: 1e-2 (close, left panel) and 1e-6 (finished, right). A run that dips below and
rises again has not arrived (RMSProp's and Adam's rates grow as their running squares forget).
The runs are batched: the state of gd, AdaGrad, RMSProp and Adam does not depend on the rate, so
one update with lr = 1 times a column of rates runs them all; the best rate is re-run with gdlib's
`descend` on the kappa-10 valleys and must agree to rounding. Ablations at kappa 1 and 100 (Adam
with beta_1 = 0, heavy ball alone) say which half of Adam slows it and which carries it. On the
turned valleys rounding times RMSProp's flares: `_adaptive_exact` reruns them at 80 digits.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _adaptive_exact import PRECISION, turned_counts
from _adaptive_probes import (
    FLARE,
    RATES,
    STEPS,
    TOLS,
    adam_first_step,
    adam_scale,
    multiplied_out,
    rmsprop_jump,
    rmsprop_never_settles,
    rmsprop_turn,
    settled_below,
)
from _figure import CYCLE, themed_svgs, write_values
from _prose import plain_number
from _quadratic import valley
from matplotlib import pyplot as plt

from gdlib.descent import descend
from gdlib.optimizers import get_optimizer

KAPPAS = (1.0, 3.0, 10.0, 30.0, 100.0)
ANGLES = {"aligned": 0.0, "turned": np.pi / 4}
METHODS = ("gd", "adagrad", "rmsprop", "adam")
# name on the page: (optimizer, hyperparameters), each on the kappa-100 valleys, aligned and turned
ABLATIONS = {"adam_b1_0": ("adam", {"betas": (0.0, 0.999)}), "momentum": ("momentum", {})}
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
_DONE = plain_number(TOLS[1])
SAYS = {
    "rmsprop_never_settles": (
        f"on every valley, at each grid rate tied for its fewest steps to stay below f = {_DONE},"
        f" RMSProp's f, after first falling below its start, rises to {FLARE} times its lowest"
        f" value so far and is at or above {_DONE}"
        f" at some step from {3 * STEPS} to {4 * STEPS}"
    ),
}


def batched_values(name: str, kappas, angles, **hyper: object) -> np.ndarray:
    """Return f along runs of every (valley, rate) pair, shape (valleys, steps + 1, rates).

    Valley i is `_quadratic.valley(kappas[i], angles[i])` over arrays of kappa and angle, with the
    valleys' own element-wise arithmetic: one update moves every run, with the same numbers.
    """
    kappa = np.array(kappas, dtype=float)[:, None]
    c = np.array([np.cos(a) for a in angles])[:, None]
    s = np.array([np.sin(a) for a in angles])[:, None]
    starts = [valley(k, a).start for k, a in zip(kappas, angles, strict=True)]

    def uw(p):
        return c * p[..., 0] + s * p[..., 1], -s * p[..., 0] + c * p[..., 1]

    def f(p):
        u, w = uw(p)
        return u * u + kappa * w * w

    def grad(p):
        u, w = uw(p)
        gu, gw = 2.0 * u, 2.0 * kappa * w
        return np.stack([c * gu - s * gw, s * gu + c * gw], axis=-1)

    opt = get_optimizer(name, 1.0, **hyper)
    points = np.repeat(np.array(starts)[:, None, :], len(RATES), axis=1)
    state = opt.init(points)
    values = [f(points)]
    with np.errstate(all="ignore"):
        for _ in range(STEPS):
            # gdlib's update refuses NaN and overflowing gradients: a run that far gone (f far
            # past the 1e12 after which settled_below calls it unsound) is parked at NaN instead
            g = grad(points)
            lost = ~(np.abs(g) < 1e150).all(axis=-1, keepdims=True)
            step, state = opt.update(np.where(lost, 0.0, g), state)
            points = np.where(lost, np.nan, points + RATES[:, None] * step)
            values.append(f(points))
    return np.stack(values, axis=1)


def check_batch(surface, name: str, values: np.ndarray, i: int, **hyper: object) -> None:
    """Assert that the batch's column `i` is gdlib's run: `descend` at RATES[i] gives its values."""
    run = descend(surface, surface.start, name, RATES[i], STEPS, 0, 0, hyper=hyper)
    assert np.allclose(run.values, values[: len(run.values), i], rtol=1e-9, atol=1e-300)


def best(surface, name: str, values: np.ndarray) -> list[tuple[int, float]]:
    """Return (steps, rate) of the best rate on the grid for each target in TOLS."""
    out = []
    for tol in TOLS:
        steps = settled_below(values, tol)
        i = int(steps.argmin())
        out.append((int(steps[i]), float(RATES[i])))
    if surface.lipschitz == 20.0:  # spot check on the kappa-10 valleys: the batch is gdlib's run
        check_batch(surface, name, values, i)
    return out


def exact_gd() -> dict[str, object]:
    """Plain descent at its best rate 1/(1 + kappa), off the grid, capped at 10 STEPS, aligned."""
    out = {}
    for k in KAPPAS:
        surface, lr = valley(k), 1.0 / (1.0 + k)
        values = descend(surface, surface.start, "gd", lr, 10 * STEPS, grad_tol=0).values
        for tol, name in zip(TOLS, ("close", "done"), strict=True):
            out[f"gd_exact_{k:g}_{name}"] = int(settled_below(values[:, None], tol)[0])
        out[f"gd_exact_{k:g}_lr"] = f"{lr:.3g}"
    return out


def ablations() -> dict[str, int]:
    """Return each ABLATIONS' best count to finish at kappa 1 and 100 (state ignores the rate)."""
    out, cells = {}, [(a, angle, k) for k in (1.0, 100.0) for a, angle in ANGLES.items()]
    for key, (name, hyper) in ABLATIONS.items():
        values = batched_values(name, [k for *_, k in cells], [c[1] for c in cells], **hyper)
        for (a, angle, k), v in zip(cells, values, strict=True):
            steps = settled_below(v, TOLS[1])
            out[f"{key}_{a}_{k:g}_done"] = int(steps.min())
            check_batch(valley(k, angle), name, v, int(steps.argmin()), **hyper)
    return out


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the best step counts and rates."""
    cells = [(a, angle, k) for a, angle in ANGLES.items() for k in KAPPAS]
    table, ties = {}, []
    for m in METHODS:
        values = batched_values(m, [k for *_, k in cells], [angle for _, angle, _ in cells])
        for (a, angle, k), v in zip(cells, values, strict=True):
            table[m, a, k] = best(valley(k, angle), m, v)
            if m == "rmsprop":  # every rate that ties for the fewest steps to finish
                counts = settled_below(v, TOLS[1])
                ties.append((k, angle, RATES[counts == counts.min()].tolist()))

    def draw(theme: str):
        fig, axes = plt.subplots(1, 2, figsize=(8.6, 4.4), layout="constrained", sharey=True)
        for j, (ax, tol) in enumerate(zip(axes, TOLS, strict=True)):
            for color, m in zip(CYCLE, METHODS, strict=False):
                for a, ls, marker in (("aligned", "-", "o"), ("turned", "--", "s")):
                    steps = [table[m, a, k][j][0] for k in KAPPAS]
                    label = f"{m}, {a}"
                    ax.plot(KAPPAS, steps, ls=ls, marker=marker, ms=4, color=color, label=label)
            exact = [values[f"rmsprop_exact_{k:g}_{('close', 'done')[j]}"] for k in KAPPAS]
            ax.plot(KAPPAS, exact, ls="none", marker="s", ms=8, mfc="none", color=CYCLE[2],
                    label=f"rmsprop, turned, at {PRECISION} digits")  # fmt: skip
            ax.axhline(STEPS + 1, color=CYCLE[5], lw=0.8, ls=":")
            ax.set(xscale="log", yscale="log", xlabel="condition number $\\kappa$")
            ax.set_title(f"steps until $f$ stays $< 10^{{{int(np.log10(tol))}}}$, best grid rate")
        axes[0].set_ylabel(f"steps (dotted line: not settled within {STEPS})")
        # Below the panels, where no curve runs; handles long enough to show the dashes.
        fig.legend(
            *axes[0].get_legend_handles_labels(),
            loc="outside lower center",
            ncol=4,
            fontsize=9,
            handlelength=3.2,
        )
        fig.suptitle("Solid: narrow direction along an axis; dashed: turned 45°", fontsize=10)
        return fig

    values = {"steps": STEPS, "rates": f"{RATES[0]:g} to {RATES[-1]:g}", "n_rates": len(RATES)}
    values["rate_max"] = f"{RATES[-1]:g}"
    adam_1, rms_10 = table["adam", "aligned", 1.0][1], table["rmsprop", "aligned", 10.0][1]
    values |= exact_gd() | ablations() | rmsprop_jump(rms_10[1]) | adam_scale(adam_1[1], adam_1[0])
    values |= rmsprop_turn(table["rmsprop", "aligned", 1.0][1][1])
    values |= adam_first_step(KAPPAS, ANGLES.values())
    values["rmsprop_turned_3_done_otherwise"] = multiplied_out(3.0)
    values |= turned_counts("rmsprop", KAPPAS) | turned_counts("adam_b1_0", (100.0,))
    values["digits"] = PRECISION
    values["rmsprop_never_settles"] = rmsprop_never_settles(ties)
    for (m, a, k), results in table.items():
        for tol, (steps, rate) in zip(("close", "done"), results, strict=True):
            values[f"{m}_{a}_{k:g}_{tol}"] = steps
            values[f"{m}_{a}_{k:g}_{tol}_lr"] = f"{rate:g}"
    written = themed_svgs(draw, out_dir, "updates-adaptive", narrow=True)
    return [*written, write_values(out_dir, "adaptive", values, says=SAYS)]

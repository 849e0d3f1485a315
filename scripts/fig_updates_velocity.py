"""Momentum's effective step: on a constant slope the step grows to lr * g / (1 - momentum).

gdlib runs of momentum 0.5 and 0.9 (and plain descent) on the plane f = x, whose gradient is 1
everywhere; the figure plots each step's length divided by lr * g against the step count, with
the predicted limit 1 / (1 - momentum) dashed. The page quotes the measured ratios, and those of
AdaGrad (steps shrink like 1/sqrt(k): its sum of squared gradients only grows) and RMSProp (a
running mean instead: the step settles at lr) on the same slope. A last run drives momentum 0.9
by hand with gradients +1, -1, +1, ... (`flip_ratio`): the velocity settles at g / (1 + momentum),
so the step shrinks to about half of plain descent's instead of growing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import CYCLE, PALETTES, step_lengths, themed_svgs, write_values
from _quadratic import slope
from matplotlib import pyplot as plt

from gdlib.descent import descend
from gdlib.optimizers import get_optimizer

LR, STEPS = 0.01, 80
EARLY = 10  # the step at which the page reads how far the build-up has come
MOMENTA = (0.0, 0.5, 0.9)
NEAR = 0.02  # "within 2% of the limit", the caption's measure of how soon the step gets there
FLIP_MU, FLIP_STEPS, FLIP_LAST = 0.9, 200, 10  # the alternating run: mu^200 ~ 1e-9 of transient


def step_ratios(momentum: float, name: str = "") -> np.ndarray:
    """Return each step's length over lr * g on the slope (g = 1)."""
    surface = slope()
    hyper = {"momentum": momentum} if momentum else {}
    name = name or ("momentum" if momentum else "gd")
    run = descend(surface, surface.start, optimizer=name, lr=LR, max_iter=STEPS, hyper=hyper)
    return step_lengths(run.positions) / LR


def flip_ratio(momentum: float = FLIP_MU) -> float:
    """Momentum's steady step over plain descent's when the gradient alternates +1, -1, +1, ...

    The mean |step| / lr over the last FLIP_LAST of FLIP_STEPS steps; in theory 1 / (1 + momentum)
    (v = mu v + g with g flipping sign each step settles at |v| = 1 / (1 + mu)).

    >>> round(flip_ratio(0.0), 6), round(flip_ratio(0.5), 6)
    (1.0, 0.666667)
    """
    opt = get_optimizer("momentum", lr=LR, momentum=momentum)
    state, lengths = opt.init(np.zeros(1)), []
    for k in range(FLIP_STEPS):
        step, state = opt.update(np.array([(-1.0) ** k]), state)
        lengths.append(abs(float(step[0])) / LR)
    return float(np.mean(lengths[-FLIP_LAST:]))


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the measured ratios."""
    ratios = {mu: step_ratios(mu) for mu in MOMENTA}

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.4, 3.4), layout="constrained")
        k = np.arange(1, STEPS + 1)
        for color, (mu, r) in zip(CYCLE, ratios.items(), strict=False):
            label = "plain descent" if mu == 0 else f"momentum {mu:g}"
            ax.plot(k, r, color=color, label=label)
            ax.axhline(1 / (1 - mu), color=PALETTES[theme]["muted"], ls="--", lw=1)
        ax.set(xlabel="step $k$", ylabel="step length / ($\\eta\\, g$)", ylim=(0, 11))
        ax.set_title("Constant slope: the step grows to $\\eta g / (1 - \\mu)$ (dashed)")
        ax.legend(loc="center right")
        return fig

    values = {
        "lr": LR,
        "steps": STEPS,
        "ratio_09": f"{ratios[0.9][-1]:.3f}",
        "ratio_05": f"{ratios[0.5][-1]:.3f}",
        "ratio_09_k10": f"{ratios[0.9][EARLY - 1]:.2f}",
        "early": EARLY,
        "ratio_gd": f"{ratios[0.0][-1]:.3f}",
    }
    adagrad, rmsprop = step_ratios(0.0, "adagrad"), step_ratios(0.0, "rmsprop")
    values["adagrad_last"] = f"{adagrad[-1] / adagrad[0]:.4f}"
    values["adagrad_pred"] = f"{1 / np.sqrt(STEPS):.4f}"
    values["rmsprop_first"] = f"{rmsprop[0]:.2f}"
    values["rmsprop_last"] = f"{rmsprop[-1]:.3f}"
    # The first step from which each momentum's ratio stays within NEAR of 1 / (1 - momentum).
    values["near_pct"] = f"{100 * NEAR:g}%"
    for mu, key in ((0.5, "near_05"), (0.9, "near_09")):
        far = np.abs(ratios[mu] * (1 - mu) - 1) > NEAR
        values[key] = int(np.flatnonzero(far)[-1]) + 2  # ratios[i] is step i + 1
    flip = flip_ratio()
    values |= {"flip_momentum": f"{FLIP_MU:g}", "flip_steps": FLIP_STEPS, "flip_last": FLIP_LAST}
    values |= {"flip_ratio": f"{flip:.2f}", "flip_ratio_n": f"{flip:.6f}"}
    values["flip_pred"] = f"{1 / (1 + FLIP_MU):.2f}"  # |v| = g / (1 + mu): v = mu v + g, g flipping
    written = themed_svgs(draw, out_dir, "updates-velocity", narrow=True)
    return [*written, write_values(out_dir, "velocity", values)]

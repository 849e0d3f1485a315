"""Stochastic gradient descent: fast, noisy, and with a constant rate it never settles.

Left: distance to the least-squares solution per step for SGD with a constant rate and with
the rate decayed per epoch (lr / (1 + decay * epoch)), both gdlib runs. Right: escaping a local
minimum: plain GD and SGD on a non-convex loss (the mean of shifted six-hump camels, one per
example), using gdlib's camel gradients and sgd update; the noise of single examples carries SGD
out of the basin where full-gradient descent stays.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, fmt, grid, surface_cmap, themed_svgs, write_values
from _variants import data, run
from matplotlib import pyplot as plt

from gdlib.optimizers import sgd
from gdlib.surfaces import get_surface

EPOCHS = 20
DECAY = 0.5
SHIFTS = np.random.default_rng(7).normal(0.0, 0.15, size=(16, 2))
START = np.array([1.6, 0.57])  # in the basin of the shallow local minimum near (1.61, 0.57)
LR, STEPS = 0.04, 1600


def descend_sum(stochastic: bool) -> np.ndarray:
    """Descend mean_i camel(p - s_i) with gdlib's sgd rule; one example per step if stochastic."""
    camel, opt = get_surface("camel"), sgd(LR)
    p, state = START.copy(), opt.init(START)
    rng = np.random.default_rng(11)
    path = [p]
    for _ in range(STEPS):
        shifts = SHIFTS[[rng.integers(len(SHIFTS))]] if stochastic else SHIFTS
        grad = camel.grad(p - shifts).mean(axis=0)
        step, state = opt.update(grad, state)
        p = p + step
        path.append(p)
    return np.array(path)


def mean_loss(p: np.ndarray) -> float:
    """Full loss: mean over the examples' shifted camels."""
    return float(get_surface("camel").f(p - SHIFTS).mean())


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel figure and its numbers."""
    _, _, best = data()
    constant, decayed = run(1, EPOCHS), run(1, EPOCHS, lr_decay=DECAY)
    full_path, sgd_path = descend_sum(False), descend_sum(True)

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.8, 3.4), layout="constrained")
        for r, color, label in (
            (constant, COLORS["green"], "constant rate"),
            (decayed, COLORS["purple"], f"decayed, $\\delta$ = {DECAY}"),
        ):
            dist = np.linalg.norm(r.thetas - best, axis=1)
            every = slice(None, None, 5)  # every 5th step keeps the SVG light
            seen = r.examples_seen[every] / len(data()[1])
            left.semilogy(seen, dist[every], lw=0.8, color=color, label=label)
        left.set(xlabel="epoch", ylabel="$\\|\\theta_k - \\theta^*\\|$", title="SGD, b = 1")
        left.legend()
        X, Y, P = grid(get_surface("camel").bounds, 120)
        Z = get_surface("camel").f(P[..., None, :] - SHIFTS).mean(axis=-1)
        right.contourf(X, Y, np.log1p(Z - Z.min()), levels=16, cmap=surface_cmap(), rasterized=True)
        right.set_aspect("equal")
        right.grid(False)
        right.plot(
            full_path[:, 0], full_path[:, 1], color=COLORS["blue"], lw=2, label="full gradient"
        )
        right.plot(
            sgd_path[:, 0], sgd_path[:, 1], color=COLORS["orange"], lw=0.8, label="one example"
        )
        right.plot(*START, "o", color="black", ms=4)
        right.set(title=f"escaping a local minimum (mean of {len(SHIFTS)} shifted camels)")
        right.legend(loc="lower left", fontsize=8)
        return fig

    values = {
        "epochs": EPOCHS,
        "decay": DECAY,
        "const_dist": fmt(np.linalg.norm(constant.thetas[-1] - best), 2),
        "decay_dist": fmt(np.linalg.norm(decayed.thetas[-1] - best), 2),
        "full_end": "({:.2f}, {:.2f})".format(*full_path[-1]),
        "sgd_end": "({:.2f}, {:.2f})".format(*sgd_path[-1]),
        "full_loss": fmt(mean_loss(full_path[-1])),
        "sgd_loss": fmt(mean_loss(sgd_path[-1])),
        "examples": len(SHIFTS),
        "lr": LR,
        "steps": STEPS,
    }
    return [*themed_svgs(draw, out_dir, "sgd-behaviour"), write_values(out_dir, "sgd", values)]

"""Finite differences against gdlib's analytic gradient of Rosenbrock's function at (-1, 1.5).

The error of the forward difference (f(p + h e) - f(p)) / h falls like h, the central one
(f(p + h e) - f(p - h e)) / 2h like h^2, until rounding error (about eps / h) takes over: the
log-log plot shows both slopes and the best step of each.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, fmt, themed_svgs, write_values
from matplotlib import pyplot as plt

from gdlib.surfaces import get_surface

POINT = np.array([-1.0, 1.5])
STEPS = np.logspace(-13, -1, 61)


def errors(surface, kind: str) -> np.ndarray:
    """Max-norm error of a finite-difference gradient for every step size in STEPS."""
    exact = surface.grad(POINT)
    out = []
    for h in STEPS:
        e = np.eye(2) * h
        if kind == "forward":
            approx = (surface.f(POINT + e) - surface.f(POINT)) / h
        else:
            approx = (surface.f(POINT + e) - surface.f(POINT - e)) / (2 * h)
        out.append(np.max(np.abs(approx - exact)))
    return np.array(out)


def main(out_dir: Path) -> list[Path]:
    """Write the error plot and the best step sizes."""
    surface = get_surface("rosenbrock")
    forward, central = errors(surface, "forward"), errors(surface, "central")

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.4, 3.6), layout="constrained")
        ax.loglog(STEPS, forward, "o-", ms=3, color=COLORS["orange"], label="forward, error ~ h")
        ax.loglog(STEPS, central, "o-", ms=3, color=COLORS["blue"], label="central, error ~ h²")
        ax.set(xlabel="step $h$", ylabel="max error vs analytic gradient")
        ax.legend(loc="upper center")
        return fig

    values = {
        "grad": "({:g}, {:g})".format(*surface.grad(POINT)),
        "fwd_h": fmt(STEPS[forward.argmin()], 1),
        "fwd_err": fmt(forward.min(), 2),
        "ctr_h": fmt(STEPS[central.argmin()], 1),
        "ctr_err": fmt(central.min(), 2),
        "fwd_err_big": fmt(forward[np.searchsorted(STEPS, 1e-2)], 2),
        "ctr_err_big": fmt(central[np.searchsorted(STEPS, 1e-2)], 2),
    }
    written = themed_svgs(draw, out_dir, "finite-differences")
    return [*written, write_values(out_dir, "fd", values)]

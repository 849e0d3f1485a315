"""Finite differences against gdlib's analytic gradient of Rosenbrock's function near (-1, 1.5).

The error of the forward difference (f(p + h e) - f(p)) / h falls like h, the central one
(f(p + h e) - f(p - h e)) / 2h like h^2, until rounding error (about eps |f| / h) takes over.
Which rounding errors cancel at one point is luck, so the measured curve is the median over
POINTS points drawn within 1e-3 of (-1, 1.5) (the single point is drawn faintly), each taking
its own step within half a grid cell of h: with one shared h, every point's p_i + h would round
alike, and the median would keep that rounding's dips. Dashed: the model truncation + rounding
(`_fd_model`, with |f''| and |f'''| from gdlib's Hessian), whose minima give the best steps
h* = 2 sqrt(eps |f| / |f''|) (forward, ~ sqrt(eps)) and h* = (3 eps |f| / |f'''|)^(1/3)
(central, ~ eps^(1/3)), marked by vertical lines and compared with the measured argmins.
The model leaves out the rounding of the step itself (p_i + h is a float): `rounding_values`
weighs it at h = 1e-12 and measures the errors once divided by the step actually taken.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _fd_model import EPS, SHAPE_SAYS, derivatives, model, shape_facts
from _figure import COLORS, PALETTES, sign_changes, themed_svgs, write_values
from _prose import fmt
from matplotlib import pyplot as plt

from gdlib.surfaces import get_surface

POINT = np.array([-1.0, 1.5])
STEPS = np.logspace(-13, -1, 97)
POINTS = 200
ALIKE = 1.25  # below the forward best h, the two medians within this factor of each other
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = SHAPE_SAYS | {
    "ctr_better_above": "at every h above the forward difference's best h, the central median "
    "error is lower",
    "alike_below": "at every h below the forward difference's best h, the two median errors are "
    f"within a factor {ALIKE:g}",
    "shared_is_dip": "with one h shared by all points, the forward median's lowest value is under "
    "half of each neighbour's",
}


def jitters(rng: np.random.Generator) -> np.ndarray:
    """Return each point's factor on h, within half of STEPS' grid cell (1 for POINT itself)."""
    cell = np.log10(STEPS[1] / STEPS[0])
    return np.concatenate([[1.0], 10 ** (cell * rng.uniform(-0.5, 0.5, POINTS - 1))])


def errors(surface, points: np.ndarray, kind: str, jitter, taken: bool = False) -> np.ndarray:
    """Return the max-norm error of finite-difference gradients, shape (steps, points).

    Point j steps by h times `jitter[j]`. Divided by that step, as code usually does, or (`taken`)
    by the step the floats made: p + h e_i is rounded, so (p + h e_i) - p is not h, and dividing
    by h adds |f'| eps |p_i| / 2h.
    """
    exact = surface.grad(points)
    steps = STEPS[:, None] * jitter  # (steps, points)
    shifts = steps[:, :, None, None] * np.eye(2)  # (steps, points, coordinate, 2)
    p = points[None, :, None, :]
    after, before = p + shifts, (p if kind == "forward" else p - shifts)
    if taken:
        width = (after - before).sum(axis=-1)  # only coordinate i differs
    else:
        width = steps[:, :, None] * (1 if kind == "forward" else 2)
    return np.abs((surface.f(after) - surface.f(before)) / width - exact).max(axis=-1)


def errors_at_point(surface, h: float) -> dict[str, float]:
    """Return the max-norm errors at POINT itself with the step h exactly, for a reader to redo."""
    shifts = h * np.eye(2)
    exact = surface.grad(POINT)
    forward = (surface.f(POINT + shifts) - surface.f(POINT)) / h
    central = (surface.f(POINT + shifts) - surface.f(POINT - shifts)) / (2 * h)
    return {"forward": np.abs(forward - exact).max(), "central": np.abs(central - exact).max()}


def rounding_values(surface, points, jitter, median, pred) -> dict[str, str]:
    """Weigh the step's own rounding at h = 1e-12, and the errors once the step taken is used."""
    at = np.abs(np.log10(STEPS) + 12).argmin()
    taken = {k: np.median(errors(surface, points, k, jitter, taken=True)[at]) for k in median}
    # Rounding p_i + h moves the step by up to half the float spacing there (about eps |p_i| / 2):
    # an error of up to |f_i| spacing / 2h, against the central model's eps |f| / h. The spacing
    # halves just inside |p_i| = 1, where the figure's points straddle x = -1: a range, per point.
    moved = np.abs(np.spacing(points + STEPS[at])) / 2  # negative below zero
    rounding = EPS * np.abs(surface.f(points))
    share = np.max(np.abs(surface.grad(points)) * moved, axis=-1) / rounding
    values = {"step_share_lo": f"{share.min():.1f}", "step_share_hi": f"{share.max():.1f}"}
    values["step_share_raw"] = f"{share.min():.3g}"
    for short, kind in (("fwd", "forward"), ("ctr", "central")):
        for name, value in (("12", median[kind][at]), ("taken_12", taken[kind])):
            values[f"{short}_{name}"] = fmt(value, 3)
            values[f"{short}_{name}_raw"] = f"{value:.3g}"
        values[f"{short}_model_12_raw"] = f"{pred[kind][at]:.3g}"
    return values


def dips(shared: np.ndarray, jittered: dict[str, np.ndarray]) -> dict[str, str | int]:
    """Describe the forward median's lowest point with one h shared by all points, and count dips.

    A dip is a median below half of both its neighbours': the shared step's rounding, not luck.
    `jittered` holds the figure's medians (forward and central), whose dips are counted too.
    """

    def count(median: np.ndarray) -> int:
        inner, sides = median[1:-1], np.minimum(median[:-2], median[2:])
        return int(np.sum(inner < 0.5 * sides))

    k = int(np.clip(shared.argmin(), 1, len(shared) - 2))
    return {
        "shared_h": fmt(STEPS[k], 2),
        "shared_err": fmt(shared[k], 2),
        "shared_left": fmt(shared[k - 1], 2),
        "shared_right": fmt(shared[k + 1], 2),
        "shared_dips": count(shared),
        "shared_is_dip": bool(shared[k] < 0.5 * min(shared[k - 1], shared[k + 1])),
        "jittered_dips": sum(count(median) for median in jittered.values()),
    }


def main(out_dir: Path) -> list[Path]:
    """Write the error plot and the measured and predicted best steps."""
    surface = get_surface("rosenbrock")
    rng = np.random.default_rng(0)
    points = np.vstack([POINT, POINT + rng.uniform(-1e-3, 1e-3, (POINTS - 1, 2))])
    jitter = jitters(rng)
    measured = {k: errors(surface, points, k, jitter) for k in ("forward", "central")}
    median = {k: np.median(v, axis=1) for k, v in measured.items()}
    # M2 and M3 of x, larger than y's at POINT (the page checks it), from gdlib's Hessian.
    m = derivatives(surface, POINT)
    pred = model(float(surface.f(POINT)), m["m2_x"], m["m3_x"], STEPS)
    colors = {"central": COLORS["blue"], "forward": COLORS["orange"]}

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.8, 3.9), layout="constrained")
        for kind, color in colors.items():
            order = "h" if kind == "forward" else "h²"
            ax.loglog(STEPS, measured[kind][:, 0], ".", ms=2.5, color=color, alpha=0.45)
            # Below h* both errors are rounding, and equal: forward is drawn on top, thinner.
            lw, z = (1.3, 3) if kind == "forward" else (2.2, 2)
            ax.loglog(STEPS, median[kind], lw=lw, zorder=z, color=color, label=f"{kind} ~ {order}")
            ax.loglog(STEPS, pred[kind], "--", lw=1, color=PALETTES[theme]["muted"])
            ax.axvline(pred[f"{kind}_h"], color=color, lw=1.2, ls=":")
        ax.set(xlabel="step $h$", ylabel="max error vs analytic gradient", ylim=(1e-11, 1e3))
        ax.set_title(
            "Median of nearby points (solid), one point (dots), model (dashed), $h^*$ (dotted)"
        )
        ax.legend(loc="lower right")  # under the rising arms, where no line or h* runs
        return fig

    best = {k: STEPS[median[k].argmin()] for k in colors}
    shared = np.median(errors(surface, points, "forward", np.ones(POINTS)), axis=1)
    values = rounding_values(surface, points, jitter, median, pred)
    at_big = errors_at_point(surface, 1e-2)
    # Above the rounding regime (every h above the forward difference's best), is central better?
    above = np.greater(STEPS, best["forward"])
    below, ratio = np.less(STEPS, best["forward"]), median["central"] / median["forward"]
    values |= {
        # Each needs a step on its side: an empty side would hold vacuously.
        "ctr_better_above": bool(
            above.any() and np.all(median["central"][above] < median["forward"][above])
        ),
        # Below it rounding rules both: their errors alike, each within a quarter of the other.
        "alike_below": bool(below.any() and np.all(np.abs(np.log(ratio[below])) < np.log(ALIKE))),
        "grad": "({:g}, {:g})".format(*surface.grad(POINT)),
        "f": f"{float(surface.f(POINT)):g}",
        "points": POINTS,
        "fwd_err_big": fmt(at_big["forward"], 2),
        "ctr_err_big": fmt(at_big["central"], 2),
        "sqrt_eps": fmt(np.sqrt(EPS), 2),
        "cbrt_eps": fmt(np.cbrt(EPS), 2),
    }
    for short, kind in (("fwd", "forward"), ("ctr", "central")):
        values[f"{short}_h"] = fmt(best[kind], 2)
        values[f"{short}_h_raw"] = f"{best[kind]:.3g}"
        values[f"{short}_h_pred"] = fmt(pred[f"{kind}_h"], 2)
        values[f"{short}_h_pred_raw"] = f"{pred[f'{kind}_h']:.3g}"
        values[f"{short}_err"] = fmt(median[kind].min(), 2)
        values[f"{short}_err_one"] = fmt(measured[kind][:, 0].min(), 2)
        values[f"{short}_err_one_raw"] = f"{measured[kind][:, 0].min():.3g}"
        values[f"{short}_err_raw"] = f"{median[kind].min():.3g}"
        values[f"{short}_err_big_raw"] = f"{at_big[kind]:.3g}"
        scale = np.abs(surface.grad(POINT)).max()
        digits = -np.log10(median[kind].min() / scale)  # against the largest coordinate's size
        values[f"{short}_digits"], values[f"{short}_digits_raw"] = f"{digits:.0f}", f"{digits:.3g}"
        # How fast the error falls with h on the truncation side (from ten times the best h up).
        side = 10 * best[kind] <= STEPS
        slope = np.polyfit(np.log(STEPS[side]), np.log(median[kind][side]), 1)[0]
        values[f"{short}_slope_n"] = float(slope)
        # The single point's curve (the dots) below the best h: how often it turns up or down.
        one = np.diff(measured[kind][best[kind] > STEPS, 0])
        values[f"{short}_one_turns"] = sign_changes(one)
        values[f"{short}_one_steps"] = len(one)
    values |= dips(shared, median) | m | shape_facts(STEPS, median, pred)
    values["sqrt_eps_raw"] = f"{np.sqrt(EPS):.3g}"
    values["cbrt_eps_raw"] = f"{np.cbrt(EPS):.3g}"
    written = themed_svgs(draw, out_dir, "finite-differences", narrow=True)
    return [*written, write_values(out_dir, "fd", values, says=SAYS)]

"""The basic algorithm in one dimension: gradient descent on f(x) = x^2 drawn step by step.

The run is gdlib's descent on the bowl x^2 + y^2 started on the x axis, where y stays 0, so it
is exactly the 1-D problem. Left: each step as a horizontal arrow (x moves by -lr f'(x)) with
the tangent at each iterate; right: the distance to the minimum per step on a log scale (a
straight line: a constant factor per step). `regimes` runs the same start at the rates the
page's takeaways name: one step at 1/2, a sign change every step between 1/2 and 1, an endless
bounce at 1, growth above 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _figure import COLORS, sign_changes, themed_svgs, write_values
from _prose import fmt
from matplotlib import pyplot as plt

from gdlib.descent import descend

START = 2.5
LR = 0.15
MAX_ITER = 200
FLIP_LR, GROW_LR = 0.75, 1.05  # one rate between 1/2 and 1, one above 1
HALF_LR, BOUNCE_LR = 0.5, 1.0  # one step lands on the minimum; the endless bounce
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "converged": f"the run at η = {LR} converged",
    "same_side": f"x never changed sign in the run at η = {LR}",
    "half_one_step": f"at η = {HALF_LR:g} the run stopped after one step, at x = 0 exactly",
    "flip_every_step": f"at η = {FLIP_LR} the run converged, x changing sign at every step",
    "bounce_endless": f"at η = {BOUNCE_LR:g} the run reached max_iter, x changing sign at every "
    f"step and |x| = {START} at every iterate",
    "grow_diverged": f"at η = {GROW_LR} |x| grew at every step and the run diverged",
}


def regimes() -> dict[str, object]:
    """Run x^2 from START at HALF_LR, FLIP_LR, BOUNCE_LR and GROW_LR: what each does to x."""
    runs = {
        lr: descend("bowl", (START, 0.0), lr=lr, max_iter=MAX_ITER)
        for lr in (HALF_LR, FLIP_LR, BOUNCE_LR, GROW_LR)
    }
    half, flip, bounce, grow = (runs[lr].positions[:, 0] for lr in runs)
    return {
        "half_one_step": runs[HALF_LR].iterations == 1 and bool(half[1] == 0.0),
        "flip_lr": FLIP_LR,
        "flip_steps": runs[FLIP_LR].iterations,
        "flip_every_step": runs[FLIP_LR].status == "converged"
        and sign_changes(flip) == runs[FLIP_LR].iterations,
        "bounce_steps": runs[BOUNCE_LR].iterations,
        "bounce_endless": runs[BOUNCE_LR].status == "max_iter"
        and bool(np.all(np.abs(bounce) == START))
        and sign_changes(bounce) == runs[BOUNCE_LR].iterations,
        "grow_lr": GROW_LR,
        "grow_steps": runs[GROW_LR].iterations,
        "grow_diverged": runs[GROW_LR].status == "diverged"
        and bool(np.all(np.diff(np.abs(grow)) > 0)),
    }


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the numbers the algorithm page quotes."""
    run = descend("bowl", (START, 0.0), optimizer="gd", lr=LR, max_iter=MAX_ITER)
    x = run.positions[:, 0]
    fx = run.values

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.3), layout="constrained")
        xs = np.linspace(-3, 3, 200)
        left.plot(xs, xs**2, color=COLORS["grey"], lw=1.4)
        for k in range(5):
            # Long enough to part from the curve (by 1 at the ends), for the first three only:
            # a short one lay on the parabola, where no reader could see it.
            if k < 3:
                span = np.array([x[k] - 1.0, x[k] + 1.0])
                tangent = fx[k] + 2 * x[k] * (span - x[k])
                left.plot(span, tangent, "--", color=COLORS["orange"], lw=1.2)
            # The step moves x against the slope; f is then read off the curve.
            left.annotate(
                "",
                xy=(x[k + 1], fx[k]),
                xytext=(x[k], fx[k]),
                arrowprops={"arrowstyle": "->", "color": COLORS["blue"], "lw": 1.4},
            )
            left.plot([x[k + 1]] * 2, [fx[k], fx[k + 1]], ":", color=COLORS["grey"], lw=1)
        left.plot(x[:6], fx[:6], "o", color=COLORS["blue"], ms=5)
        for k in range(4):
            left.annotate(f"$x_{k}$", (x[k], fx[k]), textcoords="offset points", xytext=(4, 6))
        left.set(
            xlabel="$x$",
            ylabel="$f(x) = x^2$",
            title="steps along x (blue), tangents (orange, dashed)",
        )
        left.set_ylim(-0.5, 7.5)
        right.semilogy(np.abs(x), "o-", ms=3, color=COLORS["blue"])
        right.set(xlabel="step $k$", ylabel="$|x_k - 0|$", title=f"{run.message}")
        right.title.set_fontsize(9)
        return fig

    values = {
        "start": START,
        "lr": LR,
        "factor": fmt(1 - 2 * LR),
        "factor_raw": 1 - 2 * LR,  # the claim compares to this, not to the rounded text
        "x1": fmt(x[1]),
        "x2": fmt(x[2], 4),  # 1.225 exactly: three figures would round 1.75 x 0.7
        "steps": run.iterations,
        "message": run.message,
        "final": fmt(x[-1]),
        # every measured ratio |x_{k+1}| / |x_k| of the run, against 1 - 2 lr
        "ratio_min": float(np.min(np.abs(x[1:] / x[:-1]))),
        "ratio_max": float(np.max(np.abs(x[1:] / x[:-1]))),
        "converged": run.status == "converged",
        "same_side": sign_changes(x) == 0,
        **regimes(),
        # the live figure (js/src/widgets/tangent.js) replays this run: same start, rate, cap
        "widget": json.dumps({"start": START, "lr": LR, "maxIter": MAX_ITER}),
    }
    return [
        *themed_svgs(draw, out_dir, "algorithm-1d", narrow=True),
        write_values(out_dir, "algorithm", values, says=SAYS),
    ]

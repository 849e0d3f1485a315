"""Learning rate, four real runs side by side on the valley x^2 + 10 y^2 (eigenvalues 2 and 20).

The four rates are the landmarks of the 2/L analysis: too small (0.005: crawls and hits the
iteration cap), 1/L = 0.05 (the steep direction is solved in one step, the flat one crawls at
factor 0.9), the best fixed rate 2/(lambda_min + lambda_max) = 1/11 (both directions shrink by
9/11 per step: it zig-zags across the valley and is the fastest), and 0.11, above 2/L = 0.1
(diverges). Each panel is titled with how gdlib's run ended; the values file also holds the
booleans and step counts the page's claims check, the curvatures (the Hessian's eigenvalues,
measured on the surface, not typed) with what they predict, the best and 1/L runs' measured factors
per step along each axis, to set against the prediction, and the value of the step gdlib discarded
when the diverging run passed its limit MAX_VALUE.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import CYCLE, case_lines, contour, sign_changes, themed_svgs, write_values
from _prose import fmt
from matplotlib import pyplot as plt

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import MAX_VALUE, descend
from gdlib.rates import best_fixed_rate, condition_number, predicted_rate
from gdlib.surfaces import get_surface

VALLEY = get_surface("valley")
# Taken at the minimum, where the central differences of this quadratic's gradient are exact.
EIGENVALUES = tuple(hessian_eigenvalues(VALLEY.grad, VALLEY.minima[0]).tolist())
BEST = best_fixed_rate(EIGENVALUES)
ONE_OVER_L = 1 / VALLEY.lipschitz
CASES = (("too small", 0.005), ("one over l", ONE_OVER_L), ("best", BEST), ("diverging", 0.11))
TITLES = {"too small": "too small", "one over l": "1/L", "best": "best fixed rate"}
TITLES["diverging"] = "above 2/L"
MAX_ITER = 200
FLIP_WINDOW = 40  # steps over which the page counts the zig-zag's crossings of y = 0


def _at(lr: float) -> str:
    """Name a run by its rate: "the run at η = 0.05", with ≈ where the rate is rounded."""
    return f"the run at η {'=' if float(fmt(lr)) == lr else '≈'} {fmt(lr)}"


RUN = {label.replace(" ", "_"): _at(lr) for label, lr in CASES}
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "too_small_converged": f"{RUN['too_small']} converged",
    "too_small_diverged": f"{RUN['too_small']} diverged",
    "one_over_l_converged": f"{RUN['one_over_l']} converged",
    "best_converged": f"{RUN['best']} converged",
    "best_y_flips_each_step": f"y changed sign at every step of {RUN['best']}",
    "diverging_diverged": f"{RUN['diverging']} diverged",
    "diverging_y_flips_each_step": f"y changed sign at every step of {RUN['diverging']}",
    "diverging_y_grows": f"|y| grew at every step of {RUN['diverging']}",
}


def main(out_dir: Path) -> list[Path]:
    """Write the 2 x 2 figure and the numbers the learning-rate page quotes."""
    surface = VALLEY
    runs = [descend(surface, surface.start, lr=lr, max_iter=MAX_ITER) for _, lr in CASES]

    def draw(theme: str):
        fig, axes = plt.subplots(2, 2, figsize=(8.4, 5.0), layout="constrained")
        for i, (ax, (key, lr), run) in enumerate(zip(axes.flat, CASES, runs, strict=True)):
            contour(ax, surface, n=120)
            path = np.clip(run.positions, -10, 10)
            ax.plot(path[:, 0], path[:, 1], "-", color=CYCLE[i], lw=1.2)
            ax.plot(path[:, 0], path[:, 1], ".", color=CYCLE[i], ms=3)  # every iterate
            ax.plot(*surface.start, "o", color=CYCLE[i])
            case_lines(ax, theme)
            ending = f"{run.status} after {run.iterations} steps"
            ax.set_title(f"{TITLES[key]}: lr = {fmt(lr)}\n{ending}")
        return fig

    values = {"max_iter": MAX_ITER, "two_over_l": fmt(2 / surface.lipschitz)}
    values["max_value_n"] = MAX_VALUE
    values["l"] = surface.lipschitz
    values |= curvature_values(EIGENVALUES)
    values["flip_window"] = FLIP_WINDOW
    for (label, lr), run in zip(CASES, runs, strict=True):
        key = label.replace(" ", "_")
        values[f"{key}_lr"] = fmt(lr)
        values[f"{key}_lr_raw"] = repr(float(lr))
        values[f"{key}_steps"] = run.iterations
        values[f"{key}_status"] = run.status
        values[f"{key}_converged"] = run.status == "converged"
        values[f"{key}_diverged"] = run.status == "diverged"
        values[f"{key}_message"] = run.message
        values[f"{key}_value"] = fmt(float(run.values[-1]))
        values[f"{key}_value_raw"] = float(run.values[-1])
        values[f"{key}_y1"] = fmt(abs(float(run.positions[1, 1])))
        values[f"{key}_y1_n"] = abs(float(run.positions[1, 1]))
        values[f"{key}_y_flips"] = sign_changes(run.positions[: FLIP_WINDOW + 1, 1])
        values |= overshoots(key, run.positions[:, 1])
        if key in ("best", "one_over_l"):
            values |= axis_factors(key, run)
        if key == "diverging":  # the step gdlib computed, found past MAX_VALUE and discarded
            beyond = run.positions[-1] - lr * run.gradients[-1]
            values["diverging_next_value_n"] = float(surface.f(beyond))
        if key == "best":
            values["best_grad_norm_end"] = float(np.linalg.norm(surface.grad(run.positions[-1])))
    return [
        *themed_svgs(draw, out_dir, "lr-runs", narrow=True),
        write_values(out_dir, "lr_runs", values, says=SAYS),
    ]


def curvature_values(eigenvalues) -> dict[str, object]:
    """Return the valley's curvatures and what they predict: kappa, the factors per step."""
    low, high = eigenvalues[0], eigenvalues[-1]
    return {
        "lam_min": fmt(low),
        "lam_max": fmt(high),
        "lam_min_n": low,
        "lam_max_n": high,
        "kappa": fmt(condition_number(eigenvalues)),
        "kappa_n": condition_number(eigenvalues),
        "best_factor": fmt(predicted_rate(eigenvalues)),
        "best_factor_n": predicted_rate(eigenvalues),
        # at 1/L the steep direction's factor is 0 and the flat one's sets the pace
        "one_over_l_slow_factor": fmt(1 - ONE_OVER_L * low),
        "one_over_l_slow_factor_n": 1 - ONE_OVER_L * low,
        "one_over_l_steep_factor_n": 1 - ONE_OVER_L * high,
    }


def overshoots(key: str, y: np.ndarray) -> dict[str, bool]:
    """Whether y changed sign at every step of the run, and whether |y| grew at every step."""
    y = y[np.isfinite(y)]
    return {
        f"{key}_y_flips_each_step": bool(len(y) > 1 and np.all(y[1:] * y[:-1] < 0)),
        f"{key}_y_grows": bool(len(y) > 1 and np.all(np.diff(np.abs(y)) > 0)),
    }


def axis_factors(key: str, run) -> dict[str, float]:
    """Return a run's factor per step along x and along y, measured from its path.

    The axes are the valley's eigenvectors, so the page can check that the two factors the formula
    balances are equal in the best run itself, and equal to (kappa - 1)/(kappa + 1), and that at
    1/L every step multiplied x by 1 - lambda_min / L: the factors over the whole run, and the
    smallest and largest of x's factors step by step.
    """
    error = np.abs(run.positions - VALLEY.minima[0])
    x_factor, y_factor = (error[-1] / error[0]) ** (1 / run.iterations)
    x_steps = error[1:, 0] / error[:-1, 0]
    return {
        f"{key}_x_factor_n": float(x_factor),
        f"{key}_y_factor_n": float(y_factor),
        f"{key}_x_step_factor_min_n": float(x_steps.min()),
        f"{key}_x_step_factor_max_n": float(x_steps.max()),
    }

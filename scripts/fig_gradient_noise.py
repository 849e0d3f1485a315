"""How noisy is a batch's gradient? Measured spread of mini-batch gradients against the rule.

At the shared start, the gradient of a batch of b examples drawn without replacement is the mean
of b per-example gradients g_i. Sampling theory predicts its spread around the full gradient g:

    std_b = sigma / sqrt(b) * sqrt((n - b) / (n - 1)),   sigma^2 = mean_i ||g_i - g||^2,

the 1/sqrt(b) rule with the finite-population factor, which takes it to exactly 0 at b = n
(batch descent). DRAWS seeded batches of each size are compared with the rule, each gap against
its standard error (delta method over the draws); the per-example gradients are checked to average
to gdlib's `mse_grad` on the full data.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from _prose import fmt, rounded_up
from _variants import SEED, THETA0, N, data, log_axes
from matplotlib import pyplot as plt

from gdlib.regression import mse_grad

SIZES = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 1500, 1900, N)
DRAWS = 400
ROUNDING = 1e-12  # at b = n the spread over the gradient's length is below this: rounding only
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "bn_rounding_only": f"at b = n, the measured gradient spread was below {ROUNDING:g} times the"
    " true gradient's length",
}


def per_example_gradients() -> np.ndarray:
    """Gradients of each example's squared error at THETA0, shape (N, 2)."""
    X, y, _ = data()
    grads = 2 * (X @ THETA0 - y)[:, None] * X
    full = mse_grad(X, y, THETA0)
    if not np.allclose(grads.mean(axis=0), full, rtol=1e-12, atol=1e-12):
        raise AssertionError("per-example gradients do not average to gdlib's mse_grad")
    return grads


def measured_std(grads: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Root-mean-square distance of DRAWS batch gradients from the full gradient, per size.

    With its standard error: the draws are independent, so the mean square's error is their
    squares' standard deviation over sqrt(DRAWS), and its root's is half that over the root.
    """
    rng = np.random.default_rng(SEED)
    full = grads.mean(axis=0)
    # The first b rows of a random permutation are a batch drawn without replacement; one
    # permutation per draw serves every size, through running sums.
    orders = np.argsort(rng.random((DRAWS, N)), axis=1)
    sums = np.cumsum(grads[orders], axis=1)
    out, se = [], []
    for b in SIZES:
        squares = np.sum((sums[:, b - 1] / b - full) ** 2, axis=1)
        out.append(np.sqrt(np.mean(squares)))
        se.append(np.std(squares, ddof=1) / np.sqrt(DRAWS) / (2 * out[-1]))
    return np.array(out), np.array(se)


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the measured and predicted spreads."""
    grads = per_example_gradients()
    full = grads.mean(axis=0)
    sigma = np.sqrt(np.mean(np.sum((grads - full) ** 2, axis=1)))
    sizes = np.array(SIZES, dtype=float)
    naive = sigma / np.sqrt(sizes)
    predicted = naive * np.sqrt((N - sizes) / (N - 1))
    measured, stderr = measured_std(grads)
    norm = np.linalg.norm(full)

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.6, 3.3), layout="constrained")
        shown = sizes < N  # b = n is exactly 0: off a log axis, stated in the title
        ax.plot(sizes, naive / norm, ":", color=COLORS["grey"], label="$\\sigma/\\sqrt{b}$")
        ax.plot(
            sizes[shown],
            predicted[shown] / norm,
            "-",
            color=COLORS["teal"],
            label="$\\sigma/\\sqrt{b}\\;\\sqrt{(n-b)/(n-1)}$",
        )
        # Not variants: hues the variants' green, orange and blue leave free.
        ax.plot(sizes[shown], measured[shown] / norm, "o", color=COLORS["purple"], label="measured")
        log_axes(ax, x=True)
        ax.set(xlabel="batch size $b$", ylabel="gradient std / $\\|\\nabla f\\|$")
        ax.set_title(
            f"{DRAWS} random batches per size, n = {N}; at b = n it is 0 up to rounding",
            fontsize=9,
        )
        ax.legend(fontsize=9)
        return fig

    at = {b: SIZES.index(b) for b in (1, 16, 1024, 1900, N)}
    values = {"draws": DRAWS, "n": N, "grad_norm": fmt(norm, 3)}
    for b, i in at.items():
        values[f"m{b}"] = fmt(measured[i] / norm, 2)
        values[f"p{b}"] = fmt(predicted[i] / norm, 2)
        values[f"naive{b}"] = fmt(naive[i] / norm, 2)
        values[f"m{b}_n"] = measured[i] / norm
        values[f"p{b}_n"] = predicted[i] / norm
        values[f"naive{b}_n"] = naive[i] / norm
    worst = np.max(np.abs(measured[:-1] / predicted[:-1] - 1))
    values["worst_rel_dev"] = f"{rounded_up(100 * worst)} %"  # "within" stays true
    values["worst_rel_dev_n"] = worst
    # Each gap in standard errors: the measurement's own noise, not the formula's error.
    z = float(np.max(np.abs(measured[:-1] - predicted[:-1]) / stderr[:-1]))
    values["worst_z"], values["worst_z_n"] = rounded_up(z), z  # "within"
    values["sizes_below_n"] = len(SIZES) - 1  # the sizes `worst` is taken over
    values["largest_below_n"] = SIZES[-2]
    values["bn_rounding_only"] = bool(measured[-1] / norm < ROUNDING)
    written = themed_svgs(draw, out_dir, "gradient-noise", narrow=True)
    return [*written, write_values(out_dir, "noise", values, says=SAYS)]

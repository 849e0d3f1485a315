"""The glossary page's numbers, computed: no figure, only `values-glossary.json`.

- The Hessian of the valley $x^2 + 10y^2$ (gdlib's `valley` surface) and of the saddle
  $x^2 - 3y^2$ (parsed by gdlib's expression engine), by gdlib's central differences of their
  gradients with a unit step (exact for a quadratic: its gradient is linear); the saddle's
  Lipschitz constant is the largest absolute eigenvalue of its Hessian. A Hessian that is not
  diagonal fails the build.
- Machine precision, NumPy's `finfo(float).eps`, which must be the spacing of the floats at 1.
- The finite-population factor against a simulation: batches of `B` drawn without replacement
  from `N` per-example gradients; the spread of their mean against the population's
  `std / sqrt(b) * sqrt((n - b) / (n - 1))`, and the spread at `b = n` (every example: zero).
- Adam's step against its rate: gdlib's Adam (torch's defaults but the rate) on one coordinate
  whose gradient is `ADAM_SMALL` for `ADAM_RUN` steps, then `ADAM_BIG` once. Each step of the
  run is about the rate; the spike's step is a few times it (for a long run and a spike much
  larger than the run's gradients, near `(1 - beta1) / sqrt(1 - beta2)`, 3.2 with torch's betas).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import write_values
from _prose import fmt

from gdlib.curvature import hessian
from gdlib.expression import surface_from_expression
from gdlib.optimizers import get_optimizer
from gdlib.surfaces import get_surface

N, B, DRAWS, SEED = 20, 8, 100_000, 0
POINT = (0.3, -0.7)  # any point does on a quadratic: its Hessian is the same everywhere
ADAM_LR, ADAM_RUN, ADAM_SMALL, ADAM_BIG = 0.01, 5000, 0.01, 10.0


def diagonal(matrix: np.ndarray, name: str) -> np.ndarray:
    """Return the diagonal of `matrix`; refuse a matrix with anything off it."""
    if np.any(matrix != np.diag(np.diag(matrix))):
        raise RuntimeError(f"the Hessian of {name} is not diagonal: {matrix.tolist()}")
    return np.diag(matrix)


def batch_spreads(rng: np.random.Generator) -> tuple[float, float, float]:
    """Return the simulated spread of a batch mean, the rule's prediction, the spread at b = N."""
    gradients = rng.normal(size=N)
    order = np.argsort(rng.random((DRAWS, N)), axis=1)  # one permutation per draw
    batch_means = gradients[order[:, :B]].mean(axis=1)
    predicted = gradients.std() / np.sqrt(B) * np.sqrt((N - B) / (N - 1))
    whole = gradients[order].mean(axis=1)  # b = n: every example, in some order
    return float(batch_means.std()), float(predicted), float(np.ptp(whole))


def adam_steps(gradients: list[float]) -> np.ndarray:
    """Return the size of each step of gdlib's Adam over `gradients` (one coordinate), per rate.

    >>> adam_steps([3.0, 3.0]).round(6).tolist()  # a constant gradient: steps of the rate
    [1.0, 1.0]
    """
    opt = get_optimizer("adam", ADAM_LR)
    state, steps = opt.init(np.zeros(1)), []
    for g in gradients:
        step, state = opt.update(np.array([g]), state)
        steps.append(abs(step[0]) / ADAM_LR)
    return np.array(steps)


def main(out_dir: Path) -> list[Path]:
    """Compute the glossary's numbers; save them as `values-glossary.json`."""
    valley = get_surface("valley")
    if valley.formula != r"f(x, y) = x^2 + 10\,y^2":
        raise RuntimeError(f"the glossary quotes x^2 + 10y^2, gdlib's valley is {valley.formula}")
    valley_h = diagonal(hessian(valley.grad, POINT, h=1.0), "the valley")
    saddle = surface_from_expression("x^2 - 3*y^2")
    saddle_h = diagonal(hessian(saddle.grad, POINT, h=1.0), "x^2 - 3y^2")
    eps = np.finfo(float).eps
    if eps != np.spacing(1.0):
        raise RuntimeError("machine precision is not the spacing of the floats at 1")
    mantissa, exponent = f"{eps:.1e}".split("e")
    simulated, predicted, at_n = batch_spreads(np.random.default_rng(SEED))
    adam = adam_steps([ADAM_SMALL] * ADAM_RUN + [ADAM_BIG])
    values = {
        "valley_hxx": fmt(valley_h[0]),
        "valley_hyy": fmt(valley_h[1]),
        "saddle_lipschitz": fmt(np.abs(saddle_h).max()),
        "eps_mantissa": mantissa,
        "eps_exponent": int(exponent),
        "fpf_n": N,
        "fpf_b": B,
        "fpf_draws": f"{DRAWS:,}".replace(",", " "),
        "fpf_simulated": f"{simulated:.4f}",
        "fpf_formula": f"{predicted:.4f}",
        "fpf_spread_at_n": f"{at_n:.1e}",
        "adam_small_steps": f"{ADAM_RUN:,}".replace(",", " "),
        "adam_spike_ratio": f"{ADAM_BIG / ADAM_SMALL:,.0f}".replace(",", " "),
        "adam_steady_step_over_lr": float(adam[:-1].max()),
        "adam_spike_step_over_lr": float(adam[-1]),
        "adam_spike_step": fmt(adam[-1], 2),
    }
    return [write_values(out_dir, "glossary", values)]

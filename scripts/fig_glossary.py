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
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import write_values
from _prose import fmt

from gdlib.curvature import hessian
from gdlib.expression import surface_from_expression
from gdlib.surfaces import get_surface

N, B, DRAWS, SEED = 20, 8, 100_000, 0
POINT = (0.3, -0.7)  # any point does on a quadratic: its Hessian is the same everywhere


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
    }
    return [write_values(out_dir, "glossary", values)]

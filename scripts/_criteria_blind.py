"""Where the convergence page's stopping tests are blind: runs behind its caveats.

- A value test at lr = 2/L: the steep direction bounces between two heights, so f changes by
  ever less while the gradient stays large, and the test calls the run converged.
- An absolute value tolerance below the spacing of floats near f*: adding a constant to f moves
  neither the minimiser nor any gradient, yet its changes round to 0 earlier.
- A gradient test at a saddle: a start off its stable manifold by 1e-12 still stops there, and
  the band of such starts is far wider on the flatter x^2 - y^4.
- What a small gradient guarantees where every curvature is at least m: the distance to the
  minimiser at most |grad| / m, the excess value at most |grad|^2 / (2 m).
- Tolerances of 0: the step and value tests are off, but an exact zero gradient still stops a
  run (the bowl at lr 1/2 lands on its minimum in one step).
"""

from __future__ import annotations

from functools import partial

import numpy as np
from _log_edge import log_edge
from _prose import fmt, tex_power_of_ten

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import descend
from gdlib.expression import surface_from_expression
from gdlib.surfaces import get_surface

VALUE_ROW = {"grad_tol": 1e-6, "step_tol": 1e-10, "value_tol": 1e-8}  # the table's value row
SHIFT = 1e10  # added to the bowl: floats near it are about 1.9e-6 apart
SADDLE_START, SADDLE_LR = (1.5, 1e-12), 0.1
BAND_ESCAPES = 1e-2  # the page's start off the axis, which slid away from the saddle
NEAR_SADDLE = 1e-2  # a band run that the gradient test ends this near the origin stopped there
KEPT = 1e-12  # |y| kept its size: within this of the start's at every iterate
AT_SADDLE = 1e-6  # a run ending this near the origin stopped at the saddle
SLACK = 1e-12  # the relative rounding a bound that holds may be over by
TIGHT = 0.99  # a bound is tight where the run's own number is at least this share of it


def norm(gradient: np.ndarray) -> float:
    """Return the length of one gradient."""
    return float(np.linalg.norm(gradient))


def bouncing(surface: str, start) -> dict[str, object]:
    """Run the value row at exactly 2/L: 'converged' while the steep direction bounces."""
    lr = 2.0 / get_surface(surface).lipschitz
    run = descend(surface, start, lr=lr, **VALUE_ROW)
    y = run.positions[:, 1]
    return {
        "bounce_lr": f"{lr:g}",
        "bounce_steps": run.iterations,
        "bounce_grad": fmt(norm(run.gradients[-1]), 3),
        "bounce_by_value": run.status == "converged" and run.criterion == "value_tol",
        "bounce_y_kept": bool(
            np.all(np.abs(np.abs(y) - abs(y[0])) < KEPT) and np.all(y[1:] * y[:-1] < 0)
        ),
    }


def shifted() -> dict[str, object]:
    """Run the bowl and the bowl plus SHIFT with the value test only, from (2, 2) at lr 0.1."""
    bowl = get_surface("bowl")
    lifted = surface_from_expression(f"x^2 + y^2 + {SHIFT:g}", bowl.bounds)
    tests = {"grad_tol": 0.0, "step_tol": 0.0, "value_tol": VALUE_ROW["value_tol"]}
    plain, raised = (descend(s, (2.0, 2.0), lr=0.1, **tests) for s in (bowl, lifted))
    change = abs(float(np.diff(raised.values[-2:])[0]))
    plain_grad, raised_grad = (norm(run.gradients[-1]) for run in (plain, raised))
    return {
        "shift_tex": tex_power_of_ten(SHIFT),
        "shift_spacing": fmt(float(np.spacing(SHIFT)), 2),
        "shift_plain_steps": plain.iterations,
        "shift_plain_grad": fmt(plain_grad, 2),
        "shift_plain_grad_raw": plain_grad,
        "shift_raised_steps": raised.iterations,
        "shift_raised_grad": fmt(raised_grad, 2),
        "shift_raised_grad_raw": raised_grad,
        "shift_raised_change": change,
        "shift_both_by_value": plain.criterion == raised.criterion == "value_tol",
    }


def stopped_at_saddle(surface, y0: float) -> bool:
    """Whether gdlib's gradient test stops the run from (SADDLE_START[0], y0) near the origin.

    Near: within NEAR_SADDLE, since on x^2 - y^4 the test passes with |y| up to
    (grad_tol / 4)^(1/3), about 0.0063 (on x^2 - y^2 only within 5e-7 of the saddle).
    """
    run = descend(surface, (SADDLE_START[0], y0), lr=SADDLE_LR)
    return run.criterion == "grad_tol" and norm(run.positions[-1]) < NEAR_SADDLE


def band_edge(surface) -> float:
    """Return the largest y0 (to about 0.04 %) from which `stopped_at_saddle` still holds.

    Between the page's start SADDLE_START, which must stop, and its off-axis start
    BAND_ESCAPES, which must not.
    """
    holds = partial(stopped_at_saddle, surface)
    return log_edge(holds, SADDLE_START[1], BAND_ESCAPES, f"stopping at the saddle of {surface}")


def saddle_band() -> dict[str, object]:
    """Start the saddle x^2 - y^2 just off its stable manifold: the gradient test stops it.

    And how far off the test still stops it, there and on the flatter x^2 - y^4.
    """
    run = descend("saddle", SADDLE_START, lr=SADDLE_LR)
    quartic = surface_from_expression("x^2 - y^4", get_surface("saddle").bounds)
    edge, quartic_edge = band_edge("saddle"), band_edge(quartic)
    return {
        "band_y0_tex": tex_power_of_ten(SADDLE_START[1]),
        "band_steps": run.iterations,
        "band_message": run.message,
        "band_by_grad": run.status == "converged" and run.criterion == "grad_tol",
        "band_at_saddle": norm(run.positions[-1]) < AT_SADDLE,
        "band_edge": fmt(edge, 2),
        "band_edge_n": edge,
        "quartic_band_edge": fmt(quartic_edge, 2),
        "quartic_band_edge_n": quartic_edge,
    }


def guarantee(run, m: float) -> dict[str, object]:
    """Bound the distance and excess value of `run`'s end (minimum 0 at 0) from its gradient.

    Along the valley's floor the bounds are tight: equal to the run's own numbers up to rounding.
    """
    grad, slack = norm(run.gradients[-1]), 1 + SLACK
    distance, value = norm(run.positions[-1]), float(run.values[-1])
    return {
        "sure_m": f"{m:g}",
        "sure_grad": fmt(grad, 2),
        "sure_distance_bound": fmt(grad / m, 2),
        "sure_distance": fmt(distance, 2),
        "sure_distance_holds": distance <= grad / m * slack,
        "sure_distance_tight": distance >= TIGHT * grad / m,
        "sure_value_bound": fmt(grad**2 / (2 * m), 2),
        "sure_value": fmt(value, 2),
        "sure_value_holds": value <= grad**2 / (2 * m) * slack,
    }


def smallest_curvature(surface: str, start) -> float:
    """Return the Hessian's smaller eigenvalue at `start`, rounded to 6 digits.

    On a quadratic it is exact but for the central differences' rounding: the valley floor's
    curvature, and the m of strong convexity.
    """
    return float(f"{hessian_eigenvalues(get_surface(surface).grad, start).min():.6g}")


def blind_spots(surface: str, start, lr: float, first_row: dict) -> dict[str, object]:
    """Return the module's values for the page, under the `criteria` namespace.

    `first_row` holds the tolerances of the page's first table row, run at `lr` from `start`;
    m is the surface's smallest curvature (a quadratic's, so the same everywhere).
    """
    m = smallest_curvature(surface, start)
    first = descend(surface, start, lr=lr, **first_row)
    return bouncing(surface, start) | shifted() | saddle_band() | guarantee(first, m)


def exact_landing() -> dict[str, object]:
    """Run the bowl at lr = 1/2 = 1/L: the factor 1 - 2 lr is 0, one step lands on the minimum.

    The same run with every tolerance 0 shows which test a 0 leaves on: the exact zero gradient
    still stops it (grad_tol), while step_tol and value_tol of 0 are off.
    """
    run = descend("bowl", (2.0, 2.0), lr=0.5, max_iter=10)
    final = float(np.linalg.norm(run.positions[-1]))
    zeros = descend("bowl", (2.0, 2.0), lr=0.5, max_iter=10, grad_tol=0, step_tol=0, value_tol=0)
    out = {"bowl_half_steps": run.iterations, "bowl_half_final": final}
    out |= {"zero_tols_by": zeros.criterion, "zero_tols_by_grad": zeros.criterion == "grad_tol"}
    return out | {"zero_tols_steps": zeros.iterations}

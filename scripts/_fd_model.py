"""The finite-difference figure's error model, the derivatives it takes, and how the curves meet it.

`fig_finite_differences` draws the model truncation + rounding beside the measured median errors.
Here are the model, the second and third derivatives it needs (from gdlib's Hessian of the
analytic gradient, not typed in), and the true/false facts about the measured curves' shape and
where the model lies against them that the page checks.
"""

from __future__ import annotations

import numpy as np

from gdlib.curvature import hessian

EPS = np.finfo(float).eps
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SHAPE_SAYS = {
    "fwd_falls_to_best": "the forward median error falls at each smaller h, from the largest h "
    "down to its own best h",
    "ctr_falls_to_best": "the central median error falls at each smaller h, from the largest h "
    "down to its own best h",
    "fwd_model_above": "at every h below the forward difference's best h, the forward model lies "
    "above the forward median error",
    "ctr_model_below": "at every h below the forward difference's best h, the central model lies "
    "below the central median error",
}


def model(f: float, second: float, third: float, steps: np.ndarray) -> dict:
    """Return the truncation + rounding error model at `steps` and its best steps.

    `f`, `second` (M2) and `third` (M3) are the function and its derivatives at the point.
    """
    rounding = EPS * abs(f)
    return {
        "forward": second / 2 * steps + 2 * rounding / steps,
        "central": third / 6 * steps**2 + rounding / steps,
        "forward_h": 2 * np.sqrt(rounding / second),
        "central_h": (3 * rounding / third) ** (1 / 3),
    }


def derivatives(surface, point: np.ndarray, h: float = 0.25) -> dict[str, float]:
    r"""Return M2 = |d^2 f / dx_i^2| and M3 = |d^3 f / dx_i^3| at `point` for x_i = x and y.

    The Hessian is gdlib's central difference of the analytic gradient, taken at steps h and 2h
    and extrapolated, (4 H(h) - H(2h)) / 3, which cancels its h^2 error: exact when the gradient
    is a polynomial of degree at most 4 (Rosenbrock's is cubic). The third derivative is the
    central difference of H_ii along e_i, exact when H_ii is quadratic there. With a step and a
    point that floats hold exactly (1/4 and (-1, 1.5)), so does every value on the way.

    >>> from gdlib.surfaces import get_surface
    >>> derivatives(get_surface("rosenbrock"), np.array([-1.0, 1.5]))
    {'m2_x': 602.0, 'm2_y': 200.0, 'm3_x': 2400.0, 'm3_y': 0.0}
    """

    def exact(p: np.ndarray) -> np.ndarray:
        return (4 * hessian(surface.grad, p, h) - hessian(surface.grad, p, 2 * h)) / 3

    values = {}
    for i, name in enumerate("xy"):
        e = np.eye(2)[i]
        third = (exact(point + h * e)[i, i] - exact(point - h * e)[i, i]) / (2 * h)
        values[f"m2_{name}"] = float(abs(exact(point)[i, i]))
        values[f"m3_{name}"] = float(abs(third))
    return dict(sorted(values.items()))


def shape_facts(steps: np.ndarray, median: dict, pred: dict) -> dict[str, bool]:
    """Return how the median errors fall to their best h, and where the models lie below it.

    Each fact needs steps it speaks about: a curve whose best h is its largest does not fall, and
    with no step below the forward difference's best h the models lie nowhere.

    >>> steps = np.array([1e-3, 1e-2, 1e-1])
    >>> median = {"forward": np.array([2.0, 1.0, 3.0]), "central": np.array([2.0, 0.5, 0.1])}
    >>> pred = {"forward": np.array([3.0, 1.0, 3.0]), "central": np.array([1.0, 0.5, 0.1])}
    >>> shape_facts(steps, median, pred)  # doctest: +NORMALIZE_WHITESPACE
    {'fwd_falls_to_best': True, 'ctr_falls_to_best': False, 'fwd_model_above': True,
     'ctr_model_below': True}
    """
    facts = {}
    for short, kind in (("fwd", "forward"), ("ctr", "central")):
        tail = median[kind][median[kind].argmin() :]  # from the best h up to the largest
        facts[f"{short}_falls_to_best"] = bool(len(tail) >= 2 and np.all(np.diff(tail) > 0))
    below = steps < steps[median["forward"].argmin()]
    above = pred["forward"][below] > median["forward"][below]
    facts["fwd_model_above"] = bool(below.any() and np.all(above))
    facts["ctr_model_below"] = bool(
        below.any() and np.all(pred["central"][below] < median["central"][below])
    )
    return facts

"""Gradient calculation: the negative gradient field of Himmelblau's function drawn on its contours.

Arrows (gdlib's analytic gradient, normalised so that the direction reads clearly; the contours
show the size) point downhill everywhere; the four minima sit where they converge. The page's
live figure (js/src/widgets/gradient.js) takes this figure's place, opening at POINT with the
forward-difference step H over [H_MIN, H_MAX]; its settings are written here as `field.widget`.
Below its map it plots the estimate's error at CURVE_POINTS log-spaced steps over that range
(js/src/widgets/gradient-state.js); `error_curve` computes the same curve at POINT for the page.
A phone's twin draws that curve too, under the map: the live figure takes the twin's taller box
on a phone, and its map, which the reader drags a point on, is about twice as wide there.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _figure import COLORS, PALETTES, contour, grid, themed_svgs, write_values
from _narrow import NARROW_WIDTH
from _prose import fmt
from matplotlib import pyplot as plt

from gdlib.curvature import hessian
from gdlib.surfaces import get_surface

POINT = (1.0, 1.0)
H, H_MIN, H_MAX = 1e-4, 1e-13, 0.1
CURVE_POINTS = 61
# Points the live figure's error model is tried on near a minimum, where f's terms cancel.
NEAR, NEAR_RADIUS, NEAR_POINTS = (3.0, 2.0), 1e-3, 200
SAYS = {
    "curve_falls_to_best": (
        f"the error at ({POINT[0]:g}, {POINT[1]:g}) fell at each smaller h of the"
        f" {CURVE_POINTS} sampled, from h = {H_MAX:g} down to the h of its smallest error"
    ),
}


def error_curve(surface, point, taken: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Return the live figure's steps h and the forward difference's largest coordinate error.

    With `taken`, each difference is divided by the step the floats took, (theta + h) - theta,
    not by h: what is left of the rounding is f's own.
    """
    hs = H_MIN * (H_MAX / H_MIN) ** (np.arange(CURVE_POINTS) / (CURVE_POINTS - 1))
    at, exact = np.asarray(point), surface.grad(np.asarray(point))
    errors = []
    for h in hs:
        stepped = at + h * np.eye(2)
        steps = np.diag(stepped - at) if taken else h
        errors.append(np.abs((surface.f(stepped) - surface.f(at)) / steps - exact).max())
    return hs, np.array(errors)


def best_step_ratios(surface) -> dict[str, object]:
    """Median ratio of the error curve's best h to each rounding model's best step, near NEAR.

    Both models balance truncation (M2/2) h against rounding: f's two values only, 2 eps |f| / h,
    or those plus theta's rounding, eps max_i |theta_i d_i f| / (2h) (js/src/widgets/
    gradient-state.js's errorModel): a computed f behaves like f at a point about eps |theta|
    away, in f's own terms as in the step. The curve divided by the steps the floats took says
    which: near NEAR, f's terms (they cancel). Points are uniform in the disc of NEAR_RADIUS.
    """
    rng, eps = np.random.default_rng(0), np.finfo(float).eps
    angles, radii = rng.uniform(0, 2 * np.pi, NEAR_POINTS), rng.uniform(0, 1, NEAR_POINTS)
    ratios = []
    for angle, radius in zip(angles, NEAR_RADIUS * np.sqrt(radii), strict=True):
        at = np.array(NEAR) + radius * np.array([np.cos(angle), np.sin(angle)])
        m2 = np.abs(np.diag(hessian(surface.grad, at))).max()
        f, slope = abs(float(surface.f(at))), np.abs(at * surface.grad(at)).max()
        model = 2 * np.sqrt(eps * (f + slope / 4) / m2)
        (hs, errors), (_, taken) = error_curve(surface, at), error_curve(surface, at, taken=True)
        best, best_taken = hs[np.argmin(errors)], hs[np.argmin(taken)]
        ratios.append([best / (2 * np.sqrt(eps * f / m2)), best / model, best_taken / model])
    values_only, with_theta, taken_steps = np.median(ratios, axis=0)
    return {
        "near_points": NEAR_POINTS,
        "near_radius": fmt(NEAR_RADIUS, 1),
        "near_values_only": f"{values_only:.0f}",
        "near_with_step": f"{with_theta:.2f}",
        "near_taken_steps": f"{taken_steps:.2f}",
    }


def main(out_dir: Path) -> list[Path]:
    """Write the field figure and the gradient values the page quotes."""
    surface = get_surface("himmelblau")
    X, Y, P = grid(surface.bounds, 17)
    G = surface.grad(P)
    norm = np.linalg.norm(G, axis=-1)
    U, V = -G[..., 0] / norm, -G[..., 1] / norm

    def field(ax, theme: str) -> None:
        contour(ax, surface, n=90, lines=PALETTES[theme]["text"])  # n: lighter lines
        ax.quiver(X, Y, U, V, color=PALETTES[theme]["text"], scale=24, width=0.005, alpha=0.85)
        minima = np.array(surface.minima)
        ax.plot(minima[:, 0], minima[:, 1], "*", color="white", mec="black", ms=12, mew=0.6)
        ax.set(xlabel="$x$", ylabel="$y$", title="$-\\nabla f$ on Himmelblau's function")

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(4.9, 4.9), layout="constrained")  # 70 % on a phone
        field(ax, theme)
        return fig

    hs, errors = error_curve(surface, POINT)

    def draw_twin(theme: str):
        fig, (top, bottom) = plt.subplots(
            2, 1, figsize=(NARROW_WIDTH, 7.0), layout="constrained", height_ratios=(1.7, 1)
        )
        field(top, theme)
        bottom.loglog(hs, errors, color=PALETTES[theme]["muted"], lw=1.5)
        bottom.axvline(H, color=COLORS["orange"], lw=2)
        bottom.plot(H, errors[np.argmin(np.abs(hs - H))], "o", color=COLORS["orange"], ms=6)
        bottom.set(
            xlabel="step $h$ (log scale)", ylabel="error", title=f"its estimate's error at {POINT}"
        )
        return fig

    at = np.array(POINT)
    g = surface.grad(at)
    values = {"f": f"{float(surface.f(at)):g}", "gx": f"{g[0]:g}", "gy": f"{g[1]:g}"}
    config = {"surface": surface.name, "point": list(POINT), "h": H, "hMin": H_MIN, "hMax": H_MAX}
    values |= {"h": f"{H:g}", "widget": json.dumps(config)}
    # The error curve at the opening point: smallest inside the range, far higher at the ends.
    best = int(np.argmin(errors))
    values |= {"curve_best_i": best, "curve_last_i": len(hs) - 1, "curve_points": CURVE_POINTS}
    # hs rise with the index: from the largest h down to the best, the error falls at each step
    values["curve_falls_to_best"] = bool(best < len(hs) - 1 and np.all(np.diff(errors[best:]) > 0))
    for key, i, digits in (("best", best, 2), ("hmin", 0, 1), ("hmax", -1, 1)):
        values[f"curve_{key}_h"], values[f"curve_{key}"] = fmt(hs[i], digits), fmt(errors[i], 2)
        values[f"curve_{key}_raw"] = f"{errors[i]:.3g}"
    values |= best_step_ratios(surface)
    written = themed_svgs(draw, out_dir, "gradient-field")
    written += themed_svgs(draw_twin, out_dir, "gradient-field-narrow")
    return [*written, write_values(out_dir, "field", values, says=SAYS)]

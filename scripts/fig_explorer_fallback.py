"""The explorer's stand-in when WebGL is off: the bowl in 3D with the default descent path.

Plain gradient descent from (2, 2) at learning rate 0.01 (the explorer's default run) drawn on
the bowl's surface, light and dark. It also saves the numbers the explorer page quotes about its
default run and about a rate above 2/L, so the prose matches what the explorer will show, and
the page's "things to try" links (`*_link`), from the settings (`TRY`) of the runs it quotes.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from _explorer_facts import AT_MINIMUM, says
from _explorer_link import ExplorerRun, explorer_hash
from _explorer_readout import fine_number, outcome, point_rows
from _explorer_surfaces import bound_cases, surface_formulas, surfaces_table
from _explorer_try import (
    AGREEMENT_STEPS,
    AGREEMENT_TOLERANCE,
    GRID_STARTS,
    custom_curvature,
    first_outside,
    minima_reached,
    momentum_swings,
    overshoots_further,
    rosenbrock_steps,
    saddle_turn,
    slow_divergence,
    valley_contraction,
)
from _figure import CYCLE, grid, sign_changes, surface_cmap, themed_svgs, write_values
from _prose import listed, power_of_ten

from gdlib._divergence import MAX_POSITION, MAX_VALUE
from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import descend
from gdlib.explorer_defaults import EXPLORER_DEFAULTS
from gdlib.expression import DEFAULT_BOUNDS, FUNCTIONS, MAX_LENGTH, surface_from_expression
from gdlib.optimizers import LABELS, OPTIMIZERS, preset
from gdlib.rates import best_fixed_rate
from gdlib.surfaces import get_surface

START = (EXPLORER_DEFAULTS["x"], EXPLORER_DEFAULTS["y"])
LR = EXPLORER_DEFAULTS["lr"]
LR_TOO_BIG = 1.5
VALLEY_LR = 0.09  # plain descent's best fixed rate on the valley, 2 / (2 + 20), to two digits
VALLEY, SADDLE = get_surface("valley"), get_surface("saddle")
ROSEN_LR = 0.001
ROSEN_ITER = 5000
ROSEN_MINIMUM = get_surface("rosenbrock").minima[0]
CUSTOM = "x^2 + 2*y^2"  # the page's "Your function" example, as the reader would type it
# The page's "things to try": each link opens this run, and the page quotes gdlib's run of it.
TRY = {
    "big_lr": ExplorerRun("bowl", LR_TOO_BIG, START, ("gd",), speed=1),
    "valley": ExplorerRun("valley", VALLEY_LR, VALLEY.start, ("gd", "momentum"), speed=1),
    "rosen": ExplorerRun("rosenbrock", ROSEN_LR, (-1.5, 2.0), OPTIMIZERS, 10, ROSEN_ITER),
    "custom": ExplorerRun("custom", LR, START, ("gd",), expr=CUSTOM, bounds=DEFAULT_BOUNDS),
    "saddle": ExplorerRun("saddle", LR, SADDLE.start, ("gd",)),
}


def _runs(settings: ExplorerRun, surface=None) -> dict:
    """Run each optimizer of `settings` with gdlib; the runs by optimizer name."""
    surface = surface or settings.surface
    return {
        o: descend(surface, settings.start, o, settings.lr, max_iter=settings.max_iter)
        for o in settings.optimizers
    }


def draw(theme: str, surface, run) -> plt.Figure:
    """Draw the bowl as a rasterised surface with the path and its end points on top."""
    fig = plt.figure(figsize=(5.6, 4.3), layout="constrained")  # 70 % on a phone: no twin
    ax = fig.add_subplot(projection="3d", computed_zorder=False)
    X, Y, P = grid(surface.bounds, 60)
    ax.plot_surface(
        X, Y, surface.f(P), cmap=surface_cmap(), alpha=0.85, linewidth=0, rasterized=True
    )
    path = run.positions
    ax.plot(path[:, 0], path[:, 1], run.values + 0.05, color=CYCLE[1], lw=2.2, zorder=5)
    ax.scatter(*path[0], run.values[0], color=CYCLE[1], s=30, zorder=6)
    ax.scatter(*path[-1], run.values[-1], color=CYCLE[3], s=40, zorder=6)
    ax.set(xlabel="$x$", ylabel="$y$", zlabel="$f(x, y)$")
    ax.set_title(f"Gradient descent on the bowl from {START}, learning rate {LR}")
    ax.view_init(elev=32, azim=-58)
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        axis.set_pane_color((0, 0, 0, 0))
    return fig


def main(out_dir: Path) -> list[Path]:
    """Write the light and dark figures and the page's numbers."""
    surface = get_surface(EXPLORER_DEFAULTS["surface"])
    run = descend(surface, START, "gd", LR, max_iter=EXPLORER_DEFAULTS["maxIter"])
    diverged = _runs(TRY["big_lr"])["gd"]
    paths = themed_svgs(lambda theme: draw(theme, surface, run), out_dir, "explorer-fallback")
    values = page_values(run, diverged, surface)
    return [*paths, write_values(out_dir, "explore", values, says=says(values))]


def page_values(run, diverged, surface) -> dict[str, object]:
    """Numbers of the runs the page's "things to try" links set up (same settings as the links)."""
    valley, rosen = _runs(TRY["valley"]), _runs(TRY["rosen"])
    reached = [o for o, r in rosen.items() if r.status == "converged"]
    saddle = _runs(TRY["saddle"])["gd"]
    mine = surface_from_expression(TRY["custom"].expr, TRY["custom"].bounds)
    _runs(TRY["custom"], mine)  # the linked run itself must run: gdlib refuses what it cannot
    caption, rows = point_rows(LABELS["gd"], run)
    valley_eigenvalues = hessian_eigenvalues(VALLEY.grad, VALLEY.start)
    return {f"{name}_link": explorer_hash(run) for name, run in TRY.items()} | {
        "custom_text": CUSTOM,
        "custom_functions": listed(sorted(FUNCTIONS)),  # what the parser accepts, here and in JS
        "custom_max_length": MAX_LENGTH,
        "surfaces_table": surfaces_table(),
        "surfaces_table_named": surfaces_table(named=True),
        "surface_formulas": surface_formulas(),
        **bound_cases(LR_TOO_BIG, VALLEY_LR),
        "custom_value": fine_number(float(mine.f(START))),
        "custom_gradient": "({}, {})".format(*(fine_number(g) for g in mine.grad(START))),
        "custom_bounds": "[{}, {}] × [{}, {}]".format(*(f"{b:g}" for b in np.ravel(mine.bounds))),
        "default_steps": run.iterations,
        "default_message": run.message,
        "start_value": fine_number(run.values[0]),
        "start_position": "({}, {})".format(*(fine_number(v) for v in run.positions[0])),
        # The readout's lead, summary and points table before the live view takes over; the
        # explorer writes the same text (js/src/summary.js), a browser test compares them.
        "lead_label": LABELS["gd"],
        "default_summary": outcome(LABELS["gd"], run),
        "points_caption": caption,
        "points_rows": rows,
        "start_gradient": "({}, {})".format(*(fine_number(g) for g in run.gradients[0])),
        "big_lr": LR_TOO_BIG,
        "big_lr_message": diverged.message,
        "lr_limit": f"{2.0 / surface.lipschitz:g}",
        "bowl_l": f"{surface.lipschitz:g}",
        "end_distance": f"{np.hypot(*run.positions[-1]):.1e}",
        "valley_lr": VALLEY_LR,
        "valley_factor": f"{1 - VALLEY_LR * VALLEY.lipschitz:g}",
        "valley_l": f"{VALLEY.lipschitz:g}",
        "valley_y0": f"{VALLEY.start[1]:g}",
        "valley_best_lr_raw": best_fixed_rate(valley_eigenvalues),
        "valley_best_lr": f"{best_fixed_rate(valley_eigenvalues):.4f}",
        "valley_eigenvalues": " and ".join(f"{v:.3g}" for v in valley_eigenvalues),
        "default_lr": LR,
        "agreement_steps": AGREEMENT_STEPS,
        "agreement_tolerance": power_of_ten(round(np.log10(AGREEMENT_TOLERANCE))),
        "default_start": "({:g}, {:g})".format(*START),
        "rosen_minimum": "({:g}, {:g})".format(*ROSEN_MINIMUM),
        "rosen_reached_at_minimum": all(
            np.hypot(*(rosen[o].positions[-1] - ROSEN_MINIMUM)) < AT_MINIMUM for o in reached
        ),
        "saddle_start": "({:g}, {:g})".format(*SADDLE.start),
        "max_value": power_of_ten(round(np.log10(MAX_VALUE))),
        "max_position": power_of_ten(round(np.log10(MAX_POSITION))),
        "valley_gd_steps": valley["gd"].iterations,
        "valley_momentum_steps": valley["momentum"].iterations,
        "rosen_lr": ROSEN_LR,
        "rosen_iter": ROSEN_ITER,
        "rosen_reached": " and ".join(LABELS[o] for o in reached),
        "rosen_reached_steps": max(rosen[o].iterations for o in reached),
        "rosen_gd_end": "({:.2f}, {:.2f})".format(*rosen["gd"].positions[-1]),
        "rosen_stopped": listed(
            [
                f"{LABELS[o]} at ({r.positions[-1][0]:.2f}, {r.positions[-1][1]:.2f}) "
                f"with f = {r.values[-1]:.2g}"
                for o, r in rosen.items()
                if o != "gd" and o not in reached
            ]
        ),
        "rosen_stopped_max_iter": all(
            r.status == "max_iter" for o, r in rosen.items() if o not in reached
        ),
        "saddle_steps": saddle.iterations,
        "saddle_leaves": first_outside(saddle.positions, SADDLE.bounds),
        "momentum_mu": preset("momentum")["momentum"],
        "saddle_lr": TRY["saddle"].lr,
        # For the page's checks: how each run ended, and how often y changed sign on the valley.
        "default_converged": run.status == "converged",
        "big_lr_diverged": diverged.status == "diverged",
        "big_lr_overshoots": overshoots_further(diverged.positions),
        "valley_converged": all(r.status == "converged" for r in valley.values()),
        "valley_gd_flips": sign_changes(valley["gd"].positions[:, 1]),
        "valley_momentum_flips": sign_changes(valley["momentum"].positions[:, 1]),
        **momentum_swings(valley["momentum"].positions[:, 1]),
        "rosen_reached_count": len(reached),
        # The page names the three stopped short and says why each fell short.
        "rosen_adaptive_stopped": set(rosen) - {"gd", *reached} == {"adagrad", "rmsprop", "adam"},
        "rosen_gd_status_max_iter": rosen["gd"].status == "max_iter",
        "saddle_diverged": saddle.status == "diverged",
        **custom_curvature(mine, START),
        **rosenbrock_steps(rosen, ROSEN_LR),
        **valley_contraction(valley, VALLEY_LR, preset("momentum")["momentum"], valley_eigenvalues),
        **saddle_turn(saddle),
        **slow_divergence(surface, START, EXPLORER_DEFAULTS["maxIter"]),
        **minima_reached("himmelblau"),
        **minima_reached("camel"),
        "grid_starts": GRID_STARTS,
    }

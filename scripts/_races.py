"""The optimizer race shared by fig_updates_race.py (animated) and fig_updates_loss.py (curves).

On the valley (Hessian eigenvalues 2 and 20) each method runs at its textbook setting: plain
gradient descent at lr = 2/(lambda_min + lambda_max), heavy-ball momentum at Polyak's tuning,
Nesterov at lr = 1/L with momentum (sqrt(kappa) - 1)/(sqrt(kappa) + 1); Adam's rate is a step
length, untuned. On Rosenbrock, where no constant tuning exists, the settings are hand-picked:
plain descent and the momentum methods at lr 0.001 (about half the 2 / lambda_max that the
curvature at the minimum allows, which fig_updates_loss.py computes), the momentum methods at
torch's usual momentum 0.9, Adam at a step length of 0.05. The race shows paths, not a ranking.
Kept in a shared helper so that changing a setting rebuilds both figures (the figures hook keys
every figure on `scripts/_*.py`).
"""

from __future__ import annotations

import numpy as np
from _figure import CYCLE
from _quadratic import heavy_ball, nesterov

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import Trajectory, descend
from gdlib.surfaces import get_surface

VALLEY_L, VALLEY_MU = 20.0, 2.0  # Hessian eigenvalues of x^2 + 10 y^2, exact: the tunings' inputs
_MEASURED = hessian_eigenvalues(get_surface("valley").grad, get_surface("valley").minima[0])
if not np.allclose(_MEASURED, (VALLEY_MU, VALLEY_L), rtol=1e-6):
    raise ValueError(f"the valley's curvatures are {_MEASURED}, not ({VALLEY_MU}, {VALLEY_L})")
HB_LR, HB_MOMENTUM = heavy_ball(VALLEY_L, VALLEY_MU)
NAG_LR, NAG_MOMENTUM = nesterov(VALLEY_L, VALLEY_MU)

# surface -> optimizer -> (lr, extra hyperparameters)
RACES = {
    "valley": {
        "gd": (2.0 / (VALLEY_L + VALLEY_MU), {}),
        "momentum": (HB_LR, {"momentum": HB_MOMENTUM}),
        "nesterov": (NAG_LR, {"momentum": NAG_MOMENTUM}),
        "adam": (0.1, {}),
    },
    "rosenbrock": {
        "gd": (0.001, {}),
        "momentum": (0.001, {"momentum": 0.9}),
        "nesterov": (0.001, {"momentum": 0.9}),
        "adam": (0.05, {}),
    },
}
FIRST = 20  # the first steps, over which the updates page counts the zig-zag on the valley
MAX_ITER = 4000


def race(surface_name: str) -> dict[str, Trajectory]:
    """Gdlib runs of every optimizer in RACES on one surface, keyed by optimizer name."""
    surface = get_surface(surface_name)
    return {
        name: descend(surface, surface.start, optimizer=name, lr=lr, max_iter=MAX_ITER, hyper=hyper)
        for name, (lr, hyper) in RACES[surface_name].items()
    }


# Each racer's colour: the animation's, the loss curves', the tuned figure's and the live figure's.
COLOURS = {name: CYCLE[i] for i, name in enumerate(RACES["valley"])}

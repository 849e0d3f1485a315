"""The optimizer race shared by fig_updates_race.py (animated) and fig_updates_loss.py (curves).

Kept in a shared helper so that changing a rate rebuilds both figures (the figures hook keys
every figure on `scripts/_*.py`).
"""

from __future__ import annotations

from gdlib.descent import Trajectory, descend
from gdlib.surfaces import get_surface

# Rates chosen per surface so that each method is stable; Adam's rate is a step length.
RACES = {
    "valley": {"gd": 0.02, "momentum": 0.02, "nesterov": 0.02, "adam": 0.1},
    "rosenbrock": {"gd": 0.001, "momentum": 0.001, "nesterov": 0.001, "adam": 0.05},
}
MAX_ITER = 4000


def race(surface_name: str) -> dict[str, Trajectory]:
    """Gdlib runs of every optimizer in RACES on one surface, keyed by optimizer name."""
    surface = get_surface(surface_name)
    return {
        name: descend(surface, surface.start, optimizer=name, lr=lr, max_iter=MAX_ITER)
        for name, lr in RACES[surface_name].items()
    }

"""Parameter updates raced (animated): GD, momentum, Nesterov and Adam on two hard surfaces.

Left, the ill-conditioned valley x^2 + 10 y^2; right, Rosenbrock's banana. Every path is a gdlib
run from the surface's suggested start with the rates in `_races.RACES`, each panel on a clock of
its own steps, scaled so its longest run spans the loop; the same runs feed
fig_updates_loss.py, which plots their values against the step count. The page's live figure
(js/src/widgets/race.js) takes the animation's place and opens on the same runs: its settings
(`race.widget`, `widget_config`) are `_races.RACES`, MAX_ITER, the rate slider's range and each
racer's colour (`_races.COLOURS`), never typed twice.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _animation import Track, path_animation
from _figure import contour, write_values
from _races import COLOURS, MAX_ITER, RACES, race
from matplotlib import pyplot as plt

from gdlib.optimizers import LABELS
from gdlib.surfaces import get_surface

LR_MIN, LR_MAX = 1e-4, 0.5  # the live figure's rate slider


def subtitle(surface_name: str) -> str:
    """Say how each panel's settings were chosen, as the page does.

    On the valley plain descent and heavy ball run at their best, Nesterov at its textbook 1/L
    (not the best on a quadratic) and Adam untuned; on Rosenbrock every setting is hand-picked.
    """
    settings = RACES[surface_name]
    adam = f"Adam at lr {settings['adam'][0]:g}"
    if surface_name == "valley":
        return f"plain, heavy ball tuned; Nesterov at lr 1/L; {adam}"
    lr, mu = settings["momentum"][0], settings["momentum"][1]["momentum"]
    return f"hand-picked: lr {lr:g}, momentum {mu:g}; {adam}"


def widget_config() -> str:
    """Return the live figure's settings as the page carries them (JSON)."""
    config = {"races": RACES, "maxIter": MAX_ITER, "surface": "valley", "optimizer": "momentum"}
    return json.dumps(config | {"lrMin": LR_MIN, "lrMax": LR_MAX, "colours": COLOURS})


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel animation."""
    runs = {name: race(name) for name in RACES}

    def setup(theme: str):
        fig, axes = plt.subplots(1, 2, figsize=(8.6, 3.9), layout="constrained")
        tracks = []
        for ax, (surface_name, results) in zip(axes, runs.items(), strict=True):
            surface = get_surface(surface_name)
            contour(ax, surface)
            ax.plot(*surface.minima[0], "*", color="white", mec="black", ms=11, mew=0.6)
            # Settings per method are in the page's table; Adam's rate is a step length.
            ax.set_title(f"{surface.title}\n{subtitle(surface_name)}", fontsize=9.5)
            # Each panel on its own clock, its longest run spanning the loop: on the valley's
            # steps a shared clock to Rosenbrock's MAX_ITER ended the race in a fifth of a second.
            scale = MAX_ITER / max(run.iterations for run in results.values())
            for opt, run in results.items():
                clock = np.arange(len(run.positions)) * scale
                tracks.append(Track(ax, run.positions, COLOURS[opt], LABELS[opt], clock))
        return fig, tracks

    values = write_values(out_dir, "race", {"widget": widget_config()})
    # The phone twin in 30 frames: at 36 its stacked panels made 102 and 108 KB (budget 100).
    animation = path_animation(
        setup, out_dir, "updates-race", frames=36, narrow=True, twin_frames=30
    )
    return [*animation, values]

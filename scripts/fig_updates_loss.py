"""Parameter updates, by the numbers: f(x_k) - f* against the step k for the four optimizers.

Same gdlib runs as the animated race (`_races.RACES`), log scale, one panel per surface;
the table of steps each needed is saved for the page.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import CYCLE, sign_changes, themed_svgs, write_values
from _races import RACES, race
from matplotlib import pyplot as plt

from gdlib.surfaces import get_surface


def table(runs) -> str:
    """Tabulate (Markdown) the steps taken and how each run stopped."""
    rows = [
        "| surface | optimizer | lr | momentum | steps | stopped because |",
        "|---|---|---|---|---|---|",
    ]
    for surface_name, results in runs.items():
        for opt, run in results.items():
            lr, hyper = RACES[surface_name][opt]
            mom = f"{hyper['momentum']:.3g}" if "momentum" in hyper else "–"
            cells = f"{surface_name} | {opt} | {lr:.3g} | {mom} | {run.iterations} | {run.message}"
            rows.append(f"| {cells} |")
    return "\n".join(rows)


def main(out_dir: Path) -> list[Path]:
    """Write the loss-curve figure and the table of steps."""
    runs = {name: race(name) for name in RACES}

    def draw(theme: str):
        fig, axes = plt.subplots(1, 2, figsize=(8.6, 3.3), layout="constrained")
        for ax, (surface_name, results) in zip(axes, runs.items(), strict=True):
            best = float(get_surface(surface_name).f(np.array(get_surface(surface_name).minima[0])))
            for i, (opt, run) in enumerate(results.items()):
                gap = np.maximum(run.values - best, 1e-16)
                ax.semilogy(gap, color=CYCLE[i], label=opt)
            ax.set(xlabel="step $k$", ylabel="$f(x_k) - f^*$", title=surface_name)
        axes[0].legend()
        return fig

    values = {"table": table(runs)}
    # Zig-zag: how often y changes sign over the first 20 steps on the valley.
    for opt, run in runs["valley"].items():
        values[f"valley_{opt}_flips"] = sign_changes(run.positions[:21, 1])
        values[f"valley_{opt}_flips_all"] = sign_changes(run.positions[:, 1])
    for surface_name, results in runs.items():
        for opt, run in results.items():
            lr, hyper = RACES[surface_name][opt]
            values[f"{surface_name}_{opt}_lr"] = f"{lr:.3g}"
            values[f"{surface_name}_{opt}_momentum"] = f"{hyper.get('momentum', 0):.3g}"
            values[f"{surface_name}_{opt}"] = run.iterations
            values[f"{surface_name}_{opt}_message"] = run.message
    written = themed_svgs(draw, out_dir, "updates-loss")
    return [*written, write_values(out_dir, "updates", values)]

"""Mini-batch gradient descent on the shared regression (animated): 16 examples per step.

Same data and start as the batch and stochastic pages, at b = 16's own best rate from the fair
sweep (`BEST_RATE[16]`, scripts/fig_variants_sweep.py). Per step the path is steadier than the
stochastic one; at these tuned rates eta / b is about the same, so per epoch the two are about
equally noisy (see the comparison page). It takes N / 16 steps per epoch.

The page describes the animation's loss curve from its epoch medians: how many epochs it falls
for, the range it then stays in and whether it then moves up and down (`up_and_down`: a rise,
then a later fall), saved as values for the alt text and its check.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import write_values
from _variants import MINI, N, floor, run, variant_animation

EPOCHS = 8
BATCH = MINI
SAYS = {
    "up_and_down": (
        "after the fall, an epoch's median loss above the minimum rises above the one before it,"
        " and a later one falls below the one before it"
    )
}


def settling() -> dict[str, object]:
    """Epoch medians of the drawn run's loss gap: how long they fall, where they stay after."""
    per = -(-N // BATCH)
    gaps = run(BATCH, EPOCHS).losses - floor()
    every = [float(np.median(gaps[1 + e * per : 1 + (e + 1) * per])) for e in range(EPOCHS)]
    falling = next((e for e in range(1, EPOCHS) if every[e] >= every[e - 1]), EPOCHS)
    after = every[falling - 1 :]  # the lowest epoch of the fall and every one after it
    moves = np.diff(after)
    rises = np.nonzero(moves > 0)[0]  # none if the fall lasts all EPOCHS: then not up and down
    return {
        "epochs": EPOCHS,
        "batch": BATCH,
        "falling_epochs": falling,
        # Plain text (no <sup>): these go into the animation's alt text.
        "first": f"{every[0]:.2g}",
        "after_low": f"{min(after):.2g}",
        "after_high": f"{max(after):.2g}",
        "after_spread_n": max(after) / min(after),
        "drop_n": every[0] / max(after),
        "up_and_down": bool(rises.size and (moves[rises[0] + 1 :] < 0).any()),
    }


def main(out_dir: Path) -> list[Path]:
    """Write the animation and the numbers its description quotes."""
    written = variant_animation(
        out_dir, "minibatch-path", {f"mini-batch, b = {BATCH}": run(BATCH, EPOCHS)}
    )
    return [*written, write_values(out_dir, "minibatch_path", settling(), says=SAYS)]

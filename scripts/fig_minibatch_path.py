"""Mini-batch gradient descent on the shared regression (animated): 16 examples per step.

Same data and start as the batch and stochastic pages, at b = 16's own best rate from the fair
sweep (`BEST_RATE[16]`, scripts/fig_variants_sweep.py). Per step the path is steadier than the
stochastic one; at these tuned rates eta / b is about the same, so per epoch the two are about
equally noisy (see the comparison page). It takes N / 16 steps per epoch.
"""

from __future__ import annotations

from pathlib import Path

from _variants import MINI, run, variant_animation

EPOCHS = 8
BATCH = MINI


def main(out_dir: Path) -> list[Path]:
    """Write the animation."""
    return variant_animation(
        out_dir, "minibatch-path", {f"mini-batch, b = {BATCH}": run(BATCH, EPOCHS)}
    )

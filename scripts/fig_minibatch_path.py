"""Mini-batch gradient descent on the shared regression (animated): 16 examples per step.

Same data, start and learning rate as the batch and stochastic pages: a path much steadier than
the stochastic one that still takes N / 16 steps per epoch.
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

"""Batch gradient descent on the shared regression (animated): one exact-gradient step per epoch.

The path on the loss contour over (intercept, slope) is straight and smooth; the loss falls
monotonically, but each step costs all N examples.
"""

from __future__ import annotations

from pathlib import Path

from _variants import HORIZON, N, run, variant_animation

# The comparison's horizon: batch.md's code sample runs these epochs too, checked against it.
EPOCHS = HORIZON


def main(out_dir: Path) -> list[Path]:
    """Write the animation."""
    return variant_animation(out_dir, "batch-path", {f"batch, b = {N}": run(N, EPOCHS)})

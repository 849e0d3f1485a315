"""The three variants on one loss surface (animated), on a shared clock of gradient evaluations.

Batch, mini-batch (b = 16) and stochastic runs of gdlib from the same start, each at its own
best rate, for the same budget of examples: the stochastic path is far along while batch has
taken a few steps.
"""

from __future__ import annotations

from pathlib import Path

from _variants import MINI, NAMES, N, run, variant_animation

EPOCHS = 4


def main(out_dir: Path) -> list[Path]:
    """Write the animation."""
    runs = {NAMES[b]: run(b, EPOCHS) for b in (N, MINI, 1)}
    return variant_animation(out_dir, "compare-paths", runs)

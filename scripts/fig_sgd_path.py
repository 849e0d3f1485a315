"""Stochastic gradient descent on the shared regression (animated): one example per step.

The same data and start as the batch page, at stochastic descent's own best rate from the fair
sweep (`BEST_RATE[1]`, scripts/fig_variants_sweep.py); the path jitters because each step
follows one example's gradient, and it keeps jittering near the minimum.
"""

from __future__ import annotations

from pathlib import Path

from _variants import run, variant_animation

EPOCHS = 3


def main(out_dir: Path) -> list[Path]:
    """Write the animation."""
    return variant_animation(out_dir, "sgd-path", {"stochastic, b = 1": run(1, EPOCHS)})

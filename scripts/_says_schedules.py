"""Words for the true/false facts of scripts/fig_lr_schedules.py: what a page's ✓ says was checked.

Each is the proposition its value tests, its numbers read from the constants the runs use.
"""

from __future__ import annotations

from _prose import plain_number
from _schedule_probes import BELOW, HALVINGS, WARM_STEPS, WARM_TOL, WARM_W


def says(seeds: int, step_size: int) -> dict[str, str]:
    """Return the words for each fact, given the figure's seed count and step decay's epochs."""
    end = f"below {plain_number(WARM_TOL)} at the end of its {WARM_STEPS} steps"
    return {
        "step_is_constant": (
            f"step decay's loss equals the constant run's exactly for all {seeds} seeds up to"
            f" epoch {step_size}"
        ),
        "budget_interior": (
            "the best constant rate (lowest median final loss) is neither the peak nor the peak"
            f" halved {HALVINGS} times"
        ),
        "warm_cos_ok": f"Adam's f under cosine is {end}",
        "warm_wup_ok": f"Adam's f under warm-up + cosine ({WARM_W} warm-up steps) is {end}",
        "warm_below_flat": (
            "under cosine from a peak of "
            + ", ".join(f"{c:g}" for c in BELOW[:-1])
            + f" or {BELOW[-1]:g} times the rate above which Adam's first step raises f, Adam's f"
            f" is below its start at every one of the {WARM_STEPS} steps"
        ),
    }

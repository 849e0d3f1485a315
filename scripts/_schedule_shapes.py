"""What the schedules figure's description says of its median curves, measured for the page.

fig_lr_schedules.py writes these values with its own, from the median over seeds of each
schedule's excess loss after every epoch: where the five stand after one and two epochs; step
decay's fall at its first cut and how it levels off before the second; the epochs where 1/t is
the lowest curve, and how it flattens after them; how long cosine and warm-up + cosine stay near
the constant rate, and how steeply each falls in its last TAIL epochs.
"""

from __future__ import annotations

import numpy as np
from _prose import fmt, listed
from _schedule_probes import near_to

from gdlib.schedules import PRESETS

WARMUP = PRESETS["warmup_cosine"]["warmup_epochs"]
STEP, DROP = PRESETS["step"]["step_size"], 4  # step decay's epochs per rate; a cut's fast fall
TAIL = 10  # the last epochs, over which the page says how much cosine falls


def decades_per_epoch(curve: np.ndarray, start: int, stop: int) -> float:
    """Return how many powers of ten `curve` falls per epoch from epoch `start` to `stop`."""
    return float(np.log10(curve[start] / curve[stop]) / (stop - start))


def again(epochs: np.ndarray) -> str:
    """Return the later epochs where 1/t is lowest again, as " (and again at epochs 20 and 22)"."""
    if not len(epochs):
        return ""
    return f" (and again at epoch{'s' * (len(epochs) > 1)} {listed([str(e) for e in epochs])})"


def figure_facts(median: dict[str, np.ndarray]) -> dict[str, object]:
    """Return what the figure's description says of the median curves, for the page's checks."""
    four, cos = ("constant", "step", "inv", "cosine"), median["cosine"]
    first, second = ([median[key][e] for key in four] for e in (1, 2))
    others = np.min([m for key, m in median.items() if key != "inv"], axis=0)
    lowest = np.flatnonzero(median["inv"] < others)  # epochs where 1/t is the lowest curve
    cut = median["step"][STEP] / median["step"][2 * STEP]  # over the first cut's epochs
    stretch = np.split(lowest, np.flatnonzero(np.diff(lowest) != 1) + 1)  # unbroken runs of them
    lo, hi, warm = int(stretch[0][0]), int(stretch[0][-1]), median["warmup"]
    level = median["step"][STEP + DROP : 2 * STEP + 1]
    return {
        "at1_four_low_raw": f"{min(first):.3g}",
        "at1_four_high_raw": f"{max(first):.3g}",
        "at1_warmup_raw": f"{median['warmup'][1]:.3g}",
        "at2_warmup_raw": f"{median['warmup'][2]:.3g}",
        "at2_four_low_raw": f"{min(second):.3g}",
        "step_drop_raw": f"{median['step'][STEP] / median['step'][STEP + DROP]:.3g}",  # after it
        # Over the first cut's epochs: one epoch's draw from a floor that moves, so one figure.
        "step_cut": fmt(cut, 1),
        "step_cut_raw": f"{cut:.3g}",
        # The last epoch up to which, from WARMUP (warm-up's first at the peak), each cosine ends
        # within a factor of two of the constant run; how much cosine falls in the last TAIL.
        **{
            f"{k}_near_to": near_to(median[k], median["constant"], WARMUP)
            for k in ("cosine", "warmup")
        },
        "cosine_fall_last": f"{cos[-TAIL - 1] / cos[-1]:.3g}",
        "cosine_fall_before": f"{cos[-2 * TAIL - 1] / cos[-TAIL - 1]:.3g}",
        "tail": TAIL,
        "inv_lowest_from": lo,
        "inv_lowest_to": hi,
        "inv_lowest_again": again(lowest[len(stretch[0]) :]),
        # "Levels off": step decay's medians from its cut's fast fall to the second cut.
        "step_level_n": float(level.max() / level.min()),
        # "Then flattens": 1/t's fall per epoch while lowest, and after, to the end.
        "inv_fall_lowest_n": decades_per_epoch(median["inv"], lo, hi),
        "inv_fall_after_n": decades_per_epoch(median["inv"], hi, len(cos) - 1),
        "warmup_fall_last_n": float(warm[-TAIL - 1] / warm[-1]),
        "warmup_fall_before_n": float(warm[-2 * TAIL - 1] / warm[-TAIL - 1]),
    }

"""The schedules page's "at most" values bound what the run measured.

"An epoch ... multiplies whatever parameter error the run inherited by at most X" and "that
product's norm is at most Y" quote maxima; rounded to the nearest, Y read 2.7 × 10^-4 where the
run measured 2.72 × 10^-4 (the build's 3-digit value), above the bound the sentence states.
"""

from __future__ import annotations

import json
import re


def _number(shown: str) -> float:
    """Read a prose value: "0.27" or "2.8 × 10<sup>... to the power −4</sup>"."""
    text = re.sub(r"<[^>]+>", "", shown).replace("\u2212", "-")
    found = re.fullmatch(r"([\d.]+)(?: × 10 to the power (-?\d+))?", text)
    return float(found[1]) * 10.0 ** int(found[2] or 0)


def test_the_epochs_maps_are_quoted_rounded_up(built_site):
    saved = built_site.root / "generated" / "figures" / "values-schedules.json"
    values = json.loads(saved.read_text(encoding="utf-8"))
    for key in ("epoch_memory", "epoch_memory_batches"):
        shown, measured = _number(values[key]), float(values[f"{key}_raw"])
        assert measured <= shown <= 1.1 * measured, (key, values[key], measured)

"""What gdlib and the JS bundle share, written by the build as one JSON module (no hand copies).

Surface names, titles, formulas, bounds, minima, starts and Lipschitz constants; optimizer names
and labels; the descent loop's defaults and limits (its tolerances, the values and positions it
tracks, the regression's parameter norm); the explorer's default run; the learning-rate
schedules' names, labels and presets (gdlib.schedules, ported by js/src/schedules.js).
js/src/surfaces.js (and through it the explorer and the live figures), descent.js and
regression.js import `js/generated/gdlib.json`; the JS keeps only the pure f and grad functions,
which tests/test_js_agreement.py checks against gdlib's. The file is written before
each bundle (hooks/assets.py) and before `npm test` (js/package.json runs this module), only when
it changed.

Run as a script to write it: `python hooks/_js_data.py`.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

from gdlib import descend, schedules
from gdlib.descent import MAX_POSITION, MAX_VALUE
from gdlib.explorer_defaults import EXPLORER_DEFAULTS
from gdlib.optimizers import LABELS, OPTIMIZERS
from gdlib.regression import MAX_THETA_NORM
from gdlib.surfaces import SURFACES

DATA_FILE = Path(__file__).resolve().parent.parent / "js" / "generated" / "gdlib.json"


def js_data() -> dict:
    """Return the shared data as plain JSON-ready values."""
    surfaces = {
        name: {
            "name": s.name,
            "title": s.title,
            "formula": s.formula,
            "bounds": [list(b) for b in s.bounds],
            "minima": [list(m) for m in s.minima],
            "start": list(s.start),
            "lipschitz": s.lipschitz,
        }
        for name, s in SURFACES.items()
    }
    return {
        "surfaces": surfaces,
        "optimizers": {"names": list(OPTIMIZERS), "labels": dict(LABELS)},
        "descent": descent_limits(),
        "explorer": dict(EXPLORER_DEFAULTS),
        "schedules": {
            "names": list(schedules.SCHEDULES),
            "labels": dict(schedules.LABELS),
            "presets": {name: dict(p) for name, p in schedules.PRESETS.items()},
        },
    }


def descent_limits() -> dict:
    """``descend``'s default stopping rules and the limits past which a run counts as diverged."""
    defaults = inspect.signature(descend).parameters
    return {
        "maxIter": defaults["max_iter"].default,
        "gradTol": defaults["grad_tol"].default,
        "stepTol": defaults["step_tol"].default,
        "valueTol": defaults["value_tol"].default,
        "maxValue": MAX_VALUE,
        "maxPosition": MAX_POSITION,
        "maxThetaNorm": MAX_THETA_NORM,
    }


def write_js_data(path: Path = DATA_FILE) -> Path:
    """Write the JSON module unless it already holds the same text; return its path."""
    text = json.dumps(js_data(), indent=1) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


if __name__ == "__main__":
    write_js_data()

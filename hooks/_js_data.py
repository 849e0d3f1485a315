"""What gdlib and the JS bundle share, written by the build as JSON modules (no hand copies).

`gdlib.json`: surface names, titles, formulas, bounds, minima, starts and Lipschitz constants;
optimizer names, labels, presets and torch's defaults; the descent loop's defaults and the limits
past which a run counts as diverged; the explorer's default run. js/src/surfaces.js (and through
it the explorer and the live figures), optimizers.js and descent.js read it; the JS keeps only
the pure f and grad functions, which tests/test_js_agreement.py checks against gdlib's.
`schedules.json` (the learning-rate schedules' names, labels and presets, ported by
js/src/schedules.js) and `regression.json` (the regression's parameter limit, js/src/regression.js)
are apart: each is read by one lazy live figure, and in `gdlib.json` they would weigh on the
explorer's first load, which every module importing that file shares.

The files are written before each bundle (hooks/assets.py) and before `npm test` (js/package.json
runs this module), each only when it changed. Run as a script to write them:
`python hooks/_js_data.py`.
"""

from __future__ import annotations

import inspect
import json
from pathlib import Path

from gdlib import descend, optimizers, schedules
from gdlib.descent import MAX_POSITION, MAX_VALUE
from gdlib.explorer_defaults import EXPLORER_DEFAULTS
from gdlib.optimizers import LABELS, OPTIMIZERS
from gdlib.regression import MAX_THETA_NORM
from gdlib.surfaces import SURFACES

FOLDER = Path(__file__).resolve().parent.parent / "js" / "generated"


def js_data() -> dict:
    """Return `gdlib.json`'s data as plain JSON-ready values."""
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
        "optimizers": optimizer_data(),
        "descent": descent_limits(),
        "explorer": dict(EXPLORER_DEFAULTS),
    }


def defaults_of(function) -> dict:
    """Return the keyword defaults of `function`, tuples as lists."""
    return {
        name: list(p.default) if isinstance(p.default, tuple) else p.default
        for name, p in inspect.signature(function).parameters.items()
        if p.default is not inspect.Parameter.empty
    }


def optimizer_data() -> dict:
    """Names, labels, each name's factory and preset, and each factory's defaults (torch's)."""
    factories = (optimizers.sgd, optimizers.adagrad, optimizers.rmsprop, optimizers.adam)
    built_by = {name: optimizers.factory(name).__name__ for name in OPTIMIZERS}
    return {
        "names": list(OPTIMIZERS),
        "labels": dict(LABELS),
        "presets": {name: [built_by[name], optimizers.preset(name)] for name in OPTIMIZERS},
        "defaults": {f.__name__: defaults_of(f) for f in factories},
    }


def descent_limits() -> dict:
    """``descend``'s default stopping rules and the limits past which a run counts as diverged."""
    defaults = defaults_of(descend)
    return {
        "maxIter": defaults["max_iter"],
        "gradTol": defaults["grad_tol"],
        "stepTol": defaults["step_tol"],
        "valueTol": defaults["value_tol"],
        "maxValue": MAX_VALUE,
        "maxPosition": MAX_POSITION,
    }


def schedule_data() -> dict:
    """Return the learning-rate schedules' names, labels and the schedules page's presets."""
    return {
        "names": list(schedules.SCHEDULES),
        "labels": dict(schedules.LABELS),
        "presets": {name: dict(p) for name, p in schedules.PRESETS.items()},
    }


MODULES = {
    "gdlib.json": js_data,
    "schedules.json": schedule_data,
    "regression.json": lambda: {"maxThetaNorm": MAX_THETA_NORM},
}


def write_js_data(folder: Path = FOLDER) -> list[Path]:
    """Write each JSON module unless it already holds the same text; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in MODULES.items():
        path, text = folder / name, json.dumps(data(), indent=1) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    write_js_data()

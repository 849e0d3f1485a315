"""The JS bundle takes gdlib's shared data from the generated JSON modules, not from hand copies.

hooks/_js_data.py writes js/generated/gdlib.json, schedules.json and regression.json; js/src's
surfaces.js, optimizers.js, palette.js, descent.js, schedules.js and regression.js import them.
Node loads those modules and reports what the explorer and the live figures will see: it must be
exactly gdlib's surfaces (every field but the functions), optimizer names and labels, the
descent loop's defaults and limits and the explorer's default run (js/src/state.js's DEFAULTS).
No JS source may still spell out a surface title, a bound, a limit or an optimizer's default.
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest
from _js_data import js_data, write_js_data
from _node import run_node

from gdlib.descent import GRAD_TOL, MAX_POSITION, MAX_VALUE, descend
from gdlib.explorer_defaults import EXPLORER_DEFAULTS
from gdlib.expression import surface_from_expression
from gdlib.optimizers import LABELS, OPTIMIZERS, preset
from gdlib.regression import MAX_THETA_NORM
from gdlib.schedules import LABELS as SCHEDULE_LABELS
from gdlib.schedules import PRESETS as SCHEDULE_PRESETS
from gdlib.schedules import SCHEDULES
from gdlib.surfaces import SURFACES

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "js" / "src"
FIELDS = ("name", "title", "formula", "bounds", "minima", "start", "lipschitz")


@pytest.fixture(scope="module")
def seen_by_js() -> dict:
    write_js_data()
    script = (
        f"import {{ SURFACES, SHARED }} from {json.dumps((SRC / 'surfaces.js').as_uri())};"
        f"import {{ OPTIMIZERS }} from {json.dumps((SRC / 'optimizers.js').as_uri())};"
        f"import {{ OPTIMIZER_LABELS }} from {json.dumps((SRC / 'palette.js').as_uri())};"
        f"import {{ DEFAULTS }} from {json.dumps((SRC / 'state.js').as_uri())};"
        f"import * as schedules from {json.dumps((SRC / 'schedules.js').as_uri())};"
        f"import * as descent from {json.dumps((SRC / 'descent.js').as_uri())};"
        f"import {{ MAX_THETA_NORM }} from {json.dumps((SRC / 'regression.js').as_uri())};"
        "const run = new descent.Descent('bowl', [2, 2]);"
        "const limits = {maxIter: run.maxIter, gradTol: run.gradTol, stepTol: run.stepTol,"
        "  valueTol: run.valueTol, maxValue: descent.MAX_VALUE, maxPosition: descent.MAX_POSITION,"
        "  maxThetaNorm: MAX_THETA_NORM, GRAD_TOL: descent.GRAD_TOL};"
        "const surfaces = Object.fromEntries(Object.entries(SURFACES).map(([k, s]) =>"
        f"  [k, Object.fromEntries({json.dumps(FIELDS)}.map((f) => [f, s[f]]))]));"
        "process.stdout.write(JSON.stringify({surfaces, optimizers: OPTIMIZERS,"
        "  labels: OPTIMIZER_LABELS, explorer: SHARED.explorer, defaults: DEFAULTS,"
        "  schedules: [schedules.SCHEDULES, schedules.SCHEDULE_LABELS, schedules.PRESETS],"
        "  limits}));"
    )
    return run_node(script, None, "the explorer's modules", "--no-warnings")


def test_js_sees_gdlib_surfaces(seen_by_js):
    assert list(seen_by_js["surfaces"]) == list(SURFACES)
    for name, surface in SURFACES.items():
        js = seen_by_js["surfaces"][name]
        assert js["title"] == surface.title and js["formula"] == surface.formula
        assert js["bounds"] == [list(b) for b in surface.bounds]
        assert js["minima"] == [list(m) for m in surface.minima]
        assert js["start"] == list(surface.start)
        assert js["lipschitz"] == surface.lipschitz


def test_js_sees_gdlib_optimizers_and_explorer_defaults(seen_by_js):
    assert seen_by_js["optimizers"] == list(OPTIMIZERS)
    assert seen_by_js["labels"] == LABELS
    assert seen_by_js["explorer"] == json.loads(json.dumps(EXPLORER_DEFAULTS))


def test_js_descends_with_gdlib_defaults_and_limits(seen_by_js):
    """A JS run stops and diverges where gdlib's does: descend's defaults, MAX_VALUE and kin."""
    signature = inspect.signature(descend).parameters
    assert seen_by_js["limits"] == {
        "maxIter": signature["max_iter"].default,
        "gradTol": signature["grad_tol"].default,
        "stepTol": signature["step_tol"].default,
        "valueTol": signature["value_tol"].default,
        "maxValue": MAX_VALUE,
        "maxPosition": MAX_POSITION,
        "maxThetaNorm": MAX_THETA_NORM,
        "GRAD_TOL": GRAD_TOL,
    }
    for module in ("descent.js", "regression.js"):
        code = re.sub(r"//.*", "", (SRC / module).read_text(encoding="utf-8"))
        typed = re.findall(r"(?<![<>!=])=\s*1e-?\d+\b", code)
        assert not typed, f"{module} types a limit: {typed}"


def test_the_explorer_opens_on_gdlib_defaults(seen_by_js):
    """js/src/state.js's DEFAULTS are gdlib's EXPLORER_DEFAULTS at step 0, none typed in JS."""
    assert seen_by_js["defaults"] == {**json.loads(json.dumps(EXPLORER_DEFAULTS)), "step": 0}
    for module in ("state.js", "custom-panel.js"):
        text = (SRC / module).read_text(encoding="utf-8")
        assert EXPLORER_DEFAULTS["expr"] not in text, f"{module} types the default function"


def test_the_default_function_s_run_ends_inside_its_domain():
    """The view clamps what lies outside the domain, so the opening run must stay inside it."""
    surface = surface_from_expression(EXPLORER_DEFAULTS["expr"], EXPLORER_DEFAULTS["bounds"])
    start = (EXPLORER_DEFAULTS["x"], EXPLORER_DEFAULTS["y"])
    run = descend(surface, start, "gd", EXPLORER_DEFAULTS["lr"], EXPLORER_DEFAULTS["maxIter"])
    assert run.status == "converged", run.message
    (x0, x1), (y0, y1) = EXPLORER_DEFAULTS["bounds"]
    assert all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in run.positions)


def test_js_sees_gdlib_schedules_and_their_presets(seen_by_js):
    """js/src/schedules.js takes the names, labels and the page's settings from gdlib."""
    assert seen_by_js["schedules"] == [list(SCHEDULES), SCHEDULE_LABELS, SCHEDULE_PRESETS]
    port = (SRC / "schedules.js").read_text(encoding="utf-8")
    for label in SCHEDULE_LABELS.values():
        assert f'"{label}"' not in port, f"schedules.js types the label {label!r}"


def test_the_written_modules_are_what_gdlib_says_now():
    written = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in write_js_data()}
    assert written["gdlib.json"] == json.loads(json.dumps(js_data()))
    assert written["schedules.json"]["presets"] == SCHEDULE_PRESETS
    assert written["regression.json"] == {"maxThetaNorm": MAX_THETA_NORM}


def test_js_optimizers_take_their_presets_and_defaults_from_gdlib():
    """optimizers.js reads torch's defaults and the presets (momentum 0.9) from gdlib.json."""
    shared = js_data()["optimizers"]
    for name in OPTIMIZERS:
        factory, hyper = shared["presets"][name]
        assert hyper == preset(name) and factory in shared["defaults"], name
    assert shared["defaults"]["adam"] == {"lr": 0.001, "betas": [0.9, 0.999], "eps": 1e-8}
    source = (SRC / "optimizers.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*|`[^`]*`|\"[^\"]*\"", "", source, flags=re.S)
    typed = set(re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?:e-?\d+)?\b", code))
    typed -= {"0", "0.0", "1", "1.0"}
    assert not typed, f"optimizers.js types numbers: {sorted(typed)}"


@pytest.mark.parametrize("surface", list(SURFACES.values()), ids=lambda s: s.name)
def test_no_js_source_spells_out_a_surface_title_or_bounds(surface):
    bounds = re.compile(r"\[\s*" + r",\s*".join(f"{v}" for v in surface.bounds[0]))
    for source in SRC.rglob("*.js"):
        text = source.read_text(encoding="utf-8")
        assert f'"{surface.title}"' not in text, f"{source.name} copies {surface.title!r}"
        assert not bounds.search(text), f"{source.name} copies the bounds of {surface.name}"

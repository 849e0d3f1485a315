"""The explorer's JavaScript descent (js/src/descent.js) agrees with gdlib step for step.

One node process runs every surface and optimizer from several starts at two learning rates for
up to 200 steps, plus gradient descent at exactly 2/L on the bowl and the valley (a bounce that
both must call max_iter); the paths, values and gradients must match gdlib's to 1e-9 (relative
to the size of the numbers once they exceed 1), and the status, criterion, message and step count
must be identical. The JS copy of Python's float formatting is checked on the numbers the messages
use.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from _js_data import write_js_data
from _node import run_node
from _scripts import load_script

from gdlib._converged import _converged
from gdlib.descent import descend
from gdlib.optimizers import OPTIMIZERS
from gdlib.surfaces import SURFACES

ROOT = Path(__file__).resolve().parent.parent
DESCENT_JS = ROOT / "js" / "src" / "descent.js"  # re-exports surfaces.js and optimizers.js
PYFMT_JS = ROOT / "js" / "src" / "pyfmt.js"
SUMMARY_JS = ROOT / "js" / "src" / "summary.js"
AGREEMENT = load_script("_explorer_try")  # the explorer page quotes these two settings
STEPS = AGREEMENT.AGREEMENT_STEPS
TOLERANCE = AGREEMENT.AGREEMENT_TOLERANCE
RATES = (0.01, 0.1)


def _starts(surface) -> list[tuple[float, float]]:
    (x0, x1), (y0, y1) = surface.bounds
    at = lambda fx, fy: (x0 + fx * (x1 - x0), y0 + fy * (y1 - y0))  # noqa: E731
    return [tuple(surface.start), at(0.2, 0.85), at(0.7, 0.3)]


CASES = [
    {"surface": name, "optimizer": opt, "lr": lr, "start": list(start), "max_iter": STEPS}
    for name, surface in SURFACES.items()
    for opt in OPTIMIZERS
    for lr in RATES
    for start in _starts(surface)
]
# Exactly 2/L (issue 9 §1): a period-2 bounce, which both must report as max_iter, not converged.
BOUNCES = [
    {"surface": "bowl", "optimizer": "gd", "lr": 1.0, "start": [2.0, 2.0], "max_iter": 6},
    {"surface": "bowl", "optimizer": "gd", "lr": 1.0, "start": [-1.5, 0.5], "max_iter": STEPS},
    {"surface": "valley", "optimizer": "gd", "lr": 0.1, "start": [-2.5, 1.0], "max_iter": STEPS},
    {"surface": "valley", "optimizer": "gd", "lr": 0.1, "start": [2.0, 2.0], "max_iter": STEPS},
]
# The saddle above 2/L: both hints, the unbounded surface first, word for word in both.
SADDLE_FAST = {"surface": "saddle", "optimizer": "gd", "lr": 1.5, "start": [1.0, 0.5]}
CASES += [*BOUNCES, SADDLE_FAST | {"max_iter": STEPS}]


def _node(script: str, payload: object) -> object:
    return run_node(script, payload, "the explorer's JS ports")


def _read_stdin_js() -> str:
    return (
        "const chunks = []; for await (const c of process.stdin) chunks.push(c);"
        "const input = JSON.parse(Buffer.concat(chunks).toString());"
    )


@pytest.fixture(scope="module")
def js_runs() -> list[dict]:
    write_js_data()  # surfaces.js imports the generated JSON module of gdlib's data
    script = (
        f"import {{ descend }} from {json.dumps(DESCENT_JS.as_uri())};"
        + _read_stdin_js()
        + "const out = input.map((c) => descend(c.surface, c.start,"
        + "  { optimizer: c.optimizer, lr: c.lr, maxIter: c.max_iter }));"
        + "process.stdout.write(JSON.stringify(out));"
    )
    return _node(script, CASES)


def _gdlib_run(case: dict):
    return descend(
        case["surface"], case["start"], case["optimizer"], case["lr"], max_iter=case["max_iter"]
    )


def _assert_close(name: str, js: object, py: np.ndarray, case: dict) -> None:
    js = np.asarray(js, dtype=np.float64)
    assert js.shape == py.shape, f"{name} shape {js.shape} != {py.shape} for {case}"
    scale = np.maximum(1.0, np.abs(py))
    worst = float(np.max(np.abs(js - py) / scale)) if py.size else 0.0
    assert worst <= TOLERANCE, f"{name} differ by {worst:.3g} for {case}"


@pytest.mark.parametrize("index", range(len(CASES)))
def test_js_path_matches_gdlib(js_runs, index):
    case = CASES[index]
    py = _gdlib_run(case)
    js = js_runs[index]
    assert (js["status"], js["criterion"]) == (py.status, py.criterion), case
    assert js["iterations"] == py.iterations, case
    assert js["message"] == py.message, case
    _assert_close("positions", js["positions"], py.positions, case)
    _assert_close("values", js["values"], py.values, case)
    _assert_close("gradients", js["gradients"], py.gradients, case)


def test_cases_cover_every_status():
    statuses = {_gdlib_run(c).status for c in CASES}
    assert statuses == {"converged", "diverged", "max_iter"}


@pytest.mark.parametrize("case", BOUNCES, ids=lambda c: f"{c['surface']}-{c['max_iter']}")
def test_a_bounce_at_two_over_l_is_max_iter_in_both(js_runs, case):
    js = js_runs[CASES.index(case)]
    assert js["status"] == _gdlib_run(case).status == "max_iter"
    assert js["iterations"] == case["max_iter"]


NUMBERS = [
    1.0,
    1.5,
    1e-6,
    9.87e-7,
    2.2e12,
    1.44e13,
    -3.25,
    0.125,
    0.30000000000000004,
    123456.0,
    1e-10,
    5e-324,
    7.05e-5,
    2.5,
    1234567.0,
    0.000123456789,
    1e16,
]


def test_js_formats_floats_as_python_does():
    script = (
        f"import {{ formatE, formatG, pyRepr }} from {json.dumps(PYFMT_JS.as_uri())};"
        + _read_stdin_js()
        + "process.stdout.write(JSON.stringify(input.map((v) =>"
        "  [pyRepr(v), formatE(v, 0), formatE(v, 1), formatG(v), formatG(v, 2), formatG(v, 3)])));"
    )
    expected = [
        [repr(v), f"{v:.0e}", f"{v:.1e}", f"{v:g}", f"{v:.2g}", f"{v:.3g}"] for v in NUMBERS
    ]
    assert _node(script, NUMBERS) == expected


# The summary's numbers (summary.js said), around each switch: to words at 1e5, between the scale
# words, on a tie (Python's even digit), and past the trillions back to the readout's form.
SAID = [0.0, -0.004, 2.5, 99999.994, 99999.996, 1e5, -123456.0, 999_499.0, 999_500.0]
SAID += [1_235_000.0, 1_245_000.0, 99_950_000.0, -5.784321e9, 1e12, 1.44e14, 9.996e14, 2e15]


def _mapped_in_js(module: Path, name: str, values: list[float]) -> list[str]:
    """Apply the function `name` of the JS `module` to each of `values`, in node."""
    script = (
        f"import {{ {name} }} from {json.dumps(module.as_uri())};"
        + _read_stdin_js()
        + f"process.stdout.write(JSON.stringify(input.map((v) => {name}(v))));"
    )
    return _node(script, values)


def test_the_summary_says_numbers_as_the_build_does():
    write_js_data()  # summary.js imports descent.js, which reads the generated JSON
    readout = load_script("_explorer_readout")
    assert _mapped_in_js(SUMMARY_JS, "said", SAID) == [readout.said_number(v) for v in SAID]
    assert readout.said_number(-5.784321e9) == "-5.78 billion"
    assert readout.said_number(float("nan")) == readout.said_number(float("inf")) == "—"


# The live readout's numbers (fmt.js fine), about its switch to three figures at 0.005.
FINE = [0.0, -0.0, 1.2345e-7, -0.004, 0.00499999, 0.005, -0.0051, 8.0, 4.0, 123456.0, 3.5e-7]


def test_the_readout_writes_numbers_as_the_build_does():
    readout = load_script("_explorer_readout")
    fmt_js = ROOT / "js" / "src" / "fmt.js"
    assert _mapped_in_js(fmt_js, "fine", FINE) == [readout.fine_number(v) for v in FINE]
    assert readout.fine_number(1.2345e-7) == "1.23e-7" and readout.fine_number(8.0) == "8.00"


# Messages of converged runs: two digits, and more where two would print the limit or above it.
CONVERGED = [(9.96e-07, 1e-06), (9.9e-07, 1e-06), (1e-06, 1e-06), (1.255e-06, 1.26e-06)]
CONVERGED += [(4.2e-09, 1e-08), (9.99999e-07, 1e-06), (0.0, 1e-06), (0.0995, 0.1)]
CONVERGED += [(1.26e-06, 1.26e-06), (9.999999e-07, 1e-06), (1e-06 * (1 - 2**-52), 1e-06)]


def test_converged_messages_match_gdlibs():
    write_js_data()  # descent.js reads the generated JSON
    script = (
        f"import {{ convergedMessage }} from {json.dumps(DESCENT_JS.as_uri())};"
        + _read_stdin_js()
        + "process.stdout.write(JSON.stringify(input.map(([v, t]) =>"
        "  convergedMessage('gradient norm', v, t))));"
    )
    expected = [_converged("gradient norm", v, t) for v, t in CONVERGED]
    assert _node(script, CONVERGED) == expected
    assert expected[:4] == [
        "converged: gradient norm 9.96e-07 <= 1e-06",
        "converged: gradient norm 9.9e-07 <= 1e-06",
        "converged: gradient norm 1e-06 <= 1e-06",
        "converged: gradient norm 1.255e-06 <= 1.26e-06",
    ]
    assert expected[8:10] == [
        "converged: gradient norm 1.26e-06 <= 1.26e-06",
        "converged: gradient norm 9.999999e-07 <= 1e-06",
    ]
    assert expected[10] == f"converged: gradient norm {1e-06 * (1 - 2**-52)!r} <= 1e-06"

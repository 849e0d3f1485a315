"""The explorer's "Your function" (js/src/expression.js) and gdlib.surface_from_expression agree.

One corpus (tests/data/expressions.json) drives both sides. For every accepted expression, one
node process evaluates f, the gradient and the Hessian on a 9 x 9 grid inside its bounds: where
f is finite, values and gradients match gdlib's (SymPy) to 1e-12 relative to the size of the
numbers once they exceed 1, and the Hessian matches SymPy's to 1e-9; f is non-finite at the same
points on both sides. Descent paths over 200 steps for every optimizer agree to 1e-9 with the
same status and message. Every refused expression is refused by both, with the same message
wherever the refusal comes from the shared whitelist (not from either side's own parser).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from test_js_agreement import _node, _read_stdin_js

from gdlib.descent import descend
from gdlib.expression import surface_from_expression
from gdlib.optimizers import OPTIMIZERS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = json.loads((ROOT / "tests" / "data" / "expressions.json").read_text())
EXPRESSION_JS = ROOT / "js" / "src" / "expression.js"
DESCENT_JS = ROOT / "js" / "src" / "descent.js"
DEFAULT_BOUNDS = ((-3.0, 3.0), (-3.0, 3.0))
STEPS = 200
# Expressions whose descent is compared, each from its start at two rates, for every optimizer.
DESCENT_TEXTS = [
    "x^2 + 2*y^2",
    "(1 - x)^2 + 100*(y - x^2)^2",
    "log(1 + x^2 + y^2)",
    "x^2 + 3*sin(y)",
    "abs(x - 0.3) + 2*abs(y + 0.7)",
    "tanh(3*x - y)^2 + (y - 1)^2",
    "max(abs(x), abs(y))",
    "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
]
RATES = (0.01, 0.05)
JS_NUMBERS = "const num = (v) => (Number.isFinite(v) ? v : String(v));"  # JSON has no NaN, inf


@functools.cache
def _surface(text: str, bounds: tuple = DEFAULT_BOUNDS):
    return surface_from_expression(text, bounds)


@functools.cache
def _py_run(text: str, optimizer: str, lr: float, start: tuple):
    return descend(_surface(text), start, optimizer, lr, max_iter=STEPS)


def _bounds(entry: dict) -> tuple:
    return tuple(tuple(b) for b in entry.get("bounds", DEFAULT_BOUNDS))


def _grid(bounds) -> np.ndarray:
    """9 x 9 points inside ``bounds``, off the lattice of round numbers (kinks sit there)."""
    (x0, x1), (y0, y1) = bounds
    t = (np.arange(9) + 0.5 + 0.0137) / 9.0
    xs, ys = np.meshgrid(x0 + t * (x1 - x0), y0 + t[::-1] * (y1 - y0))
    return np.stack([xs.ravel(), ys.ravel()], axis=-1)


def _floats(values) -> np.ndarray:
    return np.array([[float(v) for v in row] for row in values], dtype=np.float64)


@pytest.fixture(scope="module")
def js_values() -> list[dict]:
    cases = [
        {"text": e["text"], "bounds": _bounds(e), "points": _grid(_bounds(e)).tolist()}
        for e in CORPUS["accepted"]
    ]
    script = (
        f"import {{ surfaceFromExpression }} from {json.dumps(EXPRESSION_JS.as_uri())};"
        + _read_stdin_js()
        + JS_NUMBERS
        + "const out = input.map((c) => { const s = surfaceFromExpression(c.text, c.bounds);"
        "  return c.points.map(([x, y]) => { const h = s.hessian(x, y);"
        "    return [s.f(x, y), ...s.grad(x, y), h[0][0], h[0][1], h[1][1]].map(num); }); });"
        "process.stdout.write(JSON.stringify(out));"
    )
    return _node(script, cases)


def _worst(js: np.ndarray, py: np.ndarray) -> float:
    return float(np.max(np.abs(js - py) / np.maximum(1.0, np.abs(py)), initial=0.0))


def _sympy_hessian(text: str):
    """SymPy's Hessian of the expression as gdlib builds it, as a NumPy function."""
    from gdlib.expression import _parse, _to_sympy

    expr = _to_sympy(_parse(text), sp)
    x, y = sp.symbols("x y", real=True)
    # Off the kinks of abs, min and max, the second derivative's DiracDelta terms are 0.
    h = sp.hessian(expr, (x, y)).replace(sp.DiracDelta, lambda *args: sp.S.Zero)
    return sp.lambdify((x, y), [h[0, 0], h[0, 1], h[1, 1]], modules="numpy")


@pytest.mark.parametrize("index", range(len(CORPUS["accepted"])))
def test_values_gradients_and_hessians_agree(js_values, index):
    entry = CORPUS["accepted"][index]
    surface = _surface(entry["text"], _bounds(entry))
    points = _grid(surface.bounds)
    js = _floats(js_values[index])
    f, grad = surface.f(points), surface.grad(points)
    finite = np.isfinite(f)
    np.testing.assert_array_equal(np.isfinite(js[:, 0]), finite, err_msg=entry["text"])
    assert finite.sum() >= 0.5 * finite.size, f"{entry['text']}: mostly outside its domain"
    assert _worst(js[finite, 0], f[finite]) <= 1e-12, entry["text"]
    assert _worst(js[finite, 1:3], grad[finite]) <= 1e-12, entry["text"]
    with np.errstate(all="ignore"):
        parts = _sympy_hessian(entry["text"])(points[:, 0], points[:, 1])
        hessian = np.stack([np.broadcast_to(np.asarray(p, float), len(points)) for p in parts], -1)
    both = np.isfinite(hessian).all(-1) & np.isfinite(js[:, 3:]).all(-1) & finite
    assert both.sum() >= 0.5 * finite.sum(), entry["text"]
    assert _worst(js[both, 3:], hessian[both]) <= 1e-9, entry["text"]


DESCENT_CASES = [
    {"text": text, "optimizer": opt, "lr": lr, "start": start}
    for text in DESCENT_TEXTS
    for opt in OPTIMIZERS
    for lr in RATES
    for start in ([2.0, 2.0], [-1.3, 0.4])
]


@pytest.fixture(scope="module")
def js_runs() -> list[dict]:
    script = (
        f"import {{ surfaceFromExpression }} from {json.dumps(EXPRESSION_JS.as_uri())};"
        f"import {{ descend }} from {json.dumps(DESCENT_JS.as_uri())};"
        + _read_stdin_js()
        + "const out = input.map((c) => descend(surfaceFromExpression(c.text), c.start,"
        + f"  {{ optimizer: c.optimizer, lr: c.lr, maxIter: {STEPS} }}));"
        + "process.stdout.write(JSON.stringify(out));"
    )
    return _node(script, DESCENT_CASES)


@pytest.mark.parametrize("index", range(len(DESCENT_CASES)))
def test_descent_paths_agree(js_runs, index):
    case = DESCENT_CASES[index]
    py = _py_run(case["text"], case["optimizer"], case["lr"], tuple(case["start"]))
    js = js_runs[index]
    assert (js["status"], js["criterion"], js["iterations"]) == (
        py.status,
        py.criterion,
        py.iterations,
    ), case
    assert js["message"] == py.message, case
    for name in ("positions", "values", "gradients"):
        ours = np.asarray(js[name], dtype=np.float64)
        assert ours.shape == getattr(py, name).shape, (name, case)
        assert _worst(ours, getattr(py, name)) <= 1e-9, (name, case)


def test_descent_cases_run_long_and_end_every_way():
    runs = [_py_run(c["text"], c["optimizer"], c["lr"], tuple(c["start"])) for c in DESCENT_CASES]
    assert {r.status for r in runs} == {"converged", "diverged", "max_iter"}
    assert sum(r.iterations == STEPS for r in runs) >= len(runs) // 3


@pytest.fixture(scope="module")
def js_refusals() -> list[str]:
    script = (
        f"import {{ surfaceFromExpression }} from {json.dumps(EXPRESSION_JS.as_uri())};"
        + _read_stdin_js()
        + "const out = input.map((text) => { try { surfaceFromExpression(text); return null; }"
        "  catch (error) { return `${error.name}: ${error.message}`; } });"
        "process.stdout.write(JSON.stringify(out));"
    )
    return _node(script, [e["text"] for e in CORPUS["refused"]])


@pytest.mark.parametrize("index", range(len(CORPUS["refused"])))
def test_both_refuse_with_the_same_message(js_refusals, index):
    entry = CORPUS["refused"][index]
    with pytest.raises(ValueError) as caught:
        surface_from_expression(entry["text"])
    py, js = str(caught.value), js_refusals[index]
    assert js is not None, f"JS accepted {entry['text']!r}"
    assert js.startswith("ExpressionError: expression: "), js
    js = js.removeprefix("ExpressionError: ")
    assert entry["message"] in py, py
    assert entry["message"] in js, js
    own_parser = "syntax error" in py or "is not allowed" in py or "syntax error" in js
    if not own_parser:
        assert js == py

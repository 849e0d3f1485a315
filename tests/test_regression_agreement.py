"""The JS port of fit_linear (js/src/regression.js) agrees with gdlib's, step for step.

gdlib draws each epoch's row order from ``numpy.random.default_rng(seed)``; the JS port takes the
orders as an argument. The same permutations (drawn here exactly as fit_linear draws them) go to
both, and the parameter paths, losses, examples seen, epoch losses, status and message must match
to 1e-9 (relative once numbers pass 1), on the variant pages' data and on small problems, for batch
sizes from 1 to n, with rate decay, and on runs that diverge.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from _node import run_node

from gdlib.datasets import make_regression
from gdlib.regression import fit_linear

REGRESSION_JS = Path(__file__).resolve().parent.parent / "js" / "src" / "regression.js"


def _problem(n: int, seed: int, shift: float = 1.0):
    X, y, _ = make_regression(n, 2, noise=1.0, seed=seed)
    X[:, 1] += shift
    return X, y


CASES = [
    {"n": n, "seed": seed, "batch": b, "lr": lr, "epochs": epochs, "decay": decay, "fit_seed": fs}
    for n, seed in ((200, 3), (37, 1))
    for b in sorted({1, 4, 16, n - 1, n})
    for lr, epochs, decay in ((0.05, 4, 0.0), (0.2, 3, 0.5), (3.0, 3, 0.0))
    for fs in (0, 5)
]


def _orders(case: dict) -> list[list[int]]:
    """The permutations fit_linear draws: one per epoch from default_rng(seed), if it shuffles."""
    if case["batch"] >= case["n"]:
        return []
    rng = np.random.default_rng(case["fit_seed"])
    return [rng.permutation(case["n"]).tolist() for _ in range(case["epochs"])]


@pytest.fixture(scope="module")
def js_runs() -> list[dict]:
    payload = []
    for case in CASES:
        X, y = _problem(case["n"], case["seed"])
        payload.append(
            {
                "X": X.tolist(),
                "y": y.tolist(),
                "options": {
                    "lr": case["lr"],
                    "epochs": case["epochs"],
                    "batchSize": case["batch"],
                    "lrDecay": case["decay"],
                    "orders": _orders(case),
                    "theta0": [-3.0, 1.5],
                },
            }
        )
    script = (
        f"import {{ fitLinear }} from {json.dumps(REGRESSION_JS.as_uri())};"
        "const chunks = []; for await (const c of process.stdin) chunks.push(c);"
        "const input = JSON.parse(Buffer.concat(chunks).toString());"
        "process.stdout.write(JSON.stringify(input.map((c) => fitLinear(c.X, c.y, c.options))));"
    )
    return run_node(script, payload, "the live figures")


def _close(name: str, js: object, py: np.ndarray, case: dict) -> None:
    js = np.asarray(js, dtype=np.float64)
    assert js.shape == py.shape, f"{name} shape {js.shape} != {py.shape} for {case}"
    worst = float(np.max(np.abs(js - py) / np.maximum(1.0, np.abs(py)))) if py.size else 0.0
    assert worst <= 1e-9, f"{name} differ by {worst:.3g} for {case}"


@pytest.mark.parametrize("index", range(len(CASES)))
def test_js_fit_linear_matches_gdlib(js_runs, index):
    case = CASES[index]
    X, y = _problem(case["n"], case["seed"])
    py = fit_linear(
        X,
        y,
        lr=case["lr"],
        epochs=case["epochs"],
        batch_size=case["batch"],
        seed=case["fit_seed"],
        lr_decay=case["decay"],
        theta0=np.array([-3.0, 1.5]),
    )
    js = js_runs[index]
    assert (js["status"], js["message"]) == (py.status, py.message), case
    _close("thetas", js["thetas"], py.thetas, case)
    _close("losses", js["losses"], py.losses, case)
    _close("epoch losses", js["epochLosses"], py.epoch_losses, case)
    assert js["examplesSeen"] == py.examples_seen.tolist(), case


def test_cases_cover_both_endings():
    endings = set()
    for case in CASES:
        X, y = _problem(case["n"], case["seed"])
        run = fit_linear(X, y, lr=case["lr"], epochs=case["epochs"], batch_size=case["batch"])
        endings.add(run.status)
    assert endings == {"completed", "diverged"}

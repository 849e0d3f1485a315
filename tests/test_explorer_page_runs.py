"""The explorer page's numbers are what the explorer itself shows for the runs it links to.

The page quotes gdlib's runs of its "things to try" (scripts/fig_explorer_fallback.py's TRY), up
to 5,000 steps long, and the curvature note of its "Your function" example; the reader sees the
JavaScript's. tests/test_js_agreement.py compares the two ports on short runs; here Node replays
every linked run to its full length, and writes the note the page says it writes.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from _js_data import write_js_data
from _node import run_node
from _scripts import load_script

from gdlib.descent import descend
from gdlib.expression import surface_from_expression

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = load_script("fig_explorer_fallback")
TRY_FACTS = load_script("_explorer_try")
custom_curvature = TRY_FACTS.custom_curvature

SRC = ROOT / "js" / "src"
READ = "const chunks = []; for await (const c of process.stdin) chunks.push(c);"
READ += "const input = JSON.parse(Buffer.concat(chunks).toString());"
LINKED = [
    {"name": name, "surface": run.surface, "optimizer": o, "lr": run.lr, "start": list(run.start)}
    | {"max_iter": run.max_iter, "expr": run.expr, "bounds": run.bounds}
    for name, run in FALLBACK.TRY.items()
    for o in run.optimizers
]


@pytest.fixture(scope="module")
def js_runs() -> list[dict]:
    write_js_data()
    # "Your function" runs on the surface the reader's text makes, in both languages.
    script = (
        f"import {{ descend }} from {json.dumps((SRC / 'descent.js').as_uri())};"
        f"import {{ surfaceFromExpression }} from {json.dumps((SRC / 'expression.js').as_uri())};"
        f"{READ}process.stdout.write(JSON.stringify(input.map((c) => descend("
        "  c.expr ? surfaceFromExpression(c.expr, c.bounds) : c.surface, c.start,"
        "  { optimizer: c.optimizer, lr: c.lr, maxIter: c.max_iter }))));"
    )
    return run_node(script, LINKED, "the explorer page's linked runs")


@pytest.mark.parametrize(
    "index",
    range(len(LINKED)),
    ids=lambda i: "-".join(str(LINKED[i][k]) for k in ("name", "optimizer")),
)
def test_the_explorer_replays_each_linked_run_as_gdlib_ran_it(js_runs, index):
    case, js = LINKED[index], js_runs[index]
    surface = case["surface"]
    if case["expr"]:
        surface = surface_from_expression(case["expr"], case["bounds"])
    py = descend(surface, case["start"], case["optimizer"], case["lr"], max_iter=case["max_iter"])
    assert (js["status"], js["iterations"], js["message"]) == (py.status, py.iterations, py.message)
    scale = np.maximum(1.0, np.abs(py.positions))
    worst = np.max(np.abs(np.asarray(js["positions"]) - py.positions) / scale)
    assert worst <= TRY_FACTS.AGREEMENT_TOLERANCE


def test_the_curvature_note_says_what_the_page_quotes():
    run = FALLBACK.TRY["custom"]
    page = custom_curvature(surface_from_expression(run.expr, run.bounds), run.start)
    script = (
        f"import {{ surfaceFromExpression }} from {json.dumps((SRC / 'expression.js').as_uri())};"
        f"import {{ curvatureNote }} from {json.dumps((SRC / 'custom.js').as_uri())};{READ}"
        "const surface = surfaceFromExpression(input.expr, input.bounds);"
        "process.stdout.write(JSON.stringify(curvatureNote(surface, ...input.start)));"
    )
    payload = {"expr": run.expr, "bounds": run.bounds, "start": run.start}
    note = run_node(script, payload, "the explorer's curvature note", "--no-warnings")
    for said in (f"λ = {page['custom_lambda']}", f"1/λ = {page['custom_overshoot']}"):
        assert said in note, note
    assert f"2/λ = {page['custom_limit']}" in note, note

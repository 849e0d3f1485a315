"""Links into the explorer open the runs the page describes: Python writes them, JS reads them back.

scripts/_explorer_link.py writes a run's settings as a URL hash; the explorer page's "things to
try" links come from it (fig_explorer_fallback.py's TRY, the same settings as the runs whose
numbers the page quotes). Node's `parseHash` (js/src/url-state.js) must read every link back to
exactly those settings, with no message, and the page must not type a hash of its own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from _js_data import write_js_data
from _node import run_node
from _scripts import load_script

from gdlib.optimizers import OPTIMIZERS

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = load_script("fig_explorer_fallback")
LINK = load_script("_explorer_link")
ExplorerRun, explorer_hash = LINK.ExplorerRun, LINK.explorer_hash

PARSE = """
import { parseHash } from "URL_STATE";
const chunks = []; for await (const c of process.stdin) chunks.push(c);
const hashes = JSON.parse(Buffer.concat(chunks).toString());
process.stdout.write(JSON.stringify(hashes.map((h) => parseHash(h))));
"""
# Beyond the page's links: numbers JS and Python write differently (1e-05, 2.0), a text to escape.
EXTRA = [
    ExplorerRun("valley", 1e-4, (-2.5, 0.125), ("adam", "gd"), speed=100, max_iter=100000),
    ExplorerRun("saddle", 0.25, (1.5, 0.01), ("nesterov",), speed=2, max_iter=7),
    ExplorerRun(
        "custom",
        0.5,
        (-1.0, 2.5),
        ("gd",),
        expr="(1 - x)^2 + 100*(y - x^2)^2 & #",
        bounds=((-2, 2), (-1, 3)),
    ),
]


def _expected(run: ExplorerRun) -> dict:
    state = {
        "surface": run.surface,
        "lr": run.lr,
        "x": run.start[0],
        "y": run.start[1],
        "optimizers": [o for o in OPTIMIZERS if o in run.optimizers],  # the explorer's order
        "speed": run.speed,
        "maxIter": run.max_iter,
        "step": 0,
    }
    if run.surface == "custom":
        state |= {"expr": run.expr, "bounds": [list(pair) for pair in run.bounds]}
    return state


@pytest.fixture(scope="module")
def parsed() -> dict[str, dict]:
    write_js_data()
    runs = {**FALLBACK.TRY, **{f"extra{i}": run for i, run in enumerate(EXTRA)}}
    script = PARSE.replace("URL_STATE", (ROOT / "js" / "src" / "url-state.js").as_uri())
    hashes = [explorer_hash(run) for run in runs.values()]
    results = run_node(script, hashes, "the explorer's links", "--no-warnings")
    return {name: (run, result) for (name, run), result in zip(runs.items(), results, strict=True)}


@pytest.mark.parametrize("name", [*FALLBACK.TRY, "extra0", "extra1", "extra2"])
def test_js_reads_the_python_hash_back_to_the_same_run(parsed, name):
    run, result = parsed[name]
    assert result["messages"] == [], f"{explorer_hash(run)}: {result['messages']}"
    state = result["state"]
    expected = _expected(run)
    assert {key: state[key] for key in expected} == expected


def test_a_custom_run_needs_its_text_and_domain():
    with pytest.raises(ValueError, match="run: a custom surface needs its expr and bounds"):
        explorer_hash(replace(FALLBACK.TRY["custom"], expr=None))


def test_an_unknown_optimizer_is_refused():
    with pytest.raises(ValueError, match="run: unknown optimizer 'sgd'"):
        explorer_hash(replace(FALLBACK.TRY["valley"], optimizers=("gd", "sgd")))


def test_the_page_links_come_from_the_build_not_typed():
    page = (ROOT / "docs" / "explore.md").read_text(encoding="utf-8")
    assert "#s=" not in page, "docs/explore.md types an explorer hash; use {{ explore.*_link }}"
    for name in FALLBACK.TRY:
        assert f"({{{{ explore.{name}_link }}}})" in page

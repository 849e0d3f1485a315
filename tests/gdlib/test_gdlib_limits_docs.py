"""The divergence limits are absolute, and the reference says so; the optimizers page lists states.

Session 45's review: fit_linear on y = 2e12 (a column of ones, lr 0.1, stable: 2/L = 1) reported
"diverged ... parameter norm exceeded 1e+12", and descend towards a minimum at x = 2e6 reported
"diverged" with a hint that the rate may be too large, while both runs contract. The limits stay
(the JavaScript port and the site's quoted runs share them); their docstrings, and descend's and
fit_linear's, say that a problem of that scale must be rescaled.
"""

from __future__ import annotations

import ast
import inspect
import itertools
from pathlib import Path

import numpy as np
import pytest

import gdlib
from gdlib import descend, fit_linear, surface_from_expression

ROOT = Path(gdlib.__file__).resolve().parent.parent


def attribute_docstring(module: str, name: str) -> str:
    """The string literal that follows ``name = ...`` in gdlib's ``module`` (what griffe reads)."""
    body = ast.parse((ROOT / "gdlib" / f"{module}.py").read_text(encoding="utf-8")).body
    for node, after in itertools.pairwise(body):
        named = any(getattr(t, "id", None) == name for t in getattr(node, "targets", []))
        if named and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
            return " ".join(after.value.value.split())
    return ""


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("_minibatch", "MAX_THETA_NORM"),
        ("_divergence", "MAX_POSITION"),
        ("_divergence", "MAX_VALUE"),
    ],
)
def test_each_limit_has_a_docstring_saying_it_is_absolute_and_to_rescale(module, name):
    doc = attribute_docstring(module, name)
    assert "absolute" in doc and "diverged" in doc and "rescale" in doc, (name, doc)


def test_the_runs_the_review_measured_are_still_reported_as_diverged():
    # The behaviour is kept (the JS mirror and the site agree with it); only the docs changed.
    run = fit_linear(np.ones((3, 1)), np.full(3, 2e12), lr=0.1, epochs=50)
    assert run.status == "diverged" and "parameter norm exceeded 1e+12" in run.message
    far = surface_from_expression("((x - 2000000)^2 + y^2) / 1000000")
    assert descend(far, (2.0, 2.0), lr=200000.0).status == "diverged"


@pytest.mark.parametrize(
    ("function", "words"),
    [
        (descend, ("MAX_VALUE", "MAX_POSITION", "absolute", "Rescale")),
        (fit_linear, ("MAX_THETA_NORM", "absolute", "rescale")),
    ],
)
def test_descend_and_fit_linear_state_the_limits_in_their_returns(function, words):
    returns = " ".join(inspect.getdoc(function).split("Returns:")[1].split("Raises:")[0].split())
    for word in words:
        assert word in returns, (function.__name__, word)


def test_the_optimizers_reference_page_lists_every_state():
    page = (ROOT / "docs" / "code" / "reference" / "optimizers.md").read_text(encoding="utf-8")
    members = page.split("members: [")[1].split("]")[0].replace(" ", "").split(",")
    assert {"SgdState", "AdagradState", "RmspropState", "AdamState"} <= set(members)
    assert set(members) <= set(gdlib.optimizers.__all__)

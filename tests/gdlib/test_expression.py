"""gdlib.surface_from_expression on its own: exact gradients, descent, refusals, the optional extra.

Agreement with the explorer's JavaScript is in tests/test_expression_agreement.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest

from gdlib import SURFACES, descend, surface_from_expression
from gdlib.expression import MAX_DEPTH, MAX_LENGTH

CORPUS = json.loads((Path(__file__).parents[1] / "data" / "expressions.json").read_text())


def test_the_issue_example_at_two_two():
    s = surface_from_expression("x^2 + 2*y^2")
    assert float(s.f([2.0, 2.0])) == 12.0
    assert s.grad([2.0, 2.0]).tolist() == [4.0, 8.0]
    assert (s.name, s.title, s.formula) == ("custom", "Your function", "f(x, y) = x^{2} + 2 y^{2}")


def test_a_typed_negative_number_is_one_literal_in_the_formula():
    # Not x^{(-1) 2}: unary minus on a number gives the negative number, on anything else -1 times.
    formula = lambda text: surface_from_expression(text).formula.removeprefix("f(x, y) = ")  # noqa: E731
    assert formula("x^-2 + y^2") == r"y^{2} + \frac{1}{x^{2}}"
    assert formula("-3*x + y/-2") == r"- 3 x + \frac{y}{-2}"
    assert formula("-(x + y)") == "- (x + y)"


@pytest.mark.parametrize("entry", CORPUS["accepted"], ids=lambda e: e["text"][:40])
def test_gradient_matches_central_differences(entry):
    s = surface_from_expression(entry["text"], entry.get("bounds", ((-3, 3), (-3, 3))))
    (x0, x1), (y0, y1) = s.bounds
    rng = np.random.default_rng(0)
    points = np.stack([rng.uniform(x0, x1, 40), rng.uniform(y0, y1, 40)], axis=-1)
    h = 1e-6
    grad = s.grad(points)
    for axis in (0, 1):
        step = np.zeros(2)
        step[axis] = h
        numeric = (s.f(points + step) - s.f(points - step)) / (2 * h)
        ok = np.isfinite(numeric) & np.isfinite(grad[:, axis])
        assert ok.sum() >= 20, entry["text"]
        scale = 1.0 + np.abs(grad[ok, axis])
        assert np.all(np.abs(grad[ok, axis] - numeric[ok]) <= 1e-4 * scale), entry["text"]


def test_shapes_follow_the_points_even_for_constant_parts():
    s = surface_from_expression("x + pi")
    assert s.f(np.zeros((4, 5, 2))).shape == (4, 5)
    assert s.grad(np.zeros((4, 5, 2))).shape == (4, 5, 2)
    assert s.grad([[0.0, 0.0], [1.0, 1.0]]).tolist() == [[1.0, 0.0], [1.0, 0.0]]


def test_descend_runs_unchanged_and_matches_the_builtin_bowl():
    ours = descend(surface_from_expression("x^2 + y^2"), (2.0, 2.0), "momentum", 0.05)
    builtin = descend(SURFACES["bowl"], (2.0, 2.0), "momentum", 0.05)
    assert (ours.status, ours.iterations, ours.message) == (
        builtin.status,
        builtin.iterations,
        builtin.message,
    )
    np.testing.assert_allclose(ours.positions, builtin.positions, rtol=0, atol=1e-15)


def test_outside_its_domain_f_is_nan_and_descent_stops_with_a_message():
    s = surface_from_expression("sqrt(x) + y^2", ((-1, 3), (-3, 3)))
    assert np.isnan(s.f([-0.5, 0.0]))
    run = descend(s, (0.3, 1.0), lr=0.5)
    assert run.status == "diverged"
    assert "not finite" in run.message
    assert run.message.endswith(
        "; the step landed where the function or its gradient is undefined or overflows"
    )
    assert np.isfinite(run.values).all()


def test_a_custom_surface_has_unknown_minima_and_never_reads_unbounded_below():
    s = surface_from_expression("x^2 + 2*y^2")
    assert s.minima is None and s.lipschitz is None
    run = descend(s, (2.0, 2.0), lr=1.5)
    assert run.status == "diverged"
    assert "this surface is unbounded below" not in run.message
    assert "; no global L or minimum is known for this function: the rate may be too large" in (
        run.message
    )
    # The saddle's minima are known to be none: it keeps its message.
    assert descend("saddle", (1.5, 0.01), lr=0.1).message.endswith("unbounded below")


def test_overflow_gives_inf_not_an_exception():
    s = surface_from_expression("10^400*x + exp(1000*y)")
    assert np.isinf(s.f([1.0, 1.0]))


@pytest.mark.parametrize(
    ("bounds", "start"),
    [
        (((-3, 3), (-3, 3)), (2.0, 2.0)),
        (((-1, 1), (0, 4)), (0.0, 2.0)),
        (((0, 4), (0, 1)), (2.0, 0.5)),
    ],
)
def test_start_is_two_two_while_inside_else_the_centre(bounds, start):
    assert surface_from_expression("x*y", bounds).start == start


@pytest.mark.parametrize("entry", CORPUS["refused"], ids=lambda e: repr(e["text"][:30]))
def test_refusals_name_the_expression(entry):
    with pytest.raises(ValueError, match=r"^expression: ") as caught:
        surface_from_expression(entry["text"])
    assert entry["message"] in str(caught.value)


def test_limits_are_what_the_messages_say():
    surface_from_expression("x+" + "1" * (MAX_LENGTH - 2))
    surface_from_expression("-" * (MAX_DEPTH - 1) + "x")
    with pytest.raises(ValueError, match=f"more than {MAX_DEPTH} levels"):
        surface_from_expression("-" * MAX_DEPTH + "x")


def test_syntax_errors_point_at_the_readers_column_despite_the_power_rewrite():
    with pytest.raises(ValueError, match="syntax error at position 10:"):
        surface_from_expression("x^2 + y^2)")
    with pytest.raises(ValueError, match="syntax error at position 5:"):
        surface_from_expression("  x^)")


@pytest.mark.parametrize(
    "bounds", [((0, 0), (0, 1)), ((0, 1),), ((0, float("nan")), (0, 1)), "(-3, 3)", None]
)
def test_bad_bounds_are_named(bounds):
    with pytest.raises(ValueError, match=r"^bounds must be"):
        surface_from_expression("x", bounds)


def test_text_must_be_a_string():
    with pytest.raises(TypeError, match="expression: must be a string, got int"):
        surface_from_expression(3)


def test_gdlib_imports_without_sympy_and_the_function_says_how_to_install_it():
    code = (
        "import sys; sys.modules['sympy'] = None\n"
        "import gdlib\n"
        "print(gdlib.descend('bowl', (2.0, 2.0)).status)\n"
        "try:\n    gdlib.surface_from_expression('x^2')\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    # The requirement it names is pyproject's: PyPI's "gdlib" is another project, so not the extra.
    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text("utf-8"))
    (requirement,) = project["project"]["optional-dependencies"]["expr"]
    assert out.splitlines() == [
        "converged",
        f'surface_from_expression needs SymPy: pip install "{requirement}"',
    ]

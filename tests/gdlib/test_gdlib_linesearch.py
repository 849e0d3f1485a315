"""Backtracking (Armijo) line search: the answer when L is unknown (issue 9 §5).

Every run is checked against the definition: each accepted step passes the Armijo test, the
step before it (one shrink larger) fails it, f never increases, and the runs converge where
plain gradient descent at the same first rate diverges.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_gdlib_descent import quadratic

from gdlib import SURFACES, descend, descend_backtracking
from gdlib.linesearch import backtracking_step

WITH_MINIMA = [name for name, s in SURFACES.items() if s.minima]  # all but the saddle
FIRST_RATES = (1.0, 100.0)
C, SHRINK = 1e-4, 0.5


def run_of(name, lr, **options):
    surface = SURFACES[name]
    return descend_backtracking(surface, surface.start, lr=lr, max_iter=30_000, **options)


def assert_armijo_everywhere(run, surface, lr, c=C, shrink=SHRINK):
    """Each step is x - eta g with eta the first of lr, shrink lr, ... that passes Armijo."""
    n = run.iterations
    assert run.step_sizes.shape == run.evaluations.shape == (n,)
    for k in range(n):
        x, g, eta = run.positions[k], run.gradients[k], run.step_sizes[k]
        np.testing.assert_array_equal(run.positions[k + 1], x - eta * g)
        assert run.values[k + 1] <= run.values[k] - c * eta * float(g @ g)
        assert eta == lr * shrink ** (run.evaluations[k] - 1)
        if run.evaluations[k] > 1:  # the trial just before was rejected by the same test
            bigger = eta / shrink
            rejected = float(surface.f(x - bigger * g))
            assert not rejected <= run.values[k] - c * bigger * float(g @ g)


def test_the_surfaces_with_minima_are_five():
    assert WITH_MINIMA == ["bowl", "valley", "rosenbrock", "himmelblau", "camel"]


@pytest.mark.parametrize("lr", FIRST_RATES)
@pytest.mark.parametrize("name", WITH_MINIMA)
def test_converges_on_every_surface_with_a_minimum(name, lr):
    surface = SURFACES[name]
    run = run_of(name, lr)
    assert (run.status, run.criterion) == ("converged", "grad_tol"), run.message
    distance = min(math.dist(run.positions[-1], m) for m in surface.minima)
    assert distance < 1e-3, f"{name} ended at {run.positions[-1]}, not at a known minimum"
    assert_armijo_everywhere(run, surface, lr)
    assert np.all(np.diff(run.values) <= 0.0), "f increased"


@pytest.mark.parametrize(("name", "lr"), [("bowl", 100.0), ("valley", 1.0), ("camel", 100.0)])
def test_converges_where_plain_gradient_descent_at_that_rate_diverges(name, lr):
    surface = SURFACES[name]
    assert descend(surface, surface.start, lr=lr).status == "diverged"
    assert run_of(name, lr).status == "converged"


def test_the_saddle_is_left_downhill_and_reported_unbounded():
    run = descend_backtracking("saddle", (1.5, 0.01), lr=1.0)
    assert run.status == "diverged"
    assert run.message.endswith("; this surface is unbounded below")
    assert np.all(np.diff(run.values) < 0.0)
    assert_armijo_everywhere(run, SURFACES["saddle"], 1.0)


@settings(max_examples=40, deadline=None)
@given(
    eigenvalues=st.tuples(st.floats(0.01, 10.0), st.floats(0.01, 10.0)),
    angle=st.floats(0.0, np.pi),
    lr=st.floats(1e-3, 1e3),
    start=st.tuples(st.floats(-5, 5), st.floats(-5, 5)),
)
def test_accepted_steps_respect_the_textbook_lower_bound(eigenvalues, angle, lr, start):
    # every eta <= 2 (1 - c) / L passes Armijo, so backtracking never shrinks below shrink times it
    surface = quadratic(eigenvalues, angle)
    run = descend_backtracking(surface, start, lr=lr, max_iter=200, grad_tol=1e-9)
    assert run.status in ("converged", "max_iter"), run.message
    floor = min(lr, SHRINK * 2 * (1 - C) / surface.lipschitz)
    assert np.all(run.step_sizes >= floor * (1 - 1e-12))
    assert np.all(np.diff(run.values) <= 0.0)


def test_one_step_on_the_bowl_halves_from_four_to_the_exact_minimiser():
    bowl = SURFACES["bowl"]
    x = np.array([2.0, 2.0])
    step = backtracking_step(bowl.f, x, 8.0, bowl.grad(x), lr=4.0)
    # 4, 2 and 1 overshoot to f = 392, 72 and 8 (no decrease); 0.5 lands on (0, 0)
    assert (step.lr, step.evaluations, step.accepted, step.value) == (0.5, 4, True, 0.0)


def test_a_search_that_finds_no_step_stops_the_run_as_stalled():
    run = descend_backtracking("bowl", (2.0, 2.0), lr=4.0, max_backtracks=3)
    assert (run.status, run.iterations, run.criterion) == ("stalled", 0, None)
    assert run.message == (
        "stalled: no step of 3 trials passed the Armijo test at [2.0, 2.0] (rates 4 down to 1): "
        "the first rate lr may be too large for max_backtracks = 3 trials (lower lr or raise "
        "max_backtracks), or -gradient is not a descent direction there (f is not "
        "differentiable at that point, or the gradient is wrong), or the gradient is so small "
        "that f's rounding hides the decrease"
    )
    assert run.positions.tolist() == [[2.0, 2.0]]


def test_a_search_that_finds_no_step_says_why_that_may_be():
    bowl = SURFACES["bowl"]
    x = np.array([2.0, 2.0])
    step = backtracking_step(bowl.f, x, 8.0, bowl.grad(x), lr=4.0, max_backtracks=3)
    assert (step.accepted, step.lr, step.evaluations) == (False, 0.0, 3)
    assert "(rates 4 down to 1): the first rate lr may be too large" in step.message
    found = backtracking_step(bowl.f, x, 8.0, bowl.grad(x), lr=4.0)
    assert found.accepted and found.message == "accepted: the rate passed the Armijo test"


def test_a_search_stuck_on_a_kink_points_at_f_not_being_differentiable_there():
    # f = |x| at x = 0 with the gradient from the right: no rate down to 2^-59 lowers f.
    step = backtracking_step(lambda p: abs(p[0]), np.zeros(2), 0.0, np.array([1.0, 0.0]))
    assert (step.accepted, step.evaluations, step.point.tolist()) == (False, 60, [0.0, 0.0])
    assert "at [0.0, 0.0] (rates 1 down to 1.73e-18)" in step.message
    assert "f is not differentiable at that point, or the gradient is wrong" in step.message


@pytest.mark.parametrize("f", [None, 8.0, "x**2 + y**2", np.array([1.0, 2.0])])
def test_one_search_step_names_f_when_it_is_not_callable(f):
    x = np.array([2.0, 2.0])
    with pytest.raises(TypeError, match=r"^f must be callable .*, got "):
        backtracking_step(f, x, 8.0, np.array([4.0, 4.0]))


def test_a_step_accepted_by_rounding_alone_stops_the_run_as_stalled():
    # At lr 1e-20 the trial point is the point itself, and f - c * lr * |g|^2 rounds to f.
    run = descend_backtracking("bowl", (1.0, 1.0), lr=1e-20)
    assert (run.status, run.iterations, run.criterion) == ("stalled", 0, None)
    assert run.message == "stalled: the accepted step left the point unchanged (f's rounding)"


def test_max_iter_stops_the_run():
    run = descend_backtracking("rosenbrock", (-1.5, 2.0), max_iter=10)
    assert (run.status, run.iterations) == ("max_iter", 10)
    assert run.message == "stopped: reached max_iter = 10"


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"lr": 0.0}, ValueError, "Invalid learning rate: 0.0"),
        ({"lr": math.inf}, ValueError, "Invalid learning rate: inf"),
        ({"c": 1.0}, ValueError, "Invalid c value: 1.0"),
        ({"c": 0.0}, ValueError, "Invalid c value: 0.0"),
        ({"shrink": 1.5}, ValueError, "Invalid shrink value: 1.5"),
        ({"shrink": math.nan}, ValueError, "Invalid shrink value: nan"),
        ({"shrink": "half"}, TypeError, "shrink must be a real number"),
        ({"max_backtracks": 0}, ValueError, "max_backtracks must be in [1, inf), got 0"),
        ({"max_iter": -1}, ValueError, "max_iter must be in [0, inf)"),
        ({"grad_tol": -1.0}, ValueError, "grad_tol"),
        ({"start": (math.nan, 0.0)}, ValueError, "start contains NaN"),
        ({"surface": "moon"}, ValueError, "Unknown surface name 'moon'"),
    ],
)
def test_bad_arguments_name_themselves(kwargs, error, words):
    arguments = {"surface": "bowl", "start": (2.0, 2.0), **kwargs}
    with pytest.raises(error) as raised:
        descend_backtracking(**arguments)
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        # Each was accepted before: c = -1 even took a step that raised f from 8 to 72.
        ({"lr": 2.0, "c": -1.0}, ValueError, "Invalid c value: -1.0"),
        ({"shrink": 0.0}, ValueError, "Invalid shrink value: 0.0"),
        ({"lr": -1.0}, ValueError, "Invalid learning rate: -1.0"),
        ({"lr": "a"}, TypeError, "lr must be a real number"),
        ({"max_backtracks": 0}, ValueError, "max_backtracks must be in [1, inf), got 0"),
    ],
)
def test_one_search_step_checks_its_settings_too(kwargs, error, words):
    bowl = SURFACES["bowl"]
    x = np.array([2.0, 2.0])
    with pytest.raises(error) as raised:
        backtracking_step(bowl.f, x, 8.0, bowl.grad(x), **kwargs)
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("where", "bad", "error", "words"),
    [
        # A NaN value failed every trial and was reported as no rate passing the Armijo test.
        ("value", math.nan, ValueError, "value must be finite, got nan"),
        ("value", "8", TypeError, "value must be a real number"),
        ("point", np.array([2.0, math.inf]), ValueError, "point contains NaN or infinite"),
        ("gradient", np.array([4.0]), ValueError, "gradient must have shape (2,)"),
    ],
)
def test_one_search_step_checks_where_it_starts(where, bad, error, words):
    bowl = SURFACES["bowl"]
    x = np.array([2.0, 2.0])
    arguments = {"point": x, "value": 8.0, "gradient": bowl.grad(x)} | {where: bad}
    with pytest.raises(error) as raised:
        backtracking_step(bowl.f, **arguments)
    assert words in str(raised.value)


def test_near_a_minimum_the_search_stalls_on_rounding_and_says_so():
    """Neither cause the message named first: at a gradient norm near 1e-7, f's rounding."""
    camel = SURFACES["camel"]
    run = descend_backtracking("camel", camel.start, grad_tol=1e-300, max_backtracks=8)
    assert run.status == "stalled"
    assert np.linalg.norm(camel.grad(run.positions[-1])) < 1e-6
    assert run.message.endswith("or the gradient is so small that f's rounding hides the decrease")


def test_backtracking_step_takes_the_value_a_surface_returns():
    # Before: Surface.f returns a 0-d array and check_finite refused it: "value must be a real
    # number, got ndarray".
    bowl = SURFACES["bowl"]
    x = np.array([2.0, 2.0])
    step = backtracking_step(bowl.f, x, bowl.f(x), bowl.grad(x), lr=4.0)
    assert (step.lr, step.point.tolist(), step.value) == (0.5, [0.0, 0.0], 0.0)
    with pytest.raises(TypeError, match="value must be a real number, got ndarray"):
        backtracking_step(bowl.f, x, np.array([8.0]), bowl.grad(x))
    with pytest.raises(TypeError, match="value must be a real number"):
        backtracking_step(bowl.f, x, np.array(True), bowl.grad(x))


@pytest.mark.parametrize(
    ("f", "got"),
    [
        (lambda p: p * p, "an array of shape (2,), dtype float64"),  # was numpy's own TypeError
        (lambda p: "0", "str"),  # was accepted: float("0")
        (lambda p: 1.0 + 0j, "complex"),
        (lambda p: np.array(1.0 + 0j), "an array of shape (), dtype complex128"),
        (lambda p: None, "NoneType"),
    ],
)
def test_backtracking_step_names_f_when_it_returns_no_real_number(f, got):
    x, g = np.ones(2), 2 * np.ones(2)
    with pytest.raises(TypeError) as raised:
        backtracking_step(f, x, 2.0, g)
    assert str(raised.value) == f"f must return a real number (its value at a point), got {got}"


def test_a_non_finite_trial_value_still_just_fails_the_test():
    step = backtracking_step(
        lambda p: np.inf if p[0] < 0.5 else float(p @ p), np.ones(2), 2.0, 2 * np.ones(2), lr=1.0
    )
    assert step.accepted and step.lr == 0.25

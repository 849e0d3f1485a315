"""gdlib.rates: the linear rate predicted from the Hessian matches the one measured on runs."""

import math
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_gdlib_descent import quadratic

from gdlib import descend
from gdlib.rates import (
    best_fixed_rate,
    condition_number,
    measured_rate,
    predicted_rate,
    steps_to_shrink,
)

VALLEY = (2.0, 20.0)  # the Hessian of x^2 + 10 y^2


@settings(max_examples=50, deadline=None)
@given(eigenvalues=st.lists(st.floats(1e-3, 1e3), min_size=1, max_size=5))
def test_the_best_fixed_rate_gives_kappa_minus_one_over_kappa_plus_one(eigenvalues):
    kappa = condition_number(eigenvalues)
    rho = predicted_rate(eigenvalues)
    assert math.isclose(rho, (kappa - 1) / (kappa + 1), rel_tol=1e-9, abs_tol=1e-12)
    for other in (0.5, 0.9, 1.1, 2.0):  # no other rate does better
        assert predicted_rate(eigenvalues, other * best_fixed_rate(eigenvalues)) >= rho - 1e-12


@settings(max_examples=40, deadline=None)
@given(
    eigenvalues=st.tuples(st.floats(0.05, 5.0), st.floats(0.05, 5.0)),
    angle=st.floats(0.0, np.pi),
    start=st.tuples(st.floats(0.5, 5), st.floats(0.5, 5)),
)
def test_measured_equals_predicted_at_the_best_rate_on_any_quadratic(eigenvalues, angle, start):
    surface = quadratic(eigenvalues, angle)  # f = p^T A p: the Hessian is 2 A
    hessian = tuple(2 * e for e in eigenvalues)
    run = descend(surface, start, lr=best_fixed_rate(hessian), max_iter=30, grad_tol=1e-12)
    stop = min(run.iterations, 30)
    if stop >= 2 and np.linalg.norm(run.positions[stop]) > 1e-200:
        measured = measured_rate(run.positions, (0.0, 0.0), 0, stop)
        assert math.isclose(measured, predicted_rate(hessian), rel_tol=1e-6, abs_tol=1e-12)


def test_the_valley_measured_against_predicted():
    run = descend("valley", (-2.5, 1.0), lr=best_fixed_rate(VALLEY), max_iter=60)
    assert math.isclose(measured_rate(run.positions, (0, 0)), 9 / 11, rel_tol=1e-9)
    assert math.isclose(predicted_rate(VALLEY), 9 / 11, rel_tol=1e-12)
    # below the best rate the slow direction decides: rho(0.02) = 1 - 0.02 * 2 = 0.96
    slow = descend("valley", (-2.5, 1.0), lr=0.02, max_iter=300)
    assert math.isclose(measured_rate(slow.positions, (0, 0), 200), 0.96, rel_tol=1e-9)
    assert predicted_rate(VALLEY, 0.02) == pytest.approx(0.96, rel=1e-12)


def test_at_exactly_two_over_l_nothing_contracts():
    assert predicted_rate(VALLEY, 0.1) == 1.0
    run = descend("valley", (-2.5, 1.0), lr=0.1, max_iter=400)
    assert run.status == "max_iter"
    assert math.isclose(measured_rate(run.positions, (0, 0), 300), 1.0, rel_tol=1e-12)


def test_steps_to_shrink_counts_the_steps_a_run_takes():
    rho = predicted_rate(VALLEY)
    run = descend("valley", (-2.5, 1.0), lr=best_fixed_rate(VALLEY), max_iter=200)
    errors = np.linalg.norm(run.positions, axis=1)
    taken = int(np.flatnonzero(errors <= 1e-6 * errors[0])[0])
    assert taken == steps_to_shrink(rho, 1e-6)


def test_steps_to_shrink_is_the_least_k_with_rate_to_the_k_below_the_factor():
    # The logarithms' rounding once gave 0 steps for a factor just below 1, and 100001 here.
    assert steps_to_shrink(0.5, 1 - 1e-13) == 1
    assert steps_to_shrink(0.999, 0.999**100000) == 100000
    assert steps_to_shrink(np.float32(0.5), 0.5) == 1  # any real number type
    assert steps_to_shrink(0.5, 1e-3) == 10 and 0.5**9 > 1e-3


def test_measured_rate_reads_iterates_very_close_to_the_minimum():
    # A Euclidean norm squares 1e-300 to zero; the distance must not underflow.
    assert measured_rate([[1e-300, 0.0], [0.5e-300, 0.0]], (0, 0)) == 0.5


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: condition_number([]), ValueError, "eigenvalues must be a non-empty"),
        (lambda: condition_number([2.0, -1.0]), ValueError, "positive and finite"),
        (lambda: condition_number([2.0, math.nan]), ValueError, "positive and finite"),
        (lambda: condition_number([["a"]]), TypeError, "eigenvalues must be an array of real"),
        (lambda: condition_number(["2", "20"]), TypeError, "eigenvalues must be an array of real"),
        (lambda: predicted_rate(VALLEY, 0.0), ValueError, "Invalid learning rate: 0.0"),
        (lambda: measured_rate([[1.0, 1.0]], (0, 0)), ValueError, "positions must have shape"),
        (lambda: measured_rate(np.ones((5, 3)), (0, 0)), ValueError, "positions must have"),
        (lambda: measured_rate(np.ones((5, 2)), (0, 0), 3, 3), ValueError, "start must be in"),
        (lambda: measured_rate(np.ones((5, 2)), (1, 1)), ValueError, "off the minimum"),
        (lambda: measured_rate(np.ones((5, 2)), (0, 0), 0, 9), ValueError, "stop must be in"),
        (
            lambda: steps_to_shrink(1.0, 0.5),
            ValueError,
            "Invalid rate value: 1.0 (must be in (0, 1))",
        ),
        (lambda: steps_to_shrink(0.5, 2.0), ValueError, "Invalid factor value: 2.0"),
        (lambda: steps_to_shrink("a", 0.1), TypeError, "rate must be a real number, got str"),
        (lambda: steps_to_shrink(0.5, True), TypeError, "factor must be a real number, got bool"),
    ],
)
def test_bad_arguments_name_themselves(call, error, words):
    with pytest.raises(error) as raised:
        call()
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("rate", "factor"),
    [(1 - 1e-12, 1e-320), (np.nextafter(1.0, 0.0), 1e-320), (1 - 1e-16, 5e-324), (0.5, 1e-310)],
)
def test_steps_to_shrink_refuses_a_subnormal_factor_at_once(rate, factor):
    # Before: (1 - 1e-12, 1e-320) was still stepping through equal subnormal powers after 5 s.
    with pytest.raises(ValueError, match=r"^Invalid factor value: .*sys\.float_info\.min"):
        steps_to_shrink(float(rate), factor)
    assert steps_to_shrink(0.5, sys.float_info.min) == 1022  # the smallest normal factor: fine


def test_best_fixed_rate_does_not_overflow_for_huge_eigenvalues(recwarn):
    # Before: 2 / (1e308 + 1e308) = 2 / inf = 0.0, with an overflow warning.
    assert best_fixed_rate([1e308, 1e308]) == pytest.approx(1e-308)
    assert predicted_rate([1e308, 1e308]) < 1e-15  # was 1.0: "no progress"
    assert not recwarn.list
    assert best_fixed_rate((2.0, 20.0)) == 2.0 / 22.0  # bit for bit the old formula
    rng = np.random.default_rng(0)
    for pair in rng.uniform(1e-6, 1e6, size=(1000, 2)):
        assert best_fixed_rate(pair) == 2.0 / (pair.min() + pair.max())

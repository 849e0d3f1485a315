"""A run that bounces at exactly lr = 2/L is not converged (issue 9 §1).

At lr = 2/L the stiffest direction's factor per step is 1 - lr L = -1: the run flips that
coordinate's sign forever and its value changes by exactly 0. The value and step tests must not
read that as convergence: a tolerance of 0 switches its test off, and the run ends at max_iter.
"""

import numpy as np
import pytest

from gdlib import descend
from gdlib.surfaces import SURFACES

AT_TWO_OVER_L = [("bowl", 1.0), ("valley", 0.1)]


@pytest.mark.parametrize(("name", "lr"), AT_TWO_OVER_L)
def test_the_rates_are_exactly_two_over_l(name, lr):
    assert lr == 2.0 / SURFACES[name].lipschitz


@pytest.mark.parametrize(("name", "lr"), AT_TWO_OVER_L)
@pytest.mark.parametrize("start", [None, (2.0, 2.0), (-1.5, 0.5)])
def test_a_run_at_exactly_two_over_l_is_not_converged(name, lr, start):
    surface = SURFACES[name]
    run = descend(surface, surface.start if start is None else start, lr=lr, max_iter=500)
    assert (run.status, run.criterion, run.iterations) == ("max_iter", None, 500)
    assert run.message == "stopped: reached max_iter = 500"
    # the stiff coordinate flips sign every step and keeps its size: a bounce, not a descent
    stiff = run.positions[:, 1]
    np.testing.assert_array_equal(stiff[1:], -stiff[:-1])
    assert abs(stiff[-1]) == abs(stiff[0]) > 0


def test_the_valley_at_two_over_l_bounces_at_f_10_with_the_step_tests_on():
    run = descend("valley", (-2.5, 1.0), lr=0.1, max_iter=200, step_tol=1e-10, value_tol=0.0)
    assert run.status == "max_iter"
    # x has reached the floor (factor 1 - 0.1 * 2 = 0.8 per step); y = +-1 keeps f at 10
    assert abs(run.positions[-1, 0]) < 1e-18
    np.testing.assert_allclose(run.values[-20:], 10.0, rtol=0, atol=1e-12)


def test_the_old_bowl_case_reports_max_iter():
    run = descend("bowl", (2, 2), lr=1.0, max_iter=6)
    assert (run.status, run.criterion, run.iterations) == ("max_iter", None, 6)
    assert run.message == "stopped: reached max_iter = 6"
    assert run.positions[:, 0].tolist() == [2.0, -2.0, 2.0, -2.0, 2.0, -2.0, 2.0]
    assert run.values.tolist() == [8.0] * 7


@pytest.mark.parametrize("tol", ["step_tol", "value_tol"])
def test_a_tolerance_of_zero_switches_its_test_off(tol):
    # every step of the bounce has length 4 sqrt(2) and changes f by 0
    run = descend("bowl", (2.0, 2.0), lr=1.0, max_iter=50, **{tol: 0.0})
    assert run.status == "max_iter"


def test_a_positive_tolerance_still_stops_a_run_that_has_settled():
    run = descend("valley", (-2.5, 1.0), lr=0.05, grad_tol=0.0, step_tol=0.0, value_tol=1e-12)
    assert (run.status, run.criterion) == ("converged", "value_tol")
    assert run.values[-1] < 1e-10

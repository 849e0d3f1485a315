"""The descent loop: the explorer's default run, convergence, divergence and the stopping rules."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gdlib import OPTIMIZERS, descend, get_optimizer
from gdlib.descent import MAX_POSITION, MAX_VALUE
from gdlib.surfaces import SURFACES, Surface


def assert_consistent(run, surface):
    """Recorded values and gradients are the surface's at the recorded positions, all finite."""
    n = run.iterations
    assert run.positions.shape == (n + 1, 2)
    assert run.values.shape == (n + 1,) and run.gradients.shape == (n + 1, 2)
    assert np.isfinite(run.positions).all() and np.isfinite(run.values).all()
    assert np.isfinite(run.gradients).all()
    np.testing.assert_array_equal(run.values, surface.f(run.positions))
    np.testing.assert_array_equal(run.gradients, surface.grad(run.positions))


def test_explorer_default_run_converges_by_grad_tol():
    run = descend("bowl", (2.0, 2.0), optimizer="gd", lr=0.01, max_iter=1000)
    assert (run.status, run.criterion) == ("converged", "grad_tol")
    assert run.values[0] == 8.0 and run.gradients[0].tolist() == [4.0, 4.0]
    # plain GD on the bowl contracts by exactly (1 - 2 lr) per step
    k = np.arange(run.iterations + 1)
    np.testing.assert_allclose(run.positions[:, 0], 2.0 * 0.98**k, rtol=1e-12)
    norms = np.linalg.norm(run.gradients, axis=1)
    assert norms[-1] <= 1e-6 < norms[-2]
    assert run.message == f"converged: gradient norm {norms[-1]:.2g} <= 1e-06"
    assert_consistent(run, SURFACES["bowl"])


BOWL_RATES = {"gd": 0.1, "momentum": 0.05, "nesterov": 0.05, "adagrad": 0.5, "rmsprop": 0.01,
              "adam": 0.05}  # fmt: skip
ROSENBROCK_RATES = {"gd": 0.001, "momentum": 0.001, "nesterov": 0.001, "adagrad": 0.5,
                    "rmsprop": 0.0002, "adam": 0.01}  # fmt: skip


def test_rate_tables_cover_every_optimizer():
    assert set(BOWL_RATES) == set(ROSENBROCK_RATES) == set(OPTIMIZERS)


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_reaches_the_bowls_minimum(name):
    run = descend("bowl", (2.0, 2.0), optimizer=name, lr=BOWL_RATES[name], max_iter=5000)
    assert (run.status, run.criterion) == ("converged", "grad_tol")
    assert np.linalg.norm(run.positions[-1]) < 1e-6
    assert_consistent(run, SURFACES["bowl"])


@pytest.mark.parametrize("name", OPTIMIZERS)
def test_every_optimizer_reaches_rosenbrocks_minimum_with_a_suitable_rate(name):
    run = descend("rosenbrock", (-1.5, 2.0), name, lr=ROSENBROCK_RATES[name], max_iter=60000)
    assert run.status != "diverged"
    if name == "rmsprop":
        # a constant-rate RMSProp hovers within about lr of the minimum instead of settling
        assert np.abs(run.positions[-1] - 1.0).max() < 1e-3
    else:
        assert (run.status, run.criterion) == ("converged", "grad_tol")
        assert np.abs(run.positions[-1] - 1.0).max() < 1e-5


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("lr", [1.01, 1.5, 10.0, 1e200])
def test_gd_above_two_over_l_diverges_and_names_the_bound(lr):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning may leak out of a diverging run
        run = descend("bowl", (2.0, 2.0), lr=lr)
    assert run.status == "diverged" and run.criterion is None
    assert run.message.startswith("diverged: ")
    assert f"learning rate {lr:g} is above 2/L = 1 for this surface" in run.message
    assert_consistent(run, SURFACES["bowl"])
    assert np.abs(run.values).max() <= MAX_VALUE
    assert run.iterations < 1000


def test_gd_just_below_two_over_l_converges():
    run = descend("bowl", (2.0, 2.0), lr=0.99, max_iter=5000)
    assert run.status == "converged"


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize("name", OPTIMIZERS)
@pytest.mark.parametrize("surface", ["rosenbrock", "himmelblau", "camel", "valley"])
def test_absurd_rates_diverge_cleanly_for_every_optimizer(name, surface):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = descend(surface, SURFACES[surface].start, name, lr=1e150, max_iter=200)
    assert run.status == "diverged"
    assert_consistent(run, SURFACES[surface])
    assert np.linalg.norm(run.positions, axis=1).max() <= MAX_POSITION


def test_valley_names_its_own_bound():
    run = descend("valley", (-2.5, 1.0), lr=0.11)
    assert run.status == "diverged"
    assert "2/L = 0.1 for this surface" in run.message


def test_saddle_escapes_unless_started_on_its_ridge():
    escaped = descend("saddle", (1.5, 0.01), lr=0.1)
    assert escaped.status == "diverged"
    assert escaped.message.endswith("; this surface is unbounded below")
    stuck = descend("saddle", (1.5, 0.0), lr=0.1)
    assert (stuck.status, stuck.criterion) == ("converged", "grad_tol")
    assert np.linalg.norm(stuck.positions[-1]) < 1e-6  # the saddle point, not a minimum


def test_max_iter_stops_after_exactly_max_iter_steps():
    run = descend("rosenbrock", (-1.5, 2.0), lr=0.001, max_iter=25)
    assert run.status == "max_iter" and run.criterion is None and run.iterations == 25
    assert run.message == "stopped: reached max_iter = 25"
    zero = descend("bowl", (2.0, 2.0), max_iter=0)
    assert zero.status == "max_iter" and zero.positions.tolist() == [[2.0, 2.0]]


def test_grad_tol_is_checked_before_max_iter_and_at_the_start():
    run = descend("bowl", (0.0, 0.0), max_iter=0)
    assert (run.status, run.criterion, run.iterations) == ("converged", "grad_tol", 0)


def test_step_tol_fires_after_recording_the_small_step():
    run = descend("bowl", (2.0, 2.0), lr=0.01, grad_tol=0.0, step_tol=1e-3, max_iter=10_000)
    assert (run.status, run.criterion) == ("converged", "step_tol")
    steps = np.linalg.norm(np.diff(run.positions, axis=0), axis=1)
    assert steps[-1] <= 1e-3 < steps[-2]
    assert run.message == f"converged: step norm {steps[-1]:.2g} <= 0.001"


def test_value_tol_fires_on_a_small_change_in_value():
    run = descend("bowl", (2.0, 2.0), lr=0.01, grad_tol=0.0, value_tol=1e-4, max_iter=10_000)
    assert (run.status, run.criterion) == ("converged", "value_tol")
    changes = np.abs(np.diff(run.values))
    assert changes[-1] <= 1e-4 < changes[-2]


def test_steps_are_the_optimizers_steps():
    run = descend("himmelblau", (0.0, 0.0), "adam", lr=0.05, max_iter=50)
    opt = get_optimizer("adam", 0.05)
    state = opt.init(run.positions[0])
    for k in range(run.iterations):
        step, state = opt.update(run.gradients[k], state)
        np.testing.assert_array_equal(run.positions[k + 1], run.positions[k] + step)


def test_hyper_reaches_the_optimizer():
    slow = descend("valley", (-2.5, 1.0), "momentum", lr=0.01, hyper={"momentum": 0.5})
    fast = descend("valley", (-2.5, 1.0), "momentum", lr=0.01)
    assert slow.positions[2].tolist() != fast.positions[2].tolist()
    assert slow.status == fast.status == "converged"


def test_a_surface_object_works_like_its_name():
    by_name = descend("camel", (-1.5, -0.8))
    by_object = descend(SURFACES["camel"], (-1.5, -0.8))
    np.testing.assert_array_equal(by_name.positions, by_object.positions)


def quadratic(eigenvalues, angle):
    """f(p) = p^T A p with A = R diag(eigenvalues) R^T; its gradient is 2 A p, so L = 2 max(eig)."""
    c, s = np.cos(angle), np.sin(angle)
    rotation = np.array([[c, -s], [s, c]])
    A = rotation @ np.diag(eigenvalues) @ rotation.T

    def func(x, y):
        return A[0, 0] * x * x + 2 * A[0, 1] * x * y + A[1, 1] * y * y

    def gradient(x, y):
        return 2 * (A[0, 0] * x + A[0, 1] * y), 2 * (A[0, 1] * x + A[1, 1] * y)

    return Surface("quad", "Quadratic", "", func, gradient, ((-5, 5), (-5, 5)), ((0.0, 0.0),),
                   (1.0, 1.0), 2 * max(eigenvalues))  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    eigenvalues=st.tuples(st.floats(0.01, 10.0), st.floats(0.01, 10.0)),
    angle=st.floats(0.0, np.pi),
    fraction=st.floats(0.01, 0.99),
    start=st.tuples(st.floats(-5, 5), st.floats(-5, 5)),
)
def test_gd_decreases_monotonically_on_convex_quadratics_below_two_over_l(
    eigenvalues, angle, fraction, start
):
    surface = quadratic(eigenvalues, angle)
    lr = fraction * 2.0 / surface.lipschitz
    run = descend(surface, start, lr=lr, max_iter=300, grad_tol=1e-9)
    assert run.status != "diverged"
    assert np.all(np.diff(run.values) <= 1e-12 * np.abs(run.values[:-1]) + 1e-300)


@settings(max_examples=30, deadline=None)
@given(name=st.sampled_from(OPTIMIZERS), surface=st.sampled_from(sorted(SURFACES)))
def test_same_arguments_give_the_same_run(name, surface):
    first = descend(surface, SURFACES[surface].start, name, lr=0.01, max_iter=200)
    second = descend(surface, SURFACES[surface].start, name, lr=0.01, max_iter=200)
    np.testing.assert_array_equal(first.positions, second.positions)
    assert first.message == second.message

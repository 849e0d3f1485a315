"""gdlib's edges (issue 10): the seed example and the loss refuse bad input by name, descend
takes an optimizer object, the mini-batch engine reports divergence as a flag, and optimizer
states never alias their buffers."""

import math

import numpy as np
import pytest

from gdlib import adam, descend, fit_linear, gradient_descent, mse, mse_grad, rmsprop, sgd
from gdlib._minibatch import run_epoch
from gdlib.datasets import make_regression
from gdlib.optimizers import RmspropState
from gdlib.surfaces import SURFACES

X3 = np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0]])
Y3 = np.array([2.0, 4.0, 6.0])


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"learning_rate": 0.0}, ValueError, "Invalid learning rate: 0.0"),
        ({"learning_rate": -0.1}, ValueError, "Invalid learning rate: -0.1"),
        ({"learning_rate": math.nan}, ValueError, "Invalid learning rate: nan"),
        ({"learning_rate": math.inf}, ValueError, "Invalid learning rate: inf"),
        ({"learning_rate": "0.1"}, TypeError, "learning_rate must be a real number"),
        ({"num_iterations": -1}, ValueError, "num_iterations must be in [0, inf), got -1"),
        ({"num_iterations": 2.5}, TypeError, "num_iterations must be an integer"),
        ({"num_iterations": True}, TypeError, "num_iterations must be an integer"),
        ({"X": np.where(X3 == 3.0, math.nan, X3)}, ValueError, "X contains NaN"),
        ({"y": np.array([2.0, math.inf, 6.0])}, ValueError, "y contains NaN or infinite"),
        ({"y": Y3[:2]}, ValueError, "X and y must have the same length, got 3 and 2"),
        ({"X": X3[0]}, ValueError, "X must have shape (n_samples, n_features)"),
    ],
)
def test_seed_example_refuses_bad_input_by_name(kwargs, error, words):
    arguments = {"X": X3, "y": Y3, **kwargs}
    with pytest.raises(error) as raised:
        gradient_descent(**arguments)
    assert words in str(raised.value)


def test_seed_example_still_computes_the_seed_pages_result():
    X, y = X3.astype(int), Y3.astype(int)  # the seed page passes integer arrays
    theta = gradient_descent(X, y, learning_rate=0.01, num_iterations=2)
    expected = np.zeros(2)
    for _ in range(2):
        expected = expected - 0.01 * X3.T @ (X3 @ expected - Y3) / 3
    np.testing.assert_allclose(theta, expected, rtol=0, atol=1e-15)
    assert gradient_descent(X3, Y3, num_iterations=0).tolist() == [0.0, 0.0]


@pytest.mark.parametrize("loss", [mse, mse_grad])
@pytest.mark.parametrize(
    ("X", "y", "theta", "words"),
    [
        (X3, Y3[:2], np.zeros(2), "X and y must have the same length, got 3 and 2"),
        (X3, Y3, np.zeros(3), "theta must have shape (2,), got (3,)"),
        (X3, Y3, np.zeros((2, 1)), "theta must have shape (2,), got (2, 1)"),
        (X3, Y3, np.array([0.0, math.nan]), "theta contains NaN"),
        (X3, Y3[:, None], np.zeros(2), "y must have shape (n_samples,)"),
    ],
)
def test_loss_refuses_a_shape_mismatch_by_name(loss, X, y, theta, words):
    with pytest.raises(ValueError) as raised:
        loss(X, y, theta)
    assert words in str(raised.value)


def test_descend_takes_an_optimizer_object_like_a_name():
    by_object = descend("valley", (2, 2), optimizer=sgd(0.1, momentum=0.5))
    by_name = descend("valley", (2, 2), "momentum", 0.1, hyper={"momentum": 0.5})
    np.testing.assert_array_equal(by_object.positions, by_name.positions)
    assert by_object.message == by_name.message and by_object.status == "converged"
    plain = descend("bowl", (2.0, 2.0), optimizer=sgd(0.01))
    assert plain.positions.tolist() == descend("bowl", (2.0, 2.0)).positions.tolist()


def test_an_optimizer_object_carries_its_own_rate():
    with pytest.raises(TypeError, match="lr and hyper go in the optimizer object"):
        descend("bowl", (2.0, 2.0), optimizer=sgd(0.1), lr=0.1)
    with pytest.raises(TypeError, match="lr and hyper go in the optimizer object"):
        descend("bowl", (2.0, 2.0), optimizer=sgd(0.1), hyper={"momentum": 0.5})
    with pytest.raises(TypeError, match="optimizer must be a name or a GradientTransformation"):
        descend("bowl", (2.0, 2.0), optimizer=42)


def test_divergence_with_an_object_gives_no_rate_it_cannot_know():
    by_object = descend("bowl", (2.0, 2.0), optimizer=sgd(1.5))
    assert by_object.status == "diverged"
    assert by_object.message == "diverged: value 2.2e+12 exceeded 1e+12 in magnitude"
    by_name = descend("bowl", (2.0, 2.0), lr=1.5)
    assert by_name.message.endswith("learning rate 1.5 is above 2/L = 1 for this surface")
    saddle = descend("saddle", (1.5, 0.01), optimizer=sgd(0.1))
    assert saddle.message.endswith("; this surface is unbounded below")


def test_momentum_gets_no_2_over_l_hint_its_limit_is_2_1_plus_mu_over_l():
    # Heavy ball on the bowl is stable up to 2(1 + mu)/L = 1.9 at mu = 0.9: 1.5 converges.
    assert descend("bowl", (2.0, 2.0), lr=1.5, hyper={"momentum": 0.9}).status == "converged"
    fast = descend("bowl", (2.0, 2.0), lr=1.95, hyper={"momentum": 0.9})
    assert fast.message == "diverged: value 1.04e+12 exceeded 1e+12 in magnitude"
    plain = descend("bowl", (2.0, 2.0), lr=1.95, hyper={"momentum": 0.0})
    assert plain.message.endswith("learning rate 1.95 is above 2/L = 1 for this surface")


def test_a_surface_unbounded_below_is_named_even_when_the_rate_is_above_2_over_l():
    # The saddle runs off to -inf at any rate; above 2/L its x also swings wider. Both are said,
    # the unbounded surface first: it is the cause at every rate.
    fast = descend("saddle", (1.0, 0.5), lr=1.5)
    assert fast.status == "diverged"
    assert fast.message.endswith(
        "; this surface is unbounded below, and learning rate 1.5 is above 2/L = 1"
    )
    assert descend("saddle", (1.0, 0.5), lr=0.5).message.endswith("unbounded below")


def test_run_epoch_reports_divergence_as_a_flag_and_a_count():
    X = np.ones((4, 1))
    theta, steps, diverged = run_epoch(X, np.ones(4), None, np.zeros(1), 1, 0.1, None)
    assert (steps, diverged) == (4, False) and theta[0] > 0
    huge = np.full(1, 1e11)
    theta, steps, diverged = run_epoch(X, np.ones(4), None, huge, 1, 100.0, None)
    assert (steps, diverged) == (0, True)  # the very first step left the bounded region
    np.testing.assert_array_equal(theta, huge)
    run = fit_linear(X, np.ones(4), lr=100.0, batch_size=1, epochs=3)
    assert run.status == "diverged"
    assert run.message.startswith("diverged in epoch 2 at step 2: parameter norm exceeded 1e+12")
    assert len(run.thetas) == 1 + 4 + 1  # start, epoch 1, the sound first step of epoch 2


def test_optimizer_states_allocate_each_buffer():
    state = adam().init(np.zeros(2))
    assert not np.shares_memory(state.exp_avg, state.exp_avg_sq)
    buffers = rmsprop(centered=True, momentum=0.5).init(np.zeros(2))
    assert "count" not in RmspropState._fields
    for i in range(3):
        for j in range(i + 1, 3):
            assert not np.shares_memory(buffers[i], buffers[j])
    # writing into one buffer in place leaves the others as they were
    state.exp_avg[:] = 1.0
    assert state.exp_avg_sq.tolist() == [0.0, 0.0]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize("where", [0, 7, -1])
def test_data_with_any_non_finite_entry_is_refused_by_name(bad, where):
    X = np.ones((10, 3))
    X.flat[where] = bad
    with pytest.raises(ValueError, match="X contains NaN or infinite values"):
        mse_grad(X, np.ones(10), np.zeros(3))


def test_make_regression_refuses_a_flag_that_is_not_a_bool():
    with pytest.raises(TypeError, match="intercept must be True or False, got 'no'"):
        make_regression(5, 3, intercept="no")


def test_momentum_at_a_constant_rate_is_polyaks_heavy_ball():
    """The glossary's identity: v <- mu v + g, theta <- theta - lr v (torch's form) takes the
    steps of theta_{k+1} = theta_k - lr g_k + mu (theta_k - theta_{k-1})."""
    surface, lr, mu = SURFACES["valley"], 0.05, 0.8
    opt = sgd(lr, momentum=mu)
    theta, state = np.array([2.0, 1.5]), opt.init(np.zeros(2))
    previous = polyak = theta.copy()
    for _ in range(30):
        step, state = opt.update(surface.grad(theta), state)
        theta = theta + step
        polyak, previous = polyak - lr * surface.grad(polyak) + mu * (polyak - previous), polyak
        np.testing.assert_allclose(theta, polyak, rtol=0, atol=1e-12)

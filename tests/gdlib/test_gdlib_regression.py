"""Regression by batch, stochastic and mini-batch descent, and the seed page's example."""

import re
import warnings

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from gdlib import (
    batch_gd,
    fit_linear,
    gradient_descent,
    make_regression,
    minibatch_gd,
    mse,
    mse_grad,
    seed_page_data,
    stochastic_gd,
)


def reference_sgd(X, y, *, lr, epochs, batch_size, seed, shuffle=True, lr_decay=0.0):
    """A plain, independent mini-batch loop (fancy indexing, no shortcuts) to compare with."""
    n, d = X.shape
    rng = np.random.default_rng(seed)
    theta = np.zeros(d)
    path = [theta]
    for epoch in range(epochs):
        order = rng.permutation(n) if shuffle and batch_size < n else np.arange(n)
        rate = lr / (1 + lr_decay * epoch)
        for start in range(0, n, batch_size):
            rows = order[start : start + batch_size]
            Xb, yb = X[rows], y[rows]
            theta = theta - rate * 2.0 / len(rows) * Xb.T @ (Xb @ theta - yb)
            path.append(theta)
    return np.array(path)


def test_seed_example_after_1000_steps_matches_the_closed_form_and_has_not_converged():
    X, y = seed_page_data()
    theta = gradient_descent(X, y, learning_rate=0.01, num_iterations=1000)
    # theta_k = sum_{j<k} (I - a A)^j a b with A = X^T X / m, b = X^T y / m; in A's eigenbasis
    # that is V diag((1 - (1 - a lam)^k) / lam) V^T b.
    m, rate, k = len(y), 0.01, 1000
    lam, V = np.linalg.eigh(X.T @ X / m)
    closed = V @ (((1 - (1 - rate * lam) ** k) / lam) * (V.T @ (X.T @ y / m)))
    np.testing.assert_allclose(theta, closed, rtol=1e-10)
    # the exact fit is theta = (2, 0); the slow direction has kept most of its initial error
    exact = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(exact, [2.0, 0.0], atol=1e-12)
    remaining = (1 - rate * lam.min()) ** k
    assert remaining > 0.5
    assert np.linalg.norm(theta - exact) > 0.5
    assert mse(X, y, theta) < mse(X, y, np.zeros(2))  # yet the fit did improve


def test_seed_example_is_batch_descent_at_half_the_rate():
    X, y = seed_page_data()
    run = batch_gd(X, y, lr=0.005, epochs=1000)
    np.testing.assert_allclose(run.thetas[-1], gradient_descent(X, y), rtol=1e-12)


def test_batch_gd_reaches_lstsq_on_well_conditioned_data():
    X, y, theta_true = make_regression(200, 4, noise=0.5, seed=7)
    run = batch_gd(X, y, lr=0.1, epochs=1000)
    solution = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(run.thetas[-1], solution, atol=1e-10)
    assert np.linalg.norm(solution - theta_true) < 0.3
    assert run.losses[-1] == pytest.approx(mse(X, y, solution), rel=1e-12)


def test_mse_and_its_gradient_follow_torch_mseloss():
    X, y, _ = make_regression(30, 3, seed=2)
    theta = np.array([0.3, -1.0, 2.0])
    t = torch.tensor(theta, requires_grad=True)
    loss = torch.nn.MSELoss()(torch.from_numpy(X) @ t, torch.from_numpy(y))
    loss.backward()
    assert mse(X, y, theta) == pytest.approx(loss.item(), rel=1e-14)
    np.testing.assert_allclose(mse_grad(X, y, theta), t.grad.numpy(), rtol=1e-13)


@pytest.mark.parametrize(
    ("X", "theta", "what"),
    [
        ([[1e200, 1e200]], [1e200, -1e200], "X @ theta - y"),  # inf - inf: NaN before
        ([[1e300]], [1e-100], "mse"),  # a finite residual 1e200 whose square overflows
    ],
)
def test_overflow_on_finite_data_is_named_never_a_silent_nan(X, theta, what):
    X, theta, y = np.array(X), np.array(theta), np.zeros(1)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no RuntimeWarning either: the error says it all
        for loss in (mse, mse_grad):
            name = "mse_grad" if loss is mse_grad and what == "mse" else what
            with pytest.raises(ValueError, match=f"^{re.escape(name)} overflows float64"):
                loss(X, y, theta)


def test_records_are_consistent():
    X, y, _ = make_regression(23, 3, seed=4)
    run = minibatch_gd(X, y, batch_size=5, lr=0.05, epochs=4, seed=1)
    steps = 4 * 5  # ceil(23 / 5) per epoch
    assert run.thetas.shape == (steps + 1, 3) and run.losses.shape == (steps + 1,)
    assert run.examples_seen.tolist()[:7] == [0, 5, 10, 15, 20, 23, 28]
    assert run.examples_seen[-1] == 4 * 23
    np.testing.assert_allclose(run.losses, [mse(X, y, t) for t in run.thetas], rtol=1e-12)
    np.testing.assert_array_equal(run.epoch_losses, run.losses[::5])
    assert (run.batch_size, run.lr, run.record, run.status) == (5, 0.05, "step", "completed")
    assert run.message == "completed 4 epochs of 5 steps"


def test_epoch_records_are_the_step_records_at_epoch_ends():
    X, y, _ = make_regression(50, 3, seed=5)
    steps = fit_linear(X, y, batch_size=8, epochs=6, seed=3, lr=0.05)
    epochs = fit_linear(X, y, batch_size=8, epochs=6, seed=3, lr=0.05, record="epoch")
    np.testing.assert_array_equal(epochs.thetas, steps.thetas[::7])
    np.testing.assert_array_equal(epochs.losses, steps.epoch_losses)
    np.testing.assert_array_equal(epochs.epoch_losses, steps.epoch_losses)
    assert epochs.examples_seen.tolist() == [0, 50, 100, 150, 200, 250, 300]


datasets = st.builds(
    make_regression,
    n_samples=st.integers(1, 40),
    n_features=st.integers(1, 4),
    noise=st.floats(0.0, 1.0),
    seed=st.integers(0, 2**32 - 1),
)


@settings(max_examples=40, deadline=None)
@given(data=datasets, seed=st.integers(0, 1000), epochs=st.integers(0, 4))
def test_batch_size_one_is_exactly_the_stochastic_run(data, seed, epochs):
    X, y, _ = data
    one = fit_linear(X, y, batch_size=1, seed=seed, epochs=epochs, lr=0.01)
    sgd = stochastic_gd(X, y, seed=seed, epochs=epochs, lr=0.01)
    np.testing.assert_array_equal(one.thetas, sgd.thetas)
    np.testing.assert_array_equal(one.losses, sgd.losses)
    reference = reference_sgd(X, y, lr=0.01, epochs=epochs, batch_size=1, seed=seed)
    np.testing.assert_allclose(one.thetas, reference, rtol=1e-10, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(data=datasets, seed=st.integers(0, 1000), shuffle=st.booleans())
def test_batch_size_n_is_exactly_the_batch_run(data, seed, shuffle):
    X, y, _ = data
    full = fit_linear(X, y, batch_size=len(y), seed=seed, shuffle=shuffle, epochs=3, lr=0.02)
    batch = batch_gd(X, y, epochs=3, lr=0.02)
    np.testing.assert_array_equal(full.thetas, batch.thetas)
    np.testing.assert_array_equal(full.losses, batch.losses)
    reference = reference_sgd(X, y, lr=0.02, epochs=3, batch_size=len(y), seed=seed)
    np.testing.assert_allclose(batch.thetas, reference, rtol=1e-10, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(
    data=datasets,
    seed=st.integers(0, 1000),
    batch=st.integers(1, 40),
    decay=st.sampled_from([0.0, 0.5]),
)
def test_minibatch_matches_an_independent_loop(data, seed, batch, decay):
    X, y, _ = data
    batch = min(batch, len(y))
    run = minibatch_gd(X, y, batch_size=batch, seed=seed, epochs=3, lr=0.01, lr_decay=decay)
    reference = reference_sgd(X, y, lr=0.01, epochs=3, batch_size=batch, seed=seed, lr_decay=decay)
    np.testing.assert_allclose(run.thetas, reference, rtol=1e-10, atol=1e-12)


@settings(max_examples=30, deadline=None)
@given(data=datasets, seed=st.integers(0, 1000), batch=st.integers(1, 40))
def test_same_seed_same_run(data, seed, batch):
    X, y, _ = data
    batch = min(batch, len(y))
    first = fit_linear(X, y, batch_size=batch, seed=seed, epochs=3)
    second = fit_linear(X, y, batch_size=batch, seed=seed, epochs=3)
    np.testing.assert_array_equal(first.thetas, second.thetas)
    np.testing.assert_array_equal(first.losses, second.losses)


def test_different_seeds_shuffle_differently():
    X, y, _ = make_regression(50, 3, seed=0)
    a = fit_linear(X, y, batch_size=1, seed=0, epochs=1)
    b = fit_linear(X, y, batch_size=1, seed=1, epochs=1)
    assert not np.array_equal(a.thetas, b.thetas)
    c = fit_linear(X, y, batch_size=1, seed=0, epochs=1, shuffle=False)
    np.testing.assert_allclose(
        c.thetas, reference_sgd(X, y, lr=0.01, epochs=1, batch_size=1, seed=0, shuffle=False)
    )


def test_make_regression_is_seeded():
    a, b = make_regression(10, 3, seed=3), make_regression(10, 3, seed=3)
    for left, right in zip(a, b, strict=True):
        np.testing.assert_array_equal(left, right)
    assert not np.array_equal(a[0], make_regression(10, 3, seed=4)[0])
    X, y, theta = make_regression(1000, 3, noise=0.0, seed=1, intercept=False)
    np.testing.assert_allclose(y, X @ theta)
    assert np.abs(X[:, 0] - 1).max() > 0.5


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(("lr", "batch_size"), [(2.0, None), (2.0, 4), (1e300, 1), (1e300, None)])
def test_a_diverging_fit_stops_and_says_so(lr, batch_size):
    X, y, _ = make_regression(40, 3, seed=6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = fit_linear(X, y, lr=lr, batch_size=batch_size, epochs=200)
    assert run.status == "diverged"
    assert run.message.startswith("diverged in epoch ")
    bound = 2.0 / (2.0 / 40 * np.linalg.eigvalsh(X.T @ X)[-1])
    assert f"learning rate {lr:g} is above 2/L = {bound:.3g} for the full-data loss" in run.message
    for array in (run.thetas, run.losses, run.epoch_losses):
        assert np.isfinite(array).all()
    assert np.linalg.norm(run.thetas, axis=1).max() <= 1e12
    assert len(run.thetas) == len(run.losses) == len(run.examples_seen)


def test_a_divergence_on_data_whose_hessian_overflows_says_so_without_a_limit():
    # (2/n) X^T X overflows float64 for X = 1e155: no 2/L can be quoted, and none is invented.
    y = np.ones(4)
    huge = fit_linear(np.full((4, 1), 1e155), y, lr=1.0, epochs=5)
    assert huge.status == "diverged" and huge.message.endswith("parameter norm exceeded 1e+12")
    large = fit_linear(np.full((4, 1), 1e100), y, lr=1.0, epochs=5)
    assert large.message.endswith("learning rate 1 is above 2/L = 1e-200 for the full-data loss")


def test_seed_page_data():
    X, y = seed_page_data()
    assert X.dtype == y.dtype == np.float64
    assert X.tolist() == [[1, 2], [2, 3], [3, 4]] and y.tolist() == [2, 4, 6]


@pytest.mark.parametrize("epochs", [0, 3])
@pytest.mark.parametrize("record", ["step", "epoch"])
def test_fit_linear_refuses_a_loss_that_overflows_as_mse_does(epochs, record):
    # Before: losses == [inf] and status "completed" where mse() of the same data raised.
    X, y = np.full((3, 1), 1e155), np.full(3, 1e155)
    with pytest.raises(ValueError, match=r"^mse overflows float64"):
        mse(X, y, np.zeros(1))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(
            ValueError, match=r"^mse overflows float64: X, y or theta are too large"
        ):
            fit_linear(X, y, epochs=epochs, record=record)

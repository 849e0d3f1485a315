"""What an optimizer refuses beyond torch.optim, and why: each refusal rests on a run or a root.

A reviewer found gdlib's optimizers taking values that end in a wrong answer, not an error:
SGD with ``dampening=1`` reported "converged" on the bowl at (1.92, 1.92), far from its minimum
(every gradient after the first dropped, the steps shrinking as mu^t); ``update`` took a
gradient of another shape and broadcast it into a step of that shape, and ``None`` into NaN;
centred RMSProp's root of a variance rounded below 0 gave NaN steps.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from gdlib.descent import descend
from gdlib.optimizers import adagrad, adam, rmsprop, sgd


@pytest.mark.parametrize("momentum", [1.0, 1.5])
def test_heavy_ball_at_momentum_one_or_more_never_settles_on_a_quadratic(momentum):
    # Along a direction of curvature lam the heavy ball's error follows
    # e_{t+1} = (1 + mu - eta lam) e_t - mu e_{t-1}: two roots whose product is mu, so one has
    # size at least sqrt(mu) >= 1, whatever the rate.
    for eta_lam in np.linspace(0.01, 3.99, 50):
        roots = np.roots([1.0, -(1.0 + momentum - eta_lam), momentum])
        assert np.abs(roots).max() >= 1.0 - 1e-12
    # torch runs it: after 4,000 steps on the bowl from (2, 2) the iterates still swing out
    # beyond 1 (mu = 1: round the minimum for ever) or have run off to infinity.
    param = torch.tensor([2.0, 2.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([param], lr=0.01, momentum=momentum)
    sizes = []
    for _ in range(5000):
        param.grad = 2.0 * param.detach()
        opt.step()
        sizes.append(float(param.detach().norm()))
    assert not max(sizes[4000:]) < 1.0  # NaN (run off) fails "< 1" too
    with pytest.raises(ValueError, match="momentum"):
        sgd(0.01, momentum=momentum)


def test_full_dampening_would_stop_short_of_the_minimum():
    """The run torch would take at dampening = 1, by hand: gdlib's test calls it converged."""
    mu, lr, theta = 0.5, 0.01, np.array([2.0, 2.0])
    buf = None
    for _ in range(40):
        grad = 2.0 * theta  # the bowl x^2 + y^2
        buf = grad if buf is None else mu * buf + 0.0 * grad
        theta = theta - lr * buf
    assert np.linalg.norm(lr * buf) < 1e-10  # the step has died out ...
    assert np.allclose(theta, 1.92)  # ... at 2 - lr * 4 * (1 + mu + mu^2 + ...), not at 0
    with pytest.raises(ValueError, match="dampening"):
        sgd(0.01, momentum=mu, dampening=1.0)
    # Below 1, the same run reaches the minimum.
    run = descend("bowl", (2.0, 2.0), lr=0.01, hyper={"momentum": mu, "dampening": 0.5})
    assert run.status == "converged" and np.linalg.norm(run.positions[-1]) < 1e-5


OPTIMIZERS = [sgd(0.1), sgd(0.1, momentum=0.9), adagrad(), rmsprop(centered=True), adam()]


@pytest.mark.parametrize("opt", OPTIMIZERS, ids=["gd", "momentum", "adagrad", "rmsprop", "adam"])
@pytest.mark.parametrize(
    ("grads", "error", "words"),
    [
        (np.ones((2, 2)), ValueError, "grads must have the parameters' shape (2,), got (2, 2)"),
        (np.ones(3), ValueError, "grads must have the parameters' shape (2,), got (3,)"),
        (np.ones(1), ValueError, "got (1,)"),
        (None, TypeError, "grads must be an array of real numbers"),
        (["1", "2"], TypeError, "grads must be an array of real numbers, got strings"),
    ],
)
def test_update_refuses_a_gradient_that_is_not_the_parameters_shape(opt, grads, error, words):
    state = opt.init(np.zeros(2))
    with pytest.raises(error) as caught:
        opt.update(grads, state)
    assert words in str(caught.value)


def test_init_names_parameters_that_are_not_numbers():
    with pytest.raises(TypeError, match="params must be an array of real numbers, got strings"):
        adam().init(["a", "b"])


def test_centred_rmsprop_gives_no_nan_where_rounding_takes_the_variance_below_zero():
    # A tiny alpha makes the running mean square and the squared running mean nearly equal:
    # their difference rounds below 0 for many entries, and torch's root of it is NaN.
    grads = np.random.default_rng(0).normal(size=(5, 10_000))
    ours = rmsprop(lr=0.01, alpha=1e-16, centered=True)
    state = ours.init(np.zeros(10_000))
    param = torch.zeros(10_000, dtype=torch.float64, requires_grad=True)
    theirs = torch.optim.RMSprop([param], lr=0.01, alpha=1e-16, centered=True)
    torch_nans = 0
    for g in grads:
        step, state = ours.update(g, state)
        assert np.isfinite(step).all()
        param.grad = torch.tensor(g)
        theirs.step()
        torch_nans += int(torch.isnan(param.detach()).sum())
        param.data = torch.nan_to_num(param.data)
    assert torch_nans > 0  # the case is real: torch's steps go NaN here

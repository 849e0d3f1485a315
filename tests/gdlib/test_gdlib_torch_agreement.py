"""Step-for-step agreement of gdlib's optimizers with torch.optim, in float64, over 100 steps.

Both sides get the same analytic gradient at the same point each step, so any difference comes from
the update rules. torch is a test dependency: these tests never skip.
"""

import numpy as np
import pytest
import torch

from gdlib.optimizers import adagrad, adam, factory, get_optimizer, preset, rmsprop, sgd
from gdlib.surfaces import SURFACES

STEPS = 100
TOL = 1e-10

# (name, gdlib factory, torch factory, learning rate scale): every torch.optim variant we mirror.
CASES = [
    ("sgd", lambda lr: sgd(lr), lambda p, lr: torch.optim.SGD(p, lr=lr)),
    (
        "momentum",
        lambda lr: sgd(lr, momentum=0.9),
        lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9),
    ),
    (
        "momentum-dampening",
        lambda lr: sgd(lr, momentum=0.8, dampening=0.3),
        lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.8, dampening=0.3),
    ),
    (
        "nesterov",
        lambda lr: sgd(lr, momentum=0.9, nesterov=True),
        lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True),
    ),
    ("adagrad", lambda lr: adagrad(lr), lambda p, lr: torch.optim.Adagrad(p, lr=lr)),
    (
        "adagrad-decay",
        lambda lr: adagrad(lr, lr_decay=0.01, initial_accumulator_value=0.1, eps=1e-6),
        lambda p, lr: torch.optim.Adagrad(
            p, lr=lr, lr_decay=0.01, initial_accumulator_value=0.1, eps=1e-6
        ),
    ),
    ("rmsprop", lambda lr: rmsprop(lr), lambda p, lr: torch.optim.RMSprop(p, lr=lr)),
    (
        "rmsprop-centered-momentum",
        lambda lr: rmsprop(lr, alpha=0.9, eps=1e-6, momentum=0.5, centered=True),
        lambda p, lr: torch.optim.RMSprop(
            p, lr=lr, alpha=0.9, eps=1e-6, momentum=0.5, centered=True
        ),
    ),
    # alpha = 0: only the latest gradient, a step of lr g / (|g| + eps)
    (
        "rmsprop-alpha-0",
        lambda lr: rmsprop(lr, alpha=0.0),
        lambda p, lr: torch.optim.RMSprop(p, lr=lr, alpha=0.0),
    ),
    # alpha < 0.5: torch's lerp of the mean gradient takes its other branch
    (
        "rmsprop-centered-alpha-0.3",
        lambda lr: rmsprop(lr, alpha=0.3, centered=True),
        lambda p, lr: torch.optim.RMSprop(p, lr=lr, alpha=0.3, centered=True),
    ),
    ("adam", lambda lr: adam(lr), lambda p, lr: torch.optim.Adam(p, lr=lr)),
    (
        "adam-betas",
        lambda lr: adam(lr, betas=(0.8, 0.99), eps=1e-6),
        lambda p, lr: torch.optim.Adam(p, lr=lr, betas=(0.8, 0.99), eps=1e-6),
    ),
]

# Rates that keep every variant bounded on each surface over 100 steps.
SURFACE_RATES = {
    "bowl": 0.05,
    "valley": 0.01,
    "rosenbrock": 0.0005,
    "himmelblau": 0.005,
    "camel": 0.01,
}
STARTS = {
    "bowl": (2.0, -1.0),
    "valley": (-2.5, 1.0),
    "rosenbrock": (-1.5, 2.0),
    "himmelblau": (0.5, -0.5),
    "camel": (-1.5, -0.8),
}


def run_gdlib(opt, surface, start):
    params = np.array(start, dtype=np.float64)
    state = opt.init(params)
    path = [params]
    for _ in range(STEPS):
        step, state = opt.update(surface.grad(params), state)
        params = params + step
        path.append(params)
    return np.array(path)


def run_torch(make_opt, surface, start, lr):
    param = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    opt = make_opt([param], lr)
    path = [param.detach().numpy().copy()]
    for _ in range(STEPS):
        opt.zero_grad()
        param.grad = torch.from_numpy(surface.grad(param.detach().numpy()))
        opt.step()
        path.append(param.detach().numpy().copy())
    return np.array(path)


@pytest.mark.parametrize("surface_name", sorted(SURFACE_RATES))
@pytest.mark.parametrize(("case", "make_gdlib", "make_torch"), CASES, ids=[c[0] for c in CASES])
def test_optimizer_matches_torch_step_for_step(surface_name, case, make_gdlib, make_torch):
    surface = SURFACES[surface_name]
    lr = SURFACE_RATES[surface_name]
    start = STARTS[surface_name]
    ours = run_gdlib(make_gdlib(lr), surface, start)
    theirs = run_torch(make_torch, surface, start, lr)
    assert np.isfinite(ours).all()
    # the run must actually move, or agreement would prove nothing
    assert np.linalg.norm(ours[-1] - ours[0]) > 1e-3
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=TOL)


TORCH_PRESETS = {
    "gd": lambda p, lr: torch.optim.SGD(p, lr=lr),
    "momentum": lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9),
    "nesterov": lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True),
    "adagrad": lambda p, lr: torch.optim.Adagrad(p, lr=lr),
    "rmsprop": lambda p, lr: torch.optim.RMSprop(p, lr=lr),
    "adam": lambda p, lr: torch.optim.Adam(p, lr=lr),
}


@pytest.mark.parametrize("name", sorted(TORCH_PRESETS))
def test_named_presets_are_the_torch_optimizers(name):
    surface = SURFACES["himmelblau"]
    ours = run_gdlib(get_optimizer(name, 0.005), surface, (0.5, -0.5))
    theirs = run_torch(TORCH_PRESETS[name], surface, (0.5, -0.5), 0.005)
    np.testing.assert_allclose(ours, theirs, rtol=0, atol=TOL)
    # get_optimizer is the factory at the preset: the names the JS port reads build the same rule.
    built = run_gdlib(factory(name)(0.005, **preset(name)), surface, (0.5, -0.5))
    np.testing.assert_array_equal(built, ours)


def test_factory_refuses_an_unknown_name_by_its_argument():
    with pytest.raises(ValueError, match="optimizer"):
        factory("sgdd")


def test_updates_are_pure():
    opt = adam(0.1)
    state = opt.init(np.zeros(2))
    grads = np.array([1.0, -2.0])
    first = opt.update(grads, state)
    second = opt.update(grads, state)
    np.testing.assert_array_equal(first[0], second[0])
    np.testing.assert_array_equal(state.exp_avg, np.zeros(2))
    np.testing.assert_array_equal(grads, [1.0, -2.0])


@pytest.mark.parametrize("alpha", [1.0, 1.5, float("inf")])
def test_rmsprop_alpha_from_one_up_is_refused_where_torch_runs_to_nothing(alpha):
    # torch checks only alpha >= 0; from 1 up its square average stays 0 or turns negative.
    param = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.RMSprop([param], lr=0.01, alpha=alpha)
    for _ in range(2):
        param.grad = torch.tensor([0.3, -0.7], dtype=torch.float64)
        opt.step()
    steps = param.detach().numpy() / (0.01 * 2 * np.array([0.3, 0.7]))
    assert not (np.abs(steps) < 1e3).all()  # NaN or a step over 1000 times lr * g
    with pytest.raises(ValueError, match=rf"^Invalid alpha value: {alpha}$"):
        rmsprop(alpha=alpha)


def test_rmsprop_alpha_zero_centered_is_refused_as_torch_divides_by_rounding_error():
    # The variance of a single gradient is 0: torch's steps are NaN or ~1e7 times lr * g.
    grad = np.random.default_rng(0).normal(size=1000)
    param = torch.zeros(1000, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.RMSprop([param], lr=0.01, alpha=0.0, centered=True)
    param.grad = torch.from_numpy(grad.copy())
    opt.step()
    ratio = np.abs(param.detach().numpy()) / (0.01 * np.abs(grad))
    # NaN where torch's g^2 - g g rounds below 0, else a step of g / eps or g / rounding error:
    # which depends on whether the CPU fuses the multiply-add, so either counts.
    assert (np.isnan(ratio) | (ratio > 1e6)).all()
    with pytest.raises(ValueError, match=r"^Invalid alpha value: 0.0 \(centered needs alpha > 0"):
        rmsprop(alpha=0.0, centered=True)
    rmsprop(alpha=0.0)  # uncentered, 0 is fine: tests/gdlib/test_gdlib_torch_agreement.py

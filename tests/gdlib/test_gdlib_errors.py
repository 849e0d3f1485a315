"""Every bad input raises the named error with a message naming the argument."""

import math

import numpy as np
import pytest
import torch

from gdlib import (
    adagrad,
    adam,
    descend,
    fit_linear,
    get_optimizer,
    get_surface,
    make_regression,
    rmsprop,
    sgd,
)
from gdlib.surfaces import SURFACES

X3 = np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0]])
Y3 = np.array([2.0, 4.0, 6.0])
BAD_RATES = [-1.0, 0.0, math.nan, math.inf, -math.inf]


@pytest.mark.parametrize("lr", BAD_RATES)
@pytest.mark.parametrize("factory", [sgd, adagrad, rmsprop, adam])
def test_bad_learning_rate_in_optimizers(factory, lr):
    with pytest.raises(ValueError, match=rf"^Invalid learning rate: {lr}$"):
        factory(lr)


@pytest.mark.parametrize("lr", BAD_RATES)
def test_bad_learning_rate_in_descend_and_fit(lr):
    with pytest.raises(ValueError, match="Invalid learning rate"):
        descend("bowl", (2.0, 2.0), lr=lr)
    with pytest.raises(ValueError, match="Invalid learning rate"):
        fit_linear(X3, Y3, lr=lr)


@pytest.mark.parametrize("lr", ["0.1", None, True, [0.1]])
def test_learning_rate_of_wrong_type(lr):
    with pytest.raises(TypeError, match="lr must be a real number"):
        sgd(lr)


# Our messages are torch.optim's own for the same bad value (torch accepts lr = 0; we do not).
TORCH_SAME_MESSAGE = [
    (lambda: sgd(-0.5), lambda p: torch.optim.SGD(p, lr=-0.5)),
    (lambda: sgd(0.1, momentum=-0.1), lambda p: torch.optim.SGD(p, lr=0.1, momentum=-0.1)),
    (
        lambda: sgd(0.1, nesterov=True),
        lambda p: torch.optim.SGD(p, lr=0.1, nesterov=True),
    ),
    (
        lambda: sgd(0.1, momentum=0.9, dampening=0.1, nesterov=True),
        lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1, nesterov=True),
    ),
    (lambda: adagrad(lr_decay=-1.0), lambda p: torch.optim.Adagrad(p, lr_decay=-1.0)),
    (
        lambda: adagrad(initial_accumulator_value=-1.0),
        lambda p: torch.optim.Adagrad(p, initial_accumulator_value=-1.0),
    ),
    (lambda: adagrad(eps=-1.0), lambda p: torch.optim.Adagrad(p, eps=-1.0)),
    (lambda: rmsprop(alpha=-0.5), lambda p: torch.optim.RMSprop(p, alpha=-0.5)),
    (lambda: rmsprop(alpha=math.nan), lambda p: torch.optim.RMSprop(p, alpha=math.nan)),
    (lambda: rmsprop(eps=-1.0), lambda p: torch.optim.RMSprop(p, eps=-1.0)),
    (lambda: rmsprop(momentum=-1.0), lambda p: torch.optim.RMSprop(p, momentum=-1.0)),
    (lambda: adam(betas=(1.0, 0.9)), lambda p: torch.optim.Adam(p, betas=(1.0, 0.9))),
    (lambda: adam(betas=(0.9, -0.1)), lambda p: torch.optim.Adam(p, betas=(0.9, -0.1))),
    (lambda: adam(eps=-1.0), lambda p: torch.optim.Adam(p, eps=-1.0)),
]


@pytest.mark.parametrize(("ours", "theirs"), TORCH_SAME_MESSAGE)
def test_hyperparameter_messages_are_torchs(ours, theirs):
    param = torch.zeros(2, requires_grad=True)
    with pytest.raises(ValueError) as torch_error:
        theirs([param])
    with pytest.raises(ValueError) as our_error:
        ours()
    assert str(our_error.value) == str(torch_error.value)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: sgd(0.1, dampening=-1.0), ValueError, "dampening"),
        # torch takes these; gdlib does not (tests/gdlib/test_optimizer_inputs.py says why).
        (lambda: sgd(0.1, momentum=1.0), ValueError, "Invalid momentum value: 1.0"),
        (lambda: sgd(0.1, dampening=1.0), ValueError, "Invalid dampening value: 1.0"),
        (lambda: sgd(0.1, momentum=math.nan), ValueError, "momentum"),
        (lambda: rmsprop(alpha=1.0), ValueError, "alpha"),
        (lambda: rmsprop(alpha=0, centered=True), ValueError, "Invalid alpha value: 0 (centered"),
        (lambda: adam(betas=0.9), TypeError, "betas"),
        (lambda: sgd(0.1, nesterov=1), TypeError, "nesterov"),
        # torch accepts eps = 0, and then a zero gradient divides 0 by 0.
        (lambda: adam(eps=0.0), ValueError, "Invalid epsilon value: 0.0 (must be > 0"),
        (lambda: adagrad(eps=0), ValueError, "Invalid epsilon value: 0 (must be > 0"),
        (lambda: rmsprop(eps=0.0), ValueError, "Invalid epsilon value: 0.0 (must be > 0"),
        (lambda: rmsprop(centered="yes"), TypeError, "centered"),
        (lambda: get_optimizer("sgdx", 0.1), ValueError, "optimizer 'sgdx'; known: 'gd'"),
        (lambda: get_optimizer("adam", 0.1, beta=0.9), TypeError, "beta"),
        (lambda: get_surface("banana"), ValueError, "surface name 'banana'; known: 'bowl'"),
        (lambda: descend("banana", (0.0, 0.0)), ValueError, "surface name"),
        (lambda: descend("bowl", (0.0, 0.0), optimizer="newton"), ValueError, "optimizer"),
        (lambda: descend("bowl", (1.0, 2.0, 3.0)), ValueError, "start must have shape (2,)"),
        (lambda: descend("bowl", [[1.0, 2.0]]), ValueError, "start must have shape (2,)"),
        (lambda: descend("bowl", (math.nan, 0.0)), ValueError, "start contains NaN"),
        (lambda: descend("bowl", (0.0, math.inf)), ValueError, "start contains NaN or infinite"),
        (lambda: descend("bowl", ("a", 0.0)), TypeError, "start must be an array of real numbers"),
        # NumPy would read these as 2.0 and drop the imaginary part: refused, named.
        (lambda: descend("bowl", ("2", "2")), TypeError, "start must be an array of real numbers"),
        (lambda: descend("bowl", (2 + 1j, 2)), TypeError, "got complex numbers"),
        (lambda: descend("bowl", (True, False)), TypeError, "got booleans"),
        (lambda: descend("bowl", (0.0, 0.0), hyper=[0.5]), TypeError, "hyper must be a mapping"),
        (lambda: descend("bowl", (2e6, 0.0)), ValueError, "start"),
        (lambda: descend("bowl", (0.0, 0.0), max_iter=-1), ValueError, "max_iter must be in"),
        (lambda: descend("bowl", (0.0, 0.0), max_iter=2.5), TypeError, "max_iter"),
        (lambda: descend("bowl", (0.0, 0.0), grad_tol=-1.0), ValueError, "grad_tol"),
        (lambda: descend("bowl", (0.0, 0.0), step_tol=math.nan), ValueError, "step_tol"),
        (lambda: descend("bowl", (0.0, 0.0), value_tol=math.inf), ValueError, "value_tol"),
        (lambda: descend("bowl", (0.0, 0.0), hyper={"momentum": -1.0}), ValueError, "momentum"),
        (lambda: SURFACES["bowl"].f([1.0, 2.0, 3.0]), ValueError, "p must have shape (..., 2)"),
        (lambda: SURFACES["bowl"].grad(np.zeros((4, 3))), ValueError, "p must have shape"),
    ],
)
def test_bad_arguments_name_themselves(call, error, words):
    with pytest.raises(error) as raised:
        call()
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"X": np.array([1.0, 2.0, 3.0])}, ValueError, "X must have shape (n_samples, n_features)"),
        ({"X": np.zeros((0, 2)), "y": np.zeros(0)}, ValueError, "X must have shape"),
        ({"y": Y3[:, None]}, ValueError, "y must have shape (n_samples,)"),
        ({"y": Y3[:2]}, ValueError, "X and y must have the same length, got 3 and 2"),
        ({"X": np.where(X3 == 3.0, math.nan, X3)}, ValueError, "X contains NaN"),
        ({"y": np.array([2.0, math.inf, 6.0])}, ValueError, "y contains NaN or infinite"),
        ({"X": [["a", "b"]] * 3}, TypeError, "X must be an array of real numbers"),
        ({"X": [["1", "2"]] * 3}, TypeError, "X must be an array of real numbers, got strings"),
        ({"y": Y3 + 0j}, TypeError, "y must be an array of real numbers, got complex numbers"),
        ({"batch_size": 0}, ValueError, "batch_size must be in [1, 3], got 0"),
        ({"batch_size": 4}, ValueError, "batch_size must be in [1, 3], got 4"),
        ({"batch_size": 1.5}, TypeError, "batch_size must be an integer"),
        ({"epochs": -1}, ValueError, "epochs must be in [0, inf), got -1"),
        ({"seed": -3}, ValueError, "seed"),
        ({"lr_decay": -0.1}, ValueError, "lr_decay"),
        ({"theta0": np.zeros(3)}, ValueError, "theta0 must have shape (2,)"),
        ({"theta0": np.array([0.0, math.nan])}, ValueError, "theta0 contains NaN"),
        ({"theta0": ["a", "b"]}, TypeError, "theta0 must be an array of real numbers"),
        ({"shuffle": "no"}, TypeError, "shuffle must be True or False, got 'no'"),
        ({"record": "all"}, ValueError, "record 'all'; known: 'step', 'epoch'"),
        ({"lr": "fast"}, TypeError, "lr must be a real number"),
    ],
)
def test_bad_regression_input_names_the_argument(kwargs, error, words):
    arguments = {"X": X3, "y": Y3, **kwargs}
    X, y = arguments.pop("X"), arguments.pop("y")
    with pytest.raises(error) as raised:
        fit_linear(X, y, **arguments)
    assert words in str(raised.value)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"n_samples": 0, "n_features": 2}, "n_samples"),
        ({"n_samples": 5, "n_features": 0}, "n_features"),
        ({"n_samples": 5, "n_features": 2, "noise": -1.0}, "noise"),
    ],
)
def test_bad_dataset_arguments(kwargs, words):
    with pytest.raises(ValueError, match=words):
        make_regression(**kwargs)


def test_numpy_flags_are_flags():
    # np.bool_ is what a comparison of arrays returns; it was refused as "not a bool".
    grads = np.array([1.0, -2.0])
    for factory, flags in (
        (sgd, {"momentum": 0.9, "nesterov": True}),
        (rmsprop, {"centered": True}),
    ):
        numpy_flags = {
            key: np.bool_(value) if value is True else value for key, value in flags.items()
        }
        ours, theirs = factory(0.1, **numpy_flags), factory(0.1, **flags)
        step, _ = ours.update(grads, ours.init(np.zeros(2)))
        assert step.tolist() == theirs.update(grads, theirs.init(np.zeros(2)))[0].tolist()

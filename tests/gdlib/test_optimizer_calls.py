"""How an optimizer is called and fed: keyword-only hyperparameters, finite gradients, its state.

A reviewer (session 45) found calls that end in a wrong answer, not an error: torch's positional
order (``Adagrad(params, lr, lr_decay, weight_decay, ...)``, ``RMSprop(params, lr, alpha, eps,
weight_decay, ...)``) set another hyperparameter of gdlib's; RMSProp took ``momentum`` 1 or more,
which SGD refuses; ``update`` turned NaN or huge gradients into NaN or zero steps without a word,
and a state of another optimizer into an ``AttributeError``.
"""

from __future__ import annotations

import numpy as np
import pytest

from gdlib.optimizers import adagrad, adam, rmsprop, sgd


@pytest.mark.parametrize(
    "call",
    [
        lambda: adagrad(0.01, 0.0, 0.1),  # torch: weight_decay=0.1; gdlib had s_0 = 0.1
        lambda: rmsprop(0.01, 0.99, 1e-8, 0.5),  # torch: weight_decay=0.5; gdlib had momentum
        lambda: adam(0.01, (0.9, 0.999)),
        lambda: sgd(0.01, 0.9),  # torch: momentum too, but one rule for all four
    ],
)
def test_hyperparameters_after_lr_are_keyword_only(call):
    with pytest.raises(TypeError, match="positional argument"):
        call()


def test_keywords_still_set_every_hyperparameter():
    assert adagrad(0.01, initial_accumulator_value=0.1).init(np.zeros(1)).sum_sq.tolist() == [0.1]
    assert adagrad(lr=0.01).init(np.zeros(1)).sum_sq.tolist() == [0.0]
    rmsprop(0.01, alpha=0.9, eps=1e-6, momentum=0.5, centered=True)
    adam(0.01, betas=(0.8, 0.99), eps=1e-6)
    sgd(0.01, momentum=0.9, dampening=0.0, nesterov=True)


@pytest.mark.parametrize("momentum", [1.0, 1.5])
def test_rmsprop_refuses_momentum_from_one_up_as_sgd_does(momentum):
    # Before: the bowl from (2, 2) at momentum 1 ran to max_iter, at 1.5 "diverged"; sgd refused.
    with pytest.raises(ValueError, match=rf"^Invalid momentum value: {momentum}$"):
        rmsprop(0.01, momentum=momentum)
    with pytest.raises(ValueError, match=rf"^Invalid momentum value: {momentum}$"):
        sgd(0.01, momentum=momentum)
    assert rmsprop(0.01, momentum=0.99).init(np.zeros(2)).momentum_buffer.tolist() == [0.0, 0.0]


def test_the_package_docstring_lists_rmsprop_momentum_and_the_absent_torch_options():
    """Read from torch's own signatures: the docstring had weight_decay "second or fourth"
    (Adagrad's is third) and did not name Adam's decoupled_weight_decay (torch 2.13)."""
    import inspect

    import torch

    import gdlib.optimizers

    doc = " ".join(gdlib.optimizers.__doc__.split())
    assert "RMSProp's ``momentum``" in doc and "keyword-only" in doc
    pairs = {"SGD": sgd, "Adagrad": adagrad, "RMSprop": rmsprop, "Adam": adam}
    order = {}
    for name, ours in pairs.items():
        theirs = [
            p for p in inspect.signature(getattr(torch.optim, name)).parameters if p != "params"
        ]
        order[name] = theirs.index("weight_decay") + 1
        absent = set(theirs) - set(inspect.signature(ours).parameters)
        assert [p for p in sorted(absent) if f"``{p}``" not in doc] == [], name
    assert order == {"SGD": 4, "Adagrad": 3, "RMSprop": 4, "Adam": 4}
    assert "Adagrad takes ``weight_decay`` as its third hyperparameter, and SGD, RMSprop" in doc
    assert "and Adam as their fourth (``lr`` is the first)" in doc


FACTORIES = {
    "sgd": lambda: sgd(0.1),
    "momentum": lambda: sgd(0.1, momentum=0.9),
    "adagrad": lambda: adagrad(0.1),
    "rmsprop": lambda: rmsprop(0.01),
    "rmsprop centered": lambda: rmsprop(0.01, centered=True, momentum=0.5),
    "adam": lambda: adam(0.1),
}


@pytest.mark.parametrize("name", sorted(FACTORIES))
@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_update_refuses_grads_that_are_not_finite(name, bad):
    # Before: [nan, 1] gave the step [nan, -0.1] from every rule, without a warning.
    opt = FACTORIES[name]()
    with pytest.raises(ValueError, match=r"^grads contains NaN or infinite values$"):
        opt.update(np.array([bad, 1.0]), opt.init(np.zeros(2)))


@pytest.mark.parametrize("name", ["adagrad", "rmsprop", "rmsprop centered", "adam"])
def test_adaptive_rules_refuse_grads_whose_squares_overflow(name, recwarn):
    # Before: 1e160 squared to inf, so adam and adagrad stepped -0.0 (and adagrad's coordinate
    # stayed frozen for good, its sum inf), centred rmsprop NaN.
    opt = FACTORIES[name]()
    state = opt.init(np.zeros(2))
    with pytest.raises(ValueError, match="grads too large: their squares overflow float64"):
        opt.update(np.array([1e160, 1.0]), state)
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
    step, _ = opt.update(np.array([1e150, 1.0]), state)  # squares still finite: a real step
    assert np.isfinite(step).all() and step[0] < 0


def test_sgd_takes_a_huge_finite_gradient_as_it_is():
    step, _ = sgd(0.1).update(np.array([1e160, 1.0]), sgd(0.1).init(np.zeros(2)))
    assert step[0] == pytest.approx(-1e159)


@pytest.mark.parametrize("name", sorted(FACTORIES))
@pytest.mark.parametrize("other", ["sgd", "adagrad", "rmsprop", "adam", None])
def test_update_refuses_a_state_it_did_not_build(name, other):
    opt = FACTORIES[name]()
    kind = type(opt.init(np.zeros(2))).__name__
    if other is not None and other == name.split()[0].replace("momentum", "sgd"):
        return
    state = None if other is None else FACTORIES[other]().init(np.zeros(2))
    with pytest.raises(TypeError, match=rf"^state must be the {kind} from this optimizer's init"):
        opt.update(np.ones(2), state)

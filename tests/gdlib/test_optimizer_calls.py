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
    import gdlib.optimizers

    doc = " ".join(gdlib.optimizers.__doc__.split())
    assert "RMSProp's ``momentum``" in doc
    for absent in ("weight_decay", "amsgrad", "maximize", "keyword-only"):
        assert absent in doc

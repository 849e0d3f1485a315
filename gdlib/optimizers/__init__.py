"""Optimizers as pure update rules (optax style) with torch.optim's names, rules and defaults.

``OPTIMIZERS`` lists the names the site and the explorer offer, ``LABELS`` how a page shows them;
``get_optimizer`` builds one from its ``factory`` and ``preset``:
``gd`` is ``sgd(lr)``, ``momentum`` is ``sgd(lr, momentum=0.9)``, ``nesterov`` is
``sgd(lr, momentum=0.9, nesterov=True)``; ``adagrad``, ``rmsprop`` and ``adam`` use torch's
defaults for everything but the learning rate. Unlike torch's, ``sgd`` has no default ``lr``,
and gdlib refuses values torch accepts, e.g. ``lr=0``, RMSProp's ``alpha=1`` (and ``alpha=0``
with ``centered=True``), SGD's and RMSProp's ``momentum`` or SGD's ``dampening`` outside
[0, 1), infinite hyperparameters and flags that are not bools.

torch's ``weight_decay``, Adam's ``amsgrad`` and ``decoupled_weight_decay``, ``maximize`` (and its
other flags: ``foreach``, ``capturable``, ``differentiable``, ``fused``) are absent. Everything
after ``lr`` is keyword-only: torch's Adagrad takes ``weight_decay`` as its third hyperparameter,
and SGD, RMSprop and Adam as their fourth (``lr`` is the first), so a call such as
``adagrad(0.01, 0.0, 0.1)`` copied from torch would otherwise set another hyperparameter
(``TypeError`` instead).
"""

from __future__ import annotations

from collections.abc import Callable

from gdlib._validate import check_choice
from gdlib.optimizers._adagrad import AdagradState, adagrad
from gdlib.optimizers._adam import AdamState, adam
from gdlib.optimizers._rmsprop import RmspropState, rmsprop
from gdlib.optimizers._sgd import SgdState, sgd
from gdlib.optimizers.base import GradientTransformation

__all__ = [
    "LABELS",
    "OPTIMIZERS",
    "AdagradState",
    "AdamState",
    "GradientTransformation",
    "RmspropState",
    "SgdState",
    "adagrad",
    "adam",
    "factory",
    "get_optimizer",
    "preset",
    "rmsprop",
    "sgd",
]

OPTIMIZERS = ("gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
"""The names ``get_optimizer``, ``factory`` and ``preset`` accept, in the site's order."""
LABELS = {
    "gd": "GD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
}
"""How a page names each optimizer: the explorer's legend and the figures' labels."""

_PRESETS = {
    "gd": (sgd, {}),
    "momentum": (sgd, {"momentum": 0.9}),
    "nesterov": (sgd, {"momentum": 0.9, "nesterov": True}),
    "adagrad": (adagrad, {}),
    "rmsprop": (rmsprop, {}),
    "adam": (adam, {}),
}


def get_optimizer(name: str, lr: float, **hyper: object) -> GradientTransformation:
    """Build the optimizer called ``name`` with learning rate ``lr``.

    Args:
        name: One of ``OPTIMIZERS``.
        lr: Learning rate (> 0).
        **hyper: Other hyperparameters in torch.optim's names; they override the preset
            (e.g. ``get_optimizer("momentum", 0.01, momentum=0.5)``).

    Returns:
        A ``GradientTransformation``.

    Raises:
        ValueError: Unknown ``name`` or a hyperparameter out of range.
        TypeError: An unknown hyperparameter name, or a value of the wrong type.

    >>> import numpy as np
    >>> from gdlib.optimizers import get_optimizer
    >>> opt = get_optimizer("gd", 0.01)
    >>> opt.update(np.array([4.0, 4.0]), opt.init(np.zeros(2)))[0].tolist()
    [-0.04, -0.04]

    """
    build, defaults = _PRESETS[check_choice(name, "optimizer", OPTIMIZERS)]
    return build(lr, **{**defaults, **hyper})  # factory(name)(lr, **(preset(name) | hyper))


def preset(name: str) -> dict[str, object]:
    """Return the hyperparameters besides the rate that the optimizer ``name`` runs with.

    Args:
        name: One of ``OPTIMIZERS``.

    Returns:
        A new dict of the keyword arguments ``get_optimizer`` passes besides ``lr``.

    Raises:
        TypeError: ``name`` is not a string.
        ValueError: ``name`` is not one of ``OPTIMIZERS``.

    >>> sorted(preset("nesterov").items())
    [('momentum', 0.9), ('nesterov', True)]

    """
    return dict(_PRESETS[check_choice(name, "optimizer", OPTIMIZERS)][1])


def factory(name: str) -> Callable[..., GradientTransformation]:
    """Return the rule that the optimizer ``name`` is built with: ``sgd``, ``adagrad``, ...

    ``get_optimizer(name, lr, **hyper)`` is ``factory(name)(lr, **(preset(name) | hyper))``.

    Args:
        name: One of ``OPTIMIZERS``.

    Returns:
        One of ``sgd``, ``adagrad``, ``rmsprop`` and ``adam``.

    Raises:
        TypeError: ``name`` is not a string.
        ValueError: ``name`` is not one of ``OPTIMIZERS``.

    >>> factory("nesterov").__name__
    'sgd'

    """
    return _PRESETS[check_choice(name, "optimizer", OPTIMIZERS)][0]

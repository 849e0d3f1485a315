"""Errors a reader meets calling gdlib: each says what is wrong, and its Raises section lists it.

Session 46's review: `get_surface(3)`, `get_schedule` with a non-integer `epochs` and
`measured_rate` with a non-integer `start` or `stop` raised a `TypeError` their Raises sections
did not list, and `get_schedule("cosine", ..., T_max=3)` raised Python's "got multiple values for
keyword argument 'T_max'": `get_schedule` sets `T_max` (and warm-up + cosine's `total_epochs`)
from `epochs`, which the message did not say.
"""

from __future__ import annotations

import inspect
import re

import numpy as np
import pytest

from gdlib.rates import measured_rate
from gdlib.regression import batch_gd, stochastic_gd
from gdlib.schedules import get_schedule
from gdlib.surfaces import get_surface

RUN = [[1.0, 1.0], [0.5, 0.5], [0.25, 0.25]]


def raises_section(function) -> dict[str, str]:
    """The docstring's Raises entries by exception name, each entry's text on one line."""
    doc = inspect.getdoc(function)
    section = re.search(r"^Raises:\n((?:[ \t]+.*\n|\n)*)", doc + "\n", re.M)
    assert section, f"{function.__name__} has no Raises section"
    entries = re.split(r"^\s{4}(?=\w+Error:)", section[1], flags=re.M)
    return {e.split(":")[0]: " ".join(e.split(":", 1)[1].split()) for e in entries if ":" in e}


@pytest.mark.parametrize(
    ("call", "function", "words", "documented"),
    [
        (lambda: get_surface(3), get_surface, "surface name must be a string, got int", "name"),
        (
            lambda: get_schedule("step", 0.1, 2.5),
            get_schedule,
            "epochs must be an integer",
            "epochs",
        ),
        (
            lambda: measured_rate(RUN, (0, 0), start=0.5),
            measured_rate,
            "start must be an integer",
            "start",
        ),
        (
            lambda: measured_rate(RUN, (0, 0), stop=2.0),
            measured_rate,
            "stop must be an integer",
            "stop",
        ),
    ],
)
def test_type_errors_are_named_and_documented(call, function, words, documented):
    with pytest.raises(TypeError, match=re.escape(words)):
        call()
    assert f"``{documented}``" in raises_section(function).get("TypeError", ""), function


@pytest.mark.parametrize(
    ("name", "argument", "factory"),
    [
        ("cosine", "T_max", "cosine_annealing_lr"),
        ("warmup_cosine", "total_epochs", "warmup_cosine_lr"),
    ],
)
def test_get_schedule_says_epochs_sets_the_length(name, argument, factory):
    with pytest.raises(TypeError) as caught:
        get_schedule(name, 0.1, 10, **{argument: 3})
    message = str(caught.value)
    assert "multiple values" not in message
    assert message.startswith(f"{argument} is not a hyperparameter of get_schedule({name!r}")
    assert "set from epochs" in message and "epochs=3" in message and factory in message
    assert f"``{argument}``" in raises_section(get_schedule)["TypeError"]


@pytest.mark.parametrize(
    ("function", "rows"), [(batch_gd, "all n rows"), (stochastic_gd, "one row")]
)
def test_the_fixed_batch_variants_refuse_batch_size_by_name(function, rows):
    with pytest.raises(TypeError) as caught:
        function(np.ones((4, 1)), np.ones(4), batch_size=2)
    message = str(caught.value)
    assert "multiple values" not in message and "_fit" not in message
    assert message.startswith(f"batch_size is not an argument of {function.__name__}")
    assert rows in message and "minibatch_gd" in message
    assert "``batch_size``" in raises_section(function)["TypeError"]

"""The noisy steps' mean-square limit (scripts/_noisy_limit.py) against brute force.

The doctests are one-dimensional with one row a step, where the batch size's 1/b has nothing to
act on; here the second moment's map is built by
enumerating every batch of a small two-dimensional problem, and it must carry an error's second
moment to the mean of (A e)(A e)^T over those batches.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from _scripts import load_script

noisy_limit = load_script("_noisy_limit")
mean_square_limit, step_map = noisy_limit.mean_square_limit, noisy_limit.step_map

X = np.array([[1.0, 0.2], [1.0, -1.5], [1.0, 0.7], [1.0, 2.1]])
HESSIANS = 2 * np.einsum("ni,nj->nij", X, X)


@pytest.mark.parametrize("batch_size", [1, 2, 3])
def test_the_map_is_the_mean_over_every_batch_drawn_with_replacement(batch_size):
    lr, eye = 0.07, np.eye(2)
    batches = itertools.product(range(len(X)), repeat=batch_size)
    steps = [eye - lr * HESSIANS[list(rows)].mean(axis=0) for rows in batches]
    expected = np.mean([np.kron(a, a) for a in steps], axis=0)
    assert np.allclose(step_map(HESSIANS, batch_size)(lr), expected, atol=1e-15)


def test_the_map_carries_the_errors_second_moment():
    # vec(E[A M A^T]) = E[A (x) A] vec(M), row-major as NumPy flattens.
    rng = np.random.default_rng(0)
    error = rng.normal(size=2)
    moment = np.outer(error, error)
    lr, steps = 0.11, []
    for rows in itertools.product(range(len(X)), repeat=2):
        a = np.eye(2) - lr * HESSIANS[list(rows)].mean(axis=0)
        steps.append(np.outer(a @ error, a @ error))
    mapped = step_map(HESSIANS, 2)(lr) @ moment.ravel()
    assert np.allclose(mapped, np.mean(steps, axis=0).ravel())


def test_larger_batches_have_higher_limits_up_to_two_over_l():
    two_over_l = 2 / np.linalg.eigvalsh(HESSIANS.mean(axis=0)).max()
    limits = [mean_square_limit(X, b) for b in (1, 2, 8, 10**6)]
    assert limits == sorted(limits) and limits[0] < limits[-1] <= two_over_l
    assert limits[-1] == pytest.approx(two_over_l, rel=1e-5)


@pytest.mark.parametrize(
    ("name", "kwargs"), [("batch_size", {"batch_size": 0}), ("grid", {"grid": 0})]
)
def test_bad_arguments_are_refused_by_name(name, kwargs):
    with pytest.raises(ValueError, match=f"Invalid {name}"):
        mean_square_limit(X, **({"batch_size": 1} | kwargs))

"""Escaping a local minimum: the right panel of the stochastic page's figure (fig_sgd_behaviour).

The loss is the mean of EXAMPLES shifted six-hump camels, one per "example", so one example's
gradient is one camel's. From START, in the basin of a shallow local minimum, plain gradient
descent and single-example SGD (gdlib's camel gradients and sgd update, examples drawn with
replacement by each seed's generator) run STEPS steps at the rate LR. Whether SGD escapes depends
on the rate, so `escapes` counts the seeded runs (`escape_runs`, the drawn seed among them) that end
lower than full-gradient descent at LR, half of it (also with twice the steps, the same distance
budget) and a quarter of it. `barrier`
measures how high the loss must rise to leave the basin, on a grid. Whether one noisy step is
enough: `short_tries_away` takes every single step and every pair of steps on the examples from the
shallow minimum, then full-gradient descent, and counts those that do not end back at it (within
RETURN: an escape to a deeper basin is one of them);
`escape_steps` starts seeded runs at the minimum itself and records the step at which each first
left its basin.
"""

from __future__ import annotations

import heapq

import numpy as np

from gdlib.optimizers import sgd
from gdlib.surfaces import get_surface

EXAMPLES = 16
SHIFTS = np.random.default_rng(7).normal(0.0, 0.15, size=(EXAMPLES, 2))
START = np.array([1.6, 0.57])  # in the basin of the shallow local minimum near (1.41, 0.51)
LR, STEPS = 0.04, 1600
DRAWN = 11  # the seed whose path is drawn
ESCAPE_SEEDS = tuple(range(20))
MARGIN = 0.1  # a run escaped if it ends this much lower than full-gradient descent
TIMED_SEEDS = tuple(range(99))  # runs started at the shallow minimum, timed to their escape
SETTLE = 200  # full-gradient steps after one or two noisy ones (back within 1e-14 if they stay)
RETURN = 1e-6  # a try ended back at the minimum if this close to it (they end within 1e-14)


def descend_sum(stochastic: bool, seeds=(DRAWN,), lr: float = LR, steps: int = STEPS, start=START):
    """Descend mean_i camel(p - s_i) with gdlib's sgd rule, one run per seed at once.

    With `stochastic`, each step uses one example drawn by the seed's generator; otherwise all
    of them (the full gradient, the same for every seed). Returns paths, (seeds, steps + 1, 2).
    """
    camel, opt = get_surface("camel"), sgd(lr)
    p = np.tile(np.asarray(start, dtype=float), (len(seeds), 1))
    state = opt.init(p)
    picks = np.stack([np.random.default_rng(s).integers(EXAMPLES, size=steps) for s in seeds])
    path = [p]
    for k in range(steps):
        if stochastic:
            grad = camel.grad(p - SHIFTS[picks[:, k]])
        else:
            grad = camel.grad(p[:, None, :] - SHIFTS).mean(axis=1)
        step, state = opt.update(grad, state)
        p = p + step
        path.append(p)
    return np.stack(path, axis=1)


def mean_loss(p: np.ndarray) -> np.ndarray:
    """Full loss at points (..., 2): the mean over the examples' shifted camels."""
    return get_surface("camel").f(np.asarray(p)[..., None, :] - SHIFTS).mean(axis=-1)


def escape_runs(lr: float, steps: int = STEPS) -> np.ndarray:
    """Run ESCAPE_SEEDS' SGD from START at lr: (seeds, steps + 1, 2); at LR, DRAWN's is drawn."""
    return descend_sum(True, ESCAPE_SEEDS, lr, steps)


def escapes(full_loss: float, runs: np.ndarray) -> tuple[int, int]:
    """How many of `runs` (escape_runs) end lower and higher than full-gradient descent."""
    ends = mean_loss(runs[:, -1])
    return int(np.sum(ends < full_loss - MARGIN)), int(np.sum(ends > full_loss + MARGIN))


def barrier(start: np.ndarray, goal: np.ndarray, n: int = 240) -> float:
    """Lowest loss level at which a path on an n x n grid joins `start` to `goal` (a minimax path).

    Minus the loss at `start`, it is the barrier a run must climb to leave start's basin, to
    within the grid's resolution.
    """
    (x0, x1), (y0, y1) = get_surface("camel").bounds
    xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    Z = mean_loss(np.stack(np.meshgrid(xs, ys), axis=-1))
    cell = lambda p: (int(np.argmin(abs(ys - p[1]))), int(np.argmin(abs(xs - p[0]))))  # noqa: E731
    source, target = cell(start), cell(goal)
    level, heap, done = {source: Z[source]}, [(Z[source], source)], set()
    while heap:
        height, (i, j) = heapq.heappop(heap)
        if (i, j) == target:
            return float(height)
        if (i, j) in done:
            continue
        done.add((i, j))
        for a, b in ((i + 1, j), (i - 1, j), (i, j + 1), (i, j - 1)):
            if 0 <= a < n and 0 <= b < n and (a, b) not in done:
                over = max(height, Z[a, b])
                if over < level.get((a, b), np.inf):
                    level[(a, b)] = over
                    heapq.heappush(heap, (over, (a, b)))
    raise AssertionError("the grid does not join the two minima")


def short_tries_away(minimum: np.ndarray, lr: float) -> tuple[int, int]:
    """Single steps and pairs of steps from `minimum`, then SETTLE full-gradient steps: leavers.

    Returns how many of the EXAMPLES single steps and of the EXAMPLES ** 2 pairs (one example,
    then another, all at the rate lr) do not end back at `minimum`, farther than RETURN from it:
    the escapes to a deeper basin, and any try stopped anywhere else.
    """
    camel = get_surface("camel")
    one = minimum - lr * camel.grad(minimum - SHIFTS)  # one step per example, (EXAMPLES, 2)
    two = one[:, None, :] - lr * camel.grad(one[:, None, :] - SHIFTS)  # then each example
    p = np.concatenate([one, two.reshape(-1, 2)])
    for _ in range(SETTLE):
        p = p - lr * camel.grad(p[:, None, :] - SHIFTS).mean(axis=1)
    out = ~(np.linalg.norm(p - minimum, axis=1) <= RETURN)  # a diverged try (nan) is away
    return int(np.sum(out[:EXAMPLES])), int(np.sum(out[EXAMPLES:]))


def escape_steps(minimum: np.ndarray, lr: float) -> np.ndarray:
    """Return each TIMED_SEEDS run's first step out of `minimum`'s basin (-1: none in STEPS).

    A run started at `minimum` has left its basin once its loss is MARGIN below the minimum's.
    """
    below = mean_loss(descend_sum(True, TIMED_SEEDS, lr, start=minimum)) < (
        float(mean_loss(minimum)) - MARGIN
    )
    return np.where(below.any(axis=1), below.argmax(axis=1), -1)

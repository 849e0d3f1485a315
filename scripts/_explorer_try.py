"""Facts behind the explorer page's "things to try": why each linked run ends as the page says.

fig_explorer_fallback.py runs the settings the page links to and quotes their numbers; this
module measures the behaviour the page's sentences describe, for its checks:

- the rate above 2/L on the bowl: each step crosses the minimum and lands farther from it, and
  just above 2/L slowly: a run can reach the explorer's step limit before gdlib calls it diverged;
- the valley race: momentum's first swings across the floor, and its error shrinking by
  sqrt(mu) a step in both directions;
- the Rosenbrock race: AdaGrad's steps shrink, Adam's stay at most the rate along each axis,
  RMSProp's stay near it and, run on, end in a bounce across the floor; of the runs capped,
  RMSProp's ends nearest the minimum;
- the saddle: the path first nears the centre, then leaves it along y, and the drawn square;
- the surfaces with several minima: which minima the default rate reaches from a grid of starts;
- the reader's own function: the curvature's thresholds 1/lambda and 2/lambda around the start.
"""

from __future__ import annotations

import numpy as np
from _explorer_facts import ALONG_Y, BOUNCES, FACTORS, NEAR_LR, SHRINK, SQRT_MU_GAP, STEP_FIT
from _figure import sign_changes, step_lengths
from _prose import fmt

from gdlib.curvature import hessian_eigenvalues
from gdlib.descent import descend
from gdlib.explorer_defaults import EXPLORER_DEFAULTS
from gdlib.rates import measured_rate
from gdlib.surfaces import get_surface

ROSEN_LONG = 20_000  # RMSProp run on this long is locked in its bounce (four times the race)
GRID = (9, 7)  # starts across x and y for the census of minima reached
GRID_STARTS = GRID[0] * GRID[1]
# How closely tests/test_js_agreement.py holds the explorer's JavaScript to gdlib; the page says so.
AGREEMENT_STEPS = 200  # steps of each run compared on every surface and optimizer
AGREEMENT_TOLERANCE = 1e-9  # relative once the numbers exceed 1


def momentum_swings(y: np.ndarray) -> dict[str, str]:
    """Return the farthest y of the valley's momentum run on its first two swings across."""
    swings = np.split(y, np.flatnonzero(np.diff(np.sign(y)) != 0) + 1)
    far, back = (swing[np.argmax(np.abs(swing))] for swing in swings[1:3])
    return {"valley_momentum_far": f"{far:.2f}", "valley_momentum_back": f"{back:.2f}"}


def first_outside(positions: np.ndarray, bounds) -> int:
    """Return the first step whose position lies outside the drawn square ``bounds``."""
    (x0, x1), (y0, y1) = bounds
    x, y = positions[:, 0], positions[:, 1]
    return int(np.argmax((x < x0) | (x > x1) | (y < y0) | (y > y1)))


def overshoots_further(positions: np.ndarray) -> bool:
    """Whether each step crosses the minimum at the origin and lands farther from it.

    Crossing: both coordinates change sign at every step; farther: the distance grows.
    """
    flips = [sign_changes(positions[:, i]) for i in (0, 1)]
    farther = np.diff(np.hypot(*positions.T)) > 0
    return flips == [len(positions) - 1] * 2 and bool(np.all(farther))


def slow_divergence(surface, start, max_iter: int) -> dict[str, object]:
    """Run plain descent at 1.01 and 1.001 times 2/L, just above the limit.

    The first diverges late; the second, still growing, not within `max_iter` (the explorer's).
    """
    lrs = [factor * (2.0 / surface.lipschitz) for factor in (1.01, 1.001)]
    near, nearer = (descend(surface, start, "gd", lr, max_iter=max_iter) for lr in lrs)
    return {
        "near_limit_lr": f"{lrs[0]:g}",
        "near_limit_steps": near.iterations,
        "nearer_limit_lr": f"{lrs[1]:g}",
        "max_iter": max_iter,
        "near_limit_slow": near.status == "diverged"
        and nearer.status == "max_iter"  # and still growing: farther out at every step
        and bool(np.all(np.diff(np.hypot(*nearer.positions.T)) > 0)),
    }


def local_maxima(values: np.ndarray) -> list[int]:
    """Return the indices of the interior points no lower than either neighbour."""
    inner = np.flatnonzero((values[1:-1] >= values[:-2]) & (values[1:-1] >= values[2:]))
    return (inner + 1).tolist()


def valley_contraction(valley: dict, lr: float, mu: float, eigenvalues) -> dict[str, object]:
    r"""Measure the contraction per step of the valley race's runs, against heavy ball's sqrt(mu).

    With momentum the error along an eigenvalue lambda follows a two-term recurrence whose roots
    are complex, of modulus $\sqrt{\mu}$, when $(1 + \mu - \eta\lambda)^2 < 4\mu$.
    """
    lam = np.asarray(eigenvalues)
    swings = valley["momentum"].positions
    # Momentum's distance dips and rises as it swings, and the run stops in a dip (over the whole
    # run it reads below sqrt(mu)): from the first peak to the last, both ends sit on the envelope.
    peaks = local_maxima(np.hypot(*swings.T))
    rates = {
        "gd": measured_rate(valley["gd"].positions, (0.0, 0.0)),
        "momentum": measured_rate(swings, (0.0, 0.0), start=peaks[0], stop=peaks[-1]),
    }
    raw = {"gd_rate": rates["gd"], "gd_worst": np.abs(1 - lr * lam).max(), "sqrt_mu": np.sqrt(mu)}
    return {f"valley_{key}_n": float(value) for key, value in raw.items()} | {  # checks' unrounded
        "valley_gd_rate": f"{rates['gd']:.3f}",
        "valley_momentum_rate": f"{rates['momentum']:.3f}",
        "valley_sqrt_mu": f"{np.sqrt(mu):.3f}",
        "valley_gd_worst": f"{raw['gd_worst']:.2f}",
        "valley_momentum_as_sqrt_mu": bool(np.all((1 + mu - lr * lam) ** 2 < 4 * mu))
        and abs(rates["momentum"] - np.sqrt(mu)) < SQRT_MU_GAP
        and rates["gd"] < rates["momentum"],
    }


def rosenbrock_steps(rosen: dict, lr: float) -> dict[str, object]:
    """Step lengths of the race's adaptive runs, and RMSProp's run continued to ROSEN_LONG."""
    ada, adam = (step_lengths(rosen[o].positions) for o in ("adagrad", "adam"))
    per_coordinate = lr * np.sqrt(2)  # a step of lr along both coordinates
    adam_moves = np.abs(np.diff(rosen["adam"].positions, axis=0))  # along each coordinate
    rms_last = np.abs(np.diff(rosen["rmsprop"].positions[-2:], axis=0))[0]
    low, high = NEAR_LR  # the band, in rates, of RMSProp's last step along each coordinate
    longer = descend(
        "rosenbrock", rosen["rmsprop"].positions[0], "rmsprop", lr, max_iter=ROSEN_LONG
    )
    tail = longer.positions[-(BOUNCES + 1) :]
    bounce = step_lengths(longer.positions)[-BOUNCES:] / per_coordinate
    # Distance to the minimum (1, 1) where each run the step limit stopped ends, GD's too.
    stopped = {o: r for o, r in rosen.items() if r.status != "converged"}
    ends = {o: np.hypot(*(r.positions[-1] - 1.0)) for o, r in stopped.items()}
    return {
        "rosen_adagrad_first": fmt(ada[0], 2),
        "rosen_adagrad_last": fmt(ada[-1], 2),
        "rosen_adagrad_shrinks": bool(ada[-1] < SHRINK * ada[0]),
        "rosen_adam_path": fmt(adam.sum(), 2),
        "rosen_adam_within_lr": bool(adam_moves.max() <= lr * (1 + 1e-9)),
        "rosen_rmsprop_last": " and ".join(f"{v:.3g}" for v in rms_last),
        "rosen_rmsprop_near_lr": bool(np.all((low * lr < rms_last) & (rms_last < high * lr))),
        "rosen_rmsprop_closest": min(ends, key=ends.get) == "rmsprop",
        "rosen_long": f"{ROSEN_LONG:,}",
        # The bounce: y - x^2 changes sign on each of the last BOUNCES steps, each of length lr
        # along both coordinates, and the run never passes the gradient test.
        "rosen_rmsprop_bounces": longer.status == "max_iter"
        and sign_changes(tail[:, 1] - tail[:, 0] ** 2) == BOUNCES
        and bool(np.all(np.abs(bounce - 1) < STEP_FIT)),
    }


def saddle_turn(saddle) -> dict[str, object]:
    """Where the saddle run comes closest to the centre, and how far along y it ends."""
    distance = np.hypot(*saddle.positions.T)
    closest = int(np.argmin(distance))
    x_end, y_end = saddle.positions[-1]
    return {
        "saddle_closest": fmt(distance[closest], 2),
        "saddle_closest_step": closest,
        "saddle_turns": 0 < closest < saddle.iterations and abs(y_end) > ALONG_Y * abs(x_end),
    }


def minima_reached(name: str) -> dict[str, object]:
    """Count the minima of surface `name` reached from a GRID of starts at the default rate."""
    surface = get_surface(name)
    (x0, x1), (y0, y1) = surface.bounds
    minima = np.array(surface.minima)
    reached, converged = set(), 0
    for x in np.linspace(x0, x1, GRID[0] + 2)[1:-1]:  # inside the domain, off its edges
        for y in np.linspace(y0, y1, GRID[1] + 2)[1:-1]:
            run = descend(
                surface,
                (x, y),
                "gd",
                EXPLORER_DEFAULTS["lr"],
                max_iter=EXPLORER_DEFAULTS["maxIter"],
            )
            converged += run.status == "converged"
            gaps = np.linalg.norm(minima - run.positions[-1], axis=1)
            if gaps.min() < 1e-3:
                reached.add(int(np.argmin(gaps)))
    return {
        f"{name}_minima": len(minima),
        f"{name}_reached": len(reached),
        f"{name}_all_converged": converged == GRID_STARTS,
    }


def custom_curvature(surface, start) -> dict[str, object]:
    """Return the thresholds 1/lambda and 2/lambda at `start`, with runs either side of each."""
    lam = float(hessian_eigenvalues(surface.grad, start).max())
    over, under = (descend(surface, start, "gd", f * 2.0 / lam) for f in FACTORS)
    just_over, calm = (descend(surface, start, "gd", f / lam) for f in FACTORS)
    return {
        "custom_lambda": f"{lam:.3g}",
        "custom_limit": f"{2.0 / lam:.3g}",
        "custom_overshoot": f"{1.0 / lam:.3g}",
        "custom_over_diverged": over.status == "diverged",
        "custom_under_converged": under.status == "converged",
        # y changes sign at every step just above 1/lambda and near 2/lambda, never just below.
        "custom_just_over_zigzags": sign_changes(just_over.positions[:, 1]) == just_over.iterations,
        "custom_under_zigzags": sign_changes(under.positions[:, 1]) == under.iterations,
        "custom_calm_straight": sign_changes(calm.positions[:, 1]) == 0,
    }

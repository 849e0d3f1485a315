"""Single runs behind scripts/fig_updates_adaptive.py's counts: RMSProp's flares, Adam's heavy ball.

The figure counts the steps until f stays below a target for the rest of a STEPS-step run. These
probes run one method at one rate and measure why a count is what it is: RMSProp's jump at the
grid's largest rate and the flares that follow as its running square forgets (on the kappa-10
valley, and on the round bowl from the aligned and the turned start: the same function), the
heavy-ball rate at which Adam moves on the bowl, and Adam's first step (lr per coordinate). On the
turned valleys, rounding decides when RMSProp's flares come: the probes rerun them with the
gradient rounded in other ways.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from _holds_from import holds_from
from _quadratic import valley

from gdlib.descent import descend

RATES = 0.005 * 2.0 ** np.arange(11)
STEPS, TOLS = 400, (1e-2, 1e-6)
ADAM_EARLY = 50  # the step at which Adam's heavy-ball rate is read first
FLARE = 1000  # how far above its lowest value so far f rises in what the page calls a flare


def settled_below(values: np.ndarray, tol: float) -> np.ndarray:
    """Count steps until f stays below tol to each column's end (len(values): never, diverged)."""
    sound = np.minimum.accumulate(np.isfinite(values) & (np.abs(values) < 1e12), axis=0)
    return holds_from((values < tol) & sound)


def rise_after(values: np.ndarray, start: int, tol: float) -> int:
    """Return the first step from ``start`` on with f at or above tol (``start`` if none is)."""
    return start + int(np.argmax(values[start:] >= tol))


def dip_and_rise(values: np.ndarray, tol: float) -> tuple[int, int]:
    """Return the first step with f below tol and the first after it back at or above tol."""
    if not (values < tol).any():
        raise ValueError(f"the run never got below tol = {tol:g}")
    first = int(np.argmax(values < tol))
    return first, rise_after(values, first, tol)


def rmsprop_jump(best_lr: float) -> dict[str, object]:
    """RMSProp on the kappa-10 valley at the grid's largest rate, and at best_lr run past the cap.

    The first step, 10 lr per coordinate, jumps far; its gradient fills the running square s, so
    each later step multiplies a coordinate by 1 - gain, gain = lr lambda / sqrt(s) = 1 -
    x_{k+1} / x_k, near 1 (Newton) at first; as s forgets (alpha^k) gain passes 2: f rises again.
    Run on past the cap, the cycle starts again after the run settled (`next_rise`, `next_peak`).
    """
    surface, tol = valley(10.0), TOLS[1]
    run = descend(surface, surface.start, "rmsprop", RATES[-1], 4 * STEPS, 0, 0)
    p, f, past = run.positions[: STEPS + 1], run.values[: STEPS + 1], run.values
    gain = 1.0 - p[2:] / p[1:-1]
    first, rise = dip_and_rise(f, tol)
    peak = rise + int(np.argmax(f[rise:]))
    on = descend(surface, surface.start, "rmsprop", best_lr, 4 * STEPS, 0, 0).values
    settled = int(settled_below(on[: STEPS + 1, None], tol)[0])
    out = {"point": f"({p[1, 0]:.1f}, {p[1, 1]:.1f})".replace("-", "\u2212"), "f0": f"{f[0]:g}"}
    out |= {"f": f"{f[1]:.0f}", "first": first, "rise": rise, "peak_step": peak}
    out |= {"gain_x": f"{gain[0, 0]:.2f}", "gain_y": f"{gain[0, 1]:.2f}", "peak": f"{f[peak]:.0f}"}
    # gain[i] is the step from point i + 1 to i + 2: step i + 2.
    out |= {"pass2": int(np.argmax(gain[:, 0] > 2)) + 2, "min_f": f"{f.min():.0e}"}
    out["settled"] = int(settled_below(f[:, None], tol)[0])
    out["next_rise"] = rise_after(past, out["settled"], tol)
    out["next_peak_step"] = out["next_rise"] + int(np.argmax(past[out["next_rise"] :][:STEPS]))
    out["next_peak"] = f"{past[out['next_peak_step']]:.0f}"
    out = {f"rmsprop_jump_{k}": v for k, v in out.items()}
    flare = rise_after(on, settled, tol)  # = settled: it never rose again
    return out | {"rmsprop_best_settled": settled, "rmsprop_best_flare": flare}


def rmsprop_never_settles(runs: list[tuple[float, float, list[float]]]) -> bool:
    """Whether RMSProp flares and has not settled on every valley, at every rate tied for best.

    `runs` holds (kappa, angle, rates): the grid's rates with the valley's fewest steps to stay
    below 1e-6 (every rate when none settles within STEPS). Each run goes on for 4 STEPS; at
    every one f, after first falling below its start, rises to FLARE times its lowest value so far
    (a flare) and is at or above 1e-6 again in the run's last quarter.
    """
    for kappa, angle, rates in runs:
        surface = valley(kappa, angle)
        for lr in rates:
            f = descend(surface, surface.start, "rmsprop", lr, 4 * STEPS, 0, 0).values
            fell = int(np.argmax(f < f[0]))  # the first jump can rise at once: not a flare
            flared = fell > 0 and (f[fell:] >= FLARE * np.minimum.accumulate(f)[fell:]).any()
            if not (flared and (f[3 * STEPS :] >= TOLS[1]).any()):
                return False
    return True


def adam_scale(lr: float, settled: int) -> dict[str, str]:
    """Measure Adam's heavy-ball eta lambda at lr on the round bowl, at steps 50 and `settled`.

    m is (1 - beta_1) v, v heavy ball's velocity (mu = beta_1): eta = (1 - beta_1) lr / sqrt(s_hat).
    """
    surface, b1, b2 = valley(1.0), 0.9, 0.999
    s, rate = np.zeros(2), []
    for i, g in enumerate(descend(surface, surface.start, "adam", lr, STEPS, 0, 0).gradients, 1):
        s = b2 * s + (1 - b2) * g * g
        rate.append((1 - b1) * lr * 2.0 / (np.sqrt(s / (1 - b2**i)) + 1e-8))
    early, late = rate[ADAM_EARLY - 1], rate[settled - 1]  # rate[i - 1] makes step i
    out = {"rate_50_lo": f"{early.min():.2g}", "rate_50_hi": f"{early.max():.2g}"}
    out["early"] = ADAM_EARLY
    out |= {"growth": f"{(late / early).max():.1f}", "underdamped": f"{(1 - b1**0.5) ** 2:.2g}"}
    out["underdamped_hi"] = f"{(1 + b1**0.5) ** 2:.3g}"
    return {f"adam_hb_{k}": v for k, v in out.items()}


def adam_first_step(kappas, angles) -> dict[str, float]:
    """Adam's first step on each valley (kappa, angle) at each rate, per coordinate and in length.

    Bias-corrected, m = g and s = g^2 at the first step, so it moves each coordinate by
    lr |g| / (|g| + eps): lr, up to eps, and the step is about lr sqrt(2) long. Both over lr.
    """
    moves = []
    for kappa in kappas:
        for angle in angles:
            surface = valley(kappa, angle)
            for lr in RATES:
                p = descend(surface, surface.start, "adam", float(lr), 1, 0, 0).positions
                moves.append(np.abs(p[1] - p[0]) / lr)
    lengths = np.linalg.norm(moves, axis=1)
    out = {"move_lo": np.min(moves), "move_hi": np.max(moves)}
    out |= {"length_lo": lengths.min(), "length_hi": lengths.max()}
    return {f"adam_first_{k}": float(v) for k, v in out.items()}


def rmsprop_turn(lr: float) -> dict[str, int | str]:
    """RMSProp at lr on the round bowl from the aligned and the turned start, run past the cap.

    The turned round bowl is the same function as the aligned one, and RMSProp's update never
    mixes coordinates there; rounding does, in the turned gradient's sums u = c x + s y and
    w = -s x + c y: a coordinate below about 1e-16 of the other is lost in them (`ratio`, the
    median over the turned run's steps below tol, in decades). So the turned start is run again
    with the exact gradient 2 theta (`exact`).
    """
    out, tol, turned = {}, TOLS[1], valley(1.0, np.pi / 4)
    bowl, bowl_gradient = (lambda x, y: x * x + y * y), (lambda x, y: (2 * x, 2 * y))
    exact = replace(turned, func=bowl, gradient=bowl_gradient)  # same start, bounds, minimum
    for name, surface in (("aligned", valley(1.0)), ("turned", turned), ("exact", exact)):
        run = descend(surface, surface.start, "rmsprop", lr, 4 * STEPS, 0, 0)
        first, flare = dip_and_rise(run.values, tol)
        out |= {f"rmsprop_bowl_{name}_first": first, f"rmsprop_bowl_{name}_flare": flare}
        out[f"rmsprop_bowl_{name}_floor"] = f"{run.values[first:flare].min():.0e}"
        held = np.abs(run.positions[first:flare])
        with np.errstate(divide="ignore"):
            decades = np.log10(held.max(axis=1) / held.min(axis=1))
        out[f"rmsprop_bowl_{name}_ratio"] = f"{np.median(decades):.0f}"
    return out


def multiplied_out(kappa: float) -> int:
    """RMSProp's best finishing count on the turned valley, the gradient taken as H theta.

    H = R^T diag(2, 2 kappa) R is multiplied out first: the same function and gradient as
    `valley(kappa, pi / 4)` in exact arithmetic, rounded in another order.
    """
    turned = valley(kappa, np.pi / 4)
    c, s = np.cos(np.pi / 4), np.sin(np.pi / 4)
    turn = np.array([[c, s], [-s, c]])
    hessian = turn.T @ np.diag([2.0, 2.0 * kappa]) @ turn
    surface = replace(
        turned,
        func=lambda x, y: (
            (hessian[0, 0] * x * x + 2 * hessian[0, 1] * x * y + hessian[1, 1] * y * y) / 2
        ),
        gradient=lambda x, y: (
            hessian[0, 0] * x + hessian[0, 1] * y,
            hessian[1, 0] * x + hessian[1, 1] * y,
        ),
    )
    runs = [descend(surface, surface.start, "rmsprop", lr, STEPS, 0, 0).values for lr in RATES]
    steps = settled_below(np.array(runs).T, TOLS[1])
    return int(steps.min())

"""RMSProp and Adam without momentum on the 45-degree-turned valleys, carried at 80 digits.

In float64 their counts on the turned valleys depend on rounding (scripts/_adaptive_probes.py
shows how); here the same runs use the standard library's `decimal` at PRECISION significant
digits, where the counts no longer change: `turned_counts` runs them again at twice as many and
refuses counts that move (they settle from about 58 digits; at 25 to 34 digits they agree with
20 more on other counts, so a check that close would not do). The turned valley u^2 + kappa w^2
has Hessian [[1 + kappa, 1 - kappa], [1 - kappa, 1 + kappa]] exactly (cos 45 deg = sin 45 deg =
1 / sqrt 2), so the gradient is exact; the start is gdlib's valley start (-2.5, 1) turned,
(-3.5, -1.5) / sqrt 2. The updates are PyTorch's (`gdlib.optimizers`): RMSProp with alpha 0.99,
Adam with betas (0, 0.999), both with eps 1e-8. `check_against_float64` holds them to gdlib's
float64 runs over the first steps, before rounding can matter.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

import numpy as np
from _adaptive_probes import RATES, STEPS, TOLS, settled_below
from _quadratic import valley

from gdlib.descent import descend

PRECISION = 80
EPS = Decimal("1e-8")  # PyTorch's default eps


def _rmsprop(g: Decimal, s: Decimal, _: int) -> tuple[Decimal, Decimal]:
    s = Decimal("0.99") * s + Decimal("0.01") * g * g
    return g / (s.sqrt() + EPS), s


def _adam_b1_0(g: Decimal, v: Decimal, t: int) -> tuple[Decimal, Decimal]:
    beta2 = Decimal("0.999")
    v = beta2 * v + (1 - beta2) * g * g
    return g / ((v / (1 - beta2**t)).sqrt() + EPS), v  # m = g when beta_1 = 0


UPDATES = {"rmsprop": _rmsprop, "adam_b1_0": _adam_b1_0}


def values(
    method: str, kappa: float, lr: float, steps: int = STEPS, digits: int = PRECISION
) -> np.ndarray:
    """Return f along the run at `digits` digits, as floats (one below about 5e-324 reads 0)."""
    update, out = UPDATES[method], []
    with localcontext() as context:
        context.prec = digits
        a, b, rate = 1 + Decimal(kappa), 1 - Decimal(kappa), Decimal(lr)
        root = Decimal(2).sqrt()
        x, y, sx, sy = Decimal("-3.5") / root, Decimal("-1.5") / root, Decimal(0), Decimal(0)
        for t in range(steps + 1):
            out.append(float((a * (x * x + y * y) + 2 * b * x * y) / 2))
            if t == steps:
                break
            (dx, sx), (dy, sy) = update(a * x + b * y, sx, t + 1), update(b * x + a * y, sy, t + 1)
            x, y = x - rate * dx, y - rate * dy
    return np.array(out)


def check_against_float64(method: str, kappa: float, steps: int = 30) -> None:
    """Assert the first steps at every rate agree with gdlib's float64 runs, to 1e-11."""
    name, hyper = ("adam", {"betas": (0.0, 0.999)}) if method == "adam_b1_0" else (method, {})
    surface = valley(kappa, np.pi / 4)
    for lr in RATES:
        run = descend(surface, surface.start, name, float(lr), steps, 0, 0, hyper=hyper)
        if not np.allclose(values(method, kappa, float(lr), steps), run.values, rtol=1e-11, atol=0):
            raise AssertionError(f"{method} at kappa {kappa:g}, lr {lr:g}: not gdlib's run")


def best_counts(method: str, kappa: float, digits: int) -> list[int]:
    """Return the grid's best counts to get close and to finish on the turned valley."""
    runs = np.array([values(method, kappa, float(lr), digits=digits) for lr in RATES]).T
    return [int(settled_below(runs, tol).min()) for tol in TOLS]


def turned_counts(method: str, kappas) -> dict[str, int]:
    """Return the best counts on each turned valley, the same at PRECISION and twice as many."""
    out = {}
    for kappa in kappas:
        check_against_float64(method, kappa)
        counts = best_counts(method, kappa, PRECISION)
        more = best_counts(method, kappa, 2 * PRECISION)
        if counts != more:
            where = f"{method} at kappa {kappa:g}"
            raise AssertionError(
                f"{where}: {counts} at {PRECISION} digits, {more} at twice as many"
            )
        for name, count in zip(("close", "done"), counts, strict=True):
            out[f"{method}_exact_{kappa:g}_{name}"] = count
    return out

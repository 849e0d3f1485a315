"""Well-tuned momentum against the best plain descent: predicted and measured contraction per step.

Left: distance to the minimum of the valley x^2 + 10 y^2 (kappa 10) against the step for the
race's runs (`_races.RACES`): plain descent at lr = 2/(lambda_min + lambda_max), heavy ball at
Polyak's tuning, Nesterov at lr = 1/L; dashed, the predicted contractions (kappa - 1)/(kappa + 1),
(sqrt(kappa) - 1)/(sqrt(kappa) + 1) and 1 - 1/sqrt(kappa). Right: steps to a gradient norm of
1e-6 on valleys u^2 + kappa w^2 for kappa from 10 to 300: plain descent grows like kappa, the
momentum methods like sqrt(kappa) (fitted log-log slopes saved for the page). The page also
quotes heavy ball at the habitual momentum 0.9 (`habitual`), untuned for these valleys, Nesterov
at the tuning for quadratics (`nesterov_on_quadratics`), and from which step the distance panel's
order (heavy ball closest, plain descent farthest) holds.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import PALETTES, themed_svgs, write_values
from _holds_from import holds_from
from _prose import plain_number
from _quadratic import heavy_ball, nesterov, nesterov_quadratic, valley
from _races import COLOURS, race
from matplotlib import pyplot as plt

from gdlib.descent import GRAD_TOL, descend

KAPPAS = np.array([10.0, 30.0, 100.0, 300.0])
METHODS = ("gd", "momentum", "nesterov")
LABELS = {"gd": "plain, best rate", "momentum": "heavy ball (Polyak)", "nesterov": "Nesterov"}
HABIT, HABIT_RATES = 0.9, 30  # "in practice mu is set near 0.9": its rates, up to its limit
KEY_HEADROOM = 1e4  # the distance panel's top: room for its key above the start's distance of 3
TOL = GRAD_TOL  # the gradient norm the counts reach, the page's 10^-6
ON_LINE = 1e-9  # the relative gap within which plain descent's curve is its dashed line
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "gd_on_line": "at every step k, plain descent's distance to the minimum is its start's"
    f" × ((κ − 1)/(κ + 1))^k, to a relative {plain_number(ON_LINE)}",
}


def predicted_rates(kappa: float) -> dict[str, float]:
    """Per-step contraction of the distance to the minimum at each method's tuning."""
    r = np.sqrt(kappa)
    return {"gd": (kappa - 1) / (kappa + 1), "momentum": (r - 1) / (r + 1), "nesterov": 1 - 1 / r}


def measured_rate(positions: np.ndarray) -> float:
    """Geometric mean contraction of the distance over the second half of a run."""
    d = np.linalg.norm(positions, axis=1)
    n = len(d) - 1
    return float((d[n] / d[n // 2]) ** (1.0 / (n - n // 2)))


def settings(method: str, kappa: float) -> tuple[float, dict]:
    """Each method's tuned (lr, hyperparameters) for eigenvalues 2 and 2 kappa."""
    big, small = 2.0 * kappa, 2.0
    if method == "gd":
        return 2.0 / (big + small), {}
    lr, mom = (heavy_ball if method == "momentum" else nesterov)(big, small)
    return lr, {"momentum": mom}


def steps_to_tol(kappa: float, method: str, lr: float, hyper: dict) -> int:
    """Count the steps `method` takes on the kappa valley to a gradient norm of 1e-6."""
    surface = valley(kappa)
    run = descend(surface, surface.start, optimizer=method, lr=lr, max_iter=50_000, hyper=hyper)
    assert run.criterion == "grad_tol", run.message  # the count the page quotes
    return run.iterations


def sweep() -> dict[str, np.ndarray]:
    """Count the steps to a gradient norm of 1e-6 for every method and kappa."""
    return {m: np.array([steps_to_tol(k, m, *settings(m, k)) for k in KAPPAS]) for m in METHODS}


def nesterov_on_quadratics(kappa: float) -> int:
    """Count Nesterov's steps at the tuning for quadratics (`_quadratic.nesterov_quadratic`)."""
    lr, momentum = nesterov_quadratic(2.0 * kappa, 2.0)
    return steps_to_tol(kappa, "nesterov", lr, {"momentum": momentum})


def habitual(kappa: float) -> tuple[int, float]:
    """Fewest steps of heavy ball at momentum HABIT over HABIT_RATES rates, and the fastest rate.

    The rates run log-spaced from 1e-3 to 0.99 times 2 (1 + mu) / L, the stability limit on a
    quadratic; the count is to the sweep's gradient norm of 1e-6, as for the tuned methods.
    """
    surface = valley(kappa)
    best, best_lr = 50_000, None
    # Largest rates first, each run capped at the fewest steps so far: a slower run stops there
    # instead of taking up to 50,000 steps (the build had spent 17 s here), and the minimum is
    # the same.
    for lr in 2 * (1 + HABIT) / (2 * kappa) * np.geomspace(0.99, 1e-3, HABIT_RATES):
        run = descend(surface, surface.start, "momentum", lr, best, hyper={"momentum": HABIT})
        # A run the step test stopped had not reached the gradient norm the page quotes.
        if run.criterion == "grad_tol" and run.iterations < best:
            best, best_lr = run.iterations, lr
    return best, best_lr


def settles(kappa: float, lr: float, steps: int) -> tuple[int, int]:
    """From which step heavy ball's gradient norm stays at or below 1e-6, and sqrt(mu)'s steps.

    The second count is the steps that sqrt(mu) per step (the long run's best) takes from the
    start's norm to 1e-6. The norm swings, so `habitual`'s `steps`, its first dip below, come
    sooner than both.
    """
    surface = valley(kappa)
    hyper = {"momentum": HABIT}
    run = descend(surface, surface.start, "momentum", lr, 3 * steps, 0.0, 0.0, hyper=hyper)
    above = np.flatnonzero(np.linalg.norm(run.gradients, axis=1) > TOL)
    assert above[-1] < 2 * steps, "the norm must stay below TOL for the run's last third"
    by_root = np.log(np.linalg.norm(run.gradients[0]) / TOL) / -np.log(np.sqrt(HABIT))
    return int(above[-1]) + 1, int(np.ceil(by_root))


def main(out_dir: Path) -> list[Path]:
    """Write the two-panel figure and the contractions and step counts."""
    runs = race("valley")
    predicted = predicted_rates(10.0)
    measured = {m: measured_rate(runs[m].positions) for m in METHODS}
    steps = sweep()
    slopes = {m: float(np.polyfit(np.log(KAPPAS), np.log(steps[m]), 1)[0]) for m in METHODS}

    dist = {m: np.linalg.norm(runs[m].positions, axis=1) for m in METHODS}
    # Down to the lowest end of a curve or of its dashed line: every gap the page quotes shows.
    ends = [min(d[-1], d[0] * predicted[m] ** (len(d) - 1)) for m, d in dist.items()]
    bottom = 10.0 ** np.floor(np.log10(min(ends)))
    # Plain descent at its best rate shrinks both coordinates by exactly (kappa - 1)/(kappa + 1)
    # each step: its dashed line is hidden under its solid one (the key says so).
    line = dist["gd"][0] * predicted["gd"] ** np.arange(len(dist["gd"]))
    gd_on_line = bool(np.allclose(dist["gd"], line, rtol=ON_LINE, atol=0))

    def draw(theme: str):
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.6, 3.5), layout="constrained")
        for m in METHODS:
            color = COLOURS[m]  # as in the race and its loss curves
            d = dist[m]
            k = np.arange(len(d))
            on_line = " (on its dashed line)" if m == "gd" and gd_on_line else ""
            left.semilogy(k, d, color=color, label=LABELS[m] + on_line)
            left.semilogy(k, d[0] * predicted[m] ** k, color=color, ls="--", lw=1)
            right.loglog(KAPPAS, steps[m], "o-", color=color, label=LABELS[m])
        left.set(xlabel="step $k$", ylabel="distance to the minimum", ylim=(bottom, KEY_HEADROOM))
        title = "Valley, $\\kappa$ = 10: measured (solid),\npredicted asymptotic rate (dashed)"
        left.set_title(title)
        right.set(xlabel="condition number $\\kappa$")
        right.set(ylabel="steps to $\\|\\nabla f\\| \\leq 10^{-6}$")
        right.set_title("Steps grow like $\\kappa$ (plain) or $\\sqrt{\\kappa}$ (momentum)")
        # The curves fall from the upper left and their ends (the gaps the page quotes) lie low:
        # the key sits in headroom above the start, where no curve runs.
        left.legend(loc="upper right", fontsize=9, facecolor=PALETTES[theme]["page"])
        right.legend(facecolor=PALETTES[theme]["page"])
        return fig

    values = {f"slope_{m}": f"{slopes[m]:.2f}" for m in METHODS}
    for m in METHODS:
        values[f"rate_{m}_pred"] = f"{predicted[m]:.3f}"
        values[f"rate_{m}"] = f"{measured[m]:.3f}"
        values[f"steps_{m}_k10"] = int(steps[m][0])
        values[f"steps_{m}_k300"] = int(steps[m][-1])
        # How far the measured curve ends above its dashed line (the factor k and a constant).
        d = dist[m]
        values[f"above_{m}"] = f"{d[-1] / (d[0] * predicted[m] ** (len(d) - 1)):.3g}"
        # An error like k rho^k, measured as the run is (measured_rate's window): its factor.
        k = np.arange(len(d))
        like = np.column_stack([k * predicted[m] ** k, np.zeros(len(d))])
        values[f"rate_{m}_kpred"] = f"{measured_rate(like):.3f}"
        # How close the curve comes to its line after the start (k = 0 is on it by definition).
        values[f"least_above_{m}"] = f"{(d[1:] / (d[0] * predicted[m] ** k[1:])).min():.3g}"
    values["gd_on_line"] = gd_on_line
    values["steps_nesterov_quad_k10"] = nesterov_on_quadratics(KAPPAS[0])
    # The panel's order, closest first, while all three runs go on: from which step it holds.
    n = min(len(d) for d in dist.values())
    values["order_from"] = holds_from(
        (dist["momentum"][:n] < dist["nesterov"][:n]) & (dist["nesterov"][:n] < dist["gd"][:n])
    )
    # With momentum mu the two roots of each direction's recurrence multiply to mu: no rate
    # contracts faster than sqrt(mu), which beats (kappa - 1)/(kappa + 1) only past this kappa.
    root = np.sqrt(HABIT)
    values |= {"habit_root": f"{root:.3f}", "habit_kappa": f"{(1 + root) / (1 - root):.0f}"}
    values["habit_rates"] = HABIT_RATES
    for kappa, gd_steps in zip(KAPPAS, steps["gd"], strict=True):
        first, lr = habitual(kappa)  # the first dip below TOL, then when it stays below
        below, by_root = settles(kappa, lr, first)
        values |= {f"habit_k{kappa:g}": first, f"habit_below_k{kappa:g}": below}
        values |= {f"habit_root_k{kappa:g}": by_root}
        values[f"steps_gd_k{kappa:g}"] = int(gd_steps)
    written = themed_svgs(draw, out_dir, "updates-tuned", narrow=True)
    return [*written, write_values(out_dir, "tuned", values, says=SAYS)]

"""Parameter updates, by the numbers: f(theta_k) - f* against the step k for the four optimizers.

Same gdlib runs as the animated race (`_races.RACES`), log scale, one panel per surface;
the table of steps each needed is saved for the page, with the runs that explain two of them:
why Adam finishes the valley late (its beta_1 momentum, underdamped: without it, and at other
step lengths), how hand-picked the Rosenbrock settings are (scripts/_rosenbrock_race.py), and
heavy ball at Nesterov's own rate and momentum on the valley, which isolates the look-ahead.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from _figure import sign_changes, step_lengths, themed_svgs, write_values
from _holds_from import holds_from
from _look_ahead import look_ahead
from _prose import fmt
from _race_converged import all_converged, race_converged
from _race_table import BETAS, table
from _races import COLOURS, FIRST, MAX_ITER, RACES, race
from _rosenbrock_race import ROSENBROCK_SAYS, rosenbrock_settings, rosenbrock_start
from matplotlib import pyplot as plt

from gdlib.descent import descend
from gdlib.optimizers import LABELS
from gdlib.surfaces import get_surface

ADAM_RATES = (0.05, 0.1, 0.2, 0.5, 1.0)  # step lengths tried on the valley
BETA1 = BETAS[0]  # gdlib's adam default, as the race table shows it
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "valley_gd_y1_crossed": "plain descent's first step on the valley changed the sign of y",
    "valley_momentum_y1_crossed": "heavy ball's first step on the valley changed the sign of y",
    "valley_adam_beta1_0_converged": (
        "Adam without momentum, at its race rate, converged on the valley"
    ),
    "valley_adam_rates_converged": f"Adam converged on the valley within {MAX_ITER} steps"
    + f" at every step length of {', '.join(f'{r:g}' for r in ADAM_RATES)}",
}


def adam_on_valley(run) -> dict[str, object]:
    """Why the race's Adam finishes the valley late: numbers from the run and from six more.

    Near the minimum Adam's scale sqrt(s) changes only slowly (beta_2 = 0.999 remembers the early,
    large gradients), so it moves like heavy ball with momentum beta_1, underdamped at its rate:
    the distance shrinks by about sqrt(beta_1) per step, whatever the rate, while it oscillates.
    Measured by a log-linear fit over the second half of the run (the ratio of two single
    distances depends on where in a swing they fall), and against the run without momentum.
    """
    surface, (lr, _) = get_surface("valley"), RACES["valley"]["adam"]
    d, n = np.linalg.norm(run.positions, axis=1), run.iterations
    late = np.arange(n // 2, n + 1)
    contraction = float(np.exp(np.polyfit(late, np.log(d[late]), 1)[0]))
    steps = step_lengths(run.positions)
    plain = descend(surface, surface.start, "adam", lr, MAX_ITER, hyper={"betas": (0.0, 0.999)})
    rates = [f"{r:g}" for r in ADAM_RATES]
    others = [descend(surface, surface.start, "adam", r, MAX_ITER) for r in ADAM_RATES]
    return {
        "valley_adam_step_first": f"{steps[0]:.2g}",
        "valley_adam_step_100": f"{steps[99]:.2g}",
        "valley_adam_contraction": f"{contraction:.3f}",
        "valley_adam_beta1": f"{BETA1:g}",
        "valley_adam_sqrt_beta1": f"{np.sqrt(BETA1):.3f}",
        "valley_adam_beta1_0": plain.iterations,
        "valley_adam_beta1_0_converged": plain.status == "converged",
        "valley_adam_rates": ", ".join(rates[:-1]) + f" and {rates[-1]}",
        "valley_adam_fewest": min(o.iterations for o in others),
        "valley_adam_most": max(o.iterations for o in others),
        "valley_adam_rates_converged": all_converged(others),
    }


def panel_title(surface_name: str) -> str:
    """Title a panel: its surface's, with the momentum of its two momentum racers (the race's)."""
    title = get_surface(surface_name).title
    mu = {opt: RACES[surface_name][opt][1]["momentum"] for opt in ("momentum", "nesterov")}
    if mu["momentum"] == mu["nesterov"]:
        return f"{title}, momentum $\\mu$ = {mu['momentum']:.2g}"
    each = ", ".join(f"{mu[opt]:.2g} ({LABELS[opt]})" for opt in mu)
    return f"{title}, $\\mu$ = {each}"


def main(out_dir: Path) -> list[Path]:
    """Write the loss-curve figure and the table of steps."""
    runs = {name: race(name) for name in RACES}

    def draw(theme: str):
        fig, axes = plt.subplots(1, 2, figsize=(8.6, 3.3), layout="constrained")
        for ax, (surface_name, results) in zip(axes, runs.items(), strict=True):
            best = float(get_surface(surface_name).f(np.array(get_surface(surface_name).minima[0])))
            for opt, run in results.items():
                gap = np.maximum(run.values - best, 1e-16)
                ax.semilogy(gap, color=COLOURS[opt], label=LABELS[opt])
            ax.set(
                xlabel="step $k$", ylabel="$f(\\theta_k) - f^*$", title=panel_title(surface_name)
            )
        # One key below the panels (inside the first, Adam's swings cross every corner wide
        # enough); each panel's title gives its momentum.
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside lower center", ncols=4)
        return fig

    values = {"table": table(runs)} | adam_on_valley(runs["valley"]["adam"])
    values |= rosenbrock_settings(runs["rosenbrock"]) | rosenbrock_start(runs["rosenbrock"])
    values |= {"max_iter": MAX_ITER, "first": FIRST}
    converged, says = race_converged(runs, MAX_ITER)  # each race run's count is a finish or not
    # Zig-zag: how often y changes sign over the FIRST steps on the valley.
    for opt, run in runs["valley"].items():
        values[f"valley_{opt}_flips"] = sign_changes(run.positions[: FIRST + 1, 1])
        values[f"valley_{opt}_flips_all"] = sign_changes(run.positions[:, 1])
        values[f"valley_{opt}_x_flips_all"] = sign_changes(run.positions[:, 0])
        values[f"valley_{opt}_y1"] = f"{abs(run.positions[1, 1]):.2f}"  # the first swing
        y20 = abs(run.positions[FIRST, 1])  # how far the swings have shrunk by step FIRST
        values[f"valley_{opt}_y20"], values[f"valley_{opt}_y20_raw"] = fmt(y20, 2), f"{y20:.3g}"
        values[f"valley_{opt}_y1_crossed"] = bool(run.positions[1, 1] * run.positions[0, 1] < 0)
        on_floor = np.abs(run.positions[:, 1]) <= 1e-12  # y = 0 is the floor
        values[f"valley_{opt}_floor_from"] = holds_from(on_floor)
    values["valley_start_y"] = f"{abs(runs['valley']['gd'].positions[0, 1]):g}"
    values |= look_ahead(runs["valley"]["nesterov"])  # heavy ball at Nesterov's settings
    for surface_name, results in runs.items():
        for opt, run in results.items():
            lr, hyper = RACES[surface_name][opt]
            values[f"{surface_name}_{opt}_lr"] = f"{lr:.3g}"
            values[f"{surface_name}_{opt}_momentum"] = f"{hyper.get('momentum', 0):.3g}"
            values[f"{surface_name}_{opt}"] = run.iterations
            values[f"{surface_name}_{opt}_message"] = run.message
    written = themed_svgs(draw, out_dir, "updates-loss", narrow=True)
    return [
        *written,
        write_values(out_dir, "updates", values | converged, says=SAYS | ROSENBROCK_SAYS | says),
    ]

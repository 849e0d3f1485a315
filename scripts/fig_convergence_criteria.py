"""Convergence criteria on one run: which test would stop gradient descent on the valley, and when.

A single gdlib run (plain GD, lr 0.02, on x^2 + 10 y^2 from (-2.5, 1)) is traced with the
three quantities the stopping rules watch: the gradient norm, the step length and the change
in value, each against its tolerance. A table of real runs says which rule fired first; a
tolerance of 0 switches its test off, so the last row (every test off) runs to max_iter.

The values also hold each quantity's measured factor per step once the steep direction has died
out (steps 100 to 300): the gradient norm and the step shrink by the slow direction's factor
1 - 2 lr, the value change by its square. And when a run lands exactly: the bowl at lr 1/2.
The page's live figure (js/src/widgets/criteria.js) takes this figure's place with the same run
and the dotted tolerances as its opening values; its settings are written as `criteria.widget`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _criteria_blind import blind_spots, exact_landing, smallest_curvature
from _figure import COLORS, step_lengths, themed_svgs, write_values
from _narrow import NARROW_WIDTH
from _prose import fmt
from _says_criteria import says
from matplotlib import pyplot as plt

from gdlib.descent import descend

SURFACE = "valley"
START = (-2.5, 1.0)
LR = 0.02
TOLERANCES = (
    {"grad_tol": 1e-6, "step_tol": 1e-10, "value_tol": 0.0},
    {"grad_tol": 1e-3, "step_tol": 1e-10, "value_tol": 0.0},
    {"grad_tol": 1e-6, "step_tol": 1e-5, "value_tol": 0.0},
    {"grad_tol": 1e-6, "step_tol": 1e-10, "value_tol": 1e-8},
    {"grad_tol": 0.0, "step_tol": 0.0, "value_tol": 0.0},
)
MAX_ITER = 1000
# Rates so small that the table's step and value tests (rows 3 and 4) fire after one step.
STALLS = {"step": (1e-7, TOLERANCES[2]), "value": (1e-11, TOLERANCES[3])}
# The live figure's opening tolerances (the dotted lines below 1e-3) and its slider range.
LIVE_TOLERANCES = {"gradTol": 1e-6, "stepTol": 1e-5, "valueTol": 1e-8}
TOL_MIN, TOL_MAX = 1e-12, 1.0
FIG_TOLERANCES = {"grad_tol": ("1e-3", "1e-6"), "step_tol": ("1e-5",), "value_tol": ("1e-8",)}


def table() -> dict[str, object]:
    """Run gdlib once per tolerance setting; tabulate which rule stopped it and where."""
    rows = ["| grad_tol | step_tol | value_tol | steps | final point | stopped by |"]
    rows.append("|---|---|---|---|---|---|")
    rules = set()  # the tests that stopped a row: what the tolerances decided
    for tol in TOLERANCES:
        run = descend(SURFACE, START, lr=LR, max_iter=MAX_ITER, **tol)
        rules.add(run.criterion)
        x, y = run.positions[-1]
        cells = [f"{tol[k]:g}" for k in ("grad_tol", "step_tol", "value_tol")]
        cells += [str(run.iterations), f"({x:.1e}, {y:.1e})", run.message]
        rows.append("| " + " | ".join(cells) + " |")
    capped = run.status == "max_iter" and not any(tol.values())  # the last row: every test off
    each = rules >= {"grad_tol", "step_tol", "value_tol"}
    return {"table": "\n".join(rows), "table_each_test": each, "table_last_capped": capped}


def stalls() -> dict[str, object]:
    """Run the table's step and value rows at a tiny rate: 'converged', far from flat."""
    values: dict[str, object] = {}
    for test, (lr, tol) in STALLS.items():
        run = descend(SURFACE, START, lr=lr, max_iter=MAX_ITER, **tol)
        grad = float(np.linalg.norm(run.gradients[-1]))
        values[f"stall_{test}_lr"] = f"{lr:g}"
        values[f"stall_{test}_tol"] = f"{tol[f'{test}_tol']:g}"
        values[f"stall_{test}_fired"] = run.status == "converged" and run.criterion == f"{test}_tol"
        values[f"stall_{test}_steps"] = run.iterations
        values[f"stall_{test}_grad"] = f"{grad:.3g}"
    return values


def early_value_stop() -> dict[str, object]:
    """Run the table's value row at the page's rate: the value test fires while the run moves.

    Along a direction of curvature lam a step lowers f by lr (1 - lr lam / 2) |grad|^2, so a value
    tolerance acts as the gradient tolerance sqrt(value_tol / (lr (1 - lr lam / 2))), far above
    grad_tol here. On the valley floor lam is the Hessian's smaller eigenvalue (2: f ~ x^2).
    """
    tol = TOLERANCES[3]
    run = descend(SURFACE, START, lr=LR, max_iter=MAX_ITER, **tol)
    # The test compares the change made by the last step, so the gradient it weighs is the one
    # where that step began, not the one it ended on.
    grad = float(np.linalg.norm(run.gradients[-2]))
    lam = smallest_curvature(SURFACE, START)
    equiv = float(np.sqrt(tol["value_tol"] / (LR * (1 - LR * lam / 2))))
    return {
        "floor_lambda": f"{lam:.6g}",
        "early_value_by_value": run.status == "converged" and run.criterion == "value_tol",
        "early_value_tol": f"{tol['value_tol']:g}",
        "early_value_steps": run.iterations,
        "early_value_grad": fmt(grad),
        "early_value_ratio": int(round(grad / tol["grad_tol"], -1)),
        "early_value_grad_raw": grad,
        "early_value_equiv": fmt(equiv),
        "early_value_equiv_raw": equiv,
        "early_value_apart": fmt(grad) != fmt(equiv),  # "just below" must read below
    }


def first_step_at_or_below(series: np.ndarray, tol: float) -> int:
    """Return the first k with ``series[k] <= tol``; raise, never return 0, if there is none.

    >>> first_step_at_or_below(np.array([3.0, 1.0, 0.5]), 1.0)
    1
    """
    below = np.flatnonzero(series <= tol)
    if below.size == 0:
        raise RuntimeError(f"the run never reached {tol:g} in {series.size - 1} steps")
    return int(below[0])


FIT_FROM, FIT_TO = 100, 300  # the steps over which the slow walk's factors are measured
DRAWN = 450  # the steps the figure shows


def factor_per_step(series: np.ndarray, a: int = FIT_FROM, b: int = FIT_TO) -> float:
    """Geometric-mean ratio per step of ``series`` between entries a and b.

    >>> round(factor_per_step(0.5 ** np.arange(400)), 12)
    0.5
    """
    return float((series[b] / series[a]) ** (1.0 / (b - a)))


def watched(run) -> dict[str, np.ndarray]:
    """Return the three quantities gdlib tests at each iterate k of ``run``, by tolerance name.

    Entry k is the gradient norm at theta_k and the step and value change that reached theta_k
    (NaN at k = 0, before any step), so a run that stops at step k stops on entry k of each; the
    live figure indexes its series, table and dots the same way.
    """
    return {
        "grad_tol": np.linalg.norm(run.gradients, axis=1),
        "step_tol": np.r_[np.nan, step_lengths(run.positions)],
        "value_tol": np.r_[np.nan, np.abs(np.diff(run.values))],
    }


def main(out_dir: Path) -> list[Path]:
    """Write the traces figure and the table of stopping rules."""
    run = descend(SURFACE, START, lr=LR, max_iter=MAX_ITER, grad_tol=0.0, step_tol=0.0)
    series = watched(run)
    grad_norm, step, change = series["grad_tol"], series["step_tol"], series["value_tol"]

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(7.6, 3.4), layout="constrained")
        grad_label = "gradient norm $\\|\\nabla f(\\theta_k)\\|$"
        ax.semilogy(grad_norm, color=COLORS["blue"], label=grad_label)
        step_label = "step length $\\|\\theta_k - \\theta_{k-1}\\|$"
        ax.semilogy(step, color=COLORS["orange"], label=step_label)
        text = plt.rcParams["text.color"]  # dashed in it, as in the live figure that replaces this
        ax.semilogy(change, color=text, ls=(0, (5, 3)), label="change in value $|f_k - f_{k-1}|$")
        colours = {"grad_tol": COLORS["blue"], "step_tol": COLORS["orange"], "value_tol": text}
        lines = [(float(t), colours[test]) for test, tols in FIG_TOLERANCES.items() for t in tols]
        for i, (tol, color) in enumerate(lines):
            label = "tolerances (dotted), in each test's colour" if i == 0 else None
            ax.axhline(tol, color=color, ls=":", lw=1, label=label)
        title = f"plain GD on the valley, lr = {LR}: the watched quantities"
        ax.set(xlabel="step $k$", title=title, xlim=(0, DRAWN), ylim=(1e-12, 1e2))
        if fig.get_figwidth() > NARROW_WIDTH:
            ax.legend(loc="upper right", fontsize=9)
        else:
            # A phone's twin: inside, the legend would cover half the plot; below, the plot
            # keeps the height of the wide figure's.
            fig.set_size_inches(NARROW_WIDTH, 4.9)
            fig.legend(loc="outside lower center", fontsize=9)
        return fig

    values = table() | {"max_iter": MAX_ITER, "lr": LR, "start": str(START)}
    # "Three decreasing curves": each quantity falls at every step the figure draws.
    assert len(run.values) > DRAWN + 1, "the figure draws more steps than the run took"
    drawn = [np.diff(s[1 : DRAWN + 1]) < 0 for s in series.values()]
    values["watched_all_fall"] = bool(np.all(drawn))
    values["steps_to_1e_6"] = first_step_at_or_below(grad_norm, 1e-6)
    values["slow_factor"] = round(1 - 2 * LR, 12)
    values["grad_factor"] = round(factor_per_step(grad_norm), 4)
    values["step_factor"] = round(factor_per_step(step), 4)
    values["change_factor"] = round(factor_per_step(change), 4)
    values["fit_from"], values["fit_to"] = FIT_FROM, FIT_TO
    values |= {f"fig_{k}": " and ".join(v) for k, v in FIG_TOLERANCES.items()}  # the alt text
    blind = blind_spots(SURFACE, START, LR, TOLERANCES[0])
    values |= exact_landing() | stalls() | early_value_stop() | blind
    config = {"surface": SURFACE, "start": list(START), "lr": LR, "maxIter": MAX_ITER}
    config |= LIVE_TOLERANCES | {"tolMin": TOL_MIN, "tolMax": TOL_MAX}
    values["widget"] = json.dumps(config)
    written = themed_svgs(draw, out_dir, "convergence-criteria", narrow=True)
    words = says(LR, TOLERANCES, STALLS) | {
        "watched_all_fall": "the gradient norm, the step length and the change in value each"
        f" fell at every step from 1 to {DRAWN} of the figure's run",
    }
    return [*written, write_values(out_dir, "criteria", values, says=words)]

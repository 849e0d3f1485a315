"""The updates page's race table: for each run its settings, steps and why it stopped, in few words.

A table cell holds what a narrow column can: the momentum a run used (mu, Adam's betas, or none)
and a short form of gdlib's stopping message.
"""

from __future__ import annotations

import inspect
import math
import re

from _prose import fmt, power_of_ten
from _races import RACES

from gdlib.optimizers import adam

BETAS = inspect.signature(adam).parameters["betas"].default  # torch's and gdlib's (0.9, 0.999)


def momentum_cell(opt: str, hyper: dict) -> str:
    """Name the run's momentum setting: mu, Adam's betas (beta1 is a momentum), or none."""
    if "momentum" in hyper:
        return f"μ = {hyper['momentum']:.3g}"
    if opt == "adam":
        beta1, beta2 = hyper.get("betas", BETAS)
        return f"β₁ = {beta1:g} (β₂ = {beta2:g})"
    return "none"


def stop_cell(message: str) -> str:
    """Say why a run stopped in few words: the whole message took 5 lines of a 1,280 px page.

    The reason, not the last norm: a converged run's gradient norm fell to the tolerance.

    >>> stop_cell("converged: gradient norm 9.9e-07 <= 1e-06")
    '<span class="gd-nowrap">‖∇f‖ ≤ 10<sup><span class="gd-sr"> to the power </span>−6</sup></span>'
    """
    if found := re.fullmatch(r"converged: gradient norm \S+ <= (\S+)", message):
        tol = float(found[1])
        exponent = round(math.log10(tol))
        shown = power_of_ten(exponent) if tol == 10.0**exponent else fmt(tol)
        return f'<span class="gd-nowrap">‖∇f‖ ≤ {shown}</span>'
    if re.fullmatch(r"stopped: reached max_iter = \d+", message):
        return "step limit"  # the steps column says which
    raise ValueError(f"no short form for {message!r}")


def table(runs) -> str:
    """Tabulate (Markdown) the steps taken and how each run stopped."""
    rows = [
        "| surface | optimizer | lr | momentum | steps | stopped because |",
        "|---|---|---|---|---|---|",
    ]
    for surface_name, results in runs.items():
        for opt, run in results.items():
            lr, hyper = RACES[surface_name][opt]
            mom = momentum_cell(opt, hyper)
            why = stop_cell(run.message)
            cells = f"{surface_name} | {opt} | {lr:.3g} | {mom} | {run.iterations} | {why}"
            rows.append(f"| {cells} |")
    return "\n".join(rows)

"""The explorer's readout as its JavaScript writes it, for the page's HTML before it goes live.

The explorer page shows the default run's readout, summary and points table from the build, so
the reader sees them at first paint and nothing moves when the live view takes over; these
functions write the same text as js/src/summary.js (a browser test, tests/browser/
test_explorer_poster.py, compares the two).
"""

from __future__ import annotations

import math

import numpy as np

from gdlib.descent import GRAD_TOL

LARGE = ("thousand", "million", "billion", "trillion")  # the summary's scale words, from 10^3


def js_exponential(v: float) -> str:
    """Write `v` as JavaScript's toExponential(2) does: "1.23e-7" and "2.50e+6", no leading 0."""
    if not math.isfinite(v):
        return f"{v:.2e}"  # "inf", "nan": no exponent to trim (fmt.js writes "—" for them)
    mantissa, exp = f"{v:.2e}".split("e")
    return f"{mantissa}e{int(exp):+d}"


def readout_number(v: float) -> str:
    """Format as the readout does (js/src/fmt.js fmt): two decimals, never "-0.00"."""
    text = f"{v:.2f}" if abs(v) < 1e5 else js_exponential(v)
    return "0.00" if text == "-0.00" else text


def fine_number(v: float) -> str:
    """Format as the live readout does (js/src/fmt.js fine), three figures below 0.005.

    Where two decimals would read 0.00, "1.23e-7"; else as `readout_number`.
    """
    return js_exponential(v) if v != 0 and abs(v) < 0.005 else readout_number(v)


def said_number(v: float) -> str:
    """Format as the summary's sentences do (js/src/summary.js said): words from 1e5 on.

    Below 1e5 as the readout; from there three significant figures and a scale word, "123
    thousand" or "-5.78 billion", which a screen reader speaks as written.
    """
    if not math.isfinite(v):
        return "—"  # as fmt.js writes a number that is not finite
    if abs(v) < 1e5:
        return readout_number(v)
    mantissa, exp = f"{abs(v):.2e}".split("e")
    group = int(exp) // 3
    if group > len(LARGE):
        return readout_number(v)
    digits, point = mantissa.replace(".", ""), int(exp) % 3 + 1
    number = f"{digits[:point]}.{digits[point:]}" if point < 3 else digits
    return f"{'-' if v < 0 else ''}{number} {LARGE[group - 1]}"


def outcome(label: str, run) -> str:
    """Say how a finished run ended, as the explorer does (js/src/summary.js outcome).

    Only for runs that end at a minimum or do not converge (the default run): summary.js's
    `reached` clause for a stationary point that is no minimum is not ported.
    """
    x, y = run.positions[-1]
    at = "({}, {}), value {}".format(*(said_number(v) for v in (x, y, run.values[-1])))
    steps = f"{run.iterations} step{'' if run.iterations == 1 else 's'}"
    norm = float(np.hypot(*run.gradients[-1]))
    if run.criterion == "step_tol" and norm > GRAD_TOL:  # a stall, as verdicts.js's stalled()
        return (
            f"{label} stopped after {steps} at {at}, on a step shorter than its tolerance,"
            f" with the gradient norm still {norm:.3g}."
        )
    if run.status == "converged":
        return f"{label} converged in {steps} to {at}."
    if run.status == "diverged":
        return f"{label} diverged on step {run.iterations + 1}."
    return f"{label} did not converge within {steps}; it stopped at {at}."


def point_rows(label: str, run, first: int = 50) -> tuple[str, str]:
    """Return the caption and `<tr>` rows of the lead path's table (js/src/summary.js pointRows)."""
    count = len(run.positions)
    shown = range(count) if count <= first + 1 else [*range(first), count - 1]
    rows = "".join(
        f"<tr><td>{k}</td>"
        + "".join(f"<td>{v:.6g}</td>" for v in (*run.positions[k], run.values[k]))
        + "</tr>"
        for k in shown
    )
    if count <= first + 1:
        return f"{label}'s path: all {count} points.", rows
    return f"{label}'s path: the first {first} of {count} points and the last.", rows

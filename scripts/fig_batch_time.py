"""What a batch costs in time: the numbers recorded by benchmarks/bench_batch_cost.py.

Timing is not reproducible, so the build does not measure it: it reads the table the benchmark
recorded (benchmarks/results/batch_cost.json, with the machine it ran on) and draws the time of
one gradient step, and the time per example, against the batch size. Re-run the benchmark with
``--write`` on your machine to redraw it with your numbers. The record's `problem` holds the same
timing on the variant pages' own 2000 x 2 problem: a full-batch step and a one-example step, the
pages' clock for batch descent's epochs against stochastic descent's.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from _prose import fmt
from _variants import HORIZON, log_axes
from matplotlib import pyplot as plt

RESULT = Path(__file__).resolve().parent.parent / "benchmarks" / "results" / "batch_cost.json"
RISES_FROM = 64  # the batch size from which the step time grows with every gathered batch
# Each true/false fact as the proposition it tests: what a page's ✓ says was checked.
SAYS = {
    "rises": f"from {RISES_FROM} rows on, each larger batch but the full one took longer per step",
    "full_cheapest_per_example": "the full batch cost less per example than every other batch"
    " size measured",
    "per_example_down_then_up": "below the full batch, the cost per example fell with each"
    " larger size to its lowest, then rose with each after",
}


def two_figures(x: float) -> str:
    """Round to two significant figures, written out in full.

    >>> two_figures(3294.1), two_figures(19.56), two_figures(0.8676), two_figures(0.00998)
    ('3,300', '20', '0.87', '0.010')
    """
    rounded = float(f"{x:.2g}")
    # '#' keeps a trailing zero that is a figure (0.010), and then a bare point (20.) goes.
    return f"{rounded:,.0f}" if rounded >= 100 else f"{rounded:#.2g}".rstrip(".")


def main(out_dir: Path) -> list[Path]:
    """Write the figure and the recorded ratios the pages quote."""
    record = json.loads(RESULT.read_text(encoding="utf-8"))
    sizes = np.array([int(b) for b in record["seconds_per_step"]])
    step = np.array(list(record["seconds_per_step"].values())) * 1e6  # microseconds

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.6, 3.3), layout="constrained")
        # The full batch is read in place, the others gathered (a copy): a point of its own,
        # hollow and off the lines, not the same measurement at a larger b.
        full = {"mfc": "none", "ms": 7, "ls": "none"}
        for y, style, colour, what in (
            (step, "o-", "purple", "one step"),  # not variants: not their green, orange, blue
            (step / sizes, "s--", "teal", "per example"),
        ):
            ax.plot(sizes[:-1], y[:-1], style, color=COLORS[colour], label=f"{what} (µs)")
            ax.plot(sizes[-1:], y[-1:], style[0], color=COLORS[colour], **full)
        ax.plot([], [], "o", color=COLORS["grey"], label="hollow: all rows, read in place", **full)
        log_axes(ax, x=True)
        ax.set(xlabel="batch size $b$", ylabel="microseconds")
        ax.set_title(
            f"gradient step on b random rows of {record['rows']:,} x {record['d']}, one CPU thread",
            fontsize=9,
        )
        ax.legend(fontsize=9)
        return fig

    at = dict(zip(sizes.tolist(), step.tolist(), strict=True))
    values = {"machine": record["machine"], "rows": f"{record['rows']:,}", "d": record["d"]}
    for b in (1, 16, 64, 256, 4096, int(sizes[-2]), int(sizes[-1])):
        # Two figures: timings of one machine move by a few % from one recording to the next.
        values[f"us_b{b}"] = two_figures(at[b])
        values[f"us_b{b}_n"] = at[b]
        values[f"ratio_b{b}"] = two_figures(at[b] / at[1])
        values[f"ratio_b{b}_n"] = at[b] / at[1]
        values[f"per_example_b{b}"], values[f"per_example_b{b}_n"] = (
            two_figures(at[b] / b),
            at[b] / b,
        )
    values["n"] = f"{int(sizes[-1]):,}"
    # The step time rises from b = 64 to the largest gathered batch; the full one is read in place.
    values["before_full"] = f"{int(sizes[-2]):,}"
    gathered_from = step[sizes >= RISES_FROM][:-1]  # the full batch, read in place, left out
    values["rises_from"] = RISES_FROM
    values["rises"] = bool(gathered_from.size > 1 and np.all(np.diff(gathered_from) > 0))
    per_example = step / sizes
    # The full batch is read in place; every smaller batch first gathers its rows.
    values["full_cheapest_per_example"] = bool(per_example.argmin() == len(sizes) - 1)
    # The gathered batches' cost per example: down to its lowest, then up (the figure's alt text).
    gathered = per_example[:-1]
    low = int(gathered.argmin())
    values["per_example_low_at"] = f"{int(sizes[low]):,}"
    down, up = np.diff(gathered[: low + 1]), np.diff(gathered[low:])
    falls, rises = down.size and np.all(down < 0), up.size and np.all(up > 0)
    values["per_example_down_then_up"] = bool(falls and rises)  # each side needs a size
    # One example's cost in a one-example step over its cost in a full-batch step.
    ratio = float(per_example[0] / per_example[-1])
    values["per_example_ratio"], values["per_example_ratio_n"] = two_figures(ratio), ratio
    problem = record["problem"]  # the pages' own problem, timed by the same benchmark
    rows = problem["rows"]
    full, one = (problem["seconds_per_step"][str(b)] * 1e6 for b in (rows, 1))
    values |= {"problem_rows": f"{rows}", "problem_rows_n": rows, "problem_d": problem["d"]}
    values["problem_load"] = f"{problem['load']:.1f}"  # the machine's load average then
    values["problem_machine"] = problem["machine"]  # a recording of its own
    values["problem_us_full"], values["problem_us_full_n"] = f"{full:.2g}", full
    values["problem_us_b1"], values["problem_us_b1_n"] = f"{one:.2g}", one
    # Reading all rows in one step against reading one: the fixed cost of a step, on this problem.
    ratio = full / one
    values["problem_full_over_b1"], values["problem_full_over_b1_n"] = f"{ratio:.1f}", ratio
    epoch = one * rows  # one epoch of single-example steps, in microseconds
    values["problem_ms_epoch"], values["problem_us_epoch_n"] = f"{epoch / 1000:.2g}", epoch
    # Batch descent's HORIZON epochs, one full step each, against one epoch of single examples.
    values["problem_us_horizon"] = fmt(HORIZON * full, 2)  # two figures
    values["problem_epoch_over_horizon"] = two_figures(epoch / (HORIZON * full))
    return [
        *themed_svgs(draw, out_dir, "batch-time", narrow=True),
        write_values(out_dir, "batchtime", values, says=SAYS),
    ]

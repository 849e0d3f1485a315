"""What does a batch cost? Time of one mini-batch gradient step against the batch size.

On a 262,144 x 10 float64 regression (gdlib.datasets.make_regression), one step is what gdlib's
``fit_linear`` does per batch, timed in its own epoch loop (``gdlib._minibatch.run_epoch``):
gather the next b rows of a shuffled order, the residual, the gradient, the update and its
divergence check (at b = n the whole array in place, as batch descent reads it). For each b the
median of REPEATS timings of whole epochs (each timing at least MIN_SECONDS), divided by their
steps, gives the seconds per step; the table prints it with the time per example and the cost of
a step relative to b = 1. NumPy runs single-threaded (set before it loads). Other hardware (a
GPU, a multi-threaded BLAS) gives another curve; this benchmark speaks only for the machine it
ran on, which it records.

The same timing on the variant pages' own problem, built by ``scripts/_variants.py`` itself (its
``data()``: 2000 rows, an intercept and one shifted feature): a full-batch step, read in place,
and a one-example step, whose time for 2000 steps is one epoch of stochastic descent.

Usage: ``python benchmarks/bench_batch_cost.py [--write] [--only-problem]``; ``--write`` records
the numbers, with the machine they were measured on, in ``benchmarks/results/batch_cost.json``,
which the variant pages cite (through ``scripts/fig_batch_time.py``); ``--only-problem`` times
only the pages' problem and, with ``--write``, keeps the recorded table of batch sizes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402  (after the thread settings, which are read at load time)

from gdlib._minibatch import run_epoch  # noqa: E402
from gdlib.datasets import make_regression  # noqa: E402

ROWS, D = 2**18, 10
SIZES = (1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, ROWS)
REPEATS = 7
MIN_SECONDS = 0.25
RESULT = Path(__file__).resolve().parent / "results" / "batch_cost.json"
SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"  # the pages' problem is defined there


def seconds_per_step(X, y, b: int, rng: np.random.Generator) -> float:
    """Median over REPEATS of the mean time of one step of gdlib's epoch loop at batch size b."""
    n = len(y)
    steps_per_epoch = -(-n // b)

    def timed_epochs(epochs: int) -> float:
        nonlocal theta
        order = rng.permutation(n) if b < n else None  # batch descent reads X in place
        t0 = time.perf_counter()
        for _ in range(epochs):
            theta, steps, diverged = run_epoch(X, y, order, theta, b, 1e-9, None)
            if diverged or steps != steps_per_epoch:
                raise AssertionError(f"the timed epoch at b = {b} stopped early")
        return time.perf_counter() - t0

    theta = np.zeros(X.shape[1])
    # Each timing lasts at least MIN_SECONDS, so that a stall of the machine is a small part of it.
    epochs = max(1, math.ceil(MIN_SECONDS / timed_epochs(1)))
    times = [timed_epochs(epochs) / (epochs * steps_per_epoch) for _ in range(REPEATS)]
    return statistics.median(times)


def machine() -> str:
    """CPU model, core count and library versions, for the record."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} logical cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, NumPy {np.__version__}, one thread"
    )


def problem_seconds(rng: np.random.Generator) -> dict:
    """Build the pages' problem with scripts/_variants.py and time a step at b = 1 and b = n."""
    sys.path.insert(0, str(SCRIPTS))
    import _variants  # the build scripts' folder is not a package

    X, y, _ = _variants.data()
    rows, d = X.shape
    seconds = {str(b): seconds_per_step(X, y, b, rng) for b in (1, rows)}
    setup = {"noise": _variants.NOISE, "seed": _variants.SEED, "shift": _variants.SHIFT}
    return {"rows": rows, "d": d, **setup, "seconds_per_step": seconds}


def main() -> int:
    """Time every batch size, print the table, optionally record it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"record the numbers in {RESULT}")
    parser.add_argument("--only-problem", action="store_true", help="time only the pages' problem")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    if args.only_problem:
        record = json.loads(RESULT.read_text(encoding="utf-8"))
    else:
        X, y, _ = make_regression(ROWS, D, seed=0)
        per_step = {b: seconds_per_step(X, y, b, rng) for b in SIZES}
        print(f"one gradient step on b random rows of a {ROWS:,} x {D} problem ({machine()})")
        print(f"{'b':>8} {'us per step':>12} {'us per example':>15} {'step / step(b=1)':>17}")
        for b, s in per_step.items():
            print(f"{b:>8} {s * 1e6:12.1f} {s * 1e6 / b:15.4f} {s / per_step[1]:17.2f}")
        record = {
            "machine": machine(),
            "rows": ROWS,
            "d": D,
            "seconds_per_step": {str(b): s for b, s in per_step.items()},
        }
    problem = problem_seconds(rng)
    rows, seconds = problem["rows"], problem["seconds_per_step"]
    print(f"the pages' {rows} x {problem['d']} problem: a full-batch step", end=" ")
    print(f"{seconds[str(rows)] * 1e6:.1f} us, a one-example step {seconds['1'] * 1e6:.1f} us")
    # The machine's one-minute load average, as timings on a busy machine run slow.
    load = round(os.getloadavg()[0], 2)
    record["problem"] = {**problem, "machine": machine(), "load": load}
    if args.write:
        RESULT.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
        print(f"recorded in {RESULT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Does batch gradient descent need memory for all n examples? Not if the gradient is summed.

On a synthetic regression of N_ROWS x D (gdlib.datasets.make_regression), one step of gdlib's
`mse_grad` on a shuffled batch of b rows is traced with Python's tracemalloc, which counts
NumPy's buffers: the batch copy, the residuals and the gradient. Done in one go, the peak grows
in proportion to b. But the full gradient is a sum over rows, so it can be accumulated over
chunks of CHUNK rows (read in turn, from memory or from disk): the same gradient, to rounding,
with the peak memory of one chunk whatever n is. At b = n the batch copy is avoidable (batch
descent needs no shuffle): the peak of the gradient on the rows in place is reported too.

tracemalloc also counts Python's own small objects and NumPy's small-buffer cache, and what those
allocate depends on what the process ran before (two builds differed by 100 bytes in a peak, as
the build reuses worker processes and the order of its jobs changed). So the peaks are measured in
a fresh interpreter (`measured`), each the least of RUNS traced runs of the same computation.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np
from _figure import COLORS, themed_svgs, write_values
from _narrow import NARROW_WIDTH
from matplotlib import pyplot as plt

from gdlib.datasets import make_regression
from gdlib.regression import mse_grad

N_ROWS, D = 2**18, 10
SIZES = (1, 16, 256, 4096, 65536, N_ROWS)
CHUNK = 4096
RUNS = 3
T = TypeVar("T")


def chunked_gradient(X: np.ndarray, y: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Return the full-data gradient: gdlib's mse_grad over chunks of CHUNK rows, weighted."""
    total = np.zeros(X.shape[1])
    for start in range(0, len(y), CHUNK):
        rows = slice(start, start + CHUNK)
        total += mse_grad(X[rows], y[rows], theta) * (len(y[rows]) / len(y))
    return total


def traced_once(call: Callable[[], T]) -> tuple[T, int]:
    """Return what `call` returned and the peak bytes allocated (tracemalloc) meanwhile."""
    tracemalloc.start()
    try:
        return call(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def traced(call: Callable[[], T]) -> tuple[T, int]:
    """Return what `call` returned and its least peak over RUNS traced runs."""
    runs = [traced_once(call) for _ in range(RUNS)]
    return runs[-1][0], min(peak for _, peak in runs)


def chunked_peak(X: np.ndarray, y: np.ndarray) -> tuple[int, float]:
    """Peak bytes of the chunked full gradient and its largest difference from the one-shot one."""
    theta = np.zeros(X.shape[1])
    chunked, peak = traced(lambda: chunked_gradient(X, y, theta))
    full = mse_grad(X, y, theta)
    return peak, float(np.max(np.abs(chunked - full)) / np.max(np.abs(full)))


def peak_bytes(X: np.ndarray, y: np.ndarray, b: int, rng: np.random.Generator) -> int:
    """Peak bytes allocated while gathering a random batch of b rows and taking its gradient."""
    theta = np.zeros(X.shape[1])
    rows = rng.permutation(len(y))[:b].copy()  # drawn before tracing: the same for every b
    return traced(lambda: mse_grad(X[rows], y[rows], theta))[1]


def measure() -> dict[str, object]:
    """Trace every peak the figure shows, in this process."""
    X, y, _ = make_regression(N_ROWS, D, seed=0)
    rng = np.random.default_rng(0)
    peaks = [peak_bytes(X, y, b, rng) for b in SIZES]
    chunk_bytes, chunk_diff = chunked_peak(X, y)
    # At b = n on the rows as they lie (batch descent gathers none), and the residuals alone.
    in_place = traced(lambda: mse_grad(X, y, np.zeros(D)))[1]
    residuals = traced(lambda: X @ np.zeros(D) - y)[1]
    return {
        "peaks": peaks,
        "chunk": chunk_bytes,
        "diff": chunk_diff,
        "in_place": in_place,
        "residuals": residuals,
    }


def measured() -> dict[str, object]:
    """Run `measure` in a fresh interpreter, whose history is the same in every build."""
    code = "import json, fig_batch_memory as m; print(json.dumps(m.measure()))"
    here = Path(__file__).resolve().parent
    out = subprocess.run([sys.executable, "-c", code], cwd=here, check=True, capture_output=True)
    return json.loads(out.stdout)


def main(out_dir: Path) -> list[Path]:
    """Write the memory figure and the peaks at b = 1 and b = n."""
    m = measured()
    peaks = np.array([round(p / 1024, 1) for p in m["peaks"]])
    chunk_diff, in_place, residuals = m["diff"], m["in_place"], m["residuals"]
    chunk_kib = round(m["chunk"] / 1024, 1)

    def draw(theme: str):
        fig, ax = plt.subplots(figsize=(6.4, 3.7), layout="constrained")
        ax.loglog(
            SIZES, peaks, "o-", color=COLORS["teal"], label="in one go, on gathered shuffled rows"
        )
        ax.loglog(
            [N_ROWS],
            [in_place / 1024],
            "^",
            ms=8,
            color=COLORS["blue"],
            label="all n rows in place (batch descent)",
        )
        ax.loglog(
            [N_ROWS],
            [chunk_kib],
            "s",
            ms=8,
            color=COLORS["purple"],
            label=f"all n rows, summed in chunks of {CHUNK}",
        )
        ax.loglog(
            SIZES,
            np.array(SIZES) * (D + 2) * 8 / 1024,
            "--",
            color=COLORS["grey"],
            label="$b\\,(d + 2)$ float64 values",
        )
        ax.set(xlabel="batch size $b$ (rows per step)", ylabel="peak memory of one step (KiB)")
        ax.set_title(
            f"peak memory of one gradient on {N_ROWS:,} x {D} data (tracemalloc)", fontsize=9
        )
        # Below the plot: inside, it covered the b = 4096 point on a phone's narrower axes.
        # Two columns fit the wide figure only.
        ncols = 2 if fig.get_figwidth() > NARROW_WIDTH else 1
        fig.legend(loc="outside lower center", ncols=ncols, fontsize=9)
        return fig

    values = {
        "rows": f"{N_ROWS:,}",
        "d": D,
        "b1_kib": peaks[0],
        "b16_kib": peaks[SIZES.index(16)],
        "b65536_kib": peaks[SIZES.index(65536)],
        "bn_mib": f"{peaks[-1] / 1024:.1f}",
        "bn_inplace_mib": f"{in_place / 2**20:.1f}",
        "residual_share_n": residuals / in_place,
        "b256_kib": peaks[SIZES.index(256)],
        "b4096_kib": peaks[SIZES.index(CHUNK)],
        "chunk": f"{CHUNK:,}",
        "chunk_kib": chunk_kib,
        "chunk_rel_diff": f"{chunk_diff:.0e}",
        "chunk_rel_diff_n": chunk_diff,
        "chunk_over_full_n": chunk_kib / peaks[-1],
    }
    written = themed_svgs(draw, out_dir, "batch-memory", narrow=True)
    return [*written, write_values(out_dir, "memory", values)]

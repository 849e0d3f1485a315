"""Mini-batch SGD epochs on a 1,000,000 x 10 linear regression: gdlib against torch.optim.SGD.

Both fit the same float64 data with the same algorithm: each epoch draws one permutation of the
rows, walks it in batches of 256 and takes a plain SGD step on the batch's mean squared error.
gdlib runs ``fit_linear(..., record="epoch")``. torch runs ``nn.Linear(10, 1, bias=False)``,
``nn.MSELoss``, autograd and ``optim.SGD`` in two ways, and the faster one is the baseline:
``copy`` gathers a shuffled copy of the data once per epoch and slices it; ``index`` gathers each
batch's rows from the permutation. Runs alternate; the median seconds per epoch is reported with
the ratio gdlib / torch (target <= 0.33) and how far gdlib is from one streaming pass over X
(``X @ theta``, the memory-bound floor); an unshuffled gdlib epoch shows what the shuffle costs.

Both run single-threaded (OpenBLAS and torch each get one thread, set before they load): a batch of
256 x 10 is far too small to gain from threads (torch's time per epoch is the same with two), and
on a shared machine an idle-spinning BLAS pool only adds noise.

Usage: ``python benchmarks/bench_gdlib.py [--samples N] [--epochs E] [--repeats R]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import numpy as np  # noqa: E402  (after the thread settings, which are read at load time)
import torch  # noqa: E402

from gdlib import fit_linear, make_regression, mse  # noqa: E402

torch.set_num_threads(1)

BATCH = 256
LR = 0.01


def gdlib_epoch_seconds(X, y, epochs, seed, shuffle=True):
    """Seconds per epoch of gdlib's mini-batch run, and its final full-data loss."""
    start = time.perf_counter()
    run = fit_linear(
        X, y, lr=LR, epochs=epochs, batch_size=BATCH, seed=seed, shuffle=shuffle, record="epoch"
    )
    seconds = (time.perf_counter() - start) / epochs
    assert run.status == "completed", run.message
    return seconds, float(run.losses[-1])


def torch_epoch_seconds(X, y, epochs, seed, gather):
    """Seconds per epoch of the same run written the usual torch way, and its final loss."""
    X_t, y_t = torch.from_numpy(X), torch.from_numpy(y)
    model = torch.nn.Linear(X.shape[1], 1, bias=False, dtype=torch.float64)
    torch.nn.init.zeros_(model.weight)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    criterion = torch.nn.MSELoss()
    generator = torch.Generator().manual_seed(seed)
    n = X.shape[0]
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator)
        if gather == "copy":
            X_s, y_s = X_t[order], y_t[order]
        for i in range(0, n, BATCH):
            if gather == "copy":
                xb, yb = X_s[i : i + BATCH], y_s[i : i + BATCH]
            else:
                rows = order[i : i + BATCH]
                xb, yb = X_t.index_select(0, rows), y_t.index_select(0, rows)
            optimizer.zero_grad()
            loss = criterion(model(xb).squeeze(1), yb)
            loss.backward()
            optimizer.step()
    seconds = (time.perf_counter() - start) / epochs
    return seconds, mse(X, y, model.weight.detach().numpy()[0])


def streaming_pass_seconds(X, repeats=5):
    """Fastest of a few full passes ``X @ theta``: reading X once from memory."""
    theta = np.ones(X.shape[1])
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        X @ theta
        times.append(time.perf_counter() - start)
    return min(times)


def _runs(times):
    return ", ".join(f"{t:.3f}" for t in times)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=1_000_000)
    parser.add_argument("--features", type=int, default=10)
    parser.add_argument("--epochs", type=int, default=2, help="epochs per timed run")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each")
    args = parser.parse_args()

    X, y, _ = make_regression(args.samples, args.features, seed=0)
    steps = -(-args.samples // BATCH)
    print(f"data: {args.samples:,} x {args.features} float64 ({X.nbytes / 1e6:.0f} MB)")
    print(f"batch {BATCH}, {steps:,} steps per epoch, lr {LR}")
    blas = os.environ["OPENBLAS_NUM_THREADS"]
    print(f"numpy {np.__version__} ({blas} BLAS thread), torch {torch.__version__} ", end="")
    print(f"({torch.get_num_threads()} thread)")

    gdlib_epoch_seconds(X, y, 1, seed=99)  # warm-up: first-touch allocations and caches
    for gather in ("copy", "index"):
        torch_epoch_seconds(X, y, 1, 99, gather)
    times = {"gdlib": [], "torch copy": [], "torch index": []}
    losses = {}
    for repeat in range(args.repeats):
        seconds, losses["gdlib"] = gdlib_epoch_seconds(X, y, args.epochs, repeat)
        times["gdlib"].append(seconds)
        for gather in ("copy", "index"):
            seconds, losses[f"torch {gather}"] = torch_epoch_seconds(
                X, y, args.epochs, repeat, gather
            )
            times[f"torch {gather}"].append(seconds)
    unshuffled = statistics.median(
        gdlib_epoch_seconds(X, y, args.epochs, repeat, shuffle=False)[0]
        for repeat in range(args.repeats)
    )
    floor = streaming_pass_seconds(X)

    median = {name: statistics.median(t) for name, t in times.items()}
    for name, t in times.items():
        print(
            f"{name:12s} {median[name]:.3f} s/epoch  {median[name] / steps * 1e6:5.1f} us/step"
            f"  final loss {losses[name]:.6f}  (runs: {_runs(t)})"
        )
    baseline = min(("torch copy", "torch index"), key=median.get)
    ratio = median["gdlib"] / median[baseline]
    paired = statistics.median(g / t for g, t in zip(times["gdlib"], times[baseline], strict=True))
    verdict = "met" if ratio <= 0.33 else "NOT met"
    print(f"ratio gdlib / torch ({baseline}, the faster): {ratio:.3f}  (target <= 0.33: {verdict})")
    print(f"median of the ratios of adjacent runs: {paired:.3f}")
    passes = median["gdlib"] / floor
    print(f"streaming pass X @ theta: {floor * 1e3:.1f} ms; gdlib epoch = {passes:.1f} passes")
    print(
        f"gdlib without shuffling (contiguous slices): {unshuffled:.3f} s/epoch "
        f"= {unshuffled / floor:.1f} passes"
    )


if __name__ == "__main__":
    main()

"""MkDocs hook: run each `scripts/fig_*.py` before the build, skipping those with unchanged inputs.

A figure script's inputs are its own source, the files it names in `# reads: PATH` lines (the
explorer's stylesheet, whose colours the poster uses), the shared `scripts/_*.py` helpers, every
gdlib module and the measurements recorded in `benchmarks/results/*.json`; its tools are matplotlib,
NumPy and Pillow. Their key (`_cache_key`, which adds the lock files) is kept in
`docs/generated/figures/.cache.json` beside the outputs, with each output's SHA-256: a figure is
taken from the cache only when its key matches and its files are byte for byte what it wrote.
The hook runs on `mkdocs build` and `mkdocs serve` alike, runs the stale scripts in parallel (one
spawned worker process per core, see `_figure_run`) and prints which figures it rebuilt and which
it took from the cache. The same workers first execute the notebooks that mkdocs-jupyter would
execute later (`_notebook_run`), so that their kernels run beside the figures and the notebook
pages are cache hits.

Jobs start longest first (`JOB_SECONDS`, the CPU seconds each took when last recorded by
`benchmarks/bench_figures.py --record`; a job not listed counts as the longest): with two
workers, a long job started last would leave one core idle while it finishes.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _figure_run import run_script, timed_run
from _notebook_run import NotebookJob, pending_notebooks, timed_execute

from gd_markdown._cache_key import cache_key, file_digest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = Path(__file__).resolve().parent
SCRIPTS = ROOT / "scripts"
OUT_DIR = ROOT / "docs" / "generated" / "figures"
JOB_SECONDS = HOOKS / "job_seconds.json"  # only a scheduling hint, not a cache input
TOOLS = ["matplotlib", "numpy", "pillow"]
READS = re.compile(r"^# reads: (\S+)$", re.M)

log = logging.getLogger("mkdocs.hooks.figures")
__all__ = ["build_figures", "figure_scripts", "run_script", "shared_inputs"]


def shared_inputs() -> list[Path]:
    """Files every figure depends on: gdlib, the shared script helpers, recorded measurements."""
    results = (ROOT / "benchmarks" / "results").glob("*.json")  # fig_batch_time.py draws these
    return [*(ROOT / "gdlib").rglob("*.py"), *SCRIPTS.glob("_*.py"), *results]


def own_inputs(script: Path) -> list[Path]:
    """List the script and the files its `# reads: PATH` lines name (from the repository root)."""
    return [script, *(ROOT / p for p in READS.findall(script.read_text(encoding="utf-8")))]


def figure_scripts() -> list[Path]:
    """Every figure script, in a stable order."""
    return sorted(SCRIPTS.glob("fig_*.py"))


def recorded_seconds() -> dict[str, float]:
    """`{job name: seconds}` as last recorded, for the order in which jobs start."""
    return json.loads(JOB_SECONDS.read_text()) if JOB_SECONDS.exists() else {}


def longest_first(names: Sequence[str], seconds: dict[str, float]) -> list[int]:
    """Order `names` (their indices) by decreasing recorded seconds, unknown ones first."""
    return sorted(range(len(names)), key=lambda i: -seconds.get(names[i], float("inf")))


def _run_jobs(
    jobs: list[tuple[Callable, tuple]], workers: int, order: Sequence[int] | None = None
) -> list:
    """`function(*args)` for each job, in spawned worker processes if `workers` > 1.

    Jobs are submitted in `order` (indices into `jobs`; all of them) and their results
    returned in the order of `jobs`.
    """
    if workers <= 1:
        return [function(*args) for function, args in jobs]
    # A spawned worker starts with this process's sys.path, where it must find `_figure_run`.
    added = str(HOOKS) not in sys.path
    if added:
        sys.path.insert(0, str(HOOKS))
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = {}
            for i in range(len(jobs)) if order is None else order:
                function, args = jobs[i]
                futures[i] = pool.submit(function, *args)
            return [futures[i].result() for i in range(len(jobs))]
    finally:
        if added:
            sys.path.remove(str(HOOKS))


def _is_fresh(entry: dict, key: str, out_dir: Path) -> bool:
    # Outputs are checked byte for byte, not only for existence: a script run by hand outside
    # the hook can overwrite them while its cache key still names the inputs that made the old.
    outputs = entry.get("outputs", {})
    if entry.get("key") != key or not isinstance(outputs, dict) or not outputs:
        return False
    return all(digest and file_digest(out_dir / name) == digest for name, digest in outputs.items())


def build_figures(
    out_dir: Path = OUT_DIR, workers: int | None = None, notebooks: Sequence[NotebookJob] = ()
) -> dict[str, str]:
    """Rebuild stale figures into `out_dir`; return `{script name: "rebuilt" | "cached"}`.

    Stale scripts run in parallel worker processes (one per core by default): each script
    writes only its own files, so the order in which they finish does not matter. `notebooks`
    (`_notebook_run.pending_notebooks`) are executed in the same pool, first: their kernels
    run beside the figure scripts instead of after them.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_file = out_dir / ".cache.json"
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    shared = shared_inputs()
    scripts = figure_scripts()
    keys = {s: cache_key([*own_inputs(s), *shared], tools=TOOLS, length=64) for s in scripts}
    stale = [s for s, key in keys.items() if not _is_fresh(cache.get(s.name, {}), key, out_dir)]
    jobs = [(timed_execute, (nb,)) for nb in notebooks]
    jobs += [(timed_run, (script, out_dir)) for script in stale]
    names = [job.name for job in notebooks] + [script.name for script in stale]
    order = longest_first(names, recorded_seconds())
    results = _run_jobs(jobs, workers or min(len(jobs), os.cpu_count() or 1), order)
    executed, results = results[: len(notebooks)], results[len(notebooks) :]
    for job, (written, seconds) in zip(notebooks, executed, strict=True):
        if seconds is None:
            raise RuntimeError(f"notebook {job.name} failed:\n{written}")
        log.info("notebook %s executed in %.1fs (for mkdocs-jupyter's cache)", job.name, seconds)
    for script, (written, seconds) in zip(stale, results, strict=True):
        if seconds is None:
            raise RuntimeError(f"figure script {script.name} failed:\n{written}")
    # In name order, so the log and the cache file read the same each time.
    for script, (written, seconds) in zip(stale, results, strict=True):
        home = out_dir.resolve()
        strays = [str(p) for p in written if Path(p).resolve().parent != home or not p.is_file()]
        if strays:
            raise RuntimeError(f"{script.name} returned paths not in {home}: {strays}")
        outputs = {p.name: file_digest(p) for p in sorted(written, key=lambda p: p.name)}
        # What the script wrote last time and no longer writes goes: a page would go on using a
        # file left behind (a figure's phone twin is shown whenever its file exists).
        previous = cache.get(script.name, {}).get("outputs", {})
        for name in sorted(set(previous if isinstance(previous, dict) else ()) - set(outputs)):
            (out_dir / name).unlink(missing_ok=True)
        cache[script.name] = {"key": keys[script], "outputs": outputs}
        log.info("figure %s rebuilt in %.1fs", script.name, seconds)
    if stale:
        # Written aside and renamed: a build stopped midway never leaves half a cache file.
        partial = cache_file.with_suffix(".partial")
        partial.write_text(json.dumps(cache, indent=1, sort_keys=True))
        os.replace(partial, cache_file)
    cached = [s.name for s in keys if s not in stale]
    if cached:
        log.info("figures cached (inputs unchanged): %s", ", ".join(cached))
    return {s.name: "rebuilt" if s in stale else "cached" for s in keys}


def on_pre_build(config, **kwargs) -> None:
    """MkDocs entry point: the stale figures, and the notebooks mkdocs-jupyter would execute."""
    build_figures(notebooks=pending_notebooks(config))

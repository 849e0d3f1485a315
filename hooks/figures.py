"""MkDocs hook: run each `scripts/fig_*.py` before the build, skipping those with unchanged inputs.

A figure script's inputs are its own source, the shared `scripts/_*.py` helpers and every gdlib
module; their SHA-256 is kept in `docs/generated/figures/.cache.json` beside the outputs. The hook
runs on `mkdocs build` and `mkdocs serve` alike, runs the stale scripts in parallel (one forked
worker per core) and prints which figures it rebuilt and which it took from the cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import multiprocessing
import os
import queue
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
OUT_DIR = ROOT / "docs" / "generated" / "figures"
CACHE = OUT_DIR / ".cache.json"

log = logging.getLogger("mkdocs.hooks.figures")


def _digest(paths: list[Path]) -> str:
    sha = hashlib.sha256()
    # Keyed by folder and file name, not the absolute path, so a copy of the tree keys the same.
    for key, path in sorted((f"{p.parent.name}/{p.name}", p) for p in paths):
        sha.update(key.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


def shared_inputs() -> list[Path]:
    """Files every figure depends on: gdlib and the shared script helpers."""
    return [*(ROOT / "gdlib").rglob("*.py"), *SCRIPTS.glob("_*.py")]


def figure_scripts() -> list[Path]:
    """Every figure script, in a stable order."""
    return sorted(SCRIPTS.glob("fig_*.py"))


def run_script(script: Path, out_dir: Path) -> list[Path]:
    """Import a figure script and call its `main(out_dir)`; return the files it wrote."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    spec = importlib.util.spec_from_file_location(f"_figure_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [Path(p) for p in module.main(out_dir)]


def _timed_run(script: Path, out_dir: Path) -> tuple[list[Path], float]:
    start = time.perf_counter()
    return run_script(script, out_dir), time.perf_counter() - start


def _worker(scripts: list[Path], out_dir: Path, tasks, results) -> None:
    # Runs in a forked process: take script indices until the None that ends the queue. (A
    # blocking get, not get_nowait: a Queue's items reach the pipe asynchronously.)
    for index in iter(tasks.get, None):
        try:
            results.put((index, *_timed_run(scripts[index], out_dir)))
        except BaseException:
            results.put((index, traceback.format_exc(), None))


def _run_parallel(scripts: list[Path], out_dir: Path, workers: int) -> dict:
    """Run scripts in forked worker processes (a fork needs no pickling of the hook itself)."""
    context = multiprocessing.get_context("fork")
    tasks, results = context.Queue(), context.Queue()
    for index in range(len(scripts)):
        tasks.put(index)
    for _ in range(workers):
        tasks.put(None)
    procs = [
        context.Process(target=_worker, args=(scripts, out_dir, tasks, results), daemon=True)
        for _ in range(workers)
    ]
    for proc in procs:
        proc.start()
    done: dict = {}
    try:
        while len(done) < len(scripts):
            try:
                index, written, seconds = results.get(timeout=1.0)
            except queue.Empty:
                if not any(proc.is_alive() for proc in procs):
                    raise RuntimeError("figure workers exited before finishing") from None
                continue
            if seconds is None:
                raise RuntimeError(f"figure script {scripts[index].name} failed:\n{written}")
            done[scripts[index]] = (written, seconds)
    finally:
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
    return done


def _is_fresh(entry: dict, key: str, out_dir: Path) -> bool:
    outputs = entry.get("outputs", [])
    exist = all((out_dir / name).exists() for name in outputs)
    return entry.get("key") == key and bool(outputs) and exist


def build_figures(out_dir: Path = OUT_DIR, workers: int | None = None) -> dict[str, str]:
    """Rebuild stale figures into `out_dir`; return `{script name: "rebuilt" | "cached"}`.

    Stale scripts run in parallel worker processes (one per core by default): each script
    writes only its own files, so the order in which they finish does not matter.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_file = out_dir / ".cache.json"
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    shared = shared_inputs()
    keys = {script: _digest([script, *shared]) for script in figure_scripts()}
    stale = [s for s, key in keys.items() if not _is_fresh(cache.get(s.name, {}), key, out_dir)]
    workers = workers or min(len(stale), os.cpu_count() or 1)
    if workers > 1:
        results = _run_parallel(stale, out_dir, workers)
    else:
        results = {s: _timed_run(s, out_dir) for s in stale}
    for script in stale:  # in name order, so the log and the cache file read the same each time
        written, seconds = results[script]
        cache[script.name] = {"key": keys[script], "outputs": sorted(p.name for p in written)}
        log.info("figure %s rebuilt in %.1fs", script.name, seconds)
    if stale:
        cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True))
    cached = [s.name for s in keys if s not in stale]
    if cached:
        log.info("figures cached (inputs unchanged): %s", ", ".join(cached))
    return {s.name: "rebuilt" if s in stale else "cached" for s in keys}


def on_pre_build(config, **kwargs) -> None:
    """MkDocs entry point."""
    build_figures()

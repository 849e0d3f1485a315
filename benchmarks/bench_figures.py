"""Figure budgets: time and size of every generated figure and animation (not a timed test).

Runs each `scripts/fig_*.py` once into a fresh folder, in name order, and prints a table:
seconds per script, its files and their sizes. Each animated path (an animated WebP) is listed
with its size against the 100 KB budget of issue 12, and the total script time is reported (the
figures' share of a cold build). `make bench-site` lists the animated paths of its cold build the
same way (`print_animation_sizes`). Run with `.venv/bin/python benchmarks/bench_figures.py`.

`--record` also writes the CPU seconds of every script, and of every notebook page executed as
the build does it (its kernel included), to hooks/job_seconds.json: hooks/figures.py starts the
longest jobs first. CPU seconds, unlike wall time, hardly move when other work loads the machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANIMATION_BUDGET = 100 * 1024  # bytes of one animated path (issue 12)


def load_figures_hook():
    """Import hooks/figures.py, which knows the scripts and how to run them."""
    sys.path.insert(0, str(ROOT / "hooks"))  # its libraries (hooks/_*.py), as MkDocs does
    spec = importlib.util.spec_from_file_location("figures_hook", ROOT / "hooks" / "figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kb(path: Path) -> str:
    """Size of a file in KB, for the table."""
    return f"{path.stat().st_size / 1024:.1f} KB"


def print_animation_sizes(figures: Path) -> list[Path]:
    """Print each animated path in `figures` with its size against the budget; the ones over."""
    moving = sorted(f for f in figures.glob("*.webp") if "-still" not in f.name)
    print(f"\n{'animated path':40} {'KB':>6}   budget {ANIMATION_BUDGET / 1024:.0f} KB")
    for f in moving:
        size = f.stat().st_size
        print(f"{f.name:40} {size / 1024:6.1f}   {'ok' if size <= ANIMATION_BUDGET else 'OVER'}")
    if moving:
        largest = max(moving, key=lambda f: f.stat().st_size)
        print(f"{len(moving)} animated paths, largest {largest.name} {kb(largest)}")
    return [f for f in moving if f.stat().st_size > ANIMATION_BUDGET]


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and of its finished children (kernels)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def notebook_seconds(out: Path) -> dict[str, float]:
    """CPU seconds to execute and convert each notebook page as the build does (its kernel too)."""
    from _notebook_run import NB2HTML_OPTIONS, NotebookJob, timed_execute
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["mkdocs-jupyter"]
    options = {key: plugin.config[key] for key in NB2HTML_OPTIONS}
    seconds, depth = {}, plugin.config["toc_depth"]
    for path in sorted((ROOT / "docs" / "code").glob("*.ipynb")):
        job = NotebookJob(str(path), str(out / f"{path.stem}.json"), options, depth)
        start = cpu_seconds()
        written, wall = timed_execute(job)
        if wall is None:
            raise RuntimeError(f"notebook {path.name} failed:\n{written}")
        seconds[path.name] = cpu_seconds() - start
        print(f"{path.name:32} {wall:5.2f}  ({seconds[path.name]:.2f} CPU s)")
    return seconds


def main() -> int:
    """Run every figure script once and print the table; exit 1 if an animation is too big."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", action="store_true", help="write hooks/job_seconds.json")
    args = parser.parse_args()
    hook = load_figures_hook()
    recorded, total = {}, 0.0
    print(f"{'script':32} {'s':>5}  {'CPU s':>5}  files (KB)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        sys.path.insert(0, str(ROOT / "scripts"))
        import _figure  # noqa: F401  (matplotlib's import, paid once, stays out of the rows)

        for script in hook.figure_scripts():
            start, cpu = time.perf_counter(), cpu_seconds()
            files = hook.run_script(script, out)
            seconds = time.perf_counter() - start
            recorded[script.name] = cpu_seconds() - cpu
            total += seconds
            sizes = ", ".join(f"{f.name} {f.stat().st_size / 1024:.0f}" for f in files)
            print(f"{script.name:32} {seconds:5.2f}  {recorded[script.name]:5.2f}  {sizes}")
        svgs = sorted(out.glob("*.svg"))
        print(f"\nall figure scripts: {total:.1f} s")
        biggest_svg = max(svgs, key=lambda f: f.stat().st_size)
        print(f"SVGs: {len(svgs)}, largest {biggest_svg.name} {kb(biggest_svg)}")
        over_budget = print_animation_sizes(out)
        if args.record:
            recorded |= notebook_seconds(out)
            # To 0.1 s, and never 0: a job under 0.05 s still takes time (the hook sorts by it).
            rounded = {name: max(0.1, round(s, 1)) for name, s in recorded.items()}
            hook.JOB_SECONDS.write_text(json.dumps(rounded, indent=1, sort_keys=True) + "\n")
            print(f"recorded {len(rounded)} jobs' seconds in {hook.JOB_SECONDS.relative_to(ROOT)}")
    for f in over_budget:
        print(f"OVER BUDGET: {f.name} {kb(f)}")
    return 1 if over_budget else 0


if __name__ == "__main__":
    sys.exit(main())

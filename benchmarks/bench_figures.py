"""Figure budgets: time and size of every generated figure and animation (not a timed test).

Runs each `scripts/fig_*.py` once into a fresh folder, in the order the build does, and prints
a table: seconds per script, its files and their sizes. Animated WebPs are checked against the
150 KB budget of an animated path, and the total script time is reported (the figures' share of
a cold build). Run with `.venv/bin/python benchmarks/bench_figures.py`.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANIMATION_BUDGET = 150 * 1024


def load_figures_hook():
    """Import hooks/figures.py, which knows the scripts and how to run them."""
    sys.path.insert(0, str(ROOT / "hooks"))  # its libraries (hooks/_*.py), as MkDocs does
    spec = importlib.util.spec_from_file_location("figures_hook", ROOT / "hooks" / "figures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kb(path: Path) -> str:
    """Size of a file in KB, for the table."""
    return f"{path.stat().st_size / 1024:.0f} KB"


def main() -> int:
    """Run every figure script once and print the table; exit 1 if an animation is too big."""
    hook = load_figures_hook()
    over_budget, total = [], 0.0
    print(f"{'script':32} {'s':>5}  files (KB)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for script in hook.figure_scripts():
            start = time.perf_counter()
            files = hook.run_script(script, out)
            seconds = time.perf_counter() - start
            total += seconds
            sizes = ", ".join(f"{f.name} {f.stat().st_size / 1024:.0f}" for f in files)
            print(f"{script.name:32} {seconds:5.2f}  {sizes}")
            over_budget += [
                f
                for f in files
                if f.suffix == ".webp"
                and "-still" not in f.name
                and f.stat().st_size > ANIMATION_BUDGET
            ]
        animations = sorted(out.glob("*.webp"))
        moving = [f for f in animations if "-still" not in f.name]
        largest = max(moving, key=lambda f: f.stat().st_size)
        svgs = sorted(out.glob("*.svg"))
        print(f"\nall figure scripts: {total:.1f} s")
        print(
            f"animations: {len(moving)}, largest {largest.name} {kb(largest)}"
            f" (budget {ANIMATION_BUDGET // 1024} KB)"
        )
        biggest_svg = max(svgs, key=lambda f: f.stat().st_size)
        print(f"SVGs: {len(svgs)}, largest {biggest_svg.name} {kb(biggest_svg)}")
    for f in over_budget:
        print(f"OVER BUDGET: {f.name} {kb(f)}")
    return 1 if over_budget else 0


if __name__ == "__main__":
    sys.exit(main())

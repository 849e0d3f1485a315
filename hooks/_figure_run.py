"""Run one figure script (`scripts/fig_*.py`): import it and call its `main(out_dir)`.

A module of its own so that hooks/figures.py can run scripts in worker processes started with
the "spawn" method: a spawned worker imports this module by name and receives only paths.
Forked workers would copy the MkDocs process, whose threads (`mkdocs serve`'s watcher and
server) may hold locks at the moment of the fork; macOS and Windows do not fork at all.
A spawned worker re-imports the main module of the process that started it: a script that calls
`build_figures` must keep its top level under `if __name__ == "__main__":` (mkdocs and pytest do).
"""

from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path


def run_script(script: Path, out_dir: Path) -> list[Path]:
    """Import a figure script and call its `main(out_dir)`; return the files it wrote."""
    if str(script.parent) not in sys.path:  # for the shared `scripts/_*.py` helpers
        sys.path.insert(0, str(script.parent))
    spec = importlib.util.spec_from_file_location(f"_figure_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    previous = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # a new scripts/__pycache__ file would wake `mkdocs serve`
    try:
        spec.loader.exec_module(module)
        return [Path(p) for p in module.main(out_dir)]
    finally:
        sys.dont_write_bytecode = previous


def timed_run(script: Path, out_dir: Path) -> tuple[list[Path] | str, float | None]:
    """`(files written, seconds)`, or `(traceback text, None)` when the script failed."""
    start = time.perf_counter()
    try:
        return run_script(script, out_dir), time.perf_counter() - start
    except BaseException:
        return traceback.format_exc(), None

"""MkDocs hook: run each `scripts/fig_*.py` before the build, skipping those with unchanged inputs.

A figure script's inputs are its own source, the shared `scripts/_*.py` helpers and every gdlib
module; their SHA-256 is kept in `docs/generated/figures/.cache.json` beside the outputs. The hook
runs on `mkdocs build` and `mkdocs serve` alike and prints which figures it rebuilt and which it
took from the cache.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import sys
import time
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


def build_figures(out_dir: Path = OUT_DIR) -> dict[str, str]:
    """Rebuild stale figures into `out_dir`; return `{script name: "rebuilt" | "cached"}`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_file = out_dir / ".cache.json"
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    shared = shared_inputs()
    report = {}
    for script in figure_scripts():
        key = _digest([script, *shared])
        entry = cache.get(script.name, {})
        outputs_exist = all((out_dir / name).exists() for name in entry.get("outputs", []))
        if entry.get("key") == key and entry.get("outputs") and outputs_exist:
            report[script.name] = "cached"
            continue
        start = time.perf_counter()
        written = run_script(script, out_dir)
        cache[script.name] = {"key": key, "outputs": sorted(p.name for p in written)}
        cache_file.write_text(json.dumps(cache, indent=1, sort_keys=True))
        report[script.name] = "rebuilt"
        log.info("figure %s rebuilt in %.1fs", script.name, time.perf_counter() - start)
    cached = [name for name, state in report.items() if state == "cached"]
    if cached:
        log.info("figures cached (inputs unchanged): %s", ", ".join(cached))
    return report


def on_pre_build(config, **kwargs) -> None:
    """MkDocs entry point."""
    build_figures()

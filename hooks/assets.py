"""MkDocs hook: put the npm-installed front-end assets into `docs/generated/` before the build.

KaTeX comes from `js/node_modules/katex` (stylesheet, script and woff2 fonts only); the 3D
explorer is bundled from `js/src/` by esbuild. Both are copied or rebuilt only when their inputs
changed, so a warm rebuild does no work and `mkdocs serve` does not loop.
"""

from __future__ import annotations

import filecmp
import logging
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "js"
GENERATED = ROOT / "docs" / "generated"

log = logging.getLogger("mkdocs.hooks.assets")


def _copy_if_changed(src: Path, dst: Path) -> None:
    if dst.exists() and filecmp.cmp(src, dst, shallow=False):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def copy_katex() -> None:
    """Copy KaTeX's minified CSS and JS and its woff2 fonts."""
    dist = JS / "node_modules" / "katex" / "dist"
    if not dist.exists():
        raise RuntimeError("KaTeX is missing: run `make install` (npm ci in js/) first")
    out = GENERATED / "katex"
    for name in ("katex.min.css", "katex.min.js"):
        _copy_if_changed(dist / name, out / name)
    for font in (dist / "fonts").glob("*.woff2"):
        _copy_if_changed(font, out / "fonts" / font.name)


def bundle_explorer() -> None:
    """Bundle the explorer with esbuild when any of its sources is newer than the bundle."""
    entry = JS / "src" / "main.js"
    out = GENERATED / "explorer"
    marker = out / "main.js"
    sources = [*(JS / "src").rglob("*.js"), JS / "package-lock.json"]
    if marker.exists() and all(s.stat().st_mtime <= marker.stat().st_mtime for s in sources):
        return
    log.info("bundling the 3D explorer with esbuild")
    # Chunk names carry a content hash: drop the previous bundle's so stale chunks never ship.
    for stale in out.glob("*.js"):
        stale.unlink()
    subprocess.run(
        [
            str(JS / "node_modules" / ".bin" / "esbuild"),
            str(entry),
            "--bundle",
            "--format=esm",
            "--splitting",
            "--minify",
            "--target=es2020",
            "--legal-comments=none",
            f"--outdir={out}",
        ],
        check=True,
        cwd=JS,
    )


def on_pre_build(config, **kwargs) -> None:
    """MkDocs entry point."""
    copy_katex()
    bundle_explorer()

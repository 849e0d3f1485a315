"""MkDocs hook: put the npm-installed front-end assets into `docs/generated/` before the build.

KaTeX comes from `js/node_modules/katex` (stylesheet, script and woff2 fonts only); the 3D
explorer is bundled from `js/src/` by esbuild, from two entries: `main.js` (on every page) and
`view-worker.js` (the worker that draws the 3D view), sharing chunks; `main.js` also loads the
live figures' chunks (js/src/widgets/) when a figure nears the viewport. The bundle imports the
JSON module of gdlib's shared data (hooks/_js_data.py), written first. "Your function"
(`custom.js` with its parser, mathjs) is bundled on its own first, as one file named by its
content hash, and the explorer imports it by that name (`__GD_CUSTOM_CHUNK__`) when the reader
chooses it: in the same build, esbuild would move its own runtime helpers and every module the
two share into extra chunks that the explorer's first load fetches too (measured: +2.5 KiB gzip).
Both are copied or rebuilt only when their inputs changed, so a warm rebuild does no work and
`mkdocs serve` does not loop.

On the explorer's page, the finished site preloads the explorer's chunks
(hooks/_explorer_preload.py, run by hooks/_finish.py).

three.js is bundled from a rewritten copy (hooks/_three_trim.py): without the shader chunks no
material of ours compiles, and with its classes in a form esbuild drops when unused.

The work starts in a thread when the configuration is ready (`on_config`), so that esbuild runs
beside the figure workers of hooks/figures.py (a cold build's longest phase), and is waited for
at the end of `on_pre_build`, before MkDocs lists the files.
"""

from __future__ import annotations

import filecmp
import json
import logging
import shutil
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from _js_data import write_js_data
from _three_trim import trimmed_three
from mkdocs.plugins import event_priority

from gd_markdown._cache_key import cache_key
from gd_markdown._katex import KATEX_DIST, SITE_FOLDER

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "js"
GENERATED = ROOT / "docs" / "generated"
BUNDLE_TOOLS = ["npm:esbuild", "npm:three"]

ESBUILD = [
    str(JS / "node_modules" / ".bin" / "esbuild"),
    "--bundle",
    "--format=esm",
    "--minify",
    "--target=es2020",
    "--legal-comments=none",
    "--log-level=warning",
]

log = logging.getLogger("mkdocs.hooks.assets")


def _copy_if_changed(src: Path, dst: Path) -> None:
    if dst.exists() and filecmp.cmp(src, dst, shallow=False):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def copy_katex() -> None:
    """Copy KaTeX's minified CSS and JS and its woff2 fonts."""
    if not KATEX_DIST.exists():
        raise RuntimeError("KaTeX is missing: run `make install` (npm ci in js/) first")
    out = ROOT / "docs" / SITE_FOLDER
    for name in ("katex.min.css", "katex.min.js"):
        _copy_if_changed(KATEX_DIST / name, out / name)
    for font in (KATEX_DIST / "fonts").glob("*.woff2"):
        _copy_if_changed(font, out / "fonts" / font.name)


def bundle_explorer() -> None:
    """Bundle the explorer with esbuild unless a bundle of the same sources and tools is there."""
    entry = JS / "src" / "main.js"
    out = GENERATED / "explorer"
    key_file = out / ".key"  # MkDocs skips dot files: the key never reaches the site
    data = write_js_data()  # gdlib's shared data, the JSON modules js/src imports
    hooks = [Path(__file__), Path(__file__).with_name("_three_trim.py")]
    key = cache_key([*(JS / "src").rglob("*.js"), *data, *hooks], tools=BUNDLE_TOOLS)
    if (out / "main.js").exists() and key_file.exists() and key_file.read_text() == key:
        return
    log.info("bundling the 3D explorer with esbuild")
    # Chunk names carry a content hash: drop the previous bundle's so stale chunks never ship.
    for stale in out.glob("*.js"):
        stale.unlink()
    three = trimmed_three()
    custom = bundle_custom(out)
    subprocess.run(
        [
            *ESBUILD,
            str(entry),
            str(JS / "src" / "view-worker.js"),  # the worker that draws the 3D view
            "--splitting",
            f"--define:__GD_CUSTOM_CHUNK__={json.dumps('./' + custom)}",
            f"--alias:three={three}",
            f"--outdir={out}",
        ],
        check=True,
        cwd=JS,
    )
    key_file.write_text(key)


def bundle_custom(out: Path) -> str:
    """Bundle "Your function" (js/src/custom.js, the parser, mathjs) as one file; its name."""
    meta = out / ".custom-meta.json"
    subprocess.run(
        [
            *ESBUILD,
            str(JS / "src" / "custom.js"),
            "--entry-names=[name]-[hash]",
            f"--metafile={meta}",
            f"--outdir={out}",
        ],
        check=True,
        cwd=JS,
    )
    outputs = json.loads(meta.read_text())["outputs"]
    meta.unlink()
    (name,) = [Path(path).name for path in outputs if path.endswith(".js")]
    return name


def prepare_assets() -> None:
    """Copy KaTeX and bundle the explorer."""
    copy_katex()
    bundle_explorer()


_started: Future | None = None


def on_config(config, **kwargs):
    """MkDocs entry point: start the assets in a thread, beside the figures."""
    global _started
    pool = ThreadPoolExecutor(1)
    _started = pool.submit(prepare_assets)
    pool.shutdown(wait=False)  # the job still runs to its end; on_pre_build waits for it
    return config


@event_priority(-100)  # last: after hooks/figures.py's workers
def on_pre_build(config, **kwargs) -> None:
    """MkDocs entry point: wait for the assets (or make them, when on_config did not run)."""
    global _started
    started, _started = _started, None
    if started is None:
        prepare_assets()
    else:
        started.result()

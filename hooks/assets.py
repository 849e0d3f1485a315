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

three.js ships the GLSL of every built-in material (physical, toon, shadow maps...) as strings
that no bundler can drop. The explorer draws with three materials only (`MATERIAL_SHADERS`), so
the bundle is made from a copy of three's module in which every other shader chunk is replaced
by a one-line `#error` naming it: a material that needs a dropped chunk fails to compile with a
message saying so (a console error the browser tests catch), it never draws wrongly. Importing
a material not listed fails the build.

Why hand-written: no bundler option or three.js build drops unused shader chunks (esbuild keeps
every string it cannot prove dead). Measured with the small orbit controller of js/src/orbit.js
(commit 0639cf9): the explorer's JavaScript went from 150.5 to 128.4 KiB gzip.
"""

from __future__ import annotations

import filecmp
import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

from _cache_key import cache_key
from _js_data import write_js_data
from _katex import KATEX_DIST, SITE_FOLDER

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "js"
GENERATED = ROOT / "docs" / "generated"
THREE_COPY = ROOT / ".cache" / "three"
BUNDLE_TOOLS = ["npm:esbuild", "npm:three"]

# The three.js materials js/src may import, and the ShaderLib programs they compile.
MATERIAL_SHADERS = {
    "MeshBasicMaterial": "meshbasic",
    "LineBasicMaterial": "meshbasic",
    "SpriteMaterial": "sprite",
}
_STRING = r'"(?:[^"\\\n]|\\.)*"'
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


def _materials_used() -> set[str]:
    """Names of three.js materials imported anywhere in js/src."""
    used = set()
    for source in (JS / "src").rglob("*.js"):
        for names in re.findall(r"import\s*\{([^}]*)\}\s*from\s*\"three\"", source.read_text()):
            used |= {n.strip() for n in names.split(",") if n.strip().endswith("Material")}
    return used


def trimmed_three() -> Path:
    """Write three's module with only the shader chunks our materials need; return its path."""
    unknown = _materials_used() - MATERIAL_SHADERS.keys()
    if unknown:
        raise RuntimeError(f"add {sorted(unknown)} to MATERIAL_SHADERS in hooks/assets.py")
    build = JS / "node_modules" / "three" / "build"
    text = (build / "three.module.js").read_text(encoding="utf-8")
    block = re.search(r"^const ShaderChunk = \{(.*?)^\};", text, re.S | re.M)
    chunks = dict(re.findall(r"^\t(\w+): ([\w$]+),?$", block.group(1), re.M))
    definition = re.compile(rf"^(?:var|const) ([\w$]+) = ({_STRING});$", re.M)
    source = {
        m.group(1): m.group(2) for m in definition.finditer(text) if m.group(1) in chunks.values()
    }
    if len(source) != len(chunks):
        raise RuntimeError("three's shader chunks changed form: update trimmed_three()")
    # Roots: our materials' programs, and every chunk three's own code includes or names.
    rest = definition.sub(lambda m: "" if m.group(1) in source else m.group(0), text)
    roots = {
        f"{program}_{part}"
        for program in set(MATERIAL_SHADERS.values())
        for part in ("vert", "frag")
    }
    roots |= set(re.findall(r"#include <(\w+)>", rest)) | set(
        re.findall(r"ShaderChunk\[ '(\w+)' \]", rest)
    )
    keep, todo = set(), sorted(roots)
    while todo:
        name = todo.pop()
        if name not in keep:
            keep.add(name)
            todo += re.findall(r"#include <(\w+)>", source[chunks[name]])
    dropped = {var: name for name, var in chunks.items() if name not in keep}

    def stub(match: re.Match) -> str:
        name = dropped.get(match.group(1))
        if name is None:
            return match.group(0)
        return (
            f'var {match.group(1)} = "#error three.js shader chunk {name} is not in this bundle";'
        )

    trimmed = definition.sub(stub, text)
    THREE_COPY.mkdir(parents=True, exist_ok=True)
    (THREE_COPY / "three.module.js").write_text(trimmed, encoding="utf-8")
    _copy_if_changed(build / "three.core.js", THREE_COPY / "three.core.js")
    return THREE_COPY / "three.module.js"


def bundle_explorer() -> None:
    """Bundle the explorer with esbuild unless a bundle of the same sources and tools is there."""
    entry = JS / "src" / "main.js"
    out = GENERATED / "explorer"
    key_file = out / ".key"  # MkDocs skips dot files: the key never reaches the site
    data = write_js_data()  # gdlib's shared data, imported by js/src/surfaces.js
    key = cache_key([*(JS / "src").rglob("*.js"), data, Path(__file__)], tools=BUNDLE_TOOLS)
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


def on_pre_build(config, **kwargs) -> None:
    """MkDocs entry point."""
    copy_katex()
    bundle_explorer()

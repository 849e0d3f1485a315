"""MkDocs hook: keep the notebook pages (mkdocs-jupyter) fresh, local and light.

- `on_config` keys mkdocs-jupyter's cache of executed notebooks on gdlib, the tools that run
  them, the libraries their cells import (NumPy, PyTorch, Matplotlib) and the code that runs
  them (`_notebook_run`, via `_cache_key`), so a gdlib change, an upgrade or a change of the
  runner re-executes them; stale caches go.
- `on_post_page`, on each finished notebook page: strips the MathJax and mermaid loaders nbconvert
  adds (they point at CDNs), trims the JupyterLab stylesheet nbconvert inlines (`_css_trim`),
  moves the plots nbconvert inlines as base64 into files of their own, loaded lazily, gives each
  plot the description its cell carries in its metadata (`"alt"`; nbconvert's lab template drops
  it and writes a placeholder; a plot without one fails the build), and marks the Markdown
  cells' `$...$` math for hooks/_finish.py (`_dollar_math.mark_dollar_math`), which renders it
  once the site is written.
- The notebooks tell a learner how to install gdlib from the site's repository, whose address
  the build knows only on GitHub Actions (`GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, set in every
  job): there `https://github.com/OWNER/REPO` becomes that address, on the page and in the
  notebook file the page offers for download (`on_post_build`). Elsewhere that offer is left out.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path

from _css_trim import trim_notebook_css
from _dollar_math import mark_dollar_math
from mkdocs.plugins import event_priority

from gd_markdown._cache_key import cache_key

ROOT = Path(__file__).resolve().parent.parent
NB_CACHE = ROOT / ".cache" / "mkdocs-jupyter"
NB_CSS_CACHE = ROOT / ".cache" / "notebook-css"
# What converts and runs the notebooks, and what their cells import: an upgrade re-executes them.
NB_TOOLS = ["mkdocs-jupyter", "nbconvert", "nbclient", "ipykernel", "numpy", "torch", "matplotlib"]

NB_LOADERS = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?cdnjs.*?</script>', re.S),
]
NB_MARKDOWN = re.compile(r'(<div class="[^"]*jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
PLACEHOLDER_REPOSITORY = "https://github.com/OWNER/REPO"
# " (or `pip install "git+<placeholder>"`, the address ...)", in a notebook's JSON or on its page.
UNKNOWN_ADDRESS = re.compile(
    r" \(or(?:\\n|\s)+[^()]*?OWNER/REPO[^()]*?, "
    r"the address of the repository this site is built from\)"
)
GITHUB_NAME = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")
NBCONVERT_NO_ALT = 'alt="No description has been provided for this image"'
NB_CELL_ID = re.compile(r'id="cell-id=([^"]+)"')
NB_DATA_IMAGE = re.compile(r'<img ([^>]*?)src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"([^>]*)>')


def notebook_cache_key() -> str:
    """Key of executed notebooks' outputs: gdlib's sources, the tools and the code that run them."""
    sources = [*sorted((ROOT / "gdlib").rglob("*.py")), ROOT / "hooks" / "_notebook_run.py"]
    return cache_key(sources, tools=NB_TOOLS, length=16)


def on_config(config):
    """Point mkdocs-jupyter's cache at a folder keyed on gdlib; drop the stale ones."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None:
        return config
    cache_dir = NB_CACHE / notebook_cache_key()
    if NB_CACHE.exists():
        for old in NB_CACHE.iterdir():
            if old != cache_dir:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    plugin.config["cache_dir"] = str(cache_dir)
    return config


def repository_address(environ=os.environ) -> str | None:
    """Return the address of the repository built on GitHub Actions, or None elsewhere."""
    name = environ.get("GITHUB_REPOSITORY", "")
    server = environ.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/")
    if not GITHUB_NAME.fullmatch(name) or not server.startswith("https://"):
        return None
    return f"{server}/{name}"


def with_repository_address(text: str, environ=os.environ) -> str:
    """`text` with the placeholder repository address replaced where the real one is known.

    Elsewhere the parenthesis that offers it goes: a command to a made-up address cannot work.
    """
    address = repository_address(environ)
    return (
        text.replace(PLACEHOLDER_REPOSITORY, address) if address else UNKNOWN_ADDRESS.sub("", text)
    )


def extract_images(output: str, folder: Path) -> str:
    """Write each base64 PNG of the page to `folder` (named by its hash); link it, lazily.

    Inlined, a plot weighs a third more than the file and delays the page's first paint.
    """

    def replace(match: re.Match) -> str:
        data = base64.b64decode(match.group(2))
        name = f"output-{hashlib.sha256(data).hexdigest()[:16]}.png"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        return f'<img {match.group(1)}src="{name}" loading="lazy" decoding="async"{match.group(3)}>'

    return NB_DATA_IMAGE.sub(replace, output)


def with_alt_texts(output: str, notebook: Path) -> str:
    """Give the plot in each cell's output the cell's `metadata.alt`; refuse a plot without one.

    nbconvert marks each cell's HTML with its id (`id="cell-id=..."`), so each description goes
    to its own cell's plot: a cell with a description and no plot, a plot without one, or two
    plots in one cell fail the build, naming the notebook and the cell.
    """
    cells = {cell.get("id"): cell for cell in json.loads(notebook.read_text("utf-8"))["cells"]}
    marks = list(NB_CELL_ID.finditer(output))
    before_cells = output[: marks[0].start()] if marks else output
    if NBCONVERT_NO_ALT in before_cells:
        raise ValueError(f"{notebook.name}: a plot outside the notebook's cells has no description")
    pieces = [before_cells]
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        piece = output[mark.start() : after.start() if after else len(output)]
        alt = cells.get(mark.group(1), {}).get("metadata", {}).get("alt")
        plots = piece.count(NBCONVERT_NO_ALT)
        where = f"{notebook.name}, cell {mark.group(1)}"
        if alt is not None and not isinstance(alt, str):
            raise ValueError(f"{where}: metadata.alt must be text, got {type(alt).__name__}")
        if plots != (alt is not None):
            wanted = "one plot for its metadata.alt" if alt else "a metadata.alt for its plot"
            raise ValueError(f"{where}: {plots} plots without a description; give it {wanted}")
        pieces.append(piece.replace(NBCONVERT_NO_ALT, f'alt="{html.escape(alt or "")}"'))
    return "".join(pieces)


@event_priority(-50)  # after the plugins' post_page (mkdocs-jupyter's)
def on_post_page(output: str, page, config) -> str:
    """Notebook pages: no CDN loaders, JupyterLab's CSS trimmed, plots in files, `$...$` math."""
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    for loader in NB_LOADERS:
        output = loader.sub("", output)
    output = trim_notebook_css(output, NB_CSS_CACHE)
    folder = Path(config["site_dir"]) / Path(page.file.dest_uri).parent
    output = extract_images(output, folder)
    output = with_alt_texts(output, Path(page.file.abs_src_path))
    output = with_repository_address(output)
    return NB_MARKDOWN.sub(lambda m: m.group(1) + mark_dollar_math(m.group(2)) + m.group(3), output)


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config) -> None:
    """Name the repository in the downloadable notebooks and the search index, as the pages do.

    The search plugin reads each page before `on_post_page` rewrites it.
    """
    site = Path(config["site_dir"])
    for written in [*sorted(site.rglob("*.ipynb")), site / "search" / "search_index.json"]:
        text = written.read_text(encoding="utf-8") if written.is_file() else ""
        named = with_repository_address(text)
        if named != text:
            written.write_text(named, encoding="utf-8")

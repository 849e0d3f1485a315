"""Execute the notebook pages ahead of MkDocs, in the figure workers, into mkdocs-jupyter's cache.

mkdocs-jupyter executes a notebook when it renders the page: after every figure, one notebook at
a time, with one of the two cores idle. `pending_notebooks` lists the notebooks whose executed
page is not in mkdocs-jupyter's cache; `execute_notebook` writes the cache file that the page then
reads, as mkdocs-jupyter's `on_pre_page` does on a cache miss (`nb2html` with the plugin's
options, then the table of contents), with three differences:
- It runs the kernel itself (nbclient, in the notebook's folder, as nbconvert does) and then
  merges each run of consecutive stdout (or stderr) outputs into one, with nbconvert's own
  CoalesceStreamsPreprocessor. The kernel sends what a cell prints in pieces whenever the cell
  pauses for 0.2 s, so on a busy machine one cell's lines came out as two blocks and two builds
  differed. (A user's nbconvert configuration, which mkdocs-jupyter's converter reads, does not
  reach this kernel; the site has none.)
- It loads Matplotlib's font cache first, so that a fresh machine's "building the font cache"
  warning is not printed into a page.
- The kernel process's own log goes to a file, shown only when the notebook fails.
hooks/figures.py runs these jobs in its worker pool beside the figure scripts. This module and
mkdocs-jupyter's version key the cache (hooks/notebooks.py), and tests/site/test_figures.py
checks that a prepared notebook page is a cache hit.
"""

from __future__ import annotations

import json
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path, PurePath

# The plugin options that mkdocs-jupyter's `on_pre_page` passes to `nb2html` (and keys on).
NB2HTML_OPTIONS = (
    "kernel_name",
    "theme",
    "allow_errors",
    "show_input",
    "no_input",
    "no_prompt",
    "remove_tag_config",
    "highlight_extra_classes",
    "include_requirejs",
    "custom_mathjax_url",
)


@dataclass(frozen=True)
class NotebookJob:
    """One notebook to execute: its path, the cache file to write and nb2html's options."""

    path: str
    cache_path: str
    options: dict
    toc_depth: int

    @property
    def name(self) -> str:
        """The notebook's file name, for the log."""
        return Path(self.path).name


def _matches(path: Path, patterns) -> bool:
    return any(PurePath(path).match(pattern) for pattern in patterns)


def pending_notebooks(config) -> list[NotebookJob]:
    """Notebooks that mkdocs-jupyter would execute now: included, executed, not in its cache."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None or not (plugin.config["execute"] and plugin.config["cache"]):
        return []
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    options = {key: plugin.config[key] for key in NB2HTML_OPTIONS}
    jobs = []
    for path in sorted(Path(config["docs_dir"]).rglob("*.ipynb")):
        skipped = plugin.config["ignore"] + plugin.config["execute_ignore"]
        if not _matches(path, plugin.config["include"]) or _matches(path, skipped):
            continue
        key = _compute_cache_key(str(path), plugin.config, True)
        cache_path = _get_cache_path(plugin.config["cache_dir"], key)
        if not cache_path.exists():
            jobs.append(
                NotebookJob(str(path), str(cache_path), options, plugin.config["toc_depth"])
            )
    return jobs


def executed_copy(job: NotebookJob, folder: Path) -> Path:
    """Run the notebook in its own folder into `folder`, consecutive printed pieces merged."""
    import matplotlib.font_manager  # noqa: F401  (builds the font cache if the machine has none)
    import nbformat
    from nbclient import NotebookClient
    from nbconvert.preprocessors import CoalesceStreamsPreprocessor

    source = Path(job.path)
    notebook = nbformat.read(source, as_version=4)
    client = NotebookClient(
        notebook,
        kernel_name=job.options["kernel_name"],
        allow_errors=job.options["allow_errors"],
        store_widget_state=True,  # as mkdocs-jupyter configures nbconvert's ExecutePreprocessor
        resources={"metadata": {"path": str(source.parent)}},
    )
    # The kernel process's own log goes to a file, shown only if the run fails: at shutdown
    # ipykernel can log "ERROR:tornado.general: ... Socket operation on non-socket" (a race
    # after every cell ran), which reached the build's log as an error of the build.
    with tempfile.TemporaryFile("w+") as kernel_log:
        try:
            client.execute(stderr=kernel_log)
        except Exception as error:
            kernel_log.seek(0)
            raise RuntimeError(
                f"{source.name} failed; its kernel logged:\n{kernel_log.read()}"
            ) from error
    # Consecutive pieces only: nbclient's own coalesce_streams would also move a print made after
    # a plot above it.
    CoalesceStreamsPreprocessor().preprocess(notebook, {})
    executed = folder / source.name
    nbformat.write(notebook, executed)
    return executed


def execute_notebook(job: NotebookJob) -> Path:
    """Execute and convert one notebook as mkdocs-jupyter does; write its cache file."""
    from mkdocs_jupyter import convert
    from mkdocs_jupyter.plugin import _get_nb_toc_tokens

    with tempfile.TemporaryDirectory() as folder:
        executed = executed_copy(job, Path(folder))
        body = convert.nb2html(str(executed), execute=False, **job.options)
    toc_tokens, title = _get_nb_toc_tokens(job.path, job.toc_depth)
    cache_path = Path(job.cache_path)
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    cached = {"content": body, "toc_tokens": toc_tokens, "title": title}
    cache_path.write_text(json.dumps(cached), encoding="utf-8")
    return cache_path


def timed_execute(job: NotebookJob) -> tuple[list[Path] | str, float | None]:
    """`([cache file], seconds)`, or `(traceback text, None)` when the notebook failed."""
    start = time.perf_counter()
    try:
        return [execute_notebook(job)], time.perf_counter() - start
    except BaseException:
        return traceback.format_exc(), None

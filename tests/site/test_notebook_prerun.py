"""Notebooks executed ahead of the pages (hooks/_notebook_run.py) are what mkdocs-jupyter reads.

The figures hook executes the notebooks that mkdocs-jupyter would execute, in its worker pool, and
writes them into mkdocs-jupyter's cache. Here a one-cell notebook goes through that path with the
site's own plugin configuration; the page mkdocs-jupyter then renders must come from the cache
(its converter is made to fail), show the cell's output, and nothing must be pending any more.
The first cell pauses between its prints for longer than the kernel's 0.2 s flush: its lines must
still be one block, or a busy machine's build differs from a quiet one's. The second prints on
both sides of a displayed value, which must stay between them.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from _notebook_run import execute_notebook, pending_notebooks
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
PAUSING_CELL = """import os, time
print(6 * 7)
time.sleep(0.5)
print("ran in", os.path.basename(os.getcwd()))"""
# Text printed on either side of another output stays on its side.
INTERLEAVED_CELL = """from IPython.display import display
print("before the display")
display(6 * 7 + 1000)
print("after the display")"""


@pytest.fixture
def site(tmp_path):
    """The site's configuration, its docs in `tmp_path/docs` (one notebook), cache in tmp."""
    docs = tmp_path / "docs"
    (docs / "code").mkdir(parents=True)
    cells = [nbformat.v4.new_code_cell(PAUSING_CELL), nbformat.v4.new_code_cell(INTERLEAVED_CELL)]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(notebook, docs / "code" / "tiny.ipynb")
    (docs / "code" / "notes.md").write_text("# Not a notebook\n")
    config = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "s"))
    plugin = config.plugins["mkdocs-jupyter"]
    plugin.config["cache_dir"] = str(tmp_path / "nb-cache")
    return config, plugin, docs


def test_a_pending_notebook_becomes_a_cache_hit_with_its_output(site, monkeypatch):
    config, plugin, docs = site
    jobs = pending_notebooks(config)
    assert [job.name for job in jobs] == ["tiny.ipynb"], "the Markdown file is not a notebook"
    execute_notebook(jobs[0])
    assert pending_notebooks(config) == []

    import mkdocs_jupyter.convert

    def no_conversion(*args, **kwargs):
        raise AssertionError("mkdocs-jupyter converted the notebook again: no cache hit")

    monkeypatch.setattr(mkdocs_jupyter.convert, "nb2html", no_conversion)
    file = File("code/tiny.ipynb", str(docs), config["site_dir"], use_directory_urls=True)
    files = Files(plugin.on_files(Files([file]), config))
    page = Page(None, files.documentation_pages()[0], config)
    plugin.on_pre_build(config)
    plugin.on_pre_page(page, config, files)
    page.render(config, files)
    assert "print" in page.content, "the cell's source is shown"
    assert "<pre>42\nran in code\n</pre>" in page.content, "one block, run in the notebook's folder"
    order = [page.content.rindex(s) for s in ("before the display", "1042", "after the display")]
    assert order == sorted(order), "prints merged across another output (last hits: the outputs)"


def test_nothing_is_pending_when_the_plugin_does_not_execute(site):
    config, plugin, _ = site
    plugin.config["execute"] = False
    assert pending_notebooks(config) == []


def test_the_kernels_log_stays_out_of_the_build_unless_the_notebook_fails(site, capfd):
    # ipykernel's shutdown race printed "ERROR:tornado.general: ..." into a clean-clone build's log.
    config, _, docs = site
    execute_notebook(pending_notebooks(config)[0])
    assert "IPKernelApp" not in capfd.readouterr().err, "the kernel's own log reached the build"
    broken = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("raise ValueError('boom')")])
    broken.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(broken, docs / "code" / "broken.ipynb")
    job = next(job for job in pending_notebooks(config) if job.name == "broken.ipynb")
    with pytest.raises(RuntimeError, match=r"broken\.ipynb failed; its kernel logged") as error:
        execute_notebook(job)
    assert "boom" in str(error.value.__cause__), "the cell's error is kept as the cause"

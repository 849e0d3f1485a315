"""Notebooks as a learner downloads them: a visible link on each page; they run without gdlib.

gdlib is not on PyPI (``pip install gdlib`` installs an unrelated package), so a downloaded
notebook must run on NumPy, Matplotlib and PyTorch alone, its gdlib cross-checks skipping with a
note. The test takes the copy that the built site serves (what the download link fetches), puts
it in a temporary folder outside the repository and executes it with nbclient in a subprocess
whose Python cannot import gdlib: ``PYTHONPATH`` points at a folder holding only a
``sitecustomize.py`` that puts a finder refusing ``gdlib`` first on ``sys.meta_path``. That
finder runs before the editable install's own finder in that process and in the kernel it starts
(which inherits the environment), while NumPy, Matplotlib and torch import as usual. A control
checks that ``import gdlib`` really fails under that environment.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ["numpy", "pytorch"]
SKIP_NOTE = "gdlib is not installed, so this cross-check is skipped"

BLOCKER = '''
import importlib.abc
import sys


class _NoGdlib(importlib.abc.MetaPathFinder):
    """Behave as a Python where gdlib was never installed."""

    def find_spec(self, name, path=None, target=None):
        if name == "gdlib" or name.startswith("gdlib."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


sys.meta_path.insert(0, _NoGdlib())
'''

RUNNER = """
import sys
import nbformat
from nbclient import NotebookClient

source, target = sys.argv[1], sys.argv[2]
nb = nbformat.read(source, as_version=4)
resources = {"metadata": {"path": "."}}
client = NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources)
client.execute()
nbformat.write(nb, target)
"""


@pytest.fixture(scope="module")
def no_gdlib_env(tmp_path_factory) -> dict:
    """Environment of a Python that has the project's packages but cannot import gdlib."""
    shim = tmp_path_factory.mktemp("no-gdlib-shim")
    (shim / "sitecustomize.py").write_text(textwrap.dedent(BLOCKER))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "JUPYTER"))}
    env.update(PYTHONPATH=str(shim), PYTHONNOUSERSITE="1", MPLBACKEND="Agg")
    return env


def test_the_shim_really_hides_gdlib(no_gdlib_env, tmp_path):
    probe = (
        "import numpy, matplotlib, torch\ntry:\n import gdlib\nexcept ImportError:\n print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env=no_gdlib_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "ok", result.stderr
    visible = subprocess.run([sys.executable, "-c", "import gdlib"], cwd=tmp_path)
    assert visible.returncode == 0  # without the shim this Python does have gdlib


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_page_links_its_download(built_site, name):
    page = (built_site.root / "code" / name / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a\b[^>]*href="([^"]+\.ipynb)"[^>]*>(.*?)</a>', page, re.S)
    assert links, f"the {name} page has no link to a notebook file"
    href, text = links[0]
    assert "download" in html.unescape(re.sub(r"<[^>]+>", "", text)).lower()
    # The site is built under a sub-path: the relative link must resolve inside the build.
    served = (built_site.root / "code" / name / href).resolve()
    assert served == built_site.root / "code" / name / f"{name}.ipynb"
    assert json.loads(served.read_text()) == json.loads(
        (ROOT / "docs" / "code" / f"{name}.ipynb").read_text()
    )


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_downloaded_notebook_runs_without_gdlib(built_site, no_gdlib_env, tmp_path, name):
    downloaded = tmp_path / f"{name}.ipynb"
    downloaded.write_bytes((built_site.root / "code" / name / f"{name}.ipynb").read_bytes())
    assert ROOT not in downloaded.parents
    executed = tmp_path / "executed.ipynb"
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(downloaded), str(executed)],
        env=no_gdlib_env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"{name}.ipynb failed without gdlib:\n{result.stderr[-3000:]}"
    cells = [c for c in json.loads(executed.read_text())["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in cells), "a code cell did not run"
    outputs = [o for c in cells for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    printed = "".join("".join(o.get("text", "")) for o in outputs if o["output_type"] == "stream")
    assert SKIP_NOTE in printed
    assert "gdlib theta" not in printed and "gdlib  (bias" not in printed


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_clicking_the_link_downloads_the_notebook(browser, site_url, tmp_path, name):
    # Material's instant navigation must not swallow the click: the browser saves the file.
    context = browser.new_context(accept_downloads=True)
    try:
        page = context.new_page()
        page.goto(f"{site_url}code/{name}/", wait_until="networkidle")
        link = page.locator(f'a[href$="/{name}.ipynb"], a[href="{name}.ipynb"]').first
        assert link.is_visible()
        with page.expect_download(timeout=15000) as info:
            link.click()
        download = info.value
        assert download.suggested_filename == f"{name}.ipynb"
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        assert json.loads(saved.read_text())["cells"], "the download is not the notebook"
    finally:
        context.close()

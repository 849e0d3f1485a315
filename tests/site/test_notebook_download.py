"""Notebooks as a learner downloads them: a visible link on each page; they run without gdlib.

gdlib is not on PyPI (``pip install gdlib`` installs an unrelated package), so a downloaded
notebook must run on NumPy, Matplotlib and PyTorch alone, its gdlib cross-checks skipping with a
note. The test takes the copy that the built site serves (what the download link fetches), puts
it in a temporary folder outside the repository and executes it with nbclient in another Python
environment: a virtual environment made for the test, whose site-packages holds one ``.pth``
line naming the project environment's site-packages. Python adds that folder to the path but
reads no ``.pth`` file inside it, so the editable install of gdlib (a ``.pth`` file and its
finder) is not there, while NumPy, Matplotlib, torch and Jupyter's kernel import as installed,
with no second copy of torch. The kernel nbclient starts runs on that environment's Python. A
control checks that ``import gdlib`` really fails there, and works in the project's Python.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from hook_loader import load_hook

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ["numpy", "pytorch"]
SKIP_NOTE = "gdlib is not installed, so this cross-check is skipped"

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
def no_gdlib(tmp_path_factory) -> tuple[str, dict]:
    """A Python without gdlib that has the project's other packages, and its environment."""
    home = tmp_path_factory.mktemp("learner-venv")
    venv.EnvBuilder(with_pip=False, symlinks=True).create(home)
    python = home / "bin" / "python"
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    (Path(site) / "project-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "JUPYTER"))}
    env.update(PYTHONNOUSERSITE="1", MPLBACKEND="Agg", PATH=f"{home / 'bin'}:{env['PATH']}")
    return str(python), env


def test_the_learner_environment_has_no_gdlib(no_gdlib, tmp_path):
    python, env = no_gdlib
    probe = (
        "import sys, numpy, matplotlib, torch, ipykernel\n"
        "try:\n import gdlib\nexcept ImportError:\n print('ok', sys.prefix)"
    )
    result = subprocess.run(
        [python, "-c", probe], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert result.stdout.split() == ["ok", str(Path(python).parent.parent)], result.stderr
    visible = subprocess.run([sys.executable, "-c", "import gdlib"], cwd=tmp_path)
    assert visible.returncode == 0  # the project's own Python does have gdlib


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
    source = (ROOT / "docs" / "code" / f"{name}.ipynb").read_text(encoding="utf-8")
    # On GitHub Actions the copy names the repository (see the tests at the end).
    expected = load_hook("notebooks").with_repository_address(source)
    assert json.loads(served.read_text(encoding="utf-8")) == json.loads(expected)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_downloaded_notebook_runs_without_gdlib(built_site, no_gdlib, tmp_path, name):
    python, env = no_gdlib
    downloaded = tmp_path / f"{name}.ipynb"
    downloaded.write_bytes((built_site.root / "code" / name / f"{name}.ipynb").read_bytes())
    assert ROOT not in downloaded.parents
    executed = tmp_path / "executed.ipynb"
    result = subprocess.run(
        [python, "-c", RUNNER, str(downloaded), str(executed)],
        env=env,
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


def test_notebooks_name_the_repository_they_are_built_from_on_github_actions(tmp_path):
    notebooks = load_hook("notebooks")
    actions = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "ann/gd-site"}
    text = (ROOT / "docs" / "code" / "numpy.ipynb").read_text(encoding="utf-8")
    assert notebooks.PLACEHOLDER_REPOSITORY in text
    named = notebooks.with_repository_address(text, actions)
    assert "https://github.com/ann/gd-site" in named and "OWNER/REPO" not in named
    assert json.loads(named)["cells"]  # still a notebook
    # Outside GitHub Actions, or with a name that is not owner/repo, no made-up address is offered.
    bad = {**actions, "GITHUB_REPOSITORY": "ann/gd site<script>"}
    for environ in ({}, bad):
        unnamed = notebooks.with_repository_address(text, environ)
        assert "OWNER/REPO" not in unnamed and "pip install -e ." in unnamed
        assert "from its folder." in unnamed and json.loads(unnamed)["cells"]
    page = 'from its folder (or\n<code>pip install "git+https://github.com/OWNER/REPO"</code>, '
    page += "the address of the repository this site is built from).</p>"
    assert notebooks.with_repository_address(page, {}) == "from its folder.</p>"


PLACEHOLDER = "https://github.com/OWNER/REPO"


def test_the_downloadable_copy_is_rewritten_after_the_build(tmp_path, monkeypatch):
    notebooks = load_hook("notebooks")
    served = tmp_path / "code" / "numpy" / "numpy.ipynb"
    served.parent.mkdir(parents=True)
    served.write_bytes((ROOT / "docs" / "code" / "numpy.ipynb").read_bytes())
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "ann/gd-site")
    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    index.write_text(json.dumps({"docs": [{"text": f"(or {PLACEHOLDER})"}]}), encoding="utf-8")
    notebooks.on_post_build({"site_dir": str(tmp_path)})
    assert "git+https://github.com/ann/gd-site" in served.read_text(encoding="utf-8")
    assert "https://github.com/ann/gd-site" in index.read_text(encoding="utf-8")


def test_the_search_index_offers_no_made_up_address(built_site):
    index = (built_site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "pip install -e ." in index and "OWNER/REPO" not in index

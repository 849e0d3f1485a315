"""Build the site with Zensical, Material's successor, as `make zensical` does, for the tests.

The figures and assets made first (hooks/_prepare.py; after the session's MkDocs build they are
all cached), then `zensical build` of the same mkdocs.yml, then the finishing step
(hooks/_finish.py) on the site it wrote. Zensical keeps its cache beside the config and wants
docs_dir (links resolved) inside that folder: a copy of the project's pages (18 MB) keeps both
out of the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(command: list[str], cwd: Path, env: dict | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}:\n{done.stdout}{done.stderr}"
    return done.stdout


def build_zensical(work: Path, site_dir: Path, site_url: str) -> Path:
    """Prepare, build into `site_dir` (for `site_url`) and finish; return `site_dir`."""
    prepared = _run([sys.executable, str(ROOT / "hooks" / "_prepare.py")], ROOT)
    assert "0 rebuilt" in prepared, prepared  # the session's MkDocs build made every figure
    for name in ("docs", "overrides", "includes"):
        shutil.copytree(ROOT / name, work / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (work / "mkdocs.yml").write_text(f"{config}\nsite_dir: {site_dir}\n", encoding="utf-8")
    env = {**os.environ, "SITE_URL": site_url}
    _run([sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"], work, env)
    _run([sys.executable, str(ROOT / "hooks" / "_finish.py"), str(site_dir)], work)
    return site_dir

"""One cache-key helper for the whole build, and every cache of the build uses it.

A key must change with any input file, with the lock files and with the version of a tool that
makes the output; it must not change with a file's modification time or the checkout's place.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from gd_markdown import _cache_key
from gd_markdown._cache_key import cache_key

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"


def test_key_follows_file_bytes_not_times(tmp_path):
    source = tmp_path / "a.py"
    source.write_text("x = 1\n")
    key = cache_key([source], tools=["markdown"])
    os.utime(source, (0, 0))
    assert cache_key([source], tools=["markdown"]) == key
    source.write_text("x = 2\n")
    assert cache_key([source], tools=["markdown"]) != key


def test_key_follows_the_lock_files(tmp_path, monkeypatch):
    lock = tmp_path / "requirements.lock"
    lock.write_text("matplotlib==3.9.0\n")
    monkeypatch.setattr(_cache_key, "LOCK_FILES", (lock,))
    key = cache_key(texts=["page"], tools=["markdown"])
    lock.write_text("matplotlib==3.9.1\n")
    assert cache_key(texts=["page"], tools=["markdown"]) != key


def test_key_follows_tool_versions(monkeypatch):
    key = cache_key(texts=["page"], tools=["markdown"])
    _cache_key._versions.cache_clear()
    monkeypatch.setattr(_cache_key, "tool_version", lambda tool: "0.0-other")
    try:
        assert cache_key(texts=["page"], tools=["markdown"]) != key
    finally:
        _cache_key._versions.cache_clear()


def test_npm_tools_are_read_from_node_modules():
    assert re.fullmatch(r"\d+\.\d+\.\d+", _cache_key.tool_version("npm:katex"))
    with pytest.raises(RuntimeError, match="npm:no-such-package"):
        _cache_key.tool_version("npm:no-such-package")


def test_every_cache_of_the_build_uses_the_helper():
    files = [*HOOKS.glob("*.py"), *(ROOT / "gd_markdown").glob("*.py")]
    sources = {p.name: p.read_text() for p in files}
    for name, text in sources.items():
        assert "st_mtime" not in text, f"{name} keys something on modification times"
        # notebooks.py names plot files and _stylesheets.py the cut sheets by their content's
        # hash, and _csp.py puts each inline script's SHA-256 into the page's policy: none of
        # these is a cache key.
        if name not in ("_cache_key.py", "notebooks.py", "_csp.py", "_stylesheets.py"):
            assert "hashlib" not in text, f"{name} hashes inputs itself"
    users = {name for name, text in sources.items() if "cache_key(" in text}
    expected = {
        "figures.py",
        "notebooks.py",
        "_css_trim.py",
        "_katex.py",
        "_fonts.py",
        "assets.py",
        "_stylesheets.py",
    }
    assert expected <= users


def test_the_notebook_cache_key_names_every_library_the_notebooks_import():
    """An upgrade of NumPy, PyTorch or Matplotlib must re-execute the notebooks: their outputs
    are what those libraries computed."""
    import json
    import sys
    from importlib.metadata import packages_distributions

    from hook_loader import load_hook

    tools = set(load_hook("notebooks").NB_TOOLS)
    distributions = packages_distributions()
    imported = set()
    for notebook in (ROOT / "docs" / "code").glob("*.ipynb"):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                source = "".join(cell["source"])
                imported |= set(re.findall(r"^\s*(?:from|import) (\w+)", source, re.M))
    third_party = imported - set(sys.stdlib_module_names) - {"gdlib"}
    assert third_party >= {"numpy", "torch", "matplotlib"}, third_party
    for module in third_party:
        assert set(distributions[module]) & tools, f"{module} is not in the notebooks' cache key"

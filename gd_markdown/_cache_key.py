"""The one way the build keys a cache: the inputs' bytes and the versions of the tools using them.

Every cache of the build (figures, notebook outputs, trimmed notebook CSS, rendered formulas, cut
fonts, the explorer bundle) asks `cache_key` for its key. A key always covers the two lock
files (`requirements.lock`, `js/package-lock.json`) and the installed version of each tool the
cache names, so upgrading matplotlib, KaTeX or fontTools can never reuse an output made by the
old version, even when the installed version differs from the lock. Files are keyed by their
path inside the repository and their bytes (never their modification times), so a copy of the
checkout keys the same.

>>> cache_key(texts=["x"], tools=["markdown"]) == cache_key(texts=["x"], tools=["markdown"])
True
>>> cache_key(texts=["x"], tools=["markdown"]) == cache_key(texts=["y"], tools=["markdown"])
False
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cache
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK_FILES = (ROOT / "requirements.lock", ROOT / "js" / "package-lock.json")
NODE_MODULES = ROOT / "js" / "node_modules"


def tool_version(tool: str) -> str:
    """Installed version of a Python distribution, or of an npm package named `npm:NAME`."""
    if tool.startswith("npm:"):
        package = NODE_MODULES / tool.removeprefix("npm:") / "package.json"
        if not package.exists():
            raise RuntimeError(f"{tool} is not installed: run `make install` first")
        return json.loads(package.read_text(encoding="utf-8"))["version"]
    return version(tool)


@cache
def _versions(tools: tuple[str, ...]) -> str:
    # Read once per process: a `mkdocs serve` picks up upgraded tools when restarted.
    return "|".join(f"{tool}=={tool_version(tool)}" for tool in tools)


def _repo_name(path: Path) -> str:
    # Outside the checkout (a copy of scripts/ in a test), folder and name: it keys the same.
    path = Path(path).resolve()
    if path.is_relative_to(ROOT):
        return path.relative_to(ROOT).as_posix()
    return f"{path.parent.name}/{path.name}"


def file_digest(path: Path) -> str | None:
    """Return the SHA-256 of a file's bytes, or None when it is missing.

    A cache checks its outputs with this: what it wrote, byte for byte, not merely that they exist.
    """
    path = Path(path)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def cache_key(
    files: Iterable[Path] = (),
    *,
    texts: Iterable[str | bytes] = (),
    tools: Iterable[str],
    length: int = 24,
) -> str:
    """Hex key over `files` (path and bytes), `texts`, the lock files and the `tools`' versions.

    Args:
        files: input files; their order does not matter.
        texts: other inputs (a page's HTML, options), in an order that matters.
        tools: what turns the inputs into the output: Python distribution names
            (`"matplotlib"`) or npm packages (`"npm:katex"`).
        length: how many hex digits to return.

    """
    sha = hashlib.sha256()
    for lock in LOCK_FILES:
        sha.update(hashlib.sha256(lock.read_bytes() if lock.exists() else b"").digest())
    sha.update(_versions(tuple(sorted(tools))).encode())
    for name, path in sorted((_repo_name(p), p) for p in files):
        sha.update(name.encode() + b"\0")
        sha.update(hashlib.sha256(Path(path).read_bytes()).digest())
    for text in texts:
        data = text.encode() if isinstance(text, str) else text
        sha.update(len(data).to_bytes(8, "big") + data)
    return sha.hexdigest()[:length]

"""Run an ES module script in Node with a JSON payload on stdin and read its JSON output.

The agreement tests (JS ports against gdlib) all talk to Node this way.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest


def run_node(script: str, payload: object, needed_by: str, *flags: str) -> object:
    """Run `script` as an ES module with `payload` as JSON on stdin; return its parsed stdout."""
    node = shutil.which("node")
    if node is None:
        pytest.fail(f"node is not installed: {needed_by} need Node.js >= 18")
    result = subprocess.run(
        [node, "--input-type=module", *flags, "-e", script],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)

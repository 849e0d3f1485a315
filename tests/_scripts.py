"""Load a build script of scripts/ as a module, for tests that check what it computes.

The scripts import their helpers (`_figure`, `_explorer_link`, ...) as top-level modules, as they
do when the figures hook runs them, so scripts/ is on the path while one loads.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def load_script(name: str):
    """Import scripts/`name`.py under its own name and return the module."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(SCRIPTS))

"""Import the MkDocs hooks in `hooks/` (a folder of scripts, not a package) for testing.

The hooks' shared libraries (`hooks/_*.py`) import by name (`import _css_trim`): hooks/ is on
`sys.path`, as pyproject's pytest settings and MkDocs (while loading a hook) put it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "hooks"


def load_hook(name: str):
    """Return a fresh module object for `hooks/<name>.py`, registered as `hook_<name>`."""
    spec = importlib.util.spec_from_file_location(f"hook_{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module

"""The package itself: public names, pure-NumPy imports, silence, documented modules.

Module size (200 lines) is checked for every source folder in tests/test_module_size.py.
"""

import ast
import subprocess
import sys
from pathlib import Path

import numpy as np

import gdlib

PACKAGE = Path(gdlib.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def test_public_names_resolve():
    for name in gdlib.__all__:
        assert getattr(gdlib, name) is not None


def test_importing_gdlib_loads_neither_torch_nor_matplotlib():
    code = "import sys, gdlib; print(sorted({'torch', 'matplotlib'} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_runs_print_nothing(capsys):
    gdlib.descend("bowl", (2.0, 2.0), lr=1.5)
    X, y, _ = gdlib.make_regression(50, 3)
    gdlib.fit_linear(X, y, batch_size=7, epochs=2)
    gdlib.fit_linear(X, y, lr=100.0, epochs=2)
    assert capsys.readouterr() == ("", "")


def test_modules_are_documented_and_never_print():
    assert len(MODULES) >= 8
    for path in MODULES:
        source = path.read_text()
        tree = ast.parse(source)
        assert ast.get_docstring(tree), f"{path.name} has no module docstring"
        calls = {
            node.func.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert "print" not in calls, f"{path.name} prints"
        assert "matplotlib" not in source


def own_docstring(obj) -> str:
    """The docstring written for obj, or "" (classes get a generated signature otherwise)."""
    doc = (obj.__doc__ or "").strip()
    generated = isinstance(obj, type) and doc.startswith(f"{obj.__name__}(")
    return "" if generated else doc


def test_public_callables_have_a_written_docstring_and_functions_a_doctest():
    callables = [name for name in gdlib.__all__ if callable(getattr(gdlib, name))]
    assert len(callables) >= 15
    for name in callables:
        obj = getattr(gdlib, name)
        doc = own_docstring(obj)
        summary = doc.splitlines()[0] if doc else ""
        assert summary.endswith("."), f"{name} has no docstring with a one-line summary"
        if not isinstance(obj, type):
            assert ">>>" in doc, f"{name} has no doctest"


def test_the_docstring_check_can_fail():
    from typing import NamedTuple

    class Bare(NamedTuple):
        x: int

    def bare() -> None:
        pass

    assert own_docstring(Bare) == "" and own_docstring(bare) == ""


def test_arrays_are_float64():
    run = gdlib.descend("camel", (-1.5, -0.8), max_iter=5)
    assert run.positions.dtype == run.values.dtype == run.gradients.dtype == np.float64

"""The package itself: public names, pure-NumPy imports, silence, small documented modules."""

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


def test_modules_are_small_documented_and_never_print():
    assert len(MODULES) >= 8
    for path in MODULES:
        source = path.read_text()
        tree = ast.parse(source)
        assert ast.get_docstring(tree), f"{path.name} has no module docstring"
        assert len(source.splitlines()) <= 200, f"{path.name} is longer than 200 lines"
        calls = {
            node.func.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        }
        assert "print" not in calls, f"{path.name} prints"
        assert "matplotlib" not in source


def test_public_functions_have_doctests():
    for name in gdlib.__all__:
        obj = getattr(gdlib, name)
        if callable(obj) and not isinstance(obj, type) and hasattr(obj, "__doc__"):
            assert ">>>" in (obj.__doc__ or ""), f"{name} has no doctest"


def test_arrays_are_float64():
    run = gdlib.descend("camel", (-1.5, -0.8), max_iter=5)
    assert run.positions.dtype == run.values.dtype == run.gradients.dtype == np.float64

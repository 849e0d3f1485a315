"""The package itself: public names, pure-NumPy imports, silence, documented modules and names.

Module size (200 lines) is checked for every source folder in tests/test_module_size.py.
"""

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import gdlib

PACKAGE = Path(gdlib.__file__).parent
MODULES = sorted(PACKAGE.rglob("*.py"))
# gdlib and its public modules, each with its `__all__`: gdlib's public names.
PUBLIC_MODULES = ["gdlib"] + [
    f"gdlib.{m.name}" for m in pkgutil.iter_modules(gdlib.__path__) if not m.name.startswith("_")
]


def public_objects() -> dict[str, object]:
    """Each public function and class once, by the dotted name of a module that exports it."""
    found: dict[int, tuple[str, object]] = {}
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            obj = getattr(module, attr)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                found.setdefault(id(obj), (f"{name}.{attr}", obj))
    return dict(found.values())


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


def missing_sections(obj) -> list[str]:
    """The Google-style sections obj's docstring lacks.

    A class (a record) lists its fields under Attributes:. A function with parameters has
    Args: and Raises: (gdlib checks every argument), and every function has Returns:.
    """
    doc = inspect.getdoc(obj) or ""
    if inspect.isclass(obj):
        needed = ["Attributes:"]
    else:
        has_parameters = bool(inspect.signature(obj).parameters)
        needed = ["Args:", "Returns:", "Raises:"] if has_parameters else ["Returns:"]
    return [section for section in needed if f"\n{section}\n" not in f"\n{doc}\n"]


def test_every_public_name_resolves_in_the_module_that_exports_it():
    """The old import paths still work after a split (`from gdlib.regression import batch_gd`)."""
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            assert hasattr(module, attr), f"{name}.{attr}"
    regression = importlib.import_module("gdlib.regression")
    assert regression.batch_gd is gdlib.batch_gd and regression.MAX_THETA_NORM == 1e12
    assert importlib.import_module("gdlib.schedules").step_lr(1.0, step_size=2)(2) == 0.1


@pytest.mark.parametrize("name", sorted(public_objects()))
def test_public_functions_and_classes_document_their_sections(name):
    missing = missing_sections(public_objects()[name])
    assert missing == [], f"{name}'s docstring has no {', '.join(missing)}"


def test_the_sections_check_covers_regression_schedules_and_line_search():
    names = set(public_objects())
    for name in ("mse", "mse_grad", "fit_linear", "batch_gd", "stochastic_gd", "minibatch_gd"):
        assert f"gdlib.{name}" in names
    for name in ("constant_lr", "step_lr", "inverse_time_lr", "cosine_annealing_lr"):
        assert f"gdlib.schedules.{name}" in names
    for name in ("warmup_cosine_lr", "rates", "get_schedule"):
        assert f"gdlib.schedules.{name}" in names
    assert {"gdlib.RegressionRun", "gdlib.linesearch.BacktrackingStep"} <= names


def test_the_sections_check_can_fail():
    def bare(x: int) -> int:
        """Return x.

        Args:
            x: A number.
        """
        return x

    def no_arguments() -> int:
        """Return one.

        Returns:
            1.
        """
        return 1

    class Record:
        """A record with no fields listed."""

    assert missing_sections(bare) == ["Returns:", "Raises:"]
    assert missing_sections(no_arguments) == []
    assert missing_sections(Record) == ["Attributes:"]


def test_arrays_are_float64():
    run = gdlib.descend("camel", (-1.5, -0.8), max_iter=5)
    assert run.positions.dtype == run.values.dtype == run.gradients.dtype == np.float64

"""The reference overview's install note agrees with pyproject.toml.

It says NumPy is gdlib's one dependency and names the extra that a gdlib function needs: a
dependency or extra added to the package without a word on the page fails here.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OVERVIEW = ROOT / "docs" / "code" / "reference" / "index.md"


def _package(requirement: str) -> str:
    return re.match(r"[A-Za-z0-9_.-]+", requirement)[0].lower()


def _imports(sources: str, name: str) -> bool:
    """Whether `sources` import the top-level package `name` in either form."""
    return re.search(rf"^\s*(?:import|from)\s+{re.escape(name)}\b", sources, re.M) is not None


def test_imports_are_found_in_either_form():
    assert _imports("    from sympy.printing.numpy import NumPyPrinter", "sympy")
    assert _imports("import sympy as sp", "sympy")
    assert not _imports("import sympyx\n# sympy", "sympy")


def test_the_overview_names_gdlibs_one_dependency_and_the_extra_its_code_imports():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    page = OVERVIEW.read_text(encoding="utf-8")
    assert [_package(r) for r in project["dependencies"]] == ["numpy"]
    assert "NumPy is its one dependency" in page
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "gdlib").rglob("*.py"))
    for extra, requirements in project["optional-dependencies"].items():
        # An extra that pulls in another ("gdlib[expr]") is counted where it is defined.
        packages = {_package(r) for r in requirements} - {"gdlib"}
        # "import sympy as sp" or "from sympy.printing.numpy import ...", at any indent
        imported = [name for name in sorted(packages) if _imports(sources, name)]
        if imported:
            assert f'pip install -e ".[{extra}]"' in page, extra
            assert all(name in page.lower() for name in imported), (extra, imported)

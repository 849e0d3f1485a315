"""A module attribute's docstring that lists names lists the attribute's own.

`SURFACES`' docstring, shown on the reference page in place of its value, names the built-in
surfaces by hand: a surface added to or renamed in the dict would leave the page's list stale.
"""

from __future__ import annotations

import ast
import re
from itertools import pairwise
from pathlib import Path

import gdlib.surfaces
from gdlib.surfaces import SURFACES


def _attribute_docstring(module, name: str) -> str:
    """The string literal right after `name`'s assignment, as mkdocstrings reads it."""
    body = ast.parse(Path(module.__file__).read_text(encoding="utf-8")).body
    for node, after in pairwise(body):
        target = (
            node.target if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [0])[0]
        )
        if isinstance(target, ast.Name) and target.id == name:
            assert isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
            return after.value.value
    raise AssertionError(f"{name} is not assigned in {module.__name__}")


def test_the_surfaces_docstring_names_every_surface_in_order():
    doc = _attribute_docstring(gdlib.surfaces, "SURFACES")
    assert re.findall(r'``"(\w+)"``', doc) == list(SURFACES)

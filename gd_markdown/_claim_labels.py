"""How a checked claim reads on its ✓: the values filled in, each fact in its words, math signs.

`label(tree, names, values)` turns a parsed claim (its value names swapped for placeholders, as
`_claims.evaluate` parses it) into the text a reader sees and a screen reader says: numbers as
saved (long ones to six figures), operators as `SHOWN` writes them, and each true/false value
by the words its script saved as `key.says` ("“every rate above 2/L diverged” = true"). A fact
tested false by `not` reads as the fact and "= false", not as a double negative.

>>> import ast
>>> tree = ast.parse("not _v0 and _v1 <= 2", mode="eval")
>>> values = {"a.f": "False", "a.f.says": "the run diverged", "a.n": "1.5"}
>>> label(tree, {"_v0": "a.f", "_v1": "a.n"}, values)
'“the run diverged” = false and 1.5 ≤ 2'
"""

from __future__ import annotations

import ast
import re

NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
SHOWN = {" * ": " × ", " <= ": " ≤ ", " >= ": " ≥ ", " == ": " = ", " != ": " ≠ ", " - ": " − "}


class _FillIn(ast.NodeTransformer):
    """Put each value's saved text where its name was, to show what the claim compared."""

    def __init__(self, names: dict[str, str], values: dict[str, str]) -> None:
        self.names, self.values = names, values

    def is_fact(self, node: ast.AST) -> bool:
        key = isinstance(node, ast.Name) and self.names.get(node.id)
        return bool(key) and self.values[key].strip() in ("True", "False")

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        if isinstance(node.op, ast.Not) and self.is_fact(node.operand):
            return self.visit(node.operand)  # "“…” = false" already says what `not` tested
        return self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> ast.AST:
        key = self.names.get(node.id)
        if key is None:  # abs, min, max
            return node
        text = self.values[key].strip()
        if text in ("True", "False"):  # "bt monotone = true" was read aloud: say what it tests
            if (says := self.values.get(f"{key}.says")) is None:
                raise ValueError(f"{key} is true/false but has no words (`says`)")
            text = f"“{says}” = {text.lower()}"
        elif len(text) > 9 and NUMBER.fullmatch(text):  # read aloud: 0.0909091, not 17 digits
            text = f"{float(text):.6g}"
        return ast.Name(id=text)


def _unparse(node: ast.AST) -> str:
    """`ast.unparse`, without the parentheses it puts round the third term of an `and` on.

    >>> _unparse(ast.parse("a < 1 and b < 2 and c < 3 and (d or e)", mode="eval").body)
    'a < 1 and b < 2 and c < 3 and (d or e)'
    """
    if not isinstance(node, ast.BoolOp):
        return ast.unparse(node)
    terms = (f"({_unparse(v)})" if isinstance(v, ast.BoolOp) else _unparse(v) for v in node.values)
    return (" and " if isinstance(node.op, ast.And) else " or ").join(terms)


def label(tree: ast.Expression, names: dict[str, str], values: dict[str, str]) -> str:
    """Return how the parsed claim reads with its values filled in; ValueError for a mute fact."""
    shown = _unparse(_FillIn(names, values).visit(tree).body)
    for python, math in SHOWN.items():
        shown = shown.replace(python, math)
    return shown

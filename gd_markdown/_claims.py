"""Claims that the build checks: a page's `{{ check: EXPR }}` is evaluated against the run's values.

A page puts the token right after the sentence it supports, for instance
`Momentum needed fewer than half the steps. {{ check: upd.momentum_steps < 0.5 * upd.gd_steps }}`.
EXPR is a small expression over build-time values (`namespace.key`, as in `{{ namespace.key }}`):
`and`/`or`/`not`, comparisons (chains too), `+ - * /`, unary minus, `abs`/`min`/`max` and numeric
literals. Nothing else parses: the expression is walked node by node from Python's `ast`, never
`eval`ed. A value must read as a number ("147", "0.095", "1.2e-3") or a boolean ("True"/"False").

A false claim raises `ClaimError` naming the page, the claim and the values it saw; a true one
becomes a ✓ whose label says what was checked (`_claim_labels`: each true/false value in the
words its script saved as `key.says`, which it must have).

>>> evaluate("run.a < 0.5 * run.b", {"run.a": "147", "run.b": "770"}, "page.md")
(True, '147 < 0.5 × 770')
"""

from __future__ import annotations

import ast
import html
import re
from operator import add, eq, ge, gt, le, lt, mul, ne, sub, truediv

from gd_markdown._claim_labels import NUMBER, label

CLAIM = re.compile(r"\{\{\s*check:\s*(.*?)\s*\}\}", re.S)
# A value's name. Keys may be keywords (`minima.global`): names become placeholders to parse.
VALUE_NAME = re.compile(r"(?<![\w.])([a-z][a-z0-9_]*\.[a-z0-9_]+)\b")
PLACEHOLDER = "_claim_value_{}_"

BINARY = {ast.Add: add, ast.Sub: sub, ast.Mult: mul, ast.Div: truediv}
COMPARE = {ast.Lt: lt, ast.LtE: le, ast.Gt: gt, ast.GtE: ge, ast.Eq: eq, ast.NotEq: ne}
FUNCTIONS = {"abs": abs, "min": min, "max": max}
# The only node types a claim may hold, and the method of `_Walker` that evaluates each.
RULES = {"Constant": "literal", "Name": "value", "UnaryOp": "unary", "BinOp": "binary"}
RULES |= {"BoolOp": "boolean", "Compare": "compare", "Call": "call"}


class ClaimError(RuntimeError):
    """A claim on a page is malformed, names an unusable value, or is false."""


def parse_value(text: str, key: str, where: str) -> float | bool:
    """Read a saved value as a number or a boolean; refuse anything else by page and key."""
    text = text.strip()
    if text in ("True", "False"):
        return text == "True"
    if NUMBER.fullmatch(text):
        return float(text)
    raise ClaimError(f"{where}: value {key} = {text!r} is neither a number nor True/False")


class _Walker:
    """Evaluate one parsed claim, allowing only the node types in `RULES`."""

    def __init__(self, names: dict[str, str], values: dict[str, str], where: str, source: str):
        self.names, self.values, self.where, self.source = names, values, where, source
        self.rules = {getattr(ast, kind): getattr(self, rule) for kind, rule in RULES.items()}

    def fail(self, why: str) -> ClaimError:
        return ClaimError(f"{self.where}: claim {self.source!r}: {why}")

    def run(self, node: ast.AST) -> float | bool:
        rule = self.rules.get(type(node))
        if rule is None:
            raise self.fail(f"{type(node).__name__} is not allowed in a claim")
        return rule(node)

    def typed(self, node: ast.AST, boolean: bool) -> float | bool:
        value = self.run(node)
        if isinstance(value, bool) != boolean:
            wanted = "True/False" if boolean else "a number"
            raise self.fail(f"{ast.unparse(node)} = {value!r} where {wanted} is needed")
        return value

    def literal(self, node: ast.Constant) -> float:
        if type(node.value) not in (int, float):
            raise self.fail(f"the literal {node.value!r} is not a number")
        return node.value

    def value(self, node: ast.Name) -> float | bool:
        key = self.names.get(node.id)
        if key is None:
            raise self.fail(f"{node.id!r} is not a namespace.key value name")
        if key not in self.values:
            raise self.fail(f"no build-time value named {key!r}")
        return parse_value(self.values[key], key, self.where)

    def unary(self, node: ast.UnaryOp) -> float | bool:
        if isinstance(node.op, ast.Not):
            return not self.typed(node.operand, boolean=True)
        if isinstance(node.op, ast.USub):
            return -self.typed(node.operand, boolean=False)
        raise self.fail(f"{type(node.op).__name__} is not allowed in a claim")

    def binary(self, node: ast.BinOp) -> float:
        op = BINARY.get(type(node.op))
        if op is None:
            raise self.fail(f"operator {type(node.op).__name__} is not allowed")
        left, right = self.typed(node.left, False), self.typed(node.right, False)
        if isinstance(node.op, ast.Div) and right == 0:
            raise self.fail(f"division by zero in {ast.unparse(node)}")
        return op(left, right)

    def boolean(self, node: ast.BoolOp) -> bool:
        results = [self.typed(v, True) for v in node.values]
        return all(results) if isinstance(node.op, ast.And) else any(results)

    def compare(self, node: ast.Compare) -> bool:
        value, holds = self.run(node.left), True
        for op_node, right_node in zip(node.ops, node.comparators, strict=True):
            op = COMPARE.get(type(op_node))
            if op is None:
                raise self.fail(f"comparison {type(op_node).__name__} is not allowed")
            right = self.run(right_node)
            left_bool, ordered = isinstance(value, bool), type(op_node) not in (ast.Eq, ast.NotEq)
            if left_bool != isinstance(right, bool) or (left_bool and ordered):
                raise self.fail(f"cannot compare {value!r} with {right!r} by {ast.unparse(node)}")
            holds = holds and op(value, right)
            value = right
        return holds

    def call(self, node: ast.Call) -> float:
        func = node.func
        if not isinstance(func, ast.Name) or func.id not in FUNCTIONS:
            raise self.fail("only abs, min and max may be called")
        if node.keywords or not node.args or any(isinstance(a, ast.Starred) for a in node.args):
            raise self.fail(f"{func.id} takes plain arguments only")
        if func.id == "abs" and len(node.args) != 1:
            raise self.fail("abs takes one argument")
        args = [self.typed(a, False) for a in node.args]
        return abs(args[0]) if func.id == "abs" else FUNCTIONS[func.id](args)


def _placeholders(source: str) -> tuple[str, dict[str, str]]:
    """Swap each `namespace.key` for a placeholder name; return the text and the mapping."""
    names: dict[str, str] = {}

    def swap(match: re.Match) -> str:
        name = PLACEHOLDER.format(len(names))
        names[name] = match.group(1)
        return name

    return VALUE_NAME.sub(swap, source.strip()), names


def evaluate(source: str, values: dict[str, str], where: str) -> tuple[bool, str]:
    """Evaluate one claim; return whether it holds and how it reads with the values filled in."""
    text, names = _placeholders(source)
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        raise ClaimError(f"{where}: claim {source!r} does not parse: {error.msg}") from None
    holds = _Walker(names, values, where, source).run(tree.body)
    if not isinstance(holds, bool):
        raise ClaimError(f"{where}: claim {source!r} is a number, not a statement")
    try:
        return holds, label(tree, names, values)
    except ValueError as error:  # a true/false value without its words
        raise ClaimError(f"{where}: {error}") from None


def marker(shown: str) -> str:
    """Return the ✓ that says a sentence was checked, and what (shown by javascripts/checks.js)."""
    label = html.escape(f"Checked when the site was built: {shown}")
    return f'<span class="gd-check" role="img" aria-label="{label}">✓</span>'


def check_claims(markdown: str, values: dict[str, str], where: str) -> str:
    """Evaluate every `{{ check: EXPR }}` of a page; replace each true one by its marker."""

    def replace(match: re.Match) -> str:
        source = match.group(1)
        holds, shown = evaluate(source, values, where)
        if not holds:
            raise ClaimError(f"{where}: the claim `{source}` is false for these runs: {shown}")
        return marker(shown)

    return CLAIM.sub(replace, markdown)

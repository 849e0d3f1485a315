"""A reader's own f(x, y) as a ``Surface``: parsed against a whitelist, differentiated by SymPy.

The language and its limits are those of the explorer's ``js/src/expression.js``, and so are the
messages of every refusal in the corpus both are tested on (other syntax errors may be reported
at another position): the names ``x``, ``y``, ``pi``, ``e``; the functions ``sin cos tan
exp log sqrt abs tanh min max``; numbers; ``+ - * /``, ``^`` for powers, unary minus and plus,
parentheses. A product needs its ``*``: ``2x`` is refused, as ``**`` is (write ``^``). The text is
scanned token by token, then Python's ``ast`` of it is walked node by node, so nothing but those
pieces (no attribute, subscript, lambda, keyword, string or other name) reaches SymPy, which never
sees the text itself. SymPy is an optional extra (``pip install "sympy>=1.12"``, or
``pip install -e ".[expr]"`` in a checkout: PyPI's ``gdlib`` is another project); gdlib imports
without it.
"""

from __future__ import annotations

import ast

import numpy as np

from gdlib._expression_scan import (
    _ALLOWED,
    CONSTANTS,
    FUNCTIONS,
    MAX_DEPTH,
    MAX_LENGTH,
    VARIABLES,
    _scan,
)
from gdlib.surfaces import Surface

__all__ = [
    "CONSTANTS",
    "DEFAULT_BOUNDS",
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "surface_from_expression",
]

DEFAULT_BOUNDS = ((-3.0, 3.0), (-3.0, 3.0))
"""``surface_from_expression``'s default ``bounds``: the domain of the explorer's "Your function"
until the reader gives one."""

_BINARY = {ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "div", ast.Pow: "pow"}


def _parse(text: str) -> ast.expr:
    """Python's tree of ``text`` with ``^`` read as a power; syntax errors give the position."""
    indent = len(text) - len(text.lstrip())  # Python refuses a leading indent; mathjs does not
    source = text[indent:].replace("^", "**")  # ** binds as mathjs's ^: tighter than unary minus
    try:
        return ast.parse(source, mode="eval").body
    except SyntaxError as error:
        offset = max(1, min(error.offset or 1, len(source) + 1))
        position = indent + offset - source[: offset - 1].count("**")  # the text's own columns
        raise ValueError(f"expression: syntax error at position {position}: {error.msg}") from None


def _to_sympy(node: ast.expr, sp, depth: int = 1):
    """Walk the whitelist: build SymPy's expression, unevaluated so it stays as the reader wrote."""
    if depth > MAX_DEPTH:
        raise ValueError(f"expression: is nested too deeply (more than {MAX_DEPTH} levels)")
    down = lambda child: _to_sympy(child, sp, depth + 1)  # noqa: E731
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return sp.Float(float(node.value)) if type(node.value) is float else sp.Integer(node.value)
    if isinstance(node, ast.Name) and node.id in VARIABLES:
        return sp.Symbol(node.id, real=True)
    if isinstance(node, ast.Name) and node.id in CONSTANTS:
        return {"pi": sp.pi, "e": sp.E}[node.id]
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        operand = down(node.operand)
        if not isinstance(node.op, ast.USub):
            return operand
        # A negative number is one literal (x^-2, not x to the power "(-1) 2").
        return -operand if operand.is_Number else sp.Mul(-1, operand, evaluate=False)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        a, b = down(node.left), down(node.right)
        return {
            "add": lambda: sp.Add(a, b, evaluate=False),
            "sub": lambda: sp.Add(a, sp.Mul(-1, b, evaluate=False), evaluate=False),
            "mul": lambda: sp.Mul(a, b, evaluate=False),
            "div": lambda: sp.Mul(a, sp.Pow(b, -1, evaluate=False), evaluate=False),
            "pow": lambda: sp.Pow(a, b, evaluate=False),
        }[_BINARY[type(node.op)]]()
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.keywords:
        name = node.func.id
        if name not in FUNCTIONS:
            raise ValueError(f"expression: unknown function '{name}'; allowed: {_ALLOWED}")
        low, high = FUNCTIONS[name]
        if not low <= len(node.args) <= (high or len(node.args)):
            wanted = f"{low}" if low == high else f"at least {low}"
            plural = "" if low == high == 1 else "s"
            raise ValueError(
                f"expression: {name}() takes {wanted} argument{plural}, got {len(node.args)}"
            )
        args = [down(arg) for arg in node.args]
        function = {"abs": sp.Abs, "min": sp.Min, "max": sp.Max}.get(name) or getattr(sp, name)
        return function(*args, evaluate=False)
    raise ValueError(f"expression: {type(node).__name__} is not allowed")


def _lambdify(sp, expr):
    """Make a NumPy function of (x, y) for ``expr``; numbers print as float64 (overflow: inf)."""
    from sympy.printing.numpy import NumPyPrinter

    class Printer(NumPyPrinter):
        def _print_Float(self, e):  # noqa: N802 (SymPy's printer protocol)
            return f"{self._module_format('numpy.float64')}({float(e)!r})"

        _print_Integer = _print_Rational = _print_Float  # noqa: N815

    x, y = sp.symbols("x y", real=True)
    settings = {"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": True}
    function = sp.lambdify((x, y), expr, modules="numpy", printer=Printer(settings))

    def evaluate(px, py):
        with np.errstate(all="ignore"):  # outside its domain f is NaN, as in the explorer
            out = np.asarray(function(px, py), dtype=np.float64)
        # A constant part (the slope of x + y) comes back as a number: give it the points' shape.
        return np.broadcast_to(out, np.broadcast_shapes(np.shape(px), np.shape(py))).copy()

    return evaluate


def surface_from_expression(
    text: str, bounds: tuple[tuple[float, float], tuple[float, float]] = DEFAULT_BOUNDS
) -> Surface:
    """Return the surface f(x, y) = ``text`` with its exact gradient (SymPy's ``diff``).

    Args:
        text: The function, e.g. ``"(1 - x)^2 + 100*(y - x^2)^2"`` (the language of
            ``gdlib.expression``).
        bounds: ``((xmin, xmax), (ymin, ymax))``, finite with min < max. The start is (2, 2)
            when it lies inside, else the centre.

    Returns:
        A ``Surface`` named ``"custom"`` (``minima`` and ``lipschitz`` None: not known).

    Raises:
        ValueError: ``text`` is refused (the message names ``expression``, says why, and
            gives the position of a syntax error) or ``bounds`` is malformed.
        TypeError: ``text`` is not a string.
        ImportError: SymPy is missing; the message says how to install the extra.

    >>> s = surface_from_expression("x^2 + 2*y^2")
    >>> float(s.f([2.0, 2.0])), s.grad([2.0, 2.0]).tolist()
    (12.0, [4.0, 8.0])
    >>> surface_from_expression("2x")
    Traceback (most recent call last):
    ValueError: expression: '2' at position 1 is directly followed by 'x': write products with * (2*x, not 2x)

    """  # noqa: E501
    box = _check_bounds(bounds)
    _scan(text)
    try:
        import sympy as sp
    except ImportError:
        raise ImportError(
            'surface_from_expression needs SymPy: pip install "sympy>=1.12"'
        ) from None
    expr = _to_sympy(_parse(text), sp)
    x, y = sp.symbols("x y", real=True)
    fx, fy = _lambdify(sp, sp.diff(expr, x)), _lambdify(sp, sp.diff(expr, y))
    (x0, x1), (y0, y1) = box
    start = (2.0, 2.0) if x0 <= 2 <= x1 and y0 <= 2 <= y1 else ((x0 + x1) / 2, (y0 + y1) / 2)
    return Surface(
        name="custom",
        title="Your function",
        formula=f"f(x, y) = {sp.latex(expr)}",
        func=_lambdify(sp, expr),
        gradient=lambda px, py: (fx(px, py), fy(px, py)),
        bounds=box,
        minima=None,
        start=start,
    )


def _check_bounds(bounds: object) -> tuple[tuple[float, float], tuple[float, float]]:
    try:
        box = np.asarray(bounds, dtype=np.float64)
    except (TypeError, ValueError):
        box = np.zeros(0)
    if box.shape != (2, 2) or not np.isfinite(box).all() or not (box[:, 0] < box[:, 1]).all():
        raise ValueError(
            "bounds must be ((xmin, xmax), (ymin, ymax)) of finite numbers with min < max,"
            f" got {bounds!r}"
        )
    return tuple((float(a), float(b)) for a, b in box)

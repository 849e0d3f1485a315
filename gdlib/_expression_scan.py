"""The token scan of a reader's expression: the whitelist and limits shared with the explorer.

The rules of ``scanExpression`` in js/src/expression.js, message for message: a bounded length,
only numbers, the allowed names, ``+ - * / ^ , ( )`` and spaces, functions called, values not, and
no implicit product (``2x``, ``x y``, ``2(x)``) or ``**``. ``gdlib.expression`` runs it first.
"""

from __future__ import annotations

import re

import numpy as np

MAX_LENGTH = 200
"""The longest expression accepted, in characters (the explorer's limit too)."""
MAX_DEPTH = 64
"""The deepest nesting accepted, in levels of the expression's tree: each operation or call is one
level, and so is the number or name at its foot."""
VARIABLES = ("x", "y")
CONSTANTS = ("pi", "e")
"""The constants an expression may name, as SymPy's ``pi`` and ``E``."""
FUNCTIONS = {
    **dict.fromkeys(("sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh"), (1, 1)),
    "min": (2, None),
    "max": (2, None),
}
"""The functions an expression may call: name -> (fewest, most) arguments, None for no limit."""
_ALLOWED = ", ".join((*VARIABLES, *CONSTANTS, *FUNCTIONS))
_NUMBER = re.compile(r"(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _scan(text: object) -> None:
    """Check ``text`` token by token (the rules of ``scanExpression`` in js/src/expression.js)."""
    if not isinstance(text, str):
        raise TypeError(f"expression: must be a string, got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ValueError(f"expression: is {len(text)} characters long; the limit is {MAX_LENGTH}")
    if not text.strip():
        raise ValueError("expression: is empty: type a function of x and y")
    previous, previous_text, depth, i = None, "", 0, 0
    while i < len(text):
        char, at = text[i], f"at position {i + 1}"
        if char in " \t":
            i += 1
            continue
        kind, number, name = "value", _NUMBER.match(text, i), _NAME.match(text, i)
        if number:
            token = number.group()
            after = text[i + len(token) : i + len(token) + 1]
            if after == ".":
                raise ValueError(
                    f"expression: '{token}' {at} is directly followed by '.':"
                    " write numbers as 3, 3.5 or .5"
                )
            if after and re.match(r"[A-Za-z0-9_]", after):
                raise ValueError(
                    f"expression: '{token}' {at} is directly followed by '{after}':"
                    " write products with * (2*x, not 2x)"
                )
            if not np.isfinite(float(token)):
                raise ValueError(f"expression: number '{token}' {at} is too large")
        elif name:
            token = name.group()
            if token not in FUNCTIONS and token not in VARIABLES + CONSTANTS:
                raise ValueError(f"expression: unknown name '{token}' {at}; allowed: {_ALLOWED}")
            after = text[i + len(token) :].lstrip()[:1]
            if token in FUNCTIONS and after != "(":
                raise ValueError(f"expression: '{token}' {at} is a function: write {token}(...)")
            if token not in FUNCTIONS and after == "(":
                raise ValueError(
                    f"expression: '{token}' {at} is not a function:"
                    f" write products with * ({token}*(...))"
                )
            kind = "function" if token in FUNCTIONS else "value"
        elif text.startswith("**", i):
            raise ValueError(f"expression: '**' {at}: write powers with ^ (x^2)")
        elif char in "+-*/^,()":
            token = char
            kind = {"(": "open", ")": "value"}.get(char, "op")
        else:
            shown = f"'{char}'" if 32 < ord(char) < 127 else f"U+{ord(char):04X}"
            raise ValueError(f"expression: unexpected character {shown} {at}")
        if token == ")" and previous_text == ",":
            raise ValueError(f"expression: syntax error {at}: Value expected")
        depth += {"(": 1, ")": -1}.get(token, 0)
        starts_operand = (kind == "value" and token != ")") or kind in ("function", "open")
        if previous == "value" and starts_operand:
            raise ValueError(
                f"expression: missing operator between '{previous_text}' and '{token}' {at}:"
                " write products with *"
            )
        previous, previous_text = kind, token
        i += len(token)
    # Where the text stops short, say so as mathjs does (position just past the end).
    end = f"at position {len(text) + 1}"
    if previous == "open" or (previous == "op" and previous_text != ","):
        raise ValueError(f"expression: syntax error {end}: Unexpected end of expression")
    if depth > 0:
        raise ValueError(f"expression: syntax error {end}: Parenthesis ) expected")

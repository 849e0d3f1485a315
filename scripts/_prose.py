"""Numbers and words for page prose, as `write_values` saves them for the pages to quote.

A power of ten is written 10<sup>−4</sup> for the eye, with the words "to the power" inside for
screen readers, which read a <sup> as plain text: "3.4 × 10<sup>−8</sup>" was heard as "3.4
times 10 minus 8". The page's stylesheet hides the words (`.gd-sr`); copied, the value reads
"3.4 × 10 to the power −8". Minus signs are U+2212, at which no line breaks.
"""

from __future__ import annotations

import re

import numpy as np

MINUS = "\u2212"
# The words a screen reader says between the base and the exponent (hidden on screen).
TO_THE_POWER = '<span class="gd-sr"> to the power </span>'


def power_of_ten(exponent: int) -> str:
    """Write 10 to the `exponent` for a page: a superscript, read aloud as words.

    >>> power_of_ten(-4)
    '10<sup><span class="gd-sr"> to the power </span>−4</sup>'
    """
    return f"10<sup>{TO_THE_POWER}{str(exponent).replace('-', MINUS)}</sup>"


def tex_power_of_ten(x: float) -> str:
    """Write `x`, a power of ten, as TeX for a formula (a prose value's markup would break it).

    >>> tex_power_of_ten(1e-12)
    '10^{-12}'
    """
    return f"10^{{{np.log10(x):.0f}}}"


def fmt(x: float, digits: int = 3) -> str:
    """Format a number for prose: `digits` significant figures, powers of ten when extreme.

    >>> fmt(0.0855), fmt(303, 1), fmt(232.4, 2)
    ('0.0855', '300', '230')
    >>> fmt(-2.5e-4, 2)
    '−2.5 × 10<sup><span class="gd-sr"> to the power </span>−4</sup>'
    """
    if x == 0:
        return "0"
    if abs(x) < 1e-3 or abs(x) >= 1e5:
        mantissa, exp = f"{x:.{digits - 1}e}".split("e")
        return f"{mantissa.replace('-', MINUS)} × {power_of_ten(int(exp))}"
    text = f"{x:.{digits}g}"
    # From 10**digits on, g writes e-notation ("3e+02" for 303 to one figure); prose wants "300".
    return text if "e" not in text else f"{float(text):.0f}"


def _rounded(x: float, step: float, up: bool) -> float:
    """Round `x` to a multiple of `step`, up or down; a value already on it (0.07) stays put.

    The 1e-12 absorbs the float error of x / step (0.07 / 0.01 is 7.000000000000001).
    """
    return float(
        (np.ceil(x / step * (1 - 1e-12)) if up else np.floor(x / step * (1 + 1e-12))) * step
    )


def fmt_bound(x: float, digits: int = 3, up: bool = True) -> str:
    """Format a positive `x` as `fmt` does, rounded so that a bound the prose states stays true.

    Up for a ceiling ("at most", "never above"), down for a floor ("never below").

    >>> fmt_bound(0.27, 2), fmt_bound(0.996, 2), fmt_bound(0.104802, up=False)
    ('0.27', '1', '0.104')
    """
    return fmt(_rounded(x, 10.0 ** (np.floor(np.log10(x)) - digits + 1), up), digits)


def rounded_up(x: float, decimals: int = 1) -> str:
    """Format `x` rounded up: a bound the prose states ("within", "up to") stays true of `x`.

    >>> rounded_up(0.7213), rounded_up(0.1312, 2), rounded_up(4.6, 1), rounded_up(0.07, 2)
    ('0.8', '0.14', '4.6', '0.07')
    """
    return f"{_rounded(x, 10.0**-decimals, True):.{decimals}f}"


def rounded_down(x: float, decimals: int = 0) -> str:
    """Format `x` rounded down: a bound the prose states ("at least") stays true of `x`.

    >>> rounded_down(76.77), rounded_down(69.7), rounded_down(0.719, 2), rounded_down(0.29, 2)
    ('76', '69', '0.71', '0.29')
    """
    return f"{_rounded(x, 10.0**-decimals, False):.{decimals}f}"


def listed(words: list[str]) -> str:
    """Join words for prose: "20", "20 and 22", "20, 22 and 23"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def plain_number(x: float) -> str:
    """Write a number in plain text, as a ✓'s words quote it: `:g`, the exponent unpadded.

    >>> plain_number(1e-07), plain_number(1e10), plain_number(0.02), plain_number(1e-12)
    ('1e-7', '1e10', '0.02', '1e-12')
    """
    return re.sub(r"e([-+])0*(\d)", lambda m: f"e{m[1].replace('+', '')}{m[2]}", f"{x:g}")

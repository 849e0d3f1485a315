"""The edge of a band of starts: bisection in log10 between a start that holds and one that fails.

Shared by the convergence page's saddle band (_criteria_blind) and the saddle page's degenerate
saddles (_saddle_degenerate): each passes its own test of a start.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def log_edge(holds: Callable[[float], bool], low: float, high: float, what: str, halvings=16):
    """Return the largest y0 found at which `holds` is true, bisecting log10(y0) from low to high.

    `holds(low)` must be true and `holds(high)` false (RuntimeError naming `what` if not); the
    search presumes one edge between them. 16 halvings of 10 decades place it to about 0.04 %.

    >>> round(log_edge(lambda y: y < 1e-3, 1e-6, 1.0, "y below 1e-3"), 6)
    0.001
    """
    if not holds(low) or holds(high):
        raise RuntimeError(f"no edge between {low:g} and {high:g} for {what}")
    low, high = np.log10(low), np.log10(high)
    for _ in range(halvings):
        middle = (low + high) / 2
        low, high = (middle, high) if holds(10**middle) else (low, middle)
    return float(10**low)

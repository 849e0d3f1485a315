"""When a descent counts as diverged (rule 1 of ``gdlib.descent``) and what its message adds.

Shared by ``gdlib.descent`` and ``gdlib.linesearch``; js/src/descent.js mirrors it line for line.
"""

from __future__ import annotations

import math

import numpy as np

from gdlib.surfaces import Surface

MAX_VALUE = 1e12
"""The largest ``|f|`` a descent run tracks: an iterate whose value passes it ends the run as
``"diverged"``. A fixed limit on the absolute size, not relative to the start: a problem whose
values near its minimum are that large is reported as diverged even when the run contracts, so
rescale such a function (divide f by a constant) before descending it."""
MAX_POSITION = 1e6
"""The largest Euclidean norm of a position a descent run tracks: an iterate beyond it ends the
run as ``"diverged"``. A fixed limit on the absolute size: a surface whose minimum lies that far
from the origin (at x = 2e6, say) is reported as diverged on its way there, so shift or rescale
its coordinates first. The JavaScript port and the site's runs use the same limits."""
NOT_FINITE = "value or gradient is not finite"


def _divergence(position: np.ndarray, value: float, gradient: np.ndarray) -> str | None:
    """Say why an iterate counts as diverged, or return ``None`` when it does not."""
    if not (math.isfinite(value) and np.isfinite(gradient).all()):
        return NOT_FINITE
    if abs(value) > MAX_VALUE:
        return f"value {value:.3g} exceeded {MAX_VALUE:.0e} in magnitude"
    norm = math.hypot(position[0], position[1])
    if not norm <= MAX_POSITION:
        return f"position norm {norm:.3g} exceeded {MAX_POSITION:.0e}"
    return None


def _divergence_hint(surface: Surface, optimizer: str | None, lr: float | None, reason: str) -> str:
    """Explain a divergence by a surface with no minimum, by 2/L, or by what the step met.

    The 2/L rule applies to plain gradient descent when L is known. A surface unbounded below
    diverges at any rate from almost every start, so that comes first, with 2/L beside it when
    both hold. ``minima`` None means that nothing is known of the surface (a reader's own
    function), so the hint says what could cause it.
    """
    lipschitz = surface.lipschitz  # None, or a finite float above 0 (Surface checks it)
    above = optimizer == "gd" and lipschitz is not None and lr > 2.0 / lipschitz
    rate = f"learning rate {lr:g} is above 2/L = {2.0 / lipschitz:g}" if above else ""
    if surface.minima is not None and not surface.minima:
        return "; this surface is unbounded below" + (f", and {rate}" if rate else "")
    if rate:
        return f"; {rate} for this surface"
    if surface.minima is None:
        if reason == NOT_FINITE:
            return "; the step landed where the function or its gradient is undefined or overflows"
        return (
            "; no global L or minimum is known for this function: the rate may be too large"
            " for its curvature along the path, or the function unbounded below"
        )
    return ""

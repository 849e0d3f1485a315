"""When a run counts as converged by default, and the message saying so.

Shared by ``gdlib.descent`` and ``gdlib.linesearch``. js/src/descent.js mirrors the message
(``convergedMessage``), and the agreement tests compare the two; it reads the tolerances from the
JSON module the build writes (hooks/_js_data.py), so they are typed once, here.
"""

from __future__ import annotations

GRAD_TOL = 1e-6
"""The gradient norm at or below which a run converges unless told otherwise: the default
``grad_tol`` of ``descend`` and ``descend_backtracking``, the explorer's and the site's runs'."""
STEP_TOL = 1e-10
"""The step norm at or below which ``descend`` converges unless told otherwise (its default
``step_tol``): a run whose steps have stopped moving it, whatever its gradient."""


def _converged(measure: str, value: float, limit: float) -> str:
    """Say which test stopped the run, with the measure to two significant digits.

    More digits where two would round ``value`` up to ``limit`` or past it: "gradient norm
    1e-06 <= 1e-06" reads as a misprint when the norm is below 1e-06, and "1.3e-06 <= 1.26e-06"
    as a false statement, even when the norm is 1.26e-06 itself.

    >>> _converged("gradient norm", 9.96e-07, 1e-06)
    'converged: gradient norm 9.96e-07 <= 1e-06'
    >>> _converged("step norm", 4.2e-09, 1e-08)
    'converged: step norm 4.2e-09 <= 1e-08'
    """
    digits = 2
    while digits < 17 and _misleads(float(f"{value:.{digits}g}"), value, limit):
        digits += 1
    return f"converged: {measure} {value:.{digits}g} <= {limit:g}"


def _misleads(shown: float, value: float, limit: float) -> bool:
    """Whether the rounded ``shown`` reads above ``limit``, or equal to it when ``value`` is not."""
    return shown > limit or value < limit <= shown

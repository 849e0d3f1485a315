"""The step from which a condition holds for the rest of a run: the pages' "stays below from".

A run's count "until f stays below the target" is not the first step below it: a noisy or
swinging run can dip below and come back. Each caller states its own condition as a boolean
array, one row a step (`curve < bound`, `norms <= tol`, `|y| <= 1e-12`), and this finds the
first row from which it holds to the last, column by column. A NaN fails every comparison, so
a run that went NaN never settles.
"""

from __future__ import annotations

import numpy as np


def holds_from(mask: object) -> int | np.ndarray:
    """Return the first index along axis 0 from which `mask` holds to the end, per column.

    `len(mask)` when it fails at the last row (it never settles); 0 when it always holds. A 1-D
    mask gives an int, a 2-D one an array with a count per column.

    >>> holds_from([False, True, False, True, True])
    3
    >>> holds_from([True, True]), holds_from([True, False])
    (0, 2)
    >>> holds_from(np.array([[True, False], [True, True]])).tolist()
    [0, 1]
    """
    mask = np.asarray(mask, dtype=bool)
    if mask.ndim == 0 or len(mask) == 0:
        raise ValueError(f"mask must have at least one row, got shape {mask.shape}")
    fails = ~mask
    last_fail = len(mask) - 1 - fails[::-1].argmax(axis=0)
    found = np.where(fails.any(axis=0), last_fail + 1, 0)
    return int(found) if found.ndim == 0 else found

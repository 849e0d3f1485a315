"""The saddle-points page's double well f = x^2 + (y^2 - 1)^2 as a gdlib `Surface`, and its run.

A saddle at the origin (Hessian eigenvalues 2 and -4) between minima at (0, +-1); its stable
manifold is the line y = 0. fig_saddle_escape.py and fig_saddle_live.py descend it at LR from
(X0, y0) and count the steps within RADIUS of the saddle; js/src/widgets/escape-state.js computes
the same function in the browser (tests/test_widget_agreement.py holds the two together).
"""

from __future__ import annotations

import numpy as np

from gdlib.surfaces import Surface

LR, RADIUS, X0 = 0.05, 0.1, 1.5
DOUBLE_WELL = Surface(
    name="double-well",
    title="Double well",
    formula=r"x^2 + (y^2 - 1)^2",
    func=lambda x, y: x * x + (y * y - 1.0) ** 2,
    gradient=lambda x, y: (2.0 * x, 4.0 * y * (y * y - 1.0)),
    bounds=((-2.0, 2.0), (-1.5, 1.5)),
    minima=((0.0, 1.0), (0.0, -1.0)),
    start=(X0, 0.01),
)


def predicted_stay(y0: np.ndarray) -> np.ndarray:
    """Predict the steps within RADIUS of the saddle from the linearised dynamics (0 if none)."""
    leave = np.log(RADIUS / y0) / np.log(1 + 4 * LR)
    arrive = np.log(X0 / RADIUS) / -np.log(1 - 2 * LR)
    return np.maximum(leave - arrive, 0.0)

"""The 3D explorer's default run, in one place: the page's fallback figure and the JS bundle use it.

The explorer (js/src/state.js) opens on plain gradient descent on the bowl from the bowl's start at
a small rate, so the path is long enough to watch; ``scripts/fig_explorer_fallback.py`` draws that
same run for readers without WebGL, and the build writes these values into the JSON module the
bundle imports (hooks/_js_data.py), whose ``DEFAULTS`` in js/src/state.js are these and nothing
else (``step`` 0 added). ``speed`` is the explorer's playback speed (steps per frame); ``expr`` and
``bounds`` are what "Your function" opens with.

>>> EXPLORER_DEFAULTS["surface"], EXPLORER_DEFAULTS["lr"]
('bowl', 0.01)
"""

from __future__ import annotations

from gdlib.expression import DEFAULT_BOUNDS
from gdlib.surfaces import SURFACES

__all__ = ["EXPLORER_DEFAULTS"]

_SURFACE = "bowl"
EXPLORER_DEFAULTS = {
    "surface": _SURFACE,
    "lr": 0.01,
    "x": SURFACES[_SURFACE].start[0],
    "y": SURFACES[_SURFACE].start[1],
    "optimizers": ["gd"],
    "speed": 5,
    "maxIter": 1000,
    "expr": "x^2 - 3*sin(y)",  # its run from (2, 2) ends inside the domain, at (0, pi/2)
    "bounds": [list(b) for b in DEFAULT_BOUNDS],
}

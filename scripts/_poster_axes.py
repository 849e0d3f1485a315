"""The explorer poster's axes and their labels, as js/src/axes.js draws them in the live view.

Three lines along the box's edges (the front one for x, the right one for y, the left corner's
upright for f), and labels of a fixed size in CSS pixels, x's and y's hanging off their points
away from their axes (f's centred on its own): axes.js's sprites, whose text is 0.8 of their
height.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
from PIL import ImageFont

NAME_PX, BOUND_PX = 16, 14  # axes.js: the labels' sprite heights, in CSS pixels
PAD = 0.04  # axes.js: world units between a label's point and its axis
LEFT_OF, RIGHT_OF, ON = (1, 1), (0, 1), (0.5, 0.5)  # three.js Sprite.center: the point on it
FONT = ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf"))


def labels(bounds, top: float) -> list[tuple]:
    """Return (text, world point, colour key, sprite height, hang) of each label, as axes.js."""
    (x0, x1), (y0, y1) = bounds
    a0, a1 = -1.0, 1.0
    return [
        ("x", [0, a0 - PAD, 0], "text", NAME_PX, LEFT_OF),
        ("y", [a1 + PAD, a0 + 0.4, 0], "text", NAME_PX, RIGHT_OF),
        ("f(x, y)", [a0 - 0.1, a0 - 0.1, top + 0.05], "text", NAME_PX, ON),
        (f"{x0:g}", [a0, a0 - PAD, 0], "axis", BOUND_PX, LEFT_OF),
        (f"{x1:g}", [a1, a0 - PAD, 0], "axis", BOUND_PX, LEFT_OF),
        (f"{y0:g}", [a1 + PAD, a0, 0], "axis", BOUND_PX, RIGHT_OF),
        (f"{y1:g}", [a1 + PAD, a1, 0], "axis", BOUND_PX, RIGHT_OF),
    ]


def draw_axes(pen, project, bounds, rgb: dict, top: float, scales: tuple[float, float]) -> None:
    """Draw the axes and labels with `pen`; `project` maps world points to image pixels.

    `scales` are image pixels per CSS pixel for the lines and for the labels.
    """
    scale, text_scale = scales
    a0, a1 = -1.0, 1.0
    left, near, right = [a0, a0, 0], [a1, a0, 0], [a1, a1, 0]  # corners as the camera sees them
    for edge in ((left, near), (near, right), (left, [a0, a0, top])):
        (p, q), _ = project(np.array(edge))
        pen.line([tuple(p), tuple(q)], fill=rgb["axis"], width=scale)
    for text, where, colour, px, (cx, cy) in labels(bounds, top):
        (p,), _ = project(np.array([where]))
        # The sprite is h tall with its point at (cx, cy) on it (y up); its text starts 4/60 of
        # h in from the sprite's edge, and its middle is 32/60 of h down from the sprite's top.
        h = px * text_scale
        x = p[0] + {0: 4 / 60 * h, 1: -4 / 60 * h}.get(cx, 0.0)
        y = p[1] - (1 - cy) * h + 32 / 60 * h
        side = {0: "l", 1: "r"}.get(cx, "m")
        font = FONT.font_variant(size=round(0.8 * h))
        pen.text((x, y), text, fill=rgb[colour], font=font, anchor=f"{side}m")

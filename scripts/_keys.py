"""Whether a figure's key (legend) hides any of its data: checked as every figure is written.

A key drawn over a curve hides part of the run it reports, and a reader cannot tell what is
under it (session 50's review found one over Adam's swings). `hidden_by_keys` walks every line
and marker a panel draws, in the figure's pixels after layout, and names those with a point
inside a key's box. Lines are sampled every pixel along each segment, so a straight line
crossing a key between two vertices is found too. Only what the panels draw is checked: a key's
own sample lines, and text, are not data.
"""

from __future__ import annotations

import itertools

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

INSET = 1.0  # pixels: a curve that only grazes the key's frame is not hidden


def _sampled(points: np.ndarray) -> np.ndarray:
    """Sample the polyline through `points` (pixels) at least once a pixel along its length."""
    finite = points[np.isfinite(points).all(axis=1)]
    if len(finite) < 2:
        return finite
    pieces = [finite[:1]]
    for a, b in itertools.pairwise(finite):
        n = max(1, int(np.ceil(np.hypot(*(b - a)))))
        pieces.append(a + (b - a) * (np.arange(1, n + 1) / n)[:, None])
    return np.concatenate(pieces)


def _drawn_points(artist, panel) -> np.ndarray:
    """Find the pixels an artist of `panel` covers: its line sampled, or its markers' centres.

    What the panel clips away (outside its box) is dropped.
    """
    if isinstance(artist, Line2D):
        points = artist.get_transform().transform(artist.get_xydata())
        if artist.get_linestyle() not in ("None", "none", ""):
            points = _sampled(points)
    else:
        offsets = artist.get_offsets()
        points = artist.get_offset_transform().transform(offsets) if len(offsets) else offsets
    points = np.reshape(points, (-1, 2))
    if artist.get_clip_on():
        box = panel.get_window_extent()
        x, y = points[:, 0], points[:, 1]
        points = points[(x >= box.x0) & (x <= box.x1) & (y >= box.y0) & (y <= box.y1)]
    return points


def _data(fig: Figure):
    """(name, artist, panel) for every visible line and scatter the figure's panels draw."""
    for ax in fig.axes:
        for artist in [*ax.lines, *(c for c in ax.collections if isinstance(c, PathCollection))]:
            if artist.get_visible():
                yield f"{ax.get_title() or 'a panel'}: {artist.get_label()}", artist, ax


def hidden_by_keys(fig: Figure) -> list[str]:
    """Name each line or scatter with a point under one of the figure's keys (after layout)."""
    fig.canvas.draw()  # lays the figure out, so the keys' boxes are where they are drawn
    keys = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    boxes = [key.get_window_extent() for key in keys if key is not None and key.get_visible()]
    hidden = []
    for name, artist, panel in _data(fig):
        points = _drawn_points(artist, panel)
        for box in boxes:
            x0, y0, x1, y1 = box.x0 + INSET, box.y0 + INSET, box.x1 - INSET, box.y1 - INSET
            x, y = points[:, 0], points[:, 1]
            if np.any((x > x0) & (x < x1) & (y > y0) & (y < y1)):
                hidden.append(name)
                break
    return hidden

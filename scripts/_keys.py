"""Whether a figure's key (legend) hides any of its data: checked as every figure is written.

A key drawn over a curve hides part of the run it reports, and a reader cannot tell what is
under it (session 51 found five). `hidden_by_keys` lays the figure out, then tests what each
panel draws against each key's box, in the figure's pixels: lines as drawn (steps as stairs,
broken where a value is missing), markers, bands (`fill_between`), and line collections
(error bars, `vlines`). Each box is first cut to the panel, since what a panel clips away is not
drawn, and widened by half the line's width or the marker's size. Contour maps and images are
the backdrop a key may sit on, so they are not checked; a key's own sample lines are not data.
"""

from __future__ import annotations

import numpy as np
from matplotlib.cbook import STEP_LOOKUP_MAP
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.contour import ContourSet
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.path import Path
from matplotlib.transforms import Bbox

INSET = 1.0  # pixels: a curve that only grazes a key's frame is not hidden


def _runs(vertices: np.ndarray) -> list[np.ndarray]:
    """Split a polyline at its non-finite vertices into the pieces that are drawn."""
    finite = np.isfinite(vertices).all(axis=1)
    edges = np.flatnonzero(np.diff(np.concatenate([[0], finite.astype(int), [0]])))
    return [vertices[a:b] for a, b in zip(edges[::2], edges[1::2], strict=True)]


def _widened(box: Bbox, pixels: float) -> Bbox:
    """Grow `box` by `pixels` on every side, less INSET (a grazing touch does not count)."""
    pad = pixels - INSET
    return Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad)


def _line_hidden(line: Line2D, box: Bbox, px: float) -> bool:
    """Whether a line's drawn path or markers reach into `box` (pixels; px: pixels a point)."""
    x, y = (np.asarray(a, dtype=float) for a in line.get_data())
    drawn = np.column_stack(STEP_LOOKUP_MAP[line.get_drawstyle()](x, y))
    pixels = line.get_transform().transform(drawn)
    if line.get_linestyle() not in ("None", "none", "", " "):
        wide = _widened(box, line.get_linewidth() * px / 2)
        if any(Path(run).intersects_bbox(wide, filled=False) for run in _runs(pixels)):
            return True
    if line.get_marker() not in (None, "None", "none", "", " "):
        marks = line.get_transform().transform(np.column_stack([x, y]))
        wide = _widened(box, line.get_markersize() * px / 2)
        return bool(np.any([wide.contains(*p) for p in marks if np.isfinite(p).all()]))
    return False


def _collection_hidden(collection, box: Bbox, px: float) -> bool:
    """Whether a scatter's markers, a band's area or a line collection's lines reach `box`."""
    if isinstance(collection, PathCollection):
        centres = collection.get_offset_transform().transform(collection.get_offsets())
        sizes = np.broadcast_to(collection.get_sizes(), len(centres)) if len(centres) else []
        return any(
            _widened(box, np.sqrt(s) * px / 2).contains(*c)
            for c, s in zip(centres, sizes, strict=True)
        )
    filled = isinstance(collection, PolyCollection)
    wide = _widened(box, 0 if filled else max(collection.get_linewidths(), default=1) * px / 2)
    transform = collection.get_transform()
    return any(
        Path(run).intersects_bbox(wide, filled=filled)
        for path in collection.get_paths()
        for run in _runs(transform.transform(path.vertices))
    )


def _data(ax):
    """Yield the artists of a panel whose drawing is data: lines, scatters, bands, line sets."""
    kinds = (PathCollection, PolyCollection, LineCollection)
    collections = [c for c in ax.collections if isinstance(c, kinds)]
    for artist in [*ax.lines, *(c for c in collections if not isinstance(c, ContourSet))]:
        if artist.get_visible():
            yield artist


def hidden_by_keys(fig: Figure) -> list[str]:
    """Name each line, scatter or band with a part under one of the figure's keys (after layout)."""
    fig.canvas.draw()  # lays the figure out, so the keys' boxes are where they are drawn
    keys = [ax.get_legend() for ax in fig.axes] + list(fig.legends)
    boxes = [key.get_window_extent() for key in keys if key is not None and key.get_visible()]
    px = fig.dpi / 72  # pixels a point
    hidden = []
    for ax in fig.axes:
        panel = ax.get_window_extent()
        cuts = [Bbox.intersection(box, panel) for box in boxes]  # None: the key is off the panel
        for artist in _data(ax):
            for cut in cuts if artist.get_clip_on() else boxes:
                if cut is None:
                    continue
                found = (
                    _line_hidden(artist, cut, px)
                    if isinstance(artist, Line2D)
                    else _collection_hidden(artist, cut, px)
                )
                if found:
                    hidden.append(f"{ax.get_title() or 'a panel'}: {artist.get_label()}")
                    break
    return hidden

"""Phone-width figures: the same drawing with its panels stacked in one column, 4.6 inches wide.

A figure of two or three panels side by side is 8 to 10.5 inches wide (770 to 1,000 px), and a
360 px phone shows it in a 328 px column: at a third to two fifths of its size, where 10-point
labels are 4 to 5 px tall. `stacked_panels()` has the figure's own drawing code lay its panels
out one above the other, `NARROW_WIDTH` inches wide, so the phone shows it at about three
quarters of its size; `narrowed(draw)` also wraps long titles and lays a figure's legend out in
at most two columns. Only the layout changes: the data, the runs, the labels and the values the
page quotes are those of the wide figure. Pages show the narrow file on narrow screens
(`hooks/_figure_markup.py`, a `<picture>` whose `<source>` is this file).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

MATH = re.compile(r"\$[^$]*\$")
NARROW_WIDTH = 4.6  # inches: 442 px, shown at 328 px (74 %) in a 360 px phone's column


def _stacked(subplots):
    """`subplots` with an `nrows x ncols` grid laid out as one column, row after row."""

    def stacked(nrows=1, ncols=1, *, figsize=None, squeeze=True, gridspec_kw=None, **kwargs):
        width, height = figsize or plt.rcParams["figure.figsize"]
        # A column has no use for the panels' relative widths; each keeps its own height.
        kwargs.pop("width_ratios", None)
        gridspec_kw = {k: v for k, v in (gridspec_kw or {}).items() if k != "width_ratios"}
        panels = nrows * ncols
        fig, axes = subplots(
            panels,
            1,
            figsize=(min(width, NARROW_WIDTH), height / nrows * panels),
            squeeze=False,
            gridspec_kw=gridspec_kw,
            **kwargs,
        )
        axes = np.asarray(axes).reshape(nrows, ncols)
        if not squeeze:
            return fig, axes
        return fig, axes[0, 0] if panels == 1 else axes.ravel() if 1 in (nrows, ncols) else axes

    return stacked


@contextlib.contextmanager
def stacked_panels() -> Iterator[None]:
    """Within the block, `plt.subplots` stacks the panels it makes in one narrow column.

    The axes come back in the shape the caller asked for (a pair for `1, 2`, a 2 x 2 array for
    `2, 2`), so a figure's drawing code runs unchanged.

    >>> with stacked_panels():
    ...     fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.3))
    >>> [round(float(v), 2) for v in fig.get_size_inches()]
    [4.6, 6.6]
    >>> bool(left.get_position().y0 > right.get_position().y0)
    True
    >>> plt.close(fig)
    """
    subplots, legend = plt.subplots, Figure.legend
    plt.subplots = _stacked(subplots)

    # A legend of four columns below the panels would be wider than the column.
    def two_columns(fig, *args, ncols=1, ncol=None, **kwargs):
        return legend(fig, *args, ncols=min(ncol or ncols, 2), **kwargs)

    Figure.legend = two_columns
    try:
        yield
    finally:
        plt.subplots, Figure.legend = subplots, legend


def narrowed(draw: Callable[[str], Figure]) -> Callable[[str], Figure]:
    """`draw` with its panels stacked (`stacked_panels`) and its long titles wrapped to its width.

    A title whose mathtext holds a space is left whole: wrapping breaks lines at spaces, and a
    line break inside `$...$` would break the formula.
    """

    def draw_narrow(theme: str) -> Figure:
        with stacked_panels():
            fig = draw(theme)
        titles = [ax.title for ax in fig.axes] + [getattr(fig, "_suptitle", None)]
        for title in titles:
            if title is not None and not any(" " in m for m in MATH.findall(title.get_text())):
                title.set_wrap(True)
        return fig

    return draw_narrow

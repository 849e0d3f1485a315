"""Phone-width figures: the same drawing with its panels stacked in one column, 4.6 inches wide.

A figure of two or three panels side by side is 808 to 1,010 px wide, and a 360 px phone shows
it in a 328 px column: at 32 to 41 % of its size, where 10-point labels are 4 to 5 px tall (a
single plot 616 to 654 px wide: at 50 to 53 %). `stacked_panels()` has the figure's own drawing
code lay its panels out one above the other, `NARROW_WIDTH` inches wide, so the phone shows it
at 74 % of its size or more; `narrowed(draw)` also breaks long titles into lines and lays a
figure's legend out in at most two columns. Only the layout changes: the data, the runs, the
labels and the values the page quotes are those of the wide figure. Pages show the narrow file
on narrow screens (`gd_markdown/_figure_markup.py`, a `<picture>` whose `<source>` is this file).
A live figure's canvas is sized from the image shown, and stacks its panels when it is tall.
"""

from __future__ import annotations

import contextlib
import math
import re
import textwrap
from collections.abc import Callable, Iterator

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

MATH = re.compile(r"\$[^$]*\$")
NARROW_WIDTH = 4.6  # inches: 442 px, shown at 328 px (74 %) in a 360 px phone's column


def _stacked(subplots, narrow_width: float):
    """`subplots` with an `nrows x ncols` grid laid out as one column, row after row."""

    def stacked(nrows=1, ncols=1, *, figsize=None, squeeze=True, gridspec_kw=None, **kwargs):
        width, height = figsize or plt.rcParams["figure.figsize"]
        # A column has no use for the panels' relative widths; each keeps its own height.
        kwargs.pop("width_ratios", None)
        gridspec_kw = {k: v for k, v in (gridspec_kw or {}).items() if k != "width_ratios"}
        _refuse_grid_only_options(kwargs, gridspec_kw)
        panels = nrows * ncols
        fig, axes = subplots(
            panels,
            1,
            figsize=(min(width, narrow_width), height / nrows * panels),
            squeeze=False,
            gridspec_kw=gridspec_kw,
            **kwargs,
        )
        axes = np.asarray(axes).reshape(nrows, ncols)
        if kwargs.get("sharex") not in (None, False, "none"):
            # Side by side, each panel showed its x ticks; a shared column would show only one.
            for ax in axes.flat:
                ax.xaxis.set_tick_params(labelbottom=True)
        if not squeeze:
            return fig, axes
        return fig, axes[0, 0] if panels == 1 else axes.ravel() if 1 in (nrows, ncols) else axes

    return stacked


def _refuse_grid_only_options(kwargs: dict, gridspec_kw: dict) -> None:
    """Refuse the options whose meaning a one-column layout cannot keep, naming them."""
    for share in ("sharex", "sharey"):
        if kwargs.get(share) in ("row", "col"):
            raise ValueError(f"stacked_panels: {share}={kwargs[share]!r} has no single column")
    if "height_ratios" in kwargs or "height_ratios" in gridspec_kw:
        raise ValueError("stacked_panels: height_ratios would need one ratio per stacked panel")


@contextlib.contextmanager
def stacked_panels(width: float = NARROW_WIDTH) -> Iterator[None]:
    """Within the block, `plt.subplots` stacks the panels it makes in one column `width` wide.

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
    plt.subplots = _stacked(subplots, width)

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
            return wrap_titles(draw(theme))

    return draw_narrow


def wrap_titles(fig: Figure) -> Figure:
    """Break `fig`'s titles into lines that fit its width (see `narrowed`); return `fig`.

    The breaks are written into the text, so the layout makes room for every line: a title
    left to matplotlib's own wrapping at draw time can run past the top of a fixed-size frame.
    """
    width = fig.get_size_inches()[0] * 72  # points
    titles = [ax.title for ax in fig.axes] + [getattr(fig, "_suptitle", None)]
    for title in titles:
        if title is None or any(" " in m for m in MATH.findall(title.get_text())):
            continue
        # About 0.55 em a character in the sans-serif fonts here; 0.6 leaves a margin.
        chars = int(width / (0.6 * title.get_fontsize()))
        # "lr = 0.01" stays on one line: textwrap breaks at spaces, not at no-break spaces.
        kept = title.get_text().replace(" = ", "\u00a0=\u00a0").split("\n")
        wrapped = "\n".join(balanced(line, chars) for line in kept)
        title.set_text(wrapped.replace("\u00a0", " "))
    return fig


def balanced(line: str, chars: int) -> str:
    """Wrap `line` in as few lines of at most `chars` as it needs, made as even as they can be.

    Filled greedily, a title one word too long left that word alone on its last line ("45°").

    >>> print(balanced("Solid: narrow direction along an axis; dashed: turned 45°", 55))
    Solid: narrow direction along
    an axis; dashed: turned 45°
    >>> balanced("", 55), balanced("short", 55)
    ('', 'short')
    >>> print(balanced("supercalifragilistic expialidocious x", 25))  # no word cut
    supercalifragilistic
    expialidocious x
    """
    fewest = len(textwrap.wrap(line, chars))
    if fewest < 2:
        return line  # one line, or none (an empty line between two of a title's own lines)
    # Never narrower than its longest word: a narrower line would cut it.
    longest = max(len(word) for word in line.split())
    for width in range(max(math.ceil(len(line) / fewest), longest), chars + 1):
        lines = textwrap.wrap(line, width, break_long_words=False)
        if len(lines) == fewest:
            return "\n".join(lines)
    return textwrap.fill(line, chars)


def grow_to_fit(fig: Figure, step: float) -> Figure:
    """Make `fig` taller, by whole `step`s of inches, if its content runs past its top or bottom.

    A saved SVG's box is cut to its content, whatever the figure's size; an animation's frames
    are the figure's own size, and a stacked layout with a legend below can fill a phone-width
    figure to overflowing (the home page's map: its title ran 9 px past the top of the frame).
    """
    for _ in range(5):  # a taller frame can move the layout, so measure again
        fig.canvas.draw()
        content = fig.get_tightbbox(fig.canvas.get_renderer())
        width, height = fig.get_size_inches()
        if content.x0 < 0 or content.x1 > width:
            raise ValueError(
                f"the content spans {content.x0:.2f} to {content.x1:.2f} in, past the frame's"
                f" {width:.2f} in: its labels or legend are too wide for a phone's column"
            )
        overflow = max(content.y1 - height, 0) + max(-content.y0, 0)
        if overflow == 0:
            return fig
        fig.set_size_inches(width, height + math.ceil((overflow + 0.05) / step) * step)
    raise ValueError(f"the content still runs past the frame's top or bottom at {height:.2f} in")

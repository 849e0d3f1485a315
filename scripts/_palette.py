"""The site's two palettes (light on white, dark on Material's slate) as matplotlib styles.

Data colours are mid-tones that read on both; text, axes and grid colours are the palette's.
`SHARED` is a third palette of placeholder colours: a figure drawn with it once is written for
both palettes by swapping the placeholders in its SVG text (`_figure.themed_svgs`). A drawing
function takes its palette colours from `PALETTES[theme]` or the rcParams, never `THEMES`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib
import matplotlib.pyplot as plt

# Mid-tone colours: each keeps a contrast ratio of at least 3 on white and on slate (#1e2129).
COLORS = {
    "blue": "#3d7fe0",
    "orange": "#e8772e",
    "green": "#2fa36b",
    "red": "#d9475b",
    "purple": "#9a6bdb",
    "teal": "#1f9fa8",
    "grey": "#8a8f98",
}
CYCLE = [COLORS[k] for k in ("blue", "orange", "green", "red", "purple", "teal")]

THEMES = {
    "light": {
        "page": "#ffffff",
        "text": "#24292f",
        "muted": "#57606a",
        "grid": "#d0d7de",
        "cmap": "Blues",
    },
    "dark": {
        "page": "#1e2029",
        "text": "#e6e6e6",
        "muted": "#a9b1ba",
        "grid": "#3a3f4b",
        "cmap": "Blues_r",
    },
}

# Colours no figure draws otherwise, so that SVG text can swap each for a palette's own. Its
# colour map is never seen: a figure with rasters is drawn once per palette.
SHARED = "shared"
PLACEHOLDERS = {"page": "#fe0e01", "text": "#fe0e02", "muted": "#fe0e03", "grid": "#fe0e04"}
PALETTES = {**THEMES, SHARED: {**PLACEHOLDERS, "cmap": "Blues"}}


def rc_for(theme: str) -> dict:
    """Matplotlib rcParams for one palette of the site (or the placeholders of `SHARED`)."""
    t = PALETTES[theme]
    return {
        "svg.hashsalt": "gdlib-site",
        "svg.fonttype": "path",
        "font.family": "sans-serif",
        "font.size": 10,
        "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
        "axes.facecolor": "none",
        "figure.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        "text.color": t["text"],
        "axes.labelcolor": t["text"],
        "axes.edgecolor": t["muted"],
        "axes.titlecolor": t["text"],
        "axes.titlesize": 10.5,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": t["grid"],
        "grid.linewidth": 0.6,
        "xtick.color": t["muted"],
        "ytick.color": t["muted"],
        "xtick.labelcolor": t["text"],
        "ytick.labelcolor": t["text"],
        # Legends sit on contour plots too: a box in the page colour keeps them legible.
        "legend.frameon": True,
        "legend.facecolor": t["page"],
        "legend.edgecolor": "none",
        "legend.framealpha": 0.85,
        "lines.linewidth": 1.8,
        "image.cmap": t["cmap"],
    }


CASING = 2.4  # points: a casing is this much wider than its line, 1.2 pt showing on each side


def draws_a_line(line) -> bool:
    """Whether a matplotlib Line2D draws a line, not only markers (`linestyle` "None")."""
    return line.get_linestyle() not in ("None", "")


def case_lines(ax, theme: str, widen: float = CASING) -> None:
    """Lay a casing in the page's colour under each line now drawn on `ax` (not markers alone).

    A path on filled contours (a blue one on the blue map) reads against the page's colour, as
    on a map. Each casing sits just under its own line's zorder: under all lines of that zorder,
    so one path's casing never cuts another path drawn at the same level.
    """
    for line in list(ax.get_lines()):
        if draws_a_line(line):
            ax.plot(
                *line.get_data(),
                color=PALETTES[theme]["page"],
                lw=line.get_linewidth() + widen,
                zorder=line.get_zorder() - 0.01,
            )


@contextmanager
def themed(theme: str) -> Iterator[None]:
    """Draw inside this context to get the palette's style."""
    with plt.rc_context(rc_for(theme)):
        yield

"""Shared figure style and deterministic writers for every `scripts/fig_*.py`.

Each figure is drawn twice, once per palette of the site (`light` on white, `dark` on Material's
slate), with transparent backgrounds and mid-tone data colours that read on both. Pages pick the
right file with Material's `#only-light` / `#only-dark` (the `figure:` shorthand of
`hooks/pages.py` writes that markup). Text is drawn as glyph outlines (`svg.fonttype: path`) so
that math labels look the same in every browser, whatever fonts the reader has. Output is
byte-for-byte reproducible: a fixed SVG hash salt, no dates or software versions in SVG/PNG
metadata, and Agg rasters saved without metadata. Animated paths live in `_animation.py`;
numbers quoted in page prose are written with `write_values` and substituted by the pages hook.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import matplotlib.text
import numpy as np
from matplotlib.colors import ListedColormap
from matplotlib.mathtext import MathTextParser
from matplotlib.textpath import TextToPath

# Mathtext (log-axis ticks, LaTeX labels) is parsed by pyparsing at ~20 ms a string, and
# matplotlib keys its 50-entry parse cache on a parser that each renderer creates anew: every
# layout pass, `bbox_inches="tight"` pass and theme parsed the same labels again, a third of
# most scripts' time. One text-to-path converter for all renderers and a larger cache parse each
# label once per process; the glyph outlines written are the same.
_SHARED_TEXT2PATH = TextToPath()
matplotlib.text.TextToPath = lambda: _SHARED_TEXT2PATH  # what RendererBase.__init__ calls
MathTextParser._parse_cached = functools.lru_cache(2048)(MathTextParser._parse_cached.__wrapped__)

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

SVG_METADATA = {"Date": None, "Creator": None}


def rc_for(theme: str) -> dict:
    """Matplotlib rcParams for one palette of the site."""
    t = THEMES[theme]
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


@contextmanager
def themed(theme: str) -> Iterator[None]:
    """Draw inside this context to get the palette's style."""
    with plt.rc_context(rc_for(theme)):
        yield


def save_svg(fig: plt.Figure, path: Path) -> Path:
    """Write `fig` as a reproducible SVG and close it."""
    fig.savefig(
        path, format="svg", metadata=SVG_METADATA, bbox_inches="tight", pad_inches=0.05, dpi=110
    )
    plt.close(fig)
    return path


def themed_svgs(draw: Callable[[str], plt.Figure], out_dir: Path, name: str) -> list[Path]:
    """Call `draw(theme)` for both palettes and save `NAME-light.svg` and `NAME-dark.svg`."""
    paths = []
    for theme in THEMES:
        with themed(theme):
            fig = draw(theme)
            paths.append(save_svg(fig, out_dir / f"{name}-{theme}.svg"))
    return paths


def write_values(out_dir: Path, namespace: str, values: dict[str, object]) -> Path:
    """Save numbers for page prose as `values-NAMESPACE.json` (keys become `NAMESPACE.key`)."""
    path = out_dir / f"values-{namespace}.json"
    text = json.dumps({k: str(v) for k, v in values.items()}, indent=1, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def grid(bounds, n: int = 160) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return X, Y coordinate arrays and the `(n, n, 2)` grid of points over `bounds`."""
    (x0, x1), (y0, y1) = bounds
    X, Y = np.meshgrid(np.linspace(x0, x1, n), np.linspace(y0, y1, n))
    return X, Y, np.stack([X, Y], axis=-1)


def surface_cmap() -> ListedColormap:
    """Return the palette's colour map, cut to mid tones so paths stay visible on it."""
    cmap = plt.get_cmap(plt.rcParams["image.cmap"])
    return ListedColormap(cmap(np.linspace(0.08, 0.7, 64)))


def contour(ax, surface, bounds=None, levels: int = 16, log: bool = True, n: int = 160) -> None:
    """Draw filled contours of a gdlib surface; log levels show the floor of steep valleys."""
    bounds = bounds or surface.bounds
    X, Y, P = grid(bounds, n)
    Z = surface.f(P)
    if log:
        Z = np.log1p(Z - Z.min())
    # Rasterised inside the SVG: thousands of contour polygons would weigh megabytes.
    ax.contourf(X, Y, Z, levels=levels, cmap=surface_cmap(), rasterized=True)
    ax.set_xlim(*bounds[0])
    ax.set_ylim(*bounds[1])
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)


def fmt(x: float, digits: int = 3) -> str:
    """Format a number for prose: `digits` significant figures, powers of ten when extreme."""
    if x == 0:
        return "0"
    if abs(x) < 1e-3 or abs(x) >= 1e5:
        mantissa, exp = f"{x:.{digits - 1}e}".split("e")
        return f"{mantissa} × 10<sup>{int(exp)}</sup>"
    return f"{x:.{digits}g}"

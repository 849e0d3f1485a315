"""Deterministic writers and plotting helpers for every `scripts/fig_*.py`.

Each figure is written twice, once per palette of the site (`_palette`: `light` on white, `dark`
on Material's slate), with transparent backgrounds. Pages pick the right file with Material's
`#only-light` / `#only-dark` (the `figure:` shorthand of `gd_markdown/page_source.py` writes that
markup).
Text is drawn as glyph outlines (`svg.fonttype: path`) so that math labels look the same in every
browser, whatever fonts the reader has. Output is
byte-for-byte reproducible: a fixed SVG hash salt, no dates or software versions in SVG/PNG
metadata, and Agg rasters saved without metadata. Animated paths live in `_animation.py`;
numbers quoted in page prose are written with `write_values` and substituted by
gd_markdown/page_source.py.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import matplotlib.text
import numpy as np
from _keys import hidden_by_keys
from _narrow import narrowed
from _palette import COLORS, CYCLE, PALETTES, PLACEHOLDERS, SHARED, THEMES, case_lines, themed
from _svg_file import svg_text
from _svg_rasters import rasters, recolourable, retheme
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

__all__ = [  # the palette's names too: scripts import everything from here
    "COLORS",
    "CYCLE",
    "PALETTES",
    "SHARED",
    "THEMES",
    "case_lines",
    "contour",
    "grid",
    "surface_cmap",
    "themed",
    "themed_svgs",
    "write_values",
]


def _recolour(svg: str, theme: str) -> str:
    """Swap the `SHARED` placeholders in `svg` for the palette's colours."""
    swap = {PLACEHOLDERS[k]: THEMES[theme][k] for k in PLACEHOLDERS}
    return re.sub("|".join(swap), lambda m: swap[m.group(0)], svg)


def themed_svgs(
    draw: Callable[[str], plt.Figure], out_dir: Path, name: str, narrow: bool = False
) -> list[Path]:
    """Save `draw(theme)` for both palettes as `NAME-light.svg` and `NAME-dark.svg`.

    With `narrow`, also `NAME-narrow-THEME.svg`: its panels stacked for phones (`_narrow`).
    A key (legend) drawn over a line or marker of the data fails the figure (`_keys`).

    The palettes differ only in colours, so `draw(SHARED)` is laid out and written once, with
    placeholder colours that each palette's own replace in the SVG text: the same bytes as two
    drawings at half the cost. `draw` takes its theme colours from `PALETTES[theme]` (or the
    rcParams). Contours drawn with `surface_cmap()` get each palette's pixels the same way
    (`_svg_rasters`); a figure with other rasters (a shaded surface) holds colours in its pixels
    that no swap can change: it is drawn once per palette.
    """
    with themed(SHARED):
        fig = draw(SHARED)
        found = rasters(fig)
        shared = svg_text(fig) if not found or recolourable(found, SHARED) else None
        hidden = hidden_by_keys(fig)
    plt.close(fig)
    if hidden:
        raise ValueError(f"{name}: a key hides part of {'; '.join(hidden)}: move it off the data")
    paths = []
    for theme in THEMES:
        svg = shared if shared is None or not found else retheme(shared, SHARED, theme)
        if svg is None:
            with themed(theme):
                svg = svg_text(draw(theme))
        else:
            svg = _recolour(svg, theme)
        paths.append(out_dir / f"{name}-{theme}.svg")
        paths[-1].write_text(svg, encoding="utf-8")
    if narrow:
        paths += themed_svgs(narrowed(draw), out_dir, f"{name}-narrow")
    return paths


def write_values(
    out_dir: Path, namespace: str, values: dict[str, object], says: dict[str, str] | None = None
) -> Path:
    """Save numbers for page prose as `values-NAMESPACE.json` (keys become `NAMESPACE.key`).

    `says` words each true-or-false value as the proposition it tests ("every rate above 2/L
    diverged"): a page's ✓ reads it so, not by the key's name. Saved as `key.says`, a name no
    page token can quote.
    """
    path = out_dir / f"values-{namespace}.json"
    saved = {k: str(v) for k, v in values.items()}
    for key, words in (says or {}).items():
        if not isinstance(values.get(key), bool | np.bool_):
            raise ValueError(f"{namespace}: says words {key!r}, which is not a true/false value")
        if not words or words != words.strip() or words.endswith("."):
            raise ValueError(f"{namespace}: the words for {key!r} must be a bare phrase")
        saved[f"{key}.says"] = words
    text = json.dumps(saved, indent=1, sort_keys=True)
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


def contour(ax, surface, bounds=None, levels: int = 16, log: bool = True, n: int = 160, lines=None):
    """Draw filled contours of a gdlib surface; log levels show the floor of steep valleys.

    `lines`: a colour to draw the level lines in too, where a figure's point is how something
    meets them (the gradient crosses them at right angles).
    """
    bounds = bounds or surface.bounds
    X, Y, P = grid(bounds, n)
    Z = surface.f(P)
    if log:
        Z = np.log1p(Z - Z.min())
    # Rasterised inside the SVG: thousands of contour polygons would weigh megabytes.
    filled = ax.contourf(X, Y, Z, levels=levels, cmap=surface_cmap(), rasterized=True)
    if lines is not None:
        kw = {"colors": lines, "linewidths": 0.5, "alpha": 0.6}
        ax.contour(X, Y, Z, levels=filled.levels[1::2], **kw)  # every other: lighter
    ax.set_xlim(*bounds[0])
    ax.set_ylim(*bounds[1])
    ax.set_aspect("equal", adjustable="box")
    ax.grid(False)


def step_lengths(positions: np.ndarray) -> np.ndarray:
    """Return the length of each step of a path of points, shape ``(n + 1, 2)`` -> ``(n,)``."""
    return np.linalg.norm(np.diff(positions, axis=0), axis=1)


def sign_changes(y: np.ndarray) -> int:
    """Count the times y crosses zero: a zig-zag across the valley floor (y = 0).

    A value of exactly 0 lies on the floor, not across it: 1, 0, 0 has no crossing and
    1, -0.5, 0 has one.
    """
    signs = np.sign(y)
    signs = signs[signs != 0]
    return int(np.sum(signs[1:] != signs[:-1]))

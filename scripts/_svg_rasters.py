"""Recolour the contour rasters of an SVG drawn with the `SHARED` palette for each site palette.

A filled contour drawn with `_figure.surface_cmap()` (rasterised, not antialiased) is embedded in
the SVG as a PNG whose every pixel is one colour of that map, or transparent. The two palettes'
maps have the same length, so a pixel's index in the `SHARED` map names its colour in each
palette's map: `retheme` swaps the PNG for the palette's own pixels, encoded as matplotlib encodes
them, and its id (a hash of those bytes). The file is the one a drawing in that palette gives,
up to the ids of markers that hash their colours, without laying the figure out again.

`recolourable` tells which figures qualify: their only rasters are such contours. `retheme`
returns None when a pixel is not a colour of the map (matplotlib changed how it rasterises, say):
the caller then draws that palette on its own.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from functools import cache

import matplotlib
import numpy as np
from _palette import themed
from matplotlib.colors import ListedColormap
from matplotlib.contour import ContourSet
from matplotlib.image import AxesImage
from PIL import Image

_PNG = re.compile(r"data:image/png;base64,\n([A-Za-z0-9+/=]+)")


@cache
def _colour_map(theme: str) -> np.ndarray:
    """Return the surface colour map of `theme` as floats `(n, 4)`, as `surface_cmap` has it."""
    from _figure import surface_cmap

    with themed(theme):
        return np.asarray(surface_cmap().colors, dtype=float)


def _pixels(theme: str) -> np.ndarray:
    """Return `theme`'s surface colours as Agg paints them: RGBA bytes packed in uint32s."""
    rgba = np.floor(_colour_map(theme) * 255 + 0.5).astype(np.uint8)  # Agg's uround
    return rgba.view(np.uint32).ravel()


def _is_surface_contour(artist, shared: str) -> bool:
    cmap = getattr(artist, "cmap", None)
    return (
        isinstance(artist, ContourSet)
        and artist.filled
        and artist.get_alpha() is None
        and isinstance(cmap, ListedColormap)
        and np.array_equal(np.asarray(cmap.colors, dtype=float), _colour_map(shared))
    )


def recolourable(rasters: list, shared: str) -> bool:
    """Whether `rasters` (the figure's rasterised artists) are all surface-map contours."""
    keys = _pixels(shared)
    if len(np.unique(keys)) != len(keys):  # two map colours in one pixel value: ambiguous
        return False
    return bool(rasters) and all(_is_surface_contour(a, shared) for a in rasters)


def _png(pixels: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, format="png")  # as backend_svg.draw_image does
    return buf.getvalue()


def _image_id(png: bytes) -> str:
    """Return the id backend_svg gives an inline image (`RendererSVG._make_id`)."""
    digest = hashlib.sha256(matplotlib.rcParams["svg.hashsalt"].encode("utf8"))
    digest.update(str(png).encode("utf8"))
    return f"image{digest.hexdigest()[:10]}"


def retheme(svg: str, shared: str, theme: str) -> str | None:
    """`svg` (drawn in palette `shared`) with its contour pixels in `theme`'s colours, or None."""
    source, target = _pixels(shared), _pixels(theme)
    order = np.argsort(source)
    for encoded in dict.fromkeys(_PNG.findall(svg)):
        png = base64.b64decode(encoded)
        pixels = np.array(Image.open(io.BytesIO(png)).convert("RGBA"))
        packed = pixels.view(np.uint32)[..., 0]
        opaque = pixels[..., 3] > 0
        at = np.searchsorted(source, packed[opaque], sorter=order).clip(0, len(source) - 1)
        index = order[at]
        if not np.array_equal(source[index], packed[opaque]):
            return None
        packed[opaque] = target[index]
        with themed(theme):  # the palette's rcParams, as when matplotlib wrote the image
            new_png = _png(pixels)
            new_id, old_id = _image_id(new_png), _image_id(png)
        svg = svg.replace(encoded, base64.b64encode(new_png).decode("ascii"))
        svg = svg.replace(f'id="{old_id}"', f'id="{new_id}"')
    return svg


def rasters(fig) -> list:
    """Return the artists of `fig` drawn as pixels: images and rasterised artists.

    Not `fig.findobj`: it asks each axis for its children, which lays out every tick label
    (on log axes, hundreds), a second or more per figure for ticks that are never rasters.
    """
    found, artists = [], [fig]
    while artists:
        artist = artists.pop()
        if isinstance(artist, AxesImage) or artist.get_rasterized():
            found.append(artist)
        elif not isinstance(artist, matplotlib.axis.Axis):
            artists.extend(artist.get_children())
    return found

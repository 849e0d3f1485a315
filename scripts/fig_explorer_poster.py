"""The explorer's poster: its default view (the bowl, the start (2, 2)) as the 3D view draws it.

Shown in the canvas's place until the live view has drawn its first frame, and for readers
without JavaScript. The picture is the live view's own projection, redone in NumPy: the same
96 x 96 grid, height scale (js/src/contours.js), world box (js/src/world.js), camera (position
and target of js/src/view.js, field of view of js/src/world.js, wider below 4:3), colour ramp
with the light baked in (js/src/scene.js), the contour lines, the axes and the ball at the
start. Colours are read from docs/stylesheets/explorer.css, where the live view reads them too.
Quads are painted far to near on a canvas twice the size, then halved (antialiasing). Two shapes,
as the page lays the canvas out: 4:3 (the stage beside the inset) and 1:1 (a phone); each in
both palettes, as WebP.
"""

# reads: docs/stylesheets/explorer.css

from __future__ import annotations

import re
from pathlib import Path

import contourpy
import matplotlib
import numpy as np
from _poster_axes import draw_axes
from PIL import Image, ImageDraw

from gdlib.explorer_defaults import EXPLORER_DEFAULTS
from gdlib.surfaces import get_surface

ROOT = Path(__file__).resolve().parent.parent
CSS = ROOT / "docs" / "stylesheets" / "explorer.css"
GRID = 96  # explorer.js: grid points a side on a wide screen
HEIGHT = 0.9  # world.js
LIFT = 0.006
FOV, WIDE = 40.0, 4 / 3  # world.js: below 4:3 the field widens (verticalFov)
EYE, TARGET = np.array([2.3, -3.1, 2.4]), np.array([0.0, 0.0, 0.3])  # view.js's Orbit
LIGHT = np.array([0.35, -0.5, 0.8]) / np.linalg.norm([0.35, -0.5, 0.8])  # scene.js
LEVELS = (np.arange(12) + 0.5) / 12  # contours.js: contourLevels()
SHAPES = {"": (720, 540), "-square": (600, 600)}  # CSS pixels of each poster
# About the CSS width the page shows each at (688 px beside the inset, 328 to 412 on a phone): the
# live view's labels are a fixed size in CSS pixels, so the poster's are drawn to come out so.
SHOWN = {"": 720, "-square": 360}


def css_palettes() -> dict[str, dict[str, str]]:
    """Read the `--gdx-*` colours of explorer.css: the light block (`.gdx {`), then slate's."""
    text = CSS.read_text(encoding="utf-8")
    blocks = {
        "light": r"^\.gdx \{(.*?)^\}",
        "dark": r'^\[data-md-color-scheme="slate"\] \.gdx \{(.*?)^\}',
    }
    palettes = {}
    for theme, pattern in blocks.items():
        body = re.search(pattern, text, re.S | re.M).group(1)
        palettes[theme] = dict(re.findall(r"--gdx-([\w-]+):\s*(#[0-9a-fA-F]{6})", body))
    return palettes


def linear(hex_colour: str) -> np.ndarray:
    """Convert sRGB hex to linear RGB, as three.js's Color reads a CSS colour."""
    c = np.array(matplotlib.colors.to_rgb(hex_colour))
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def srgb(c: np.ndarray) -> np.ndarray:
    """Linear RGB -> sRGB bytes, as three.js writes its output."""
    c = np.clip(c, 0, 1)
    s = np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)
    return np.round(s * 255).astype(np.uint8)


def height_scale(values: np.ndarray):
    """contours.js's heightScale: linear, or log1p where a few steep walls dominate."""
    lo, hi, median = values.min(), values.max(), np.sort(values.ravel())[values.size // 2]
    skewed = (median - lo) / ((hi - lo) or 1) < 0.1
    unit = ((median - lo) or 1) / 4 if skewed else 1
    t = (lambda v: np.log1p(np.maximum(0, v - lo) / unit)) if skewed else (lambda v: v - lo)
    top = t(hi) or 1
    return lambda v: t(v) / top


class Camera:
    """three.js's PerspectiveCamera at EYE looking at TARGET, Z up, for a `width` x `height` image.

    Pixel coordinates as three.js rasterises: NDC (-1..1, y up) scaled to the image (y down).
    """

    def __init__(self, width: int, height: int):
        forward = (TARGET - EYE) / np.linalg.norm(TARGET - EYE)
        right = np.cross(forward, [0, 0, 1])
        right /= np.linalg.norm(right)
        self.axes = np.array([right, np.cross(right, forward), forward])
        self.size = (width, height)
        tan = np.tan(np.radians(FOV) / 2)
        self.tan = tan * max(1.0, WIDE * height / width)

    def project(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pixel coordinates (..., 2) and depth (...) of world points (..., 3)."""
        x, y, z = np.moveaxis((points - EYE) @ self.axes.T, -1, 0)
        width, height = self.size
        u = x / (z * self.tan * width / height)
        v = y / (z * self.tan)
        return np.stack([(u + 1) / 2 * width, (1 - v) / 2 * height], axis=-1), z


def draw(theme: str, shape: str, palette: dict[str, str], scale: int = 2) -> Image.Image:
    """One poster: the surface, its contours and axes, and the ball at the default start."""
    surface = get_surface(EXPLORER_DEFAULTS["surface"])
    (x0, x1), (y0, y1) = surface.bounds
    xs, ys = np.linspace(x0, x1, GRID), np.linspace(y0, y1, GRID)
    X, Y = np.meshgrid(xs, ys)
    values = surface.f(np.stack([X, Y], axis=-1))
    height = height_scale(values)
    heights = height(values)
    centre, half = np.array([(x0 + x1) / 2, (y0 + y1) / 2]), max(x1 - x0, y1 - y0) / 2

    def world(x, y, h):
        return np.stack(
            [(x - centre[0]) / half, (y - centre[1]) / half, np.clip(h, 0, 1.1) * HEIGHT], axis=-1
        )

    width, height_px = (scale * s for s in SHAPES[shape])
    camera = Camera(width, height_px)
    image = Image.new("RGB", (width, height_px), tuple(srgb(linear(palette["bg"]))))
    pen = ImageDraw.Draw(image, "RGBA")
    vertices = world(X, Y, heights)
    pixels, depth = camera.project(vertices)
    # Colours: the ramp in linear light at each vertex, shaded by the baked light (scene.js).
    ramp = np.array([linear(palette[f"ramp-{k}"]) for k in range(3)])
    t = np.clip(heights, 0, 1) * 2
    k = np.minimum(1, np.floor(t)).astype(int)
    colours = ramp[k] + (t - k)[..., None] * (ramp[k + 1] - ramp[k])
    dzdx, dzdy = np.gradient(vertices[..., 2], vertices[0, :, 0], vertices[:, 0, 1], axis=(1, 0))
    normals = np.stack([-dzdx, -dzdy, np.ones_like(dzdx)], axis=-1)
    normals /= np.linalg.norm(normals, axis=-1, keepdims=True)
    colours = np.minimum(1, colours * (0.55 + 0.5 * np.abs(normals @ LIGHT))[..., None])
    # Axes along the box's edges (axes.js) with their labels, first: the surface hides parts.
    rgb = {k: tuple(int(c) for c in srgb(linear(palette[k]))) for k in ("axis", "text")}
    text_scale = scale * SHAPES[shape][0] / SHOWN[shape]
    draw_axes(pen, camera.project, surface.bounds, rgb, HEIGHT, (scale, text_scale))
    # Quads far to near (the painter's algorithm), each in its corners' mean colour.
    corners = [
        (slice(0, -1), slice(0, -1)),
        (slice(0, -1), slice(1, None)),
        (slice(1, None), slice(1, None)),
        (slice(1, None), slice(0, -1)),
    ]
    quad_pixels = np.stack([pixels[c] for c in corners], axis=2)
    quad_depth = np.mean([depth[c] for c in corners], axis=0)
    quad_colour = srgb(np.mean([colours[c] for c in corners], axis=0))
    for j, i in zip(
        *np.unravel_index(np.argsort(-quad_depth, axis=None), quad_depth.shape), strict=True
    ):
        rgb = tuple(int(c) for c in quad_colour[j, i])
        pen.polygon([tuple(p) for p in quad_pixels[j, i]], fill=rgb, outline=rgb)
    # Contour lines at the view's levels, on the surface, 45 % opaque (scene.js's contourMesh).
    contour_rgb = tuple(int(c) for c in srgb(linear(palette["contour"])))
    lines = contourpy.contour_generator(xs, ys, heights)
    for level in LEVELS:
        for line in lines.lines(level):
            points, _ = camera.project(world(line[:, 0], line[:, 1], np.full(len(line), level)))
            pen.line([tuple(p) for p in points], fill=(*contour_rgb, 115), width=scale)
    # The ball at the start, in gradient descent's colour (trails.js: radius 0.035).
    sx, sy = EXPLORER_DEFAULTS["x"], EXPLORER_DEFAULTS["y"]
    ball = world(np.array(sx), np.array(sy), height(surface.f(np.array([sx, sy]))))
    ball[2] += LIFT
    (p,), z = camera.project(ball[None])
    r = 0.035 / (z[0] * camera.tan) * height_px / 2
    pen.ellipse(
        [p[0] - r, p[1] - r, p[0] + r, p[1] + r],
        fill=tuple(int(c) for c in srgb(linear(palette["gd"]))),
    )
    return image.resize((width // scale, height_px // scale), Image.Resampling.LANCZOS)


def main(out_dir: Path) -> list[Path]:
    """Write explorer-poster[-square]-{light,dark}.webp."""
    paths = []
    for theme, palette in css_palettes().items():
        for shape in SHAPES:
            path = out_dir / f"explorer-poster{shape}-{theme}.webp"
            draw(theme, shape, palette).save(path, "WEBP", quality=82, method=6)
            paths.append(path)
    return paths

"""Animated descent paths: a matplotlib background drawn once, the paths blitted frame by frame.

`path_animation` writes, per palette, an animated WebP (`NAME-THEME.webp`, lossy, small enough
for the web) and a still WebP of the final frame (`NAME-THEME-still.webp`) that pages show to
readers who prefer reduced motion. Only the moving lines are redrawn per frame (Agg blitting), so an
animation costs about as much as one static figure. Frames are deterministic: same inputs, same
bytes.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from _figure import THEMES, themed
from _narrow import grow_to_fit, stacked_panels, wrap_titles
from _palette import CASING, draws_a_line
from matplotlib import pyplot as plt
from PIL import Image

LAYOUT_DPI = 100  # figures are laid out at 100 px per inch...
DPI = 140  # ...and drawn at 140, a 1.4x raster: the page shows them at their layout size
FRAME_MS = 70
HOLD_MS = 1800
# Sizes in whole 1/20 inches are whole pixels at both 100 and 140 dpi, so the page can declare
# the frames' size exactly. The phone twin: 440 px, as wide as the static figures' twins.
SIZE_STEP = 0.05
KEY_POINTS = 9  # the key under the panels
TWIN_WIDTH = 4.4  # inches, at LAYOUT_DPI (`_narrow.NARROW_WIDTH`, 4.6 in, is at the SVGs' 96)


@dataclass
class Track:
    """One animated path: `points` `(n, 2)` drawn on `ax`, in `color`, labelled `label`.

    `clock` (increasing, one entry per point; the step index by default) says when each point
    is reached, so runs of different step counts can share one time axis, e.g. examples seen.
    `cased` lays the line on a casing in the page's colour: a blue path on blue contours reads.
    """

    ax: plt.Axes
    points: np.ndarray
    color: str
    label: str | None = None
    clock: np.ndarray | None = None
    lw: float = 2.0
    cased: bool = True
    artists: list = field(default_factory=list)

    def time(self) -> np.ndarray:
        """When each point is reached."""
        return np.arange(len(self.points)) if self.clock is None else np.asarray(self.clock)


def schedule(tracks: Sequence[Track], frames: int) -> np.ndarray:
    """Clock time shown at each frame: slow at first (most happens early), then faster."""
    end = max(float(t.time()[-1]) for t in tracks)
    eased = np.linspace(0.0, 1.0, frames) ** 1.6 * end
    return np.unique(eased)


def _add_artists(track: Track, page: str) -> None:
    plot = track.ax.plot
    # The casing is drawn under every line, so one path's outline never cuts another path.
    wide = track.lw + CASING
    casing = plot([], [], color=page, lw=wide, animated=True)[0] if track.cased else None
    (line,) = plot([], [], color=track.color, lw=track.lw, label=track.label, animated=True)
    (head,) = plot([], [], "o", color=track.color, ms=6, mec="white", animated=True)
    plot(*track.points[0], "o", color=track.color, ms=4, alpha=0.8)
    track.artists = [casing, line, head]


def _layers(tracks: list[Track]) -> list:
    """Return what each frame draws, bottom to top, found once for all frames.

    Casings, lines, the axes' still markers (starts, minima), heads: so no path hides a start,
    a minimum or a run's head.
    """
    axes = {id(t.ax): t.ax for t in tracks}.values()
    still = [line for ax in axes for line in ax.get_lines() if not line.get_animated()]
    markers = [line for line in still if not draws_a_line(line)]
    casings, lines, heads = zip(*(t.artists for t in tracks), strict=True)
    return [a for a in (*casings, *lines, *markers, *heads) if a is not None]


def _frame(fig, background, tracks: list[Track], layers: list, now: float) -> Image.Image:
    fig.canvas.restore_region(background)
    for track in tracks:
        upto = max(int(np.searchsorted(track.time(), now, side="right")) - 1, 0)
        casing, line, head = track.artists
        for path in (line,) if casing is None else (casing, line):
            path.set_data(track.points[: upto + 1, 0], track.points[: upto + 1, 1])
        head.set_data([track.points[upto, 0]], [track.points[upto, 1]])
    for artist in layers:
        artist.axes.draw_artist(artist)
    # PIL drops the alpha in C; a strided NumPy copy of the RGB planes cost ~6 ms a frame.
    width, height = fig.canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (width, height), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    return rgba.convert("RGB")


def _render(setup, theme: str, frames: int, narrow: bool = False) -> list[Image.Image]:
    layout = stacked_panels(TWIN_WIDTH) if narrow else nullcontext()
    with themed(theme), layout:
        fig, tracks = setup(theme)
        if narrow:
            wrap_titles(fig)
        fig.set_dpi(DPI)
        # Opaque frames in the page's own colour: alpha would triple the WebP's size.
        fig.set_facecolor(THEMES[theme]["page"])
        for track in tracks:
            _add_artists(track, THEMES[theme]["page"])
        labelled = {t.label: t.artists[1] for t in tracks if t.label}
        if labelled:
            # One legend under the panels: inside a panel it would hide part of the paths.
            fig.legend(
                labelled.values(),
                labelled.keys(),
                loc="outside lower center",
                ncols=min(len(labelled), 4),
                fontsize=KEY_POINTS,
                facecolor=THEMES[theme]["page"],
            )
        if narrow:
            grow_to_fit(fig, step=SIZE_STEP)
        else:
            fig.canvas.draw()
        background = fig.canvas.copy_from_bbox(fig.bbox)
        layers = _layers(tracks)
        images = [_frame(fig, background, tracks, layers, t) for t in schedule(tracks, frames)]
        plt.close(fig)
    return images


def _encode_webp(images: list[Image.Image]) -> bytes:
    durations = [FRAME_MS] * (len(images) - 1) + [HOLD_MS]
    buf = io.BytesIO()
    images[0].save(
        buf,
        format="WEBP",
        save_all=True,
        append_images=images[1:],
        duration=durations,
        loop=0,
        quality=60,
        method=4,
        # Few keyframes: frames differ from the previous one only along the moving paths.
        kmin=998,
        kmax=999,
    )
    return buf.getvalue()


def _encode_still(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="WEBP", quality=80, method=4)
    return buf.getvalue()


def path_animation(
    setup: Callable[[str], tuple[plt.Figure, list[Track]]],
    out_dir: Path,
    name: str,
    frames: int = 48,
    narrow: bool = False,
    twin_frames: int | None = None,
) -> list[Path]:
    """Render `setup(theme)`'s tracks as `NAME-THEME.webp` plus `NAME-THEME-still.webp`.

    `setup` draws everything that does not move (contours, labels, minima) and returns the
    figure and its `Track`s; this function adds the moving lines, legends and frames. Beside
    them, `NAME-THEME.json` holds the size to show them at, in CSS pixels (`width`, `height`),
    which gd_markdown/page_source.py writes into the page so the browser reserves the space.
    With `narrow`, the same files again as `NAME-narrow-THEME...`, the panels stacked for phones
    (`_narrow`), in `twin_frames` frames if given (a taller picture costs more bytes a frame).
    """
    written = []
    for infix in ("", "-narrow") if narrow else ("",):
        count = twin_frames if infix and twin_frames else frames
        for theme in THEMES:
            images = _render(setup, theme, count, narrow=infix != "")
            written += _save(images, out_dir / f"{name}{infix}-{theme}")
    return written


def _save(images: list[Image.Image], stem: Path) -> list[Path]:
    """Write the frames as `STEM.webp`, the last as `STEM-still.webp`, their size `STEM.json`."""
    webp, still, size = (
        stem.with_name(stem.name + end) for end in (".webp", "-still.webp", ".json")
    )
    webp.write_bytes(_encode_webp(images))
    still.write_bytes(_encode_still(images[-1]))
    width, height = (round(side * LAYOUT_DPI / DPI) for side in images[-1].size)
    size.write_text(json.dumps({"width": width, "height": height}), encoding="utf-8")
    return [webp, still, size]

"""A matplotlib figure as reproducible SVG text, sized in whole CSS pixels.

No dates or software versions in the metadata (the hash salt is fixed in the rcParams of
`_palette`), and the size rounded to whole pixels so the page can declare it exactly.
"""

from __future__ import annotations

import io
import re

import matplotlib.pyplot as plt

SVG_METADATA = {"Date": None, "Creator": None}


SVG_SIZE = re.compile(r'(<svg[^>]*?width=")([\d.]+)(pt" height=")([\d.]+)pt"')


def whole_pixels(svg: str) -> str:
    """`svg` with its width and height (in points) rounded to whole CSS pixels (0.75 pt each).

    The page gives each figure its size in whole pixels (`gd_markdown/_figure_markup.py`), and the
    browser keeps that box until the file arrives, then takes the file's own proportions: a
    tight bounding box of 490.8 x 253.2 pt is 654.4 x 337.6 px, and the figure grew 0.6 px
    taller as it loaded, moving what follows. The viewBox is kept; the drawing is scaled into
    the rounded box, a fraction of a pixel smaller or larger.

    >>> whole_pixels('<svg width="490.79952pt" height="253.19952pt" viewBox="0 0 1 1">')
    '<svg width="490.5pt" height="253.5pt" viewBox="0 0 1 1">'
    """

    def rounded(match: re.Match) -> str:
        width, height = (round(float(match.group(i)) * 4 / 3) * 0.75 for i in (2, 4))
        return f'{match.group(1)}{width:g}{match.group(3)}{height:g}pt"'

    return SVG_SIZE.sub(rounded, svg, count=1)


def svg_text(fig: plt.Figure) -> str:
    """`fig` as reproducible SVG text, sized in whole CSS pixels; the figure is closed."""
    buf = io.BytesIO()
    fig.savefig(
        buf, format="svg", metadata=SVG_METADATA, bbox_inches="tight", pad_inches=0.05, dpi=110
    )
    plt.close(fig)
    return whole_pixels(buf.getvalue().decode("utf-8"))

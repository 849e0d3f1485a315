"""Figure shorthands on pages: `![alt](figure:NAME)`, `(animation:NAME)`, `(poster:NAME)` to images.

A figure is a pair of SVGs (light and dark palette) drawn by a `scripts/fig_*.py`, optionally
with a `NAME-narrow-THEME.svg` twin, its panels stacked, that a phone shows instead; an animation
is a pair of animated WebPs with a still for readers who prefer reduced motion, and a
`NAME-THEME.json` beside them (written by scripts/_animation.py) holding the size to show them
at. A poster (the explorer's, scripts/fig_explorer_poster.py) is a WebP pair per palette, 4:3
and square, shown in a canvas's place until the live view draws. Every image gets its width and
height, so the browser reserves the space before the file arrives. Links are made relative as
MkDocs' `get_relative_url` makes them (`_site_page.relative_url`): a figure without a twin stays
Markdown (MkDocs checks and rewrites its link); twins, animations and posters are raw HTML,
relative to the page's URL in MkDocs, to its source in Zensical, which rewrites them
(`_site_page.site_page`).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from PIL import Image

from gd_markdown._site_page import relative_url
from gd_markdown._values import PageError

FIGURES = Path(__file__).resolve().parent.parent / "docs" / "generated" / "figures"
FIGURES_URL = "generated/figures/"
FIGURE = re.compile(r"!\[([^\]]+)\]\((figure|animation|poster):([a-z0-9-]+)\)")
# What FIGURE left: a name with "_" or capitals, or no alt text, would be a broken image.
LEFT_OVER = re.compile(r"\]\(((?:figure|animation|poster):[^)\s]*)\)")
SVG_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"')
THEMES = ("light", "dark")
# Below 600 px a figure with a twin (616 to 1,010 px wide) would be shown at under 70 % of its size.
NARROW_SCREEN = "(max-width: 37.5em)"
STILL = "(prefers-reduced-motion: reduce)"
# A power of ten in a value (scripts/_prose.py), with or without its words for screen readers.
SUP = re.compile(r'<sup>(?:<span class="gd-sr">[^<]*</span>)?([-−+0-9]+)</sup>')


def svg_size(path: Path) -> tuple[int, int]:
    """CSS pixel size of a matplotlib SVG (its width and height are in points, 0.75 to a pixel).

    Refused unless whole: the page declares the size in whole pixels, and a file of other
    proportions moves the text below it when it loads (scripts/_figure.py rounds them).
    """
    match = SVG_SIZE.search(path.read_text(encoding="utf-8")[:1000])
    if match is None:
        raise PageError(f"{path.name}: no width and height in points")
    pixels = [float(v) * 4 / 3 for v in match.groups()]
    if any(abs(p - round(p)) > 1e-6 for p in pixels):
        size = " x ".join(f"{p:g}" for p in pixels)
        raise PageError(f"{path.name}: {size} px is not a whole number of CSS pixels")
    return tuple(round(p) for p in pixels)


def plain_alt(alt: str) -> str:
    """Alt text without a value's markup: a power of ten in words, as a screen reader needs it.

    >>> plain_alt('2.1 × 10<sup><span class="gd-sr"> to the power </span>−4</sup> against 0.02')
    '2.1 × 10 to the power −4 against 0.02'
    >>> plain_alt("10<sup>-4</sup>")
    '10 to the power −4'
    """
    return SUP.sub(lambda m: " to the power " + m.group(1).replace("-", "−"), alt)


def _figure(alt: str, name: str, src_uri: str, page_url: str, where: str, folder: Path) -> str:
    images = []
    for theme in THEMES:
        svg, narrow = (folder / f"{name}{shape}-{theme}.svg" for shape in ("", "-narrow"))
        if not svg.exists():
            raise PageError(f"{where}: figure {name!r} was not generated")
        width, height = svg_size(svg)
        if narrow.exists():
            images.append(_narrow_picture(alt, svg.name, (width, height), narrow, theme, page_url))
            continue
        link = relative_url(f"{FIGURES_URL}{svg.name}", src_uri)
        images.append(
            f"![{alt}]({link}#only-{theme})"
            f'{{ loading=lazy .gd-figure width="{width}" height="{height}" }}'
        )
    return " ".join(images)


def _narrow_picture(
    alt: str, name: str, size: tuple[int, int], narrow: Path, theme: str, page_url: str
) -> str:
    """Show figure `name`, or on a phone its twin with the panels stacked (scripts/_narrow.py)."""
    base = relative_url(FIGURES_URL, page_url)
    return (
        f"<picture>{_source(NARROW_SCREEN, f'{base}{narrow.name}', svg_size(narrow))}"
        f'<img class="gd-figure" src="{base}{name}#only-{theme}" alt="{html.escape(alt)}" '
        f'width="{size[0]}" height="{size[1]}" loading="lazy"></picture>'
    )


def _animation(alt: str, name: str, page_url: str, where: str, folder: Path) -> str:
    parts = []
    for theme in THEMES:
        wide, narrow = (_frames(folder, f"{name}{shape}-{theme}") for shape in ("", "-narrow"))
        if wide is None:
            raise PageError(f"{where}: animation {name!r} was not generated")
        base = relative_url(FIGURES_URL, page_url)
        # The first <source> that matches is shown: a phone's still, its frames, then any still.
        sources = []
        if narrow is not None:
            stem, size = narrow[0], narrow[1:]
            sources += [
                _source(f"{NARROW_SCREEN} and {STILL}", f"{base}{stem}-still.webp", size),
                _source(NARROW_SCREEN, f"{base}{stem}.webp", size),
            ]
        sources.append(f'<source media="{STILL}" srcset="{base}{wide[0]}-still.webp">')
        stem, width, height = wide
        parts.append(
            f"<picture>{''.join(sources)}"
            f'<img class="gd-figure" src="{base}{stem}.webp#only-{theme}" '
            f'alt="{html.escape(alt)}" width="{width}" height="{height}" loading="lazy"></picture>'
        )
    return "\n".join(parts)


def _frames(folder: Path, stem: str) -> tuple[str, int, int] | None:
    """Return an animation's stem and its size from `STEM.json`, or None if a file is missing."""
    needed = [folder / f"{stem}{suffix}" for suffix in (".webp", "-still.webp", ".json")]
    if not all(path.exists() for path in needed):
        return None
    size = json.loads(needed[2].read_text(encoding="utf-8"))
    return stem, size["width"], size["height"]


def _source(media: str, srcset: str, size: tuple[int, int]) -> str:
    """Write a `<source>` with its own size: a twin's proportions differ from its image's."""
    return f'<source media="{media}" srcset="{srcset}" width="{size[0]}" height="{size[1]}">'


def _poster(alt: str, name: str, page_url: str, where: str, folder: Path) -> str:
    """Show a still in a canvas's place (`.gdx__poster`): 4:3, or its `-square` twin on a phone."""
    parts = []
    for theme in THEMES:
        wide, square = (folder / f"{name}{shape}-{theme}.webp" for shape in ("", "-square"))
        if not (wide.exists() and square.exists()):
            raise PageError(f"{where}: poster {name!r} was not generated")
        with Image.open(wide) as image:
            width, height = image.size
        base = relative_url(FIGURES_URL, page_url)
        parts.append(
            f'<picture><source media="(max-width: 44.9375em)" srcset="{base}{square.name}">'
            f'<img class="gdx__poster" src="{base}{wide.name}#only-{theme}" '
            f'alt="{html.escape(alt)}" width="{width}" height="{height}" loading="lazy"></picture>'
        )
    return "".join(parts)


def expand_figures(
    markdown: str, src_uri: str, page_url: str, where: str, folder: Path = FIGURES
) -> str:
    """Turn the `figure:` and `animation:` shorthands of a page into themed image markup.

    Args:
        markdown: the page's Markdown.
        src_uri: the page's source path in docs/ (figure links are relative to it).
        page_url: the page's URL in the site (animation links are relative to it).
        where: how error messages name the page.
        folder: where the figure scripts wrote their files.

    """

    def replace(match: re.Match) -> str:
        alt, kind, name = match.groups()
        alt = plain_alt(alt)
        if kind == "figure":
            return _figure(alt, name, src_uri, page_url, where, folder)
        if kind == "poster":
            return _poster(alt, name, page_url, where, folder)
        return _animation(alt, name, page_url, where, folder)

    expanded = FIGURE.sub(replace, markdown)
    if left := LEFT_OVER.search(expanded):
        raise PageError(
            f"{where}: {left.group(1)!r} is not a figure link: write ![alt text](figure:NAME), "
            "NAME being the name the script gives themed_svgs, in lowercase letters, digits "
            "and hyphens"
        )
    return expanded

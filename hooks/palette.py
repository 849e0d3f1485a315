"""MkDocs hook: the header's light/dark switch is started by the site's script, not the theme's.

When Material's palette component starts, it appends `<meta name="color-scheme">` to the parsed
page and sets it, and marks `<body>` with `data-md-color-switching` (which its stylesheet reads
as `[data-md-color-switching] *`), removing the mark a task later. Chromium restyles every
element for each of the three changes, though nothing on the page changes colour. On the
PyTorch notebook page, at Lighthouse's 4x CPU slowdown, the theme's start-up task fell from 364
to 226 ms without the component, and the load's style recalculation from 670-718 to 402-479 ms
(benchmarks/HISTORY.md, session 49). So the palette form loses the attribute the theme's bundle
mounts it by, `overrides/partials/palette-start.html` declares the color scheme before the body
exists, and `docs/javascripts/palette.js` does the rest of the component's work: the chosen
option applied and saved, the other option's button shown, switching on click or Enter.
"""

from __future__ import annotations

THEMES_FORM = '<form class="md-header__option" data-md-component="palette">'
SITES_FORM = '<form class="md-header__option" data-gd-palette>'


def take_palette(page_html: str) -> str:
    """Return `page_html` with its palette form marked for the site's script, not the theme's.

    >>> take_palette('<header>' + THEMES_FORM + '</form></header>') == (
    ...     '<header>' + SITES_FORM + '</form></header>')
    True
    >>> take_palette('<header></header>')
    Traceback (most recent call last):
    ...
    ValueError: expected one palette form from the theme, found 0: has Material's header changed?
    """
    found = page_html.count(THEMES_FORM)
    if found != 1:
        changed = "has Material's header changed?"
        raise ValueError(f"expected one palette form from the theme, found {found}: {changed}")
    return page_html.replace(THEMES_FORM, SITES_FORM)


def on_post_page(output: str, page, config) -> str:
    """MkDocs entry point for every Markdown page."""
    try:
        return take_palette(output)
    except ValueError as error:
        raise ValueError(f"{page.file.src_uri}: {error}") from None


def on_post_template(output_content: str, template_name: str, config) -> str:
    """MkDocs entry point for the theme's static pages: 404.html carries the header too."""
    return take_palette(output_content) if template_name == "404.html" else output_content

"""The header's light/dark switch is started by the site's script, not the theme's.

When Material's palette component starts, it appends `<meta name="color-scheme">` to the parsed
page and sets it, and Chromium restyles every element for that (a page's color scheme reaches
every element whose own is `normal`), though nothing on the page changes colour. On the PyTorch
notebook page, at Lighthouse's 4x CPU slowdown, the theme's start-up task fell from 364 to 226
ms without the component, and the load's style recalculation from 561-719 to 382-387 ms
(benchmarks/HISTORY.md, session 49). So the palette form loses the attribute the theme's bundle
mounts it by, `overrides/partials/palette-start.html` declares the color scheme before the body
exists, and `docs/javascripts/palette.js` does the rest of the component's work: the chosen
option applied and saved, the other option's button shown, switching on click or Enter.

The script does not do what the component does for an automatic option (`media:
"(prefers-color-scheme)"`, which follows the system's scheme as it changes), so a configuration
with one is refused.
"""

from __future__ import annotations

THEMES_FORM = '<form class="md-header__option" data-md-component="palette">'
SITES_FORM = '<form class="md-header__option" data-gd-palette>'
AUTOMATIC = "(prefers-color-scheme)"


def check_options(options: list[dict]) -> None:
    """Refuse a palette option the site's script cannot follow.

    >>> check_options([{"media": "(prefers-color-scheme: light)", "scheme": "default"}])
    >>> check_options([{"media": "(prefers-color-scheme)", "toggle": {}}])
    Traceback (most recent call last):
    ...
    ValueError: theme.palette: palette.js cannot follow an automatic option; see _palette_switch.py
    """
    if any(option.get("media") == AUTOMATIC for option in options):
        raise ValueError(
            "theme.palette: palette.js cannot follow an automatic option; see _palette_switch.py"
        )


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

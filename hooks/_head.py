"""Where the hooks put what they add to a page's <head>: before the theme-start script.

overrides/partials/theme-start.html, at the end of <head> (only popstate-first.html, with no
link, follows it), makes the head's relative link URLs absolute before the body exists, which
Material's instant navigation would otherwise do on the parsed page (a stylesheet link's rewrite
restyles every element). A link a hook adds after that script is left for the bundle to rewrite,
so the hooks add their tags before it.
"""

from __future__ import annotations

THEME_START = "<script data-gd-theme-start>"


def add_to_head(page_html: str, tags: str) -> str:
    """Return `page_html` with `tags` just before the theme-start script in its <head>.

    >>> add_to_head('<head><script data-gd-theme-start></script></head>', '<link rel="x">')
    '<head><link rel="x"><script data-gd-theme-start></script></head>'
    >>> add_to_head('<head></head><script data-gd-theme-start></script>', '<link rel="x">')
    Traceback (most recent call last):
    ...
    ValueError: no <script data-gd-theme-start> in the page's <head> to put '<link rel="x">' before
    """
    head_end = page_html.find("</head>")  # no </head>: no head to search, so the error below
    at = page_html.find(THEME_START, 0, max(head_end, 0))
    if at < 0:
        raise ValueError(f"no {THEME_START} in the page's <head> to put {tags[:60]!r} before")
    return page_html[:at] + tags + page_html[at:]

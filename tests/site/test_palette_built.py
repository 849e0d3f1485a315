"""Every built page hands its light/dark switch to the site's script (hooks/_palette_switch.py).

Read from the session's strict build (`built_site`, tests/conftest.py): each page, the 404 page
included, has the palette form marked for docs/javascripts/palette.js and none left for the
theme's bundle to mount, declares its color scheme in <head> (partials/palette-start.html), and
loads the site's script.
"""

from __future__ import annotations

from _palette_switch import SITES_FORM, THEMES_FORM


def test_each_page_has_the_sites_switch_and_not_the_themes(built_site):
    pages = [*built_site.pages(), built_site.root / "404.html"]
    assert len(pages) > 2
    for path in pages:
        text = path.read_text(encoding="utf-8")
        head, body = text.split("<body", 1)
        assert (text.count(SITES_FORM), text.count(THEMES_FORM)) == (1, 0), path
        assert head.count("<script data-gd-palette-start>") == 1, path
        assert body.count('javascripts/palette.js" defer>') == 1, path

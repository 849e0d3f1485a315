"""The finished site: what the build does to the written pages, whichever tool wrote them.

Zensical, Material's successor, runs the Python-Markdown extensions (gd_markdown/) but no MkDocs
hook, so the site's last touches work on the written files, not on MkDocs' page objects.
`finish_site` reads each page of the site folder, finishes it and writes it back, then does what
needs every page. MkDocs runs it from hooks/finish.py once the build is written; after `zensical
build`, `python hooks/_finish.py SITE` does (`make zensical`).

Each page, in this order (PAGE_STEPS):
1. the explorer's chunks preloaded on its page (_explorer_preload.py);
2. the reference's repeated titles dropped, after mkdocs-autorefs wrote them (_reference_titles.py);
3. on the reference's overview, the script that forwards old links (_reference_links.py);
4. the header's light/dark switch handed to the site's script (_palette_switch.py);
5. the formulas drawn with KaTeX, in MkDocs, where no Markdown pass drew them (gd_markdown/math.py
   says why: the search plugin reads the pages' text first);
6. a preload for each font those formulas use (_fonts.py).
Then the site: the new formulas saved for the next build, KaTeX's fonts cut to the characters the
pages draw, the theme's stylesheets cut to the rules the pages use (_stylesheets.py) and, last,
every page's Content-Security-Policy from the final inline scripts (_csp.py).

A page whose switch is already the site's was finished by an earlier run and is left as it is
(`mkdocs serve --dirty` writes only the pages that changed).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from _csp import declare_policies
from _explorer_preload import preload_explorer
from _fonts import add_preloads, cut_site_fonts
from _palette_switch import SITES_FORM, take_palette
from _reference_links import forward_old_links
from _reference_titles import tidy_reference_titles
from _stylesheets import cut_stylesheets

from gd_markdown._katex import shared_renderer

THEMED = "<script data-gd-theme-start>"  # every page the theme wrote (overrides/main.html)


def _draw_math(page_html: str, page_url: str) -> str:
    return shared_renderer().render_math(page_html)


PAGE_STEPS: list[tuple[str, Callable[[str, str], str]]] = [
    ("explorer preload", preload_explorer),
    ("reference titles", lambda page_html, page_url: tidy_reference_titles(page_html)),
    ("old reference links", forward_old_links),
    ("palette", lambda page_html, page_url: take_palette(page_html)),
    ("math", _draw_math),
    ("font preloads", add_preloads),
]


def page_url(site: Path, path: Path) -> str:
    """Return the page's URL from the site's root, as MkDocs names it (the home page's: '').

    >>> site = Path("site")
    >>> page_url(site, site / "concepts/a/index.html"), page_url(site, site / "index.html")
    ('concepts/a/', '')
    >>> page_url(site, site / "404.html")
    '404.html'
    """
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def finish_page(page_html: str, url: str) -> str:
    """Return the page after every step of PAGE_STEPS; a step's error names the page."""
    for name, step in PAGE_STEPS:
        try:
            page_html = step(page_html, url)
        except ValueError as error:
            raise ValueError(f"{url or 'home page'}: {name}: {error}") from None
    return page_html


def finish_pages(site: Path) -> int:
    """Finish every page of `site` the theme wrote and no run finished yet; return how many."""
    finished = 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if THEMED not in text or SITES_FORM in text:
            continue
        path.write_text(finish_page(text, page_url(site, path)), encoding="utf-8")
        finished += 1
    return finished


def finish_site(site: Path, theme_dirs: list[Path], *, policies: bool = True) -> int:
    """Finish the pages, then the site's fonts, stylesheets and policies; return the pages done.

    Args:
        site: the folder the site was written to.
        theme_dirs: where the theme's and the docs' own stylesheets are, searched in order (a
            served site holds the previous cut, never the source).
        policies: False under `mkdocs serve`, whose live-reload script no policy could allow.

    """
    finished = finish_pages(site)
    shared_renderer().save()
    cut_site_fonts(site)
    cut_stylesheets(site, theme_dirs)
    if policies:
        declare_policies(site)
    return finished


def main(argv: list[str] | None = None) -> int:
    """Finish a site another tool wrote (Zensical): its own stylesheets are the sources."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the folder the site was built into")
    site = parser.parse_args(argv).site
    if not (site / "index.html").is_file():
        parser.error(f"site: no index.html in {site}")
    print(f"finished {finish_site(site, [site])} pages of {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The finished site: what the build does to the written pages, whichever tool wrote them.

Zensical, Material's successor, runs the Python-Markdown extensions (gd_markdown/) but no MkDocs
hook, so the site's last touches work on the written files, not on MkDocs' page objects.
`finish_site` reads each page of the site folder, finishes it and writes it back, then does what
needs every page. MkDocs runs it from hooks/finish.py once the build is written; after `zensical
build`, `python hooks/_finish.py SITE` does (`make zensical`).

Each page, in this order (`page_steps`):
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
(`mkdocs serve --dirty` writes only the pages that changed); a page without the theme-start
script overrides/main.html adds fails the build.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from _csp import declare_policies
from _explorer_preload import preload_explorer
from _fonts import add_preloads, cut_site_fonts
from _head import THEME_START
from _palette_switch import SITES_FORM, take_palette
from _reference_links import forward_old_links
from _reference_titles import tidy_reference_titles
from _stylesheets import cut_stylesheets

from gd_markdown._katex import shared_renderer

ROOT = Path(__file__).resolve().parent.parent
Step = Callable[[str, str], str]  # (page's HTML, page's URL) -> the page's HTML


def _draw_math(page_html: str, page_url: str) -> str:
    return shared_renderer().render_math(page_html)


def page_steps(site: Path, docs: Path) -> list[tuple[str, Step]]:
    """Name and do each step of a page, in order; what they read comes from `site` and `docs`."""
    return [
        ("explorer preload", partial(preload_explorer, folder=site / "generated" / "explorer")),
        ("reference titles", lambda page_html, page_url: tidy_reference_titles(page_html)),
        ("old reference links", partial(forward_old_links, docs=docs)),
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


def finish_page(page_html: str, url: str, steps: list[tuple[str, Step]]) -> str:
    """Return the page after each of `steps`; an error says which page and step it came from."""
    for name, step in steps:
        try:
            page_html = step(page_html, url)
        except Exception as error:
            error.add_note(f"while finishing {url or 'the home page'}: {name}")
            raise
    return page_html


def finish_pages(site: Path, docs: Path) -> int:
    """Finish every page of `site` no run has finished yet; return how many.

    Raises:
        ValueError: a page lacks the theme-start script overrides/main.html puts in every page.

    """
    steps, finished = page_steps(site, docs), 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if "</head>" not in text or SITES_FORM in text:
            continue  # an HTML fragment, or a page finished before (`mkdocs serve --dirty`)
        if THEME_START not in text:
            raise ValueError(f"{path}: no {THEME_START}: does overrides/main.html still add it?")
        path.write_text(finish_page(text, page_url(site, path), steps), encoding="utf-8")
        finished += 1
    return finished


def finish_site(site: Path, theme_dirs: list[Path], docs: Path, *, policies: bool = True) -> int:
    """Finish the pages, then the site's fonts, stylesheets and policies; return the pages done.

    Args:
        site: the folder the site was written to.
        theme_dirs: the theme's folders, where its uncut stylesheets are (never the site: a
            served site holds the previous cut).
        docs: the pages' sources (the reference's headings; KaTeX's stylesheet in generated/).
        policies: False under `mkdocs serve`, whose live-reload script no policy could allow.

    """
    finished = finish_pages(site, docs)
    shared_renderer().save()
    cut_site_fonts(site)
    cut_stylesheets(site, [*theme_dirs, docs])
    if policies:
        declare_policies(site)  # last: every inline script is in place
    return finished


def zensical_theme() -> list[Path]:
    """Return the site's overrides and Zensical's templates: a Zensical build's sheets' sources."""
    try:
        import zensical
    except ImportError:
        raise SystemExit("zensical is not installed: `make install` puts it in .venv") from None
    return [ROOT / "overrides", Path(zensical.__file__).parent / "templates"]


def main(argv: list[str] | None = None) -> int:
    """Finish a site Zensical wrote from this project's mkdocs.yml."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the folder the site was built into")
    site = parser.parse_args(argv).site
    if not (site / "index.html").is_file():
        parser.error(f"site: no index.html in {site}")
    finished = finish_site(site, zensical_theme(), ROOT / "docs")
    print(f"finished {finished} pages of {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

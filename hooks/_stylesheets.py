"""Cut the render-blocking stylesheets to what the site can use (issue 12's budgets).

Every page waits for its stylesheets before it paints. The theme's stylesheet styles every
feature Material has (blog, tags, grids, right-to-left scripts, twenty admonition icons as data
URLs); this site uses a part. After the build, three sheets that every page loads (Material's
`main` and `palette`, KaTeX's) are cut with `_css_trim.trim_css` to the rules that can match
the site: the classes and ids of every built page, plus every word of the site's JavaScript
(the theme's bundle and the explorer's), so a class a script adds at run time keeps its rules.
`[dir=...]` and palette selectors need their value in the pages (only the template sets those
attributes). Custom properties of the theme that no stylesheet, page or script reads go too.
The cut sheets are written under a name with their own content hash (browsers must not keep an
old cut under a new site) and every page's link is pointed at them. One cut for the whole site,
not one per page: instant navigation keeps the first page's stylesheets.

Stylesheets only a few pages use (the explorer's, mkdocstrings') are inlined as a `<style>` on
those pages and not linked from the others: no request, and instant navigation applies an
inline style at once when it moves to such a page.

Measured on the site of Dec 2026: main 22.7 -> 14 KB gzip, palette 2.0 -> 1 KB, KaTeX 3.4 ->
2.1 KB; two render-blocking requests fewer on every page but the explorer's and the reference pages.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from _css_trim import trim_css

from gd_markdown import table_boxes
from gd_markdown._cache_key import cache_key

# Sheets every page links, cut site-wide: (folder in the site, file name pattern).
SITE_WIDE = (
    ("assets/stylesheets", re.compile(r"main\.[0-9a-f]+\.min\.css")),
    ("assets/stylesheets", re.compile(r"palette\.[0-9a-f]+\.min\.css")),
    # Zensical's classic variant (`theme.variant`) keeps its sheets in a folder of their own.
    ("assets/stylesheets/classic", re.compile(r"main\.[0-9a-f]+\.min\.css")),
    ("assets/stylesheets/classic", re.compile(r"palette\.[0-9a-f]+\.min\.css")),
    ("generated/katex", re.compile(r"katex(?:\.[0-9a-f]+)?\.min\.css")),
)
# Sheets inlined on the pages whose markup uses one of their classes, dropped elsewhere.
PAGE_SCOPED = ("stylesheets/explorer.css", "assets/_mkdocstrings.css")
TEMPLATE_ATTRIBUTES = frozenset(
    {"dir", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"}
)
THEME_PROPERTY = re.compile(r"--md-[\w-]+$")
# Material's palette sets `data-md-color-switching` on the body at every page load (and at each
# toggle) to switch transitions off for a moment, then reads the header's computed style: with a
# rule naming the attribute, the browser restyles the whole document twice in the theme's first
# task. Without it, a toggle's colours may fade (the header's 250 ms transition) and the load
# costs about 80 ms less main-thread time at Lighthouse's 4x slowdown (benchmarks/HISTORY.md).
UNWANTED = re.compile(r"\[data-md-color-switching\]")
JS_WORD = re.compile(r"[A-Za-z_][\w-]*")
JS_PROPERTY = re.compile(r"--[\w-]+")
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "stylesheets"
# The cut is made by this module, the trimmer and the tables' widening: a change makes a new cut.
HELPERS = [Path(__file__).resolve().with_name("_css_trim.py"), Path(table_boxes.__file__)]


def _link(href_pattern: str) -> re.Pattern:
    return re.compile(rf'<link rel="stylesheet" href="(?P<href>[^"]*?{href_pattern})">\n?')


def site_markup(site: Path) -> tuple[str, str]:
    """All built pages' HTML, and the words and custom properties of the site's JavaScript.

    The words come as `class`/`id` attributes, so `trim_css` counts them as present.
    """
    pages = "".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html")))
    script = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.js"))
    words = sorted(set(JS_WORD.findall(script)))
    scripted = " ".join(f'class="{w}" id="{w}"' for w in words)
    properties = " ".join(sorted(set(JS_PROPERTY.findall(script))))
    return pages + scripted, properties


def _read_by_prefix(properties: str, css: str) -> str:
    """`var(--x)` for each property of `css` a script names, whole or by a prefix (`--md-x-`)."""
    names = set(properties.split())
    declared = set(re.findall(r"(--[\w-]+)\s*:", css))
    read = [
        d for d in declared if any(d == n or (n.endswith("-") and d.startswith(n)) for n in names)
    ]
    return " ".join(f"var({d})" for d in sorted(read))


def _sources(roots: list[Path]) -> list[tuple[str, re.Pattern, Path]]:
    """Each site-wide sheet's folder, name pattern and source file in the first of `roots`.

    The roots are the theme's folders and the docs folder, never the site: `mkdocs serve
    --dirty` keeps the previous cut there.
    """
    found = []
    for folder, pattern in SITE_WIDE:
        paths = [p for r in roots for p in sorted((r / folder).glob("*.css"))]
        source = next((p for p in paths if pattern.fullmatch(p.name)), None)
        if source is not None:
            found.append((folder, pattern, source))
    return found


def cut_site_stylesheets(site: Path, sources: list) -> dict[tuple[str, re.Pattern], str]:
    """Cut the site-wide sheets (`_sources`) into `site`; return {(folder, pattern): cut's name}."""
    markup, properties = site_markup(site)
    originals = [source.read_text(encoding="utf-8") for _, _, source in sources]
    others = "".join(
        p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("*.css"))
        if not any(pattern.fullmatch(p.name) for _, pattern, _ in sources)
    )
    renamed = {}
    for index, (folder, pattern, source) in enumerate(sources):
        css = originals[index]
        # What else may read this sheet's custom properties: the sheets already cut, the ones
        # still to cut, every other stylesheet of the site, and the scripts.
        readers = "".join(originals[:index] + originals[index + 1 :]) + others
        readers += _read_by_prefix(properties, css)
        texts = [css, markup, readers]
        key = cache_key([Path(__file__), *HELPERS], texts=texts, tools=["tinycss2"])
        cached = CACHE / f"{key}.css"
        if cached.exists():
            cut = cached.read_text(encoding="utf-8")
        else:
            cut = trim_css(
                # the build boxes the tables the theme's script would (gd_markdown/table_boxes.py)
                table_boxes.widen_table_rules(css),
                markup,
                attributes=TEMPLATE_ATTRIBUTES,
                droppable=THEME_PROPERTY,
                readers=readers,
                dropped=UNWANTED,
            )
            CACHE.mkdir(parents=True, exist_ok=True)
            cached.write_text(cut, encoding="utf-8")
        originals[index] = cut
        stem = source.name.split(".")[0]
        name = f"{stem}.{hashlib.sha256(cut.encode()).hexdigest()[:8]}.min.css"
        out = site / folder
        for stale in out.iterdir():  # the uncut copy, its source map, earlier cuts
            if pattern.fullmatch(stale.name) or pattern.fullmatch(stale.name.removesuffix(".map")):
                stale.unlink()
        (out / name).write_text(cut, encoding="utf-8")
        renamed[folder, pattern] = name
    return renamed


def own_classes(css: str, common: str) -> set[str]:
    """Class names the selectors of `css` name that the stylesheet `common` does not."""

    def classes(text: str) -> set[str]:
        return set(CLASS.findall(re.sub(r"\{[^{}]*\}", "", text)))

    return classes(css) - classes(common)


def relink(page: str, renamed: dict[tuple, str], scoped: dict[str, tuple[str, set]]) -> str:
    """Point a page's links at the cut sheets; inline or drop the page-scoped ones.

    A page-scoped sheet is inlined where the page has one of the classes only that sheet names.
    """
    for (folder, pattern), name in renamed.items():  # the folder too: one name in two folders
        page = re.sub(
            rf'(<link rel="stylesheet" href="(?:[^"]*/)?{re.escape(folder)}/)({pattern.pattern})"',
            lambda m, n=name: f'{m.group(1)}{n}"',
            page,
        )
    body = re.sub(r"<style[^>]*>.*?</style>", "", page, flags=re.S)
    present = {c for v in re.findall(r'class="([^"]*)"', body) for c in v.split()}
    for name, (css, classes) in scoped.items():
        link = _link(re.escape(name))
        used = bool(classes & present)
        page = link.sub(lambda m, u=used, c=css: f"<style>{c}</style>\n" if u else "", page)
    return page


def cut_stylesheets(site: Path, roots: list[Path]) -> None:
    """Cut the site-wide sheets of `site` (sources found in `roots`), then relink every page."""
    sources = _sources(roots)
    renamed = cut_site_stylesheets(site, sources)
    theme = "".join(source.read_text(encoding="utf-8") for _, _, source in sources)
    scoped = {}
    for name in PAGE_SCOPED:
        path = site / name
        if path.exists():
            css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S).strip()
            if "</style" in css.lower():
                raise ValueError(f"{name}: cannot be inlined, it holds '</style'")
            scoped[name] = (css, own_classes(css, theme))
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = relink(text, renamed, scoped)
        if new != text:
            page.write_text(new, encoding="utf-8")

"""Preload the KaTeX fonts each page's formulas are drawn with, cut to what they draw.

The browser asks for a web font only once it has laid out text that needs it, late in the
page load. Formulas are first laid out with fallback metrics and reflowed when their fonts
arrive: the text around them jumps (a layout shift) and the theme's start-up code lays the page
out again. A `<link rel="preload">` in the head for each font the page uses starts the
download with the stylesheets, so the formulas are laid out once, in their own fonts.

Which fonts a page uses follows from KaTeX's stylesheet: each rule that sets a font family,
weight or style (`.katex .mathnormal { font-family: KaTeX_Math; font-style: italic }`) applies
when every compound of its selector matches the classes of some element on the page. Preloading
a font the page never uses would waste bytes (and the browser warns), so the site's tests
compare this list with the fonts Chromium really downloads.

KaTeX's fonts cover every symbol TeX knows (the main face alone is 26 KB); the site's formulas
use a few dozen. After the build, each font in the site is cut down to the characters that
occur in the site's rendered formulas (fontTools), so a page's fonts weigh a few kilobytes and
preloading them costs the first paint nothing. The cut fonts are cached on the character set.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from functools import cache
from pathlib import Path

import tinycss2

from gd_markdown._cache_key import cache_key
from gd_markdown._katex import KATEX_CSS, KATEX_FONTS, ROOT, SITE_FOLDER
from gd_markdown._site_page import relative_url

FONTS_URL = SITE_FOLDER  # where hooks/assets.py copies KaTeX's stylesheet and its fonts/
DEFAULT_FAMILY = "KaTeX_Main"  # `.katex { font: ... KaTeX_Main }`: what the other rules restyle
CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
KATEX_STYLESHEET = re.compile(r'<link rel="stylesheet" href="[^"]*generated/katex/katex\.min\.css"')

SUBSET_CACHE = ROOT / ".cache" / "katex-fonts"
SUBSET_OPTIONS = {"layout_features": ["*"], "name_IDs": ["*"]}  # hinting kept: crisp small text
ALWAYS_KEPT = " \u00a0"

Face = tuple[str, str, str]  # family, weight, style


KATEX_HTML = re.compile(r'<span class="(?:[^"]* )?katex-html(?: [^"]*)?"[^>]*>')
TAG_OR_TEXT = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*>|<[^>]*>|[^<]+")


def formula_characters(page_html: str) -> set[str]:
    """Return the characters the page's formulas draw: the text inside KaTeX's `katex-html` spans.

    Only those spans are scanned (a regular expression finds them), span depth counted from each.
    """
    text: set[str] = set()
    for start in KATEX_HTML.finditer(page_html):
        depth = 1
        for token in TAG_OR_TEXT.finditer(page_html, start.end()):
            closing, tag = token.group(1), token.group(2)
            if tag == "span" and not token.group(0).endswith("/>"):
                depth += -1 if closing else 1
                if depth == 0:
                    break
            elif tag is None and not token.group(0).startswith("<"):
                text.update(html.unescape(token.group(0)))
    return text


def _declarations(rule) -> dict[str, str]:
    declarations = tinycss2.parse_declaration_list(rule.content, True, True)
    return {
        d.lower_name: tinycss2.serialize(d.value).strip()
        for d in declarations
        if d.type == "declaration"
    }


def _face_of(declared: dict[str, str]) -> Face | None:
    """Return the (family, weight, style) a rule asks for, or None if it sets no font."""
    family = declared.get("font-family")
    if "font" in declared:  # KaTeX's shorthand names the family after the size
        family = next(t for t in declared["font"].split() if t.startswith("KaTeX_")).rstrip(",")
    if family is None and not {"font-weight", "font-style"} & declared.keys():
        return None
    weight = {"bold": "700", "normal": "400"}.get(w := declared.get("font-weight", "400"), w)
    return (family or DEFAULT_FAMILY).split(",")[0], weight, declared.get("font-style", "normal")


def _compounds(selector: str) -> list[frozenset[str]]:
    """Return each compound selector's class names (`.a .b.c>span`: {a}, {b, c}, {})."""
    return [frozenset(re.findall(r"\.([\w-]+)", part)) for part in re.split(r"[\s>+~]+", selector)]


@cache
def katex_fonts() -> tuple[dict[Face, str], list[tuple[list[list[frozenset[str]]], Face]]]:
    """KaTeX's woff2 file for each face, and each font-setting rule's selectors and face."""
    files: dict[Face, str] = {}
    rules = []
    for rule in tinycss2.parse_stylesheet(KATEX_CSS.read_text(encoding="utf-8"), True, True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            declared = _declarations(rule)
            face = _face_of(declared)
            woff2 = re.search(r"url\((fonts/[\w-]+\.woff2)\)", declared["src"]).group(1)
            files[face] = woff2
        elif rule.type == "qualified-rule" and (face := _face_of(_declarations(rule))):
            selectors = tinycss2.serialize(rule.prelude).split(",")
            rules.append(([_compounds(s) for s in selectors], face))
    return files, rules


def fonts_used(page_html: str) -> list[str]:
    """List the woff2 files (relative to KaTeX's stylesheet) the page's formulas need."""
    if 'class="katex"' not in page_html:
        return []
    elements = {frozenset(v.split()) for v in CLASS_ATTRIBUTE.findall(page_html)}
    files, rules = katex_fonts()

    def matches(compounds: list[frozenset[str]]) -> bool:
        return all(any(c <= classes for classes in elements) for c in compounds)

    faces = {face for selectors, face in rules if any(matches(s) for s in selectors)}
    used = {files.get(face) or files[(face[0], "400", "normal")] for face in faces}
    return sorted(used)


def add_preloads(page_html: str, page_url: str) -> str:
    """Put a font preload for each KaTeX font the page uses before KaTeX's stylesheet link."""
    links = "".join(
        f'<link rel="preload" href="{relative_url(FONTS_URL + name, page_url)}" as="font" '
        'type="font/woff2" crossorigin>\n'
        for name in fonts_used(page_html)
    )
    stylesheet = KATEX_STYLESHEET.search(page_html)
    if not links or stylesheet is None:
        return page_html
    return page_html[: stylesheet.start()] + links + page_html[stylesheet.start() :]


def _cut_fonts(work: Path, text: str) -> None:
    """Write each of KaTeX's woff2 fonts into `work`, keeping the glyphs of `text` only."""
    from fontTools import subset  # 0.2 s to import, so only when the cache has no cut

    options = subset.Options(flavor="woff2", **SUBSET_OPTIONS)
    for original in sorted(KATEX_FONTS.glob("*.woff2")):
        font = subset.load_font(str(original), options, dontLoadGlyphNames=True)
        font.recalcTimestamp = False  # two builds give the same bytes
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        subset.save_font(font, str(work / original.name), options)


def subset_fonts(font_dir: Path, characters: set[str]) -> None:
    """Write KaTeX's woff2 fonts into `font_dir`, cut down to `characters` (cached on disk)."""
    text = "".join(sorted(characters | set(ALWAYS_KEPT)))
    key = cache_key(texts=[str(SUBSET_OPTIONS), text], tools=["npm:katex", "fonttools"])
    cached = SUBSET_CACHE / key
    if not cached.exists():
        work = cached.with_suffix(".tmp")
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        _cut_fonts(work, text)
        (work / "characters.json").write_text(json.dumps(text), encoding="utf-8")
        work.rename(cached)
    for font_path in cached.glob("*.woff2"):
        shutil.copyfile(font_path, font_dir / font_path.name)


def cut_site_fonts(site: Path) -> None:
    """Cut the site's KaTeX fonts to the characters drawn by the formulas of every built page.

    The pages are read back from the site folder, not collected while they were built: a
    `mkdocs serve --dirty` rebuild renders only the pages that changed.
    """
    font_dir = site / FONTS_URL / "fonts"
    characters: set[str] = set()
    for page in site.rglob("*.html"):
        characters |= formula_characters(page.read_text(encoding="utf-8"))
    if characters and font_dir.is_dir():
        subset_fonts(font_dir, characters)

"""MkDocs hook: render every formula to HTML at build time with the npm-installed KaTeX.

Pages then need KaTeX's stylesheet and fonts but no JavaScript: nothing moves when the page
loads (no layout shift) and the main thread does no math work. The hook runs last, on each
finished page, so it also catches math that other hooks produced (notebook cells, docstrings).
Rendered formulas are cached in `.cache/katex.json`, keyed on KaTeX's version and the TeX, so a
warm rebuild does not start Node at all.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDERER = Path(__file__).with_name("katex_render.cjs")
KATEX_PACKAGE = ROOT / "js" / "node_modules" / "katex" / "package.json"
CACHE_FILE = ROOT / ".cache" / "katex.json"

# Arithmatex's generic output: \( inline \) in a span, \[ display \] in a div.
MATH = re.compile(r'<(span|div) class="arithmatex">\s*\\([(\[])(.*?)\\[)\]]\s*</\1>', re.S)

_cache: dict[str, str] | None = None
_dirty = False


def _version() -> str:
    return json.loads(KATEX_PACKAGE.read_text(encoding="utf-8"))["version"]


def _key(tex: str, display: bool) -> str:
    return hashlib.sha256(f"{_version()}|{display}|{tex}".encode()).hexdigest()


def _load() -> dict[str, str]:
    global _cache
    if _cache is None:
        _cache = json.loads(CACHE_FILE.read_text(encoding="utf-8")) if CACHE_FILE.exists() else {}
    return _cache


def render_all(formulas: list[tuple[str, bool]]) -> list[str]:
    """HTML for each `(tex, display)`, from the cache or from one Node call for the rest."""
    global _dirty
    cache = _load()
    missing = sorted({f for f in formulas if _key(*f) not in cache})
    if missing:
        result = subprocess.run(
            ["node", str(RENDERER)],
            input=json.dumps(missing),
            capture_output=True,
            text=True,
            check=True,
        )
        for formula, rendered in zip(missing, json.loads(result.stdout), strict=True):
            cache[_key(*formula)] = rendered
        _dirty = True
    return [cache[_key(*f)] for f in formulas]


def render_math(page_html: str) -> str:
    """Replace the TeX inside every `.arithmatex` element by KaTeX's HTML."""
    matches = list(MATH.finditer(page_html))
    if not matches:
        return page_html
    formulas = [(html.unescape(m.group(3)).strip(), m.group(2) == "[") for m in matches]
    rendered = iter(render_all(formulas))
    return MATH.sub(
        lambda m: f'<{m.group(1)} class="arithmatex">{next(rendered)}</{m.group(1)}>', page_html
    )


def on_post_page(output: str, page, config) -> str:
    """MkDocs entry point: math on the finished page."""
    return render_math(output)


def on_post_build(config) -> None:
    """Save newly rendered formulas for the next build."""
    global _dirty
    if _dirty and _cache is not None:
        CACHE_FILE.parent.mkdir(parents=True, exist_ok=True)
        CACHE_FILE.write_text(json.dumps(_cache, sort_keys=True), encoding="utf-8")
        _dirty = False

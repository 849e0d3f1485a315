r"""KaTeX in one place: where it lies, how math is marked for it, and how it is rendered.

The site draws every formula at build time with the npm-installed KaTeX (js/node_modules/katex),
so pages load KaTeX's stylesheet and fonts but no script. Math reaches the renderer in one form,
Arithmatex's generic markup: `<span class="arithmatex">\(...\)</span>` inline and
`<div class="arithmatex">\[...\]</div>` on its own line. Markdown pages, gdlib's docstrings
included, get it from `pymdownx.arithmatex`; the notebooks' `$...$` (hooks/notebooks.py) is
marked by `mark_dollar_math`.
hooks/katex.py renders the marked math of each finished page, hooks/fonts.py reads KaTeX's
stylesheet and cuts its fonts, hooks/assets.py copies them into the site.

Rendered formulas are cached in one file per KaTeX version (`_cache_key`), so a warm rebuild does
not start Node at all.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

from _cache_key import cache_key

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "js" / "node_modules" / "katex" / "dist"
KATEX_CSS = KATEX_DIST / "katex.min.css"
KATEX_FONTS = KATEX_DIST / "fonts"
SITE_FOLDER = "generated/katex/"  # where the site serves the stylesheet and its fonts/
RENDERER = Path(__file__).with_name("katex_render.cjs")
CACHE_DIR = ROOT / ".cache" / "katex"
TOOLS = ["npm:katex"]

# Arithmatex's generic output: \( inline \) in a span, \[ display \] in a div.
MATH = re.compile(r'<(span|div) class="arithmatex">\s*\\([(\[])(.*?)\\[)\]]\s*</\1>', re.S)
DOLLAR_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.S)
DOLLAR_INLINE = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$")


def inline(tex: str) -> str:
    """Mark `tex` as inline math."""
    return f'<span class="arithmatex">\\({tex}\\)</span>'


def display(tex: str) -> str:
    r"""Mark `tex` as display math.

    >>> display("x^2")
    '<div class="arithmatex">\\[x^2\\]</div>'
    """
    return f'<div class="arithmatex">\\[{tex}\\]</div>'


def mark_dollar_math(cell_html: str) -> str:
    r"""Mark `$$...$$` and `$...$` math (as Jupyter writes it) for KaTeX.

    >>> mark_dollar_math(r"cost $x^2$, not 5\$")
    'cost <span class="arithmatex">\\(x^2\\)</span>, not 5\\$'
    """
    cell_html = DOLLAR_DISPLAY.sub(lambda m: display(m.group(1)), cell_html)
    return DOLLAR_INLINE.sub(lambda m: inline(m.group(1)), cell_html)


class Renderer:
    """Render TeX with KaTeX in Node, remembering every formula in a file keyed on KaTeX."""

    def __init__(self, cache_dir: Path = CACHE_DIR) -> None:
        self.cache_file = cache_dir / f"{cache_key([RENDERER], tools=TOOLS)}.json"
        self.cache: dict[str, str] | None = None
        self.dirty = False

    def _load(self) -> dict[str, str]:
        if self.cache is None:
            exists = self.cache_file.exists()
            self.cache = json.loads(self.cache_file.read_text(encoding="utf-8")) if exists else {}
        return self.cache

    def render_all(self, formulas: list[tuple[str, bool]]) -> list[str]:
        """HTML for each `(tex, display)`, from the cache or from one Node call for the rest."""
        cache = self._load()
        missing = sorted({f for f in formulas if f"{f[1]}|{f[0]}" not in cache})
        if missing:
            result = subprocess.run(
                ["node", str(RENDERER)],
                input=json.dumps(missing),
                capture_output=True,
                text=True,
                check=True,
            )
            for (tex, is_display), rendered in zip(missing, json.loads(result.stdout), strict=True):
                cache[f"{is_display}|{tex}"] = rendered
            self.dirty = True
        return [cache[f"{is_display}|{tex}"] for tex, is_display in formulas]

    def render_math(self, page_html: str) -> str:
        """Replace the TeX inside every `.arithmatex` element by KaTeX's HTML."""
        matches = list(MATH.finditer(page_html))
        if not matches:
            return page_html
        formulas = [(html.unescape(m.group(3)).strip(), m.group(2) == "[") for m in matches]
        rendered = iter(self.render_all(formulas))
        return MATH.sub(
            lambda m: f'<{m.group(1)} class="arithmatex">{next(rendered)}</{m.group(1)}>',
            page_html,
        )

    def save(self) -> None:
        """Write newly rendered formulas; drop the files of other KaTeX versions."""
        if not self.dirty or self.cache is None:
            return
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        for old in self.cache_file.parent.glob("*.json"):
            if old != self.cache_file:
                old.unlink()
        self.cache_file.write_text(json.dumps(self.cache, sort_keys=True), encoding="utf-8")
        self.dirty = False

r"""KaTeX in one place: where it lies, how math is marked for it, and how it is rendered.

The site draws every formula at build time with the npm-installed KaTeX (js/node_modules/katex),
so pages load KaTeX's stylesheet and fonts but no script. Math reaches the renderer in one form,
Arithmatex's generic markup: `<span class="arithmatex">\(...\)</span>` inline and
`<div class="arithmatex">\[...\]</div>` on its own line. Markdown pages, gdlib's docstrings
included, get it from `pymdownx.arithmatex`; the notebooks' `$...$` is marked so by
hooks/notebooks.py (hooks/_dollar_math.py).
hooks/_finish.py renders the marked math of each written page, gd_markdown/math.py each
Markdown page's as Markdown finishes it where no hook runs (Zensical): `shared_renderer`;
hooks/_fonts.py reads KaTeX's stylesheet and cuts its fonts, hooks/assets.py copies them into the
site.

Rendered formulas are cached in one file per KaTeX version (`_cache_key`), so a warm rebuild does
not start Node at all; a cold one starts it once, and sends it each page's new formulas.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import subprocess
import threading
from functools import cache
from pathlib import Path

from gd_markdown._cache_key import cache_key

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "js" / "node_modules" / "katex" / "dist"
KATEX_CSS = KATEX_DIST / "katex.min.css"
KATEX_FONTS = KATEX_DIST / "fonts"
SITE_FOLDER = "generated/katex/"  # where the site serves the stylesheet and its fonts/
RENDERER = ROOT / "hooks" / "katex_render.cjs"
CACHE_DIR = ROOT / ".cache" / "katex"
TOOLS = ["npm:katex"]

# Arithmatex's generic output: \( inline \) in a span, \[ display \] in a div; an inline formula
# with the punctuation that follows it (group 4).
MATH = re.compile(
    r'<(span|div) class="arithmatex">\s*\\([(\[])(.*?)\\[)\]]\s*</\1>((?<=</span>)[.,;:!?)\]]+)?',
    re.S,
)
# KaTeX lays a formula out as inline blocks (`.base`, each a run it does not break), and Chromium
# breaks a line after an inline block even before a full stop: at 360 px the rates page read
# "(2, 20)", then ". Only the gradient" on the next line. `glue` puts the punctuation in one span
# with the formula and its last block in a span that does not wrap (docs/stylesheets/extra.css):
# the line can still break between the formula's blocks, where KaTeX lets it.
GLUED = '<span class="gd-glued"><span class="arithmatex">{}</span>{}</span>'
LAST_BASE = '<span class="base">'
KATEX_END = "</span></span>"  # the ends of `.katex-html` and `.katex`
# The end of a display formula. Chromium draws a page the parser has only partly read, at 4x
# slowdown in about one load in four: half a formula was drawn, centred, and moved when its other
# half came (Lighthouse CLS 0.004 on the updates page). extra.css hides a display formula until
# this mark, after it, has been read.
DISPLAY_END = '<span class="gd-formula-end" hidden></span>'


def glue(katex: str, punctuation: str) -> str:
    """Return an inline formula (KaTeX's HTML) in its `.arithmatex` span, glued to `punctuation`.

    >>> out = glue('<span class="katex"><span class="katex-html"><span class="base">x</span>'
    ...            '</span></span>', ",")
    >>> out.startswith('<span class="gd-glued"><span class="arithmatex">'), out[-15:]
    (True, '</span>,</span>')
    >>> '<span class="gd-glue-end"><span class="base">x</span></span></span></span>' in out
    True
    """
    start, end = katex.rfind(LAST_BASE), len(katex) - len(KATEX_END)
    last = katex[start:end]
    if start < 0 or not katex.endswith(KATEX_END) or last.count("<span") != last.count("</span>"):
        return f'<span class="arithmatex">{katex}</span>{punctuation}'  # not KaTeX's usual shape
    return GLUED.format(
        f'{katex[:start]}<span class="gd-glue-end">{last}</span>{katex[end:]}', punctuation
    )


class Renderer:
    """Render TeX with KaTeX in Node, remembering every formula in a file keyed on KaTeX."""

    def __init__(self, cache_dir: Path = CACHE_DIR) -> None:
        self.cache_file = cache_dir / f"{cache_key([RENDERER], tools=TOOLS)}.json"
        self.cache: dict[str, str] | None = None
        self.dirty = False
        self.node: subprocess.Popen | None = None  # started at the first formula not cached
        # One request at a time on Node's pipe, and one writer of the cache.
        self.lock = threading.Lock()

    def _load(self) -> dict[str, str]:
        if self.cache is None:
            exists = self.cache_file.exists()
            self.cache = json.loads(self.cache_file.read_text(encoding="utf-8")) if exists else {}
        return self.cache

    def render_all(self, formulas: list[tuple[str, bool]]) -> list[str]:
        """HTML for each `(tex, display)`, from the cache, else from the Node process."""
        with self.lock:
            return self._render_all(formulas)

    def _render_all(self, formulas: list[tuple[str, bool]]) -> list[str]:
        cache = self._load()
        missing = sorted({f for f in formulas if f"{f[1]}|{f[0]}" not in cache})
        if missing:
            rendered = self._node_render(missing)
            for (tex, is_display), html_ in zip(missing, rendered, strict=True):
                cache[f"{is_display}|{tex}"] = html_
            self.dirty = True
        return [cache[f"{is_display}|{tex}"] for tex, is_display in formulas]

    def _node_render(self, formulas: list[tuple[str, bool]]) -> list[str]:
        """KaTeX's HTML for `formulas`, from the Node process (one line of JSON each way)."""
        if self.node is None:
            self.node = subprocess.Popen(
                ["node", str(RENDERER)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        self.node.stdin.write(json.dumps(formulas) + "\n")
        self.node.stdin.flush()
        answer = self.node.stdout.readline()
        if not answer:
            error = self.node.stderr.read()
            self.close()
            raise RuntimeError(f"the KaTeX renderer ({RENDERER.name}) stopped:\n{error}")
        return json.loads(answer)

    def close(self) -> None:
        """Stop the Node process, if one was started."""
        if self.node is not None:
            self.node.stdin.close()
            self.node.wait()
            self.node = None

    def render_math(self, page_html: str) -> str:
        """Replace the TeX inside every `.arithmatex` element by KaTeX's HTML."""
        matches = list(MATH.finditer(page_html))
        if not matches:
            return page_html
        formulas = [(html.unescape(m.group(3)).strip(), m.group(2) == "[") for m in matches]
        rendered = iter(self.render_all(formulas))

        def replace(m: re.Match) -> str:
            katex = next(rendered)
            if m.group(4):
                return glue(katex, m.group(4))
            if m.group(1) == "div":
                return f'<div class="arithmatex">{katex}{DISPLAY_END}</div>'
            return f'<span class="arithmatex">{katex}</span>'

        return MATH.sub(replace, page_html)

    def save(self) -> None:
        """Stop Node; write newly rendered formulas; drop the files of other KaTeX versions."""
        with self.lock:
            self._save()

    def _save(self) -> None:
        self.close()
        if not self.dirty or self.cache is None:
            return
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        for old in self.cache_file.parent.glob("*.json"):
            if old != self.cache_file:
                old.unlink()
        self.cache_file.write_text(json.dumps(self.cache, sort_keys=True), encoding="utf-8")
        self.dirty = False


@cache
def shared_renderer() -> Renderer:
    """Return the build's one Renderer, whose cache Markdown's pass and the pages' hook share.

    Its new formulas are saved when a build's site is finished (hooks/_finish.py) and, where no
    step finishes it (`zensical serve`), when the process ends.
    """
    renderer = Renderer()
    atexit.register(renderer.save)
    return renderer

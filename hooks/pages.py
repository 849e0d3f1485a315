"""MkDocs hook: fill pages with build-time results and keep notebook pages local and fresh.

On every Markdown page it
- replaces `{{ namespace.key }}` with the values the figure scripts saved in
  `docs/generated/figures/values-NAMESPACE.json` (an unknown key fails the build);
- expands `![alt](figure:NAME)` into the light and dark SVGs of a figure and
  `![alt](animation:NAME)` into two `<picture>`s (animated WebP, a still for reduced motion);
- runs the page's ```python blocks in order, in one namespace per page, and shows what each
  printed in an "Output" block below it (so code and output on the page cannot disagree).

For notebooks it keys mkdocs-jupyter's cache on gdlib as well as the notebook (a gdlib change
re-executes them), strips the MathJax and mermaid loaders nbconvert adds (they point at CDNs),
marks notebook `$...$` math as arithmatex elements, which hooks/katex.py then renders, and trims
the JupyterLab stylesheet nbconvert inlines (574 KB) to the rules that can match the page, and
moves the plots nbconvert inlines as base64 into files of their own, loaded lazily.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import html
import io
import json
import re
import shutil
import textwrap
from pathlib import Path

import tinycss2
from _claims import check_claims
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "docs" / "generated" / "figures"
NB_CACHE = ROOT / ".cache" / "mkdocs-jupyter"
NB_CSS_CACHE = ROOT / ".cache" / "notebook-css"

VALUE = re.compile(r"\{\{\s*([a-z][a-z0-9_]*\.[a-z0-9_]+)\s*\}\}")
FIGURE = re.compile(r"!\[([^\]]+)\]\((figure|animation):([a-z0-9-]+)\)")
PYTHON_BLOCK = re.compile(r"^([ \t]*)```python[^\n]*\n(.*?)^\1```[ \t]*$", re.M | re.S)


class PageError(RuntimeError):
    """A page asks for something the build did not produce."""


def load_values(folder: Path = FIGURES) -> dict[str, str]:
    """Every `namespace.key -> text` saved by the figure scripts."""
    values = {}
    for path in sorted(folder.glob("values-*.json")):
        namespace = path.stem.removeprefix("values-")
        for key, text in json.loads(path.read_text(encoding="utf-8")).items():
            values[f"{namespace}.{key}"] = text
    return values


def substitute_values(markdown: str, values: dict[str, str], where: str) -> str:
    """Replace `{{ ns.key }}` tokens; raise `PageError` naming the page for an unknown key."""

    def replace(match: re.Match) -> str:
        key = match.group(1)
        if key not in values:
            raise PageError(f"{where}: no build-time value named {key!r}")
        return values[key]

    return VALUE.sub(replace, markdown)


def image_size(path: Path) -> tuple[int, int]:
    """Width and height of an image, read from its header."""
    with Image.open(path) as image:
        return image.size


SVG_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"')


def svg_size(path: Path) -> tuple[int, int]:
    """CSS pixel size of a matplotlib SVG (its width and height are in points)."""
    match = SVG_SIZE.search(path.read_text(encoding="utf-8")[:1000])
    if match is None:
        raise PageError(f"{path.name}: no width and height in points")
    return tuple(round(float(v) * 96 / 72) for v in match.groups())


def _figure_markup(alt: str, name: str, prefix: str, where: str) -> str:
    images = []
    for theme in ("light", "dark"):
        svg = FIGURES / f"{name}-{theme}.svg"
        if not svg.exists():
            raise PageError(f"{where}: figure {name!r} was not generated")
        # Width and height let the browser reserve the space before the file arrives.
        width, height = svg_size(svg)
        images.append(
            f"![{alt}]({prefix}generated/figures/{name}-{theme}.svg#only-{theme})"
            f'{{ loading=lazy .gd-figure width="{width}" height="{height}" }}'
        )
    return " ".join(images)


def _animation_markup(alt: str, name: str, url_prefix: str, where: str) -> str:
    parts = []
    for theme in ("light", "dark"):
        still = FIGURES / f"{name}-{theme}-still.webp"
        if not still.exists() or not (FIGURES / f"{name}-{theme}.webp").exists():
            raise PageError(f"{where}: animation {name!r} was not generated")
        # Rasters are drawn at 1.4x (scripts/_animation.py): declare CSS pixels for layout.
        width, height = (round(side / 1.4) for side in image_size(still))
        base = f"{url_prefix}generated/figures/{name}-{theme}"
        parts.append(
            f'<picture><source media="(prefers-reduced-motion: reduce)" srcset="{base}-still.webp">'
            f'<img class="gd-figure" src="{base}.webp#only-{theme}" alt="{html.escape(alt)}" '
            f'width="{width}" height="{height}" loading="lazy"></picture>'
        )
    return "\n".join(parts)


def expand_figures(markdown: str, md_prefix: str, url_prefix: str, where: str) -> str:
    """Turn the `figure:` and `animation:` shorthands into themed image markup."""

    def replace(match: re.Match) -> str:
        alt, kind, name = match.groups()
        if kind == "figure":
            return _figure_markup(alt, name, md_prefix, where)
        return _animation_markup(alt, name, url_prefix, where)

    return FIGURE.sub(replace, markdown)


def run_python_blocks(markdown: str, where: str) -> str:
    """Execute each ```python block; append its printed output as a `text` block."""
    namespace: dict = {"__name__": "__page__"}

    def replace(match: re.Match) -> str:
        indent, code = match.groups()
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(textwrap.dedent(code), where, "exec"), namespace)
        except Exception as error:
            raise PageError(f"{where}: a python block failed: {error!r}") from error
        printed = out.getvalue().rstrip()
        if not printed:
            return match.group(0)
        block = f'```text title="Output"\n{printed}\n```'
        return match.group(0) + "\n\n" + textwrap.indent(block, indent, lambda line: True)

    return PYTHON_BLOCK.sub(replace, markdown)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """MkDocs entry point: values, figures, then executed code."""
    where = page.file.src_uri
    depth = where.count("/")
    md_prefix = "../" * depth
    url_prefix = "../" * page.url.count("/")
    values = load_values()
    markdown = check_claims(markdown, values, where)  # hooks/_claims.py: `{{ check: EXPR }}`
    markdown = substitute_values(markdown, values, where)
    markdown = expand_figures(markdown, md_prefix, url_prefix, where)
    return run_python_blocks(markdown, where)


def gdlib_digest() -> str:
    """SHA-256 over gdlib's sources: notebook outputs depend on them."""
    sha = hashlib.sha256()
    for path in sorted((ROOT / "gdlib").rglob("*.py")):
        sha.update(path.relative_to(ROOT).as_posix().encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def on_config(config):
    """Point mkdocs-jupyter's cache at a folder keyed on gdlib; drop the stale ones."""
    plugin = config.plugins.get("mkdocs-jupyter")
    if plugin is None:
        return config
    cache_dir = NB_CACHE / gdlib_digest()
    if NB_CACHE.exists():
        for old in NB_CACHE.iterdir():
            if old != cache_dir:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    plugin.config["cache_dir"] = str(cache_dir)
    return config


NB_LOADERS = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?cdnjs.*?</script>', re.S),
]
NB_MARKDOWN = re.compile(r'(<div class="[^"]*jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.S)
NB_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
NB_INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$")


def _katex_spans(cell_html: str) -> str:
    cell_html = NB_DISPLAY_MATH.sub(r'<div class="arithmatex">\\[\1\\]</div>', cell_html)
    return NB_INLINE_MATH.sub(r'<span class="arithmatex">\\(\1\\)</span>', cell_html)


# JupyterLab's stylesheet styles the whole JupyterLab application; a static page uses a sliver.
NB_LAB_CSS = re.compile(
    r'(<style type="text/css">\s*)(@charset "UTF-8";\.jupyter-wrapper.*?)(</style>)', re.S
)
# Palette and JupyterLab custom properties: only JupyterLab's CSS reads them, never Material's.
NB_DROPPABLE_VAR = re.compile(r"--(?:jp-[\w-]+|md-[a-z-]+-(?:50|[1-9]00|A[1247]00))$")
CSS_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
# A value may hold `;` inside parentheses (data URLs: `url(data:image/svg+xml;base64,...)`).
CSS_CUSTOM_DECL = re.compile(r"(--[\w-]+)\s*:(?:[^;{}()]|\((?:[^()]|\([^()]*\))*\))*;?")
# `:root` below another element can never match (the wrapper's copy of JupyterLab's globals).
NEVER_MATCHES = re.compile(r"\S\s+:root\b")
CSS_EMPTY_RULE = re.compile(r"(?:(?<=[{}])|^)[^{}]+\{\}")


def _required(selector: list) -> set[str]:
    """Class names and ids (`#id`) a selector needs outside functional pseudo-classes."""
    needed, dot = set(), False
    for token in selector:
        if dot and token.type == "ident":
            needed.add(token.value)
        elif token.type == "hash":
            needed.add("#" + token.value)
        dot = token.type == "literal" and token.value == "."
    return needed


def _selectors(prelude: list) -> list[list]:
    parts: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def _matching_rules(rules: list, present: set[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [
                s
                for s in _selectors(rule.prelude)
                if _required(s) <= present and not NEVER_MATCHES.search(tinycss2.serialize(s))
            ]
            if kept:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in kept)
                out.append(prelude + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content or [], True, True)
            body = _matching_rules(inner, present)
            if body:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def _drop_unused_vars(css: str, context: str) -> str:
    """Drop JupyterLab custom properties that nothing on the page reads (directly or not)."""
    values: dict[str, list[str]] = {}
    for match in CSS_CUSTOM_DECL.finditer(css):
        values.setdefault(match.group(1), []).append(match.group(0))

    def strip(m: re.Match) -> str:
        return "" if NB_DROPPABLE_VAR.match(m.group(1)) else m.group(0)

    used = set(CSS_VAR_USE.findall(CSS_CUSTOM_DECL.sub(strip, css) + context))
    todo = list(used)
    while todo:
        for value in values.get(todo.pop(), []):
            for name in set(CSS_VAR_USE.findall(value)) - used:
                used.add(name)
                todo.append(name)

    def keep(m: re.Match) -> str:
        return m.group(0) if m.group(1) in used or not NB_DROPPABLE_VAR.match(m.group(1)) else ""

    return CSS_EMPTY_RULE.sub("", CSS_CUSTOM_DECL.sub(keep, css))


def trim_notebook_css(output: str) -> str:
    """Keep the JupyterLab rules whose classes and ids all occur on the page (cached on disk).

    A selector is kept when every class and id it names outside `:not()`/`:is()` is on the page
    (tags, attributes and states are assumed present), so no rule that can match is dropped.
    """
    match = NB_LAB_CSS.search(output)
    if match is None:
        return output
    # Keyed on this module too: a change to the trimming must not reuse old results.
    key = hashlib.sha256(output.encode() + Path(__file__).read_bytes()).hexdigest()[:24]
    cached = NB_CSS_CACHE / f"{key}.css"
    if cached.exists():
        css = cached.read_text(encoding="utf-8")
    else:
        rest = output[: match.start(2)] + output[match.end(2) :]
        present = {c for v in re.findall(r'class="([^"]*)"', rest) for c in v.split()}
        present |= {"#" + v for v in re.findall(r'id="([^"]*)"', rest)}
        rules = tinycss2.parse_stylesheet(match.group(2), skip_comments=True, skip_whitespace=True)
        css = _drop_unused_vars(_matching_rules(rules, present), rest)
        NB_CSS_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(css, encoding="utf-8")
    return output[: match.start(2)] + css + output[match.end(2) :]


NB_DATA_IMAGE = re.compile(r'<img ([^>]*?)src="data:image/png;base64,([A-Za-z0-9+/=\s]+)"([^>]*)>')


def extract_images(output: str, folder: Path) -> str:
    """Write each base64 PNG of the page to `folder` (named by its hash); link it, lazily.

    Inlined, a plot weighs a third more than the file and delays the page's first paint.
    """

    def replace(match: re.Match) -> str:
        data = base64.b64decode(match.group(2))
        name = f"output-{hashlib.sha256(data).hexdigest()[:16]}.png"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
        return f'<img {match.group(1)}src="{name}" loading="lazy" decoding="async"{match.group(3)}>'

    return NB_DATA_IMAGE.sub(replace, output)


def on_post_page(output: str, page, config) -> str:
    """Notebook pages: no CDN loaders, JupyterLab's CSS trimmed, plots in files, `$...$` math."""
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    for loader in NB_LOADERS:
        output = loader.sub("", output)
    output = trim_notebook_css(output)
    folder = Path(config["site_dir"]) / Path(page.file.dest_uri).parent
    output = extract_images(output, folder)
    return NB_MARKDOWN.sub(lambda m: m.group(1) + _katex_spans(m.group(2)) + m.group(3), output)

"""Trim JupyterLab's stylesheet, which nbconvert inlines in each notebook page, to what can match.

JupyterLab's stylesheet styles the whole JupyterLab application (574 KB); a static notebook page
uses a sliver. `trim_notebook_css` keeps a rule when every class and id its selector names
outside functional pseudo-classes (`:not()`, `:is()`) occurs on the page; tags, attributes and
states are assumed present, so no rule that can match is dropped (but for selectors a caller
names in `dropped`). Then it drops the JupyterLab and palette custom properties that nothing left
reads, directly or through another property.

Why hand-written: the trimming decides on the page's own classes and keeps every rule that can
match, with tinycss2 (already a dependency) in the build's Python process. Measured on the numpy
notebook page: 755 -> 277 KB HTML (140 -> 86 KB gzip) with the rule trimming (commit d91c8bf),
then 50 -> 20.5 KB gzip once the data-URL properties were parsed whole (6beb4ef); screenshots
pixel-identical.
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

from gd_markdown._cache_key import cache_key

LAB_CSS = re.compile(
    r'(<style type="text/css">\s*)(@charset "UTF-8";\.jupyter-wrapper.*?)(</style>)', re.S
)
# Palette and JupyterLab custom properties: only JupyterLab's CSS reads them, never Material's.
DROPPABLE_VAR = re.compile(r"--(?:jp-[\w-]+|md-[a-z-]+-(?:50|[1-9]00|A[1247]00))$")
VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")
# A value may hold `;` inside parentheses (data URLs: `url(data:image/svg+xml;base64,...)`).
CUSTOM_DECL = re.compile(r"(--[\w-]+)\s*:(?:[^;{}()]|\((?:[^()]|\([^()]*\))*\))*;?")
# `:root` below another element can never match (the wrapper's copy of JupyterLab's globals).
NEVER_MATCHES = re.compile(r"\S\s+:root\b")
ATTRIBUTE_VALUE = re.compile(r'([\w-]+)\s*=\s*"?([\w-]+)"?')
EMPTY_RULE = re.compile(r"(?:(?<=[{}])|^)[^{}]+\{\}")


def _required(selector: list, attributes: frozenset[str] = frozenset()) -> set[str]:
    """Class names, ids and attribute values a selector needs outside functional pseudo-classes.

    An id counts as `#id`; a `[name=value]` selector as `@name=value`, for the names in
    `attributes` only (other attributes are assumed present).
    """
    needed, dot = set(), False
    for token in selector:
        if dot and token.type == "ident":
            needed.add(token.value)
        elif token.type == "hash":
            needed.add("#" + token.value)
        elif token.type == "[] block" and attributes:
            pair = ATTRIBUTE_VALUE.fullmatch(tinycss2.serialize(token.content).strip())
            if pair and pair.group(1) in attributes:
                needed.add(f"@{pair.group(1)}={pair.group(2)}")
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


def _matching_rules(
    rules: list, present: set[str], attributes: frozenset[str], dropped: re.Pattern
) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [
                s
                for s in _selectors(rule.prelude)
                if _required(s, attributes) <= present
                and not NEVER_MATCHES.search(tinycss2.serialize(s))
                and not dropped.search(tinycss2.serialize(s))
            ]
            if kept:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in kept)
                out.append(prelude + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports"):
            inner = tinycss2.parse_rule_list(rule.content or [], True, True)
            body = _matching_rules(inner, present, attributes, dropped)
            if body:
                out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{body}}}")
        elif rule.type == "at-rule" and rule.lower_at_keyword != "charset":
            out.append(tinycss2.serialize([rule]))
    return "".join(out)


def _drop_unused_vars(css: str, context: str, droppable: re.Pattern = DROPPABLE_VAR) -> str:
    """Drop `droppable` custom properties that nothing in `css` or `context` reads.

    A property read only by another property that something reads is read.
    """
    values: dict[str, list[str]] = {}
    for match in CUSTOM_DECL.finditer(css):
        values.setdefault(match.group(1), []).append(match.group(0))

    def strip(m: re.Match) -> str:
        return "" if droppable.match(m.group(1)) else m.group(0)

    used = set(VAR_USE.findall(CUSTOM_DECL.sub(strip, css) + context))
    todo = list(used)
    while todo:
        for value in values.get(todo.pop(), []):
            for name in set(VAR_USE.findall(value)) - used:
                used.add(name)
                todo.append(name)

    def keep(m: re.Match) -> str:
        return m.group(0) if m.group(1) in used or not droppable.match(m.group(1)) else ""

    return EMPTY_RULE.sub("", CUSTOM_DECL.sub(keep, css))


def trim_css(
    css: str,
    page_without_css: str,
    *,
    attributes: frozenset[str] = frozenset(),
    droppable: re.Pattern = DROPPABLE_VAR,
    readers: str = "",
    dropped: re.Pattern = re.compile(r"(?!)"),
) -> str:
    """Keep the rules of `css` that can match `page_without_css`, and the properties they read.

    Args:
        css: the stylesheet.
        page_without_css: the markup the rules must match (class and id attributes count).
        attributes: attribute names whose `[name=value]` selectors need `name="value"` in the
            markup (attributes only the page's template sets, such as `dir`); others are
            assumed present.
        droppable: the custom properties that may be dropped when nothing reads them.
        readers: more text that may read custom properties (`var(--x)`): other stylesheets.
        dropped: selectors to drop although they may match (the default matches none).

    """
    present = {c for v in re.findall(r'class="([^"]*)"', page_without_css) for c in v.split()}
    present |= {"#" + v for v in re.findall(r'id="([^"]*)"', page_without_css)}
    for name in attributes:
        pattern = rf'\s{re.escape(name)}="([^"]*)"'
        present |= {f"@{name}={v}" for v in re.findall(pattern, page_without_css)}
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = _matching_rules(rules, present, frozenset(attributes), dropped)
    return _drop_unused_vars(kept, page_without_css + readers, droppable)


def trim_notebook_css(output: str, cache_dir: Path) -> str:
    """Trim the JupyterLab stylesheet inlined in a notebook page (cached in `cache_dir`)."""
    match = LAB_CSS.search(output)
    if match is None:
        return output
    # Keyed on this module too: a change to the trimming must not reuse old results.
    key = cache_key([Path(__file__)], texts=[output], tools=["tinycss2"])
    cached = cache_dir / f"{key}.css"
    if cached.exists():
        css = cached.read_text(encoding="utf-8")
    else:
        css = trim_css(match.group(2), output[: match.start(2)] + output[match.end(2) :])
        cache_dir.mkdir(parents=True, exist_ok=True)
        cached.write_text(css, encoding="utf-8")
    return output[: match.start(2)] + css + output[match.end(2) :]

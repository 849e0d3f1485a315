"""Build-time values on pages: each `{{ namespace.key }}` token becomes what a figure script saved.

Each figure script saves the numbers its page quotes in
`docs/generated/figures/values-NAMESPACE.json`; `substitute_values` is the one place where a
page's tokens become those numbers, so anything else that reads a page's values (a check of a
claim against them, say) hooks in here. An unknown key fails the build, naming the page.

>>> substitute_values("stopped after {{ run.steps }} steps", {"run.steps": "12"}, "page.md")
'stopped after 12 steps'
"""

from __future__ import annotations

import json
import re
from pathlib import Path

FIGURES = Path(__file__).resolve().parent.parent / "docs" / "generated" / "figures"
VALUE = re.compile(r"\{\{\s*([a-z][a-z0-9_]*\.[a-z0-9_]+)\s*\}\}")


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

"""Give every Markdown document the glossary's abbreviations, parsed once from their file.

`includes/glossary.md` holds one `*[term]: definition` line per term. Python-Markdown's `abbr`
extension wraps each term of a page in `<abbr title="definition">`, which the theme shows as a
tooltip. Appending the file to every document (pymdownx.snippets' `auto_append`, used before)
made `abbr` parse the definitions again in each document, and mkdocstrings converts every
docstring as a document of its own: on the reference pages that was 232 parses, about 3 s of a
9.5 s warm build. `abbr`'s own `glossary` option takes the definitions once; this extension is
`abbr` with that option read from the file.

Markdown: `markdown_extensions: [gd_markdown.glossary: {path: includes/glossary.md}]`, in place
of `abbr` (do not list both: the second would replace the first's processors). The path is
relative to the folder the build runs in, as snippets' was. A page may still define its own
abbreviations; a page's definition of a glossary term wins on that page (with snippets, the
appended glossary won).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from markdown.extensions.abbr import AbbrExtension

DEFINITION = re.compile(r"\*\[([^\]]+)\]:(.*)")


def read_glossary(path: str) -> dict[str, str]:
    """Read the terms and definitions of the glossary file at `path`, in the file's order.

    The file is read at every call (a few kilobytes: `mkdocs serve` sees an edit) and parsed
    once for each content.

    Raises:
        ValueError: if the file is missing, defines no term, or has a line that is not a
            definition.

    """
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"Invalid glossary path: {path!r} ({file.resolve()}) is not a file")
    return _parse(path, file.read_text(encoding="utf-8"))


@functools.cache
def _parse(path: str, text: str) -> dict[str, str]:
    terms = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = DEFINITION.fullmatch(line.strip())
        term, definition = (match[1].strip(), match[2].strip()) if match else ("", "")
        if not term or definition in ("", "''", '""'):  # abbr reads '' as "remove the term"
            raise ValueError(f"{path}:{number}: not a '*[term]: definition' line: {line!r}")
        terms[term] = definition
    if not terms:
        raise ValueError(f"{path}: the glossary defines no term")
    return terms


class GlossaryExtension(AbbrExtension):
    """Python-Markdown's `abbr`, with its glossary read from the file at `path`."""

    def __init__(self, **kwargs) -> None:
        if "path" not in kwargs:
            raise ValueError("gd_markdown.glossary needs a path (e.g. includes/glossary.md)")
        if "glossary" in kwargs:
            raise ValueError("gd_markdown.glossary takes its glossary from path, not glossary")
        path = kwargs.pop("path")
        super().__init__(glossary=read_glossary(str(path)), **kwargs)


def makeExtension(**kwargs) -> GlossaryExtension:  # noqa: N802 (Python-Markdown's name)
    """Python-Markdown's entry point."""
    return GlossaryExtension(**kwargs)

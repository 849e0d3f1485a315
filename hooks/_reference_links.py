"""A link into the old single reference page still lands where it pointed.

Until the reference was split (commit b5d718a, 1 Dec 2026), all of gdlib's reference was one
page, `code/reference/`, and a link named its place in the fragment: an entry
(`#gdlib.descent.descend`) or a section (`#data-sets`). That address is now the overview, and
the entries and sections are on four pages. The overview gets a small inline script
(hooks/_finish.py puts it at the top of `<head>`, so it runs before the page paints) that sends
such a link on to the page that holds the place, fragment and query kept: a section by its
heading's id, an entry by its module. The maps are read from the pages' headings and `:::
gdlib.MODULE` lines at build time, so a section or module moved to another page takes its
links along.

Scope: full page loads of the overview, which is how an old link arrives (a bookmark, another
site). The script does not run when the theme's instant navigation swaps the overview in, and
no page of the site links to the old places (tests/site/test_reference_pages.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from markdown.extensions.toc import slugify

from gd_markdown._site_page import relative_url

OVERVIEW = "code/reference/index.md"
DIRECTIVE = re.compile(r"^::: (gdlib\.\w+)\s*$", re.M)
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")  # `## Title {#id}`, as attr_list reads it
CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)


def heading_id(text: str) -> str:
    """Return the id of a heading: its attribute list's `{#id}` (attr_list) or toc's slug."""
    explicit = EXPLICIT_ID.search(text)
    return explicit.group(1) if explicit else slugify(text, "-")


def heading_ids(markdown: str) -> set[str]:
    r"""Return the ids Python-Markdown's toc gives the headings of `markdown`.

    >>> sorted(heading_ids("# Regression and data\n\n## The NumPy page's sample\n"))
    ['regression-and-data', 'the-numpy-pages-sample']
    >>> sorted(heading_ids("## The NumPy page's sample {#the-seed-pages-example}\n"))
    ['the-seed-pages-example']
    """
    return {heading_id(text) for text in HEADING.findall(markdown)}


def link_targets(sources: dict[str, str], urls: dict[str, str]) -> dict[str, dict[str, str]]:
    r"""Say where each section and module of the reference pages is, relative to the overview.

    Args:
        sources: Markdown of each page by source path, the overview's included.
        urls: each page's site URL by source path.

    Returns:
        `{"sections": {heading id: URL}, "modules": {module: URL}}`; the overview's own
        headings stay on the overview.

    Raises:
        ValueError: when two pages share a heading id or a module, so a link could mean either.

    >>> link_targets({OVERVIEW: "# gdlib reference\n",
    ...               "code/reference/regression.md": "## Data sets\n::: gdlib.datasets\n"},
    ...              {OVERVIEW: "code/reference/",
    ...               "code/reference/regression.md": "code/reference/regression/"})
    {'sections': {'data-sets': 'regression/'}, 'modules': {'gdlib.datasets': 'regression/'}}

    """
    own = heading_ids(sources[OVERVIEW])
    sections: dict[str, str] = {}
    modules: dict[str, str] = {}
    for path, markdown in sorted(sources.items()):
        if path == OVERVIEW:
            continue
        url = relative_url(urls[path], urls[OVERVIEW])
        for section in sorted(heading_ids(markdown) - own):
            if section in sections:
                raise ValueError(f"#{section} is a heading on two reference pages: rename one")
            sections[section] = url
        for module in DIRECTIVE.findall(markdown):
            if module in modules:
                raise ValueError(f"{module} is rendered on two reference pages: keep one")
            modules[module] = url
    return {"sections": sections, "modules": modules}


def forwarding_script(targets: dict[str, dict[str, str]]) -> str:
    """Return the overview's script: a known section or `#gdlib.MODULE...` goes on to its page."""
    return (
        "<script>\n(() => {\n"
        f"  const {{ sections, modules }} = {json.dumps(targets, sort_keys=True)};\n"
        "  const id = location.hash.slice(1);\n"
        '  const module = id.split(".").slice(0, 2).join(".");\n'
        "  const own = (map, key) => Object.prototype.hasOwnProperty.call(map, key);\n"
        "  const page = own(sections, id) ? sections[id]\n"
        "    : own(modules, module) ? modules[module] : null;\n"
        "  if (page) location.replace(page + location.search + location.hash);\n"
        "})();\n</script>\n"
    )


def reference_targets(docs: Path) -> dict[str, dict[str, str]]:
    """Read the reference pages' sections and modules from their Markdown, with their URLs."""
    folder = docs / PurePosixPath(OVERVIEW).parent
    if not (docs / OVERVIEW).is_file():
        raise ValueError(f"{OVERVIEW} is missing: hooks/_reference_links.py forwards links to it")
    sources, urls = {}, {}
    for path in sorted(folder.glob("*.md")):
        source = path.relative_to(docs).as_posix()
        sources[source] = path.read_text(encoding="utf-8")
        urls[source] = source.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/"
    return link_targets(sources, urls)


def forward_old_links(page_html: str, page_url: str, docs: Path) -> str:
    """On the overview, put the forwarding script at the top of the `<head>` (maps from `docs`)."""
    if page_url != OVERVIEW.removesuffix("index.md"):
        return page_html
    charset = CHARSET.search(page_html)
    targets = reference_targets(docs)
    if charset is None or not targets["modules"]:
        raise ValueError(f"{OVERVIEW}: no <meta charset> or no reference pages to forward to")
    at = charset.end()
    return page_html[:at] + "\n" + forwarding_script(targets) + page_html[at:]

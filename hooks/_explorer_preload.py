"""On the explorer's page, preload the explorer's chunk and every chunk it imports.

`<link rel="modulepreload">` for each (read from the bundle hooks/assets.py wrote, as the site
holds it), so they load while the page is parsed, not one import after another once main.js
runs. Not the view worker's: a worker loads its modules itself. The links go before the
theme-start script (_head.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from _head import add_to_head

STATIC_IMPORT = re.compile(r'(?:from|import)\s*"\./([\w-]+\.js)"')
MARK = "data-gd-explorer"  # the explorer's markup in docs/explore.md


def explorer_chunks(folder: Path) -> list[str]:
    """List the explorer's chunk (main.js imports it) and the chunks it imports statically."""
    found = sorted(p.name for p in folder.glob("explorer-*.js"))
    if len(found) != 1:
        raise ValueError(f"expected one explorer-*.js in {folder}, found {found}")
    explorer = found[0]
    seen, todo = [], [explorer]
    while todo:
        name = todo.pop(0)
        if name not in seen:
            seen.append(name)
            todo += STATIC_IMPORT.findall((folder / name).read_text(encoding="utf-8"))
    return seen


def preload_explorer(page_html: str, page_url: str, folder: Path) -> str:
    """Return `page_html` with the chunks in `folder` preloaded, when the page holds the explorer.

    >>> preload_explorer("<p>no explorer here</p>", "concepts/a/", Path("site/generated/explorer"))
    '<p>no explorer here</p>'
    """
    if MARK not in page_html:
        return page_html
    base = "../" * page_url.count("/") + "generated/explorer/"
    chunks = explorer_chunks(folder)
    links = "".join(f'<link rel="modulepreload" href="{base}{n}">' for n in chunks)
    return add_to_head(page_html, links)

"""What the live figures cost in JavaScript, read from a built site's bundle.

Issue 12's budget: <= 25 KiB gzip a page beyond today, none of it before a figure nears the
viewport.

For each widget named in js/src/widgets/loader.js: its chunk and every chunk it imports statically
that the page has not loaded already (main.js and its static imports load on every page), gzipped
at level 6 as a static host serves them; and which pages hold that widget. The loader itself sits in
main.js, on every page: its size is printed too, as main.js's gzip.

Run on a build: `python benchmarks/widget_weight.py site/` (bench_site.py prints it too).
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

BUDGET_KIB = 25.0
STATIC_IMPORT = re.compile(
    r'(?:import|export)\s*(?:\{[^}]*\}\s*from\s*|\*\s*as\s*\w+\s*from\s*)?"\./([\w.-]+\.js)"'
)
WIDGET = re.compile(r'data-gd-widget="(\w+)"')


def gzip_size(path: Path) -> int:
    """Bytes of `path` gzipped at level 6, as a static host sends it."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def closure(folder: Path, name: str) -> set[str]:
    """`name` and every chunk it imports statically, transitively."""
    seen, todo = set(), [name]
    while todo:
        chunk = todo.pop()
        if chunk not in seen:
            seen.add(chunk)
            todo += STATIC_IMPORT.findall((folder / chunk).read_text(encoding="utf-8"))
    return seen


def widget_weights(site: Path) -> dict[str, dict]:
    """Per widget: its chunks beyond main.js's, their gzip bytes, and the pages holding it."""
    folder = site / "generated" / "explorer"
    every_page = closure(folder, "main.js")
    pages: dict[str, list[str]] = {}
    for html in sorted(site.rglob("index.html")):
        for name in set(WIDGET.findall(html.read_text(encoding="utf-8"))):
            pages.setdefault(name, []).append(html.parent.relative_to(site).as_posix())
    result = {}
    for name, where in sorted(pages.items()):
        entry = next(folder.glob(f"{name}-*.js")).name
        chunks = closure(folder, entry) - every_page
        result[name] = {
            "chunks": sorted(chunks),
            "gzip": sum(gzip_size(folder / c) for c in chunks),
            "pages": where,
        }
    return result


def print_widget_weights(site: Path) -> None:
    """Print main.js (every page, before any figure) and each widget's lazy chunks."""
    folder = site / "generated" / "explorer"
    main = sum(gzip_size(folder / c) for c in closure(folder, "main.js"))
    print(f"\n{'main.js and its imports (every page)':40} {main / 1024:6.2f} KiB gzip")
    for name, row in widget_weights(site).items():
        kib = row["gzip"] / 1024
        ok = "ok" if kib <= BUDGET_KIB else "MISSED"
        print(
            f"{'live figure ' + name + ' (lazy)':40} {kib:6.2f} KiB gzip   target <= {BUDGET_KIB:g}"
            f" KiB {ok}   on {', '.join(row['pages'])}"
        )


if __name__ == "__main__":
    print_widget_weights(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))

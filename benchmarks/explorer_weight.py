"""The explorer's first-load JavaScript, read from a built site's bundle (issue 13's budget).

Issue 13: the explorer's first load must not grow beyond what it was before "Your function",
130.3 KiB gzip (`BASELINE_KIB`, the README's figure from bench_explorer.py). First load
means what /explore/ fetches before the reader does anything: main.js (every page), the explorer
chunk main.js imports where the page has an explorer, the view worker, and every chunk those
import statically. Not in it: the lazy chunks (the parser of "Your function", the live figures,
the on-page view for browsers without OffscreenCanvas). tests/test_explorer_weight.py fails above
the baseline at gzip level 9; tests/browser/test_explorer_custom.py checks the browser fetches
exactly these chunks at first.

Run on a build: `python benchmarks/explorer_weight.py site/` (bench_explorer.py prints it too).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from widget_weight import closure

BASELINE_KIB = 130.3


def first_load_chunks(folder: Path) -> set[str]:
    """File names of the chunks in `folder` (the built generated/explorer/) a first load fetches."""
    (explorer,) = [p.name for p in folder.glob("explorer-*.js")]
    entries = ("main.js", explorer, "view-worker.js")
    return set().union(*(closure(folder, name) for name in entries))


def first_load_weights(folder: Path) -> dict[str, tuple[int, int, int]]:
    """`{chunk: (raw, gzip -6, gzip -9)}` bytes for each first-load chunk, sorted by name."""
    weights = {}
    for name in sorted(first_load_chunks(folder)):
        data = (folder / name).read_bytes()
        sizes = [len(gzip.compress(data, compresslevel=k, mtime=0)) for k in (6, 9)]
        weights[name] = (len(data), *sizes)
    return weights


def print_first_load(site: Path) -> None:
    """Per chunk, then the total at both levels against the baseline."""
    weights = first_load_weights(site / "generated" / "explorer")
    print(f"\nexplorer first load {'':28} {'raw KiB':>8} {'gzip-6':>8} {'gzip-9':>8}")
    for name, (raw, six, nine) in weights.items():
        print(f"  {name:46} {raw / 1024:8.1f} {six / 1024:8.2f} {nine / 1024:8.2f}")
    six, nine = (sum(w[k] for w in weights.values()) / 1024 for k in (1, 2))
    ok = "ok" if nine <= BASELINE_KIB else "MISSED"
    print(
        f"  {'total':46} {'':8} {six:8.2f} {nine:8.2f}"
        f"  before 'Your function': {BASELINE_KIB} KiB (gzip-9 <= it: {ok})"
    )


if __name__ == "__main__":
    print_first_load(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))

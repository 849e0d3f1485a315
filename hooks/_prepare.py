"""Before a tool that runs no MkDocs hook (Zensical): the figures and the front-end assets.

`python hooks/_prepare.py` does what hooks/figures.py and hooks/assets.py do before a MkDocs
build: it runs the stale `scripts/fig_*.py` and bundles the explorer and KaTeX into
`docs/generated/`. Not the notebooks, which only mkdocs-jupyter renders. `make zensical` runs
it, then `zensical build`, then hooks/_finish.py.
"""

from __future__ import annotations

import sys

from assets import prepare_assets
from figures import build_figures


def main() -> int:
    """Make the figures and the assets; say how many figures were rebuilt."""
    done = build_figures()
    prepare_assets()
    rebuilt = sum(state == "rebuilt" for state in done.values())
    print(f"figures: {rebuilt} rebuilt, {len(done) - rebuilt} cached; assets in docs/generated/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

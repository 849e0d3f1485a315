"""MkDocs hook: finish the written site (hooks/_finish.py), as a Zensical build is finished.

The pages' last touches (the explorer's preloads, the reference's titles, the palette switch,
the formulas and their fonts), then KaTeX's fonts, the stylesheets and the policies, once every
page is written and the plugins' post_build wrote their files (the search index, mkdocstrings'
stylesheet, at the default priority), before hooks/notebooks.py names the repository in the
search index (-100).
"""

from __future__ import annotations

from pathlib import Path

from _finish import finish_site
from _palette_switch import check_options
from mkdocs.plugins import event_priority

_state = {"serving": False}


def on_startup(command: str, dirty: bool, **kwargs) -> None:
    """MkDocs entry point: note whether this is `mkdocs serve` (no policy: live reload)."""
    _state["serving"] = command == "serve"


def on_config(config):
    """MkDocs entry point: the palette's options are ones the site's script can apply."""
    palette = config.theme.get("palette") or []
    check_options(palette if isinstance(palette, list) else [palette])  # one option: a mapping


@event_priority(-80)
def on_post_build(config) -> None:
    """MkDocs entry point: finish the site MkDocs wrote."""
    theme_dirs, docs = list(map(Path, config["theme"].dirs)), Path(config["docs_dir"])
    finish_site(Path(config["site_dir"]), theme_dirs, docs, policies=not _state["serving"])

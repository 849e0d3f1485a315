"""Hooks run in the order their data needs, declared by MkDocs event priorities, not list position.

The order that matters (CONTRIBUTING.md, "The build in one picture"):
- before the build: hooks/assets.py, which bundles in a thread started at on_config, waits for it
  after hooks/figures.py has run its workers, so esbuild runs beside them;
- page content: hooks/reference.py restores doctests, hooks/opening_table.py marks the table a
  page opens with, then hooks/sections.py boxes the sections;
- finished pages: hooks/notebooks.py marks notebook math, hooks/katex.py renders all math, then
  hooks/fonts.py preloads the fonts the rendered formulas use, and hooks/csp.py, last, hashes the
  final inline scripts into the page's Content-Security-Policy;
- and every hook runs after the plugins (mkdocs-jupyter, mkdocstrings) have produced the page.
Loading the configuration with the hooks listed in reverse must give the same order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "pre_build": ["figures", "assets"],
    "page_content": ["reference", "opening_table", "sections"],
    "post_page": ["notebooks", "katex", "fonts", "csp"],
}


def _order(hooks: list[str] | None = None) -> dict[str, list[str]]:
    overrides = {} if hooks is None else {"hooks": hooks}
    config = load_config(str(ROOT / "mkdocs.yml"), **overrides)
    order = {}
    for event, methods in config.plugins.events.items():
        names = []
        for method in methods:
            module = getattr(method, "__module__", "") or ""
            # Hooks are modules named by their path in mkdocs.yml; plugins are bound methods.
            names.append(Path(module).stem if module.startswith("hooks/") else "plugin")
        order[event] = names
    return order


@pytest.fixture(scope="module")
def listed_hooks() -> list[str]:
    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.hooks)


@pytest.mark.parametrize("reverse", [False, True], ids=["as listed", "listed in reverse"])
def test_hooks_run_in_the_declared_order(listed_hooks, reverse):
    order = _order(list(reversed(listed_hooks)) if reverse else None)
    for event, required in REQUIRED.items():
        ran = [name for name in order[event] if name in required]
        assert ran == required, f"on_{event}: {ran}, expected {required}"


def test_hooks_run_after_the_plugins_on_the_pages():
    order = _order()
    for event in ("page_markdown", "page_content", "post_page"):
        names = order[event]
        hooks = [i for i, name in enumerate(names) if name != "plugin"]
        plugins = [i for i, name in enumerate(names) if name == "plugin"]
        assert hooks and max(plugins, default=-1) < min(hooks), f"on_{event}: {names}"


def test_every_hook_module_is_listed_and_every_library_is_not(listed_hooks):
    on_disk = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "hooks").glob("*.py"))
    hooks = [p for p in on_disk if not Path(p).name.startswith("_")]
    assert sorted(listed_hooks) == hooks, "hooks/NAME.py is a hook, listed; hooks/_NAME.py is not"

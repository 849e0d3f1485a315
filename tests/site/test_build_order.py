"""Hooks run in the order their data needs, declared by MkDocs event priorities, not list position.

The order that matters (CONTRIBUTING.md, "The build in one picture"):
- before the build: hooks/assets.py, which bundles in a thread started at on_config, waits for it
  after hooks/figures.py has run its workers, so esbuild runs beside them;
- page Markdown, as a Python-Markdown pre-processor that runs first: gd_markdown/page_source.py
  checks the claims, puts the values in and expands the figures;
- page content, as Python-Markdown post-processors (gd_markdown/_html_pass.py), after the raw
  HTML (mkdocstrings' among it) is back and the permalinks relabelled: gd_markdown/doctests.py
  restores doctests, table_cards.py labels the card tables, opening_table.py marks the table a
  page opens with, sections.py boxes the sections, table_boxes.py boxes the tables, and
  math.py, last, draws the formulas where no hook does it later (not in MkDocs);
- written pages: hooks/notebooks.py (post_page) marks the notebooks' math and moves their plots
  into files; then, once every page and every plugin's files are written, hooks/finish.py runs
  hooks/_finish.py, which Zensical's builds run too: each page's preloads, reference titles,
  palette switch, formulas (in MkDocs) and their fonts' preloads, then the fonts and stylesheets
  cut and, last, every page's Content-Security-Policy from the final inline scripts.
Loading the configuration with the hooks listed in reverse must give the same order.
"""

from __future__ import annotations

from pathlib import Path

import _finish
import pytest
from markdown import Markdown
from mkdocs.config import load_config

from gd_markdown._html_pass import ORDER

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {"pre_build": ["figures", "assets"], "post_build": ["finish", "notebooks"]}
# The only hook that works on MkDocs' page objects: the notebooks are mkdocs-jupyter's pages.
POST_PAGE_HOOKS = ["notebooks"]
# What each pass needs of the ones before it: the doctests back before any other pass reads the
# reference's HTML; the opening table found as a top-level block, before the sections are boxed;
# the tables boxed after the sections, in the page as it ends; the formulas drawn last.
PASSES_BEFORE = [
    ("gd_doctests", "gd_table_cards"),
    ("gd_opening_table", "gd_sections"),
    ("gd_sections", "gd_table_boxes"),
    ("gd_table_boxes", "gd_math"),
]


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


def test_hooks_run_after_the_plugins_on_the_finished_pages():
    order = _order()
    for event, hook in (("post_page", "notebooks"), ("post_build", "finish")):
        names = order[event]
        plugins = [i for i, name in enumerate(names) if name == "plugin"]
        assert plugins and max(plugins) < names.index(hook), f"on_{event}: {names}"


def test_only_the_notebooks_hook_works_on_mkdocs_pages_the_rest_on_the_written_site():
    """A Zensical build is finished by hooks/_finish.py as MkDocs' is: no step needs MkDocs."""
    order = _order()
    assert [name for name in order["post_page"] if name != "plugin"] == POST_PAGE_HOOKS
    assert [name for name in order["post_build"] if name != "plugin"] == ["finish", "notebooks"]


def test_each_page_step_runs_after_what_it_reads():
    steps = [name for name, _ in _finish.page_steps(Path("site"), Path("docs"))]
    assert steps.index("math") < steps.index("font preloads"), "fonts are read off the formulas"


def test_the_site_is_finished_page_by_page_then_fonts_stylesheets_and_policies_last(
    tmp_path, monkeypatch
):
    ran = []
    for name in ("finish_pages", "cut_site_fonts", "cut_stylesheets", "declare_policies"):
        monkeypatch.setattr(_finish, name, lambda *args, name=name: ran.append(name) or 0)
    _finish.finish_site(tmp_path, [], tmp_path, policies=True)
    assert ran == ["finish_pages", "cut_site_fonts", "cut_stylesheets", "declare_policies"]
    ran.clear()
    _finish.finish_site(tmp_path, [], tmp_path, policies=False)  # mkdocs serve: live reload
    assert "declare_policies" not in ran


def test_no_hook_rewrites_a_pages_markdown_or_content():
    """Markdown extensions do (gd_markdown/page_source.py and the passes): Zensical runs those."""
    order = _order()
    for event in ("page_markdown", "page_content"):
        assert "plugin" in order[event] and set(order[event]) == {"plugin"}, order[event]


def test_every_hook_module_is_listed_and_every_library_is_not(listed_hooks):
    on_disk = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "hooks").glob("*.py"))
    hooks = [p for p in on_disk if not Path(p).name.startswith("_")]
    assert sorted(listed_hooks) == hooks, "hooks/NAME.py is a hook, listed; hooks/_NAME.py is not"


def test_page_passes_run_in_order_after_the_raw_html_and_the_permalinks():
    config = load_config(str(ROOT / "mkdocs.yml"))
    md = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    at = {name: md.postprocessors.get_index_for_name(name) for name in ORDER}
    assert sorted(at, key=at.get) == list(ORDER), at  # in the order html_pass declares
    assert md.postprocessors.get_index_for_name("raw_html") < min(at.values())
    assert md.postprocessors.get_index_for_name("gd_permalinks") < min(at.values())
    assert at["gd_doctests"] == min(at.values()), "the doctests are back before any pass"
    assert at["gd_math"] == len(md.postprocessors) - 1, "the formulas are drawn by the last pass"
    for first, then in PASSES_BEFORE:
        assert at[first] < at[then], (first, then)

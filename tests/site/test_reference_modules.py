"""The gdlib reference pages render every public module once, subpackages' modules included,
and give every public name an entry.

Session 46's review: `gdlib.optimizers.base` is public by name, and its module docstring says how
to write an optimizer of one's own, but the reference left it out (with its helpers `as_grads`,
`check_state`, `accumulate_squares`): the check looked at gdlib's top-level modules only.
All checks read the session's strict build (`built_site`, tests/conftest.py).
"""

from __future__ import annotations

import importlib
import pkgutil
import re

from test_reference_pages import reference_pages

# gdlib's public modules the reference leaves out, and why.
NOT_IN_REFERENCE = {"explorer_defaults": "the explorer's start-up values: the site's plumbing"}
GDLIB_ID = re.compile(r'\bid="(gdlib\.[\w.]+)"')


def gdlib_modules() -> set[str]:
    """Every gdlib module's dotted name after `gdlib.`, private ones and subpackages included."""
    import gdlib

    return {m.name[6:] for m in pkgutil.walk_packages(gdlib.__path__, prefix="gdlib.")}


def public(module: str) -> bool:
    return not any(part.startswith("_") for part in module.split("."))


def owner(anchor: str, modules: set[str]) -> str:
    """The module that holds the element `anchor` names: the longest module its path starts with.

    >>> owner("gdlib.optimizers.base.as_grads", {"optimizers", "optimizers.base"})
    'optimizers.base'
    >>> owner("gdlib.optimizers.sgd", {"optimizers", "optimizers.base"})
    'optimizers'
    """
    parts = anchor.split(".")[1:]
    prefixes = (".".join(parts[:k]) for k in range(len(parts), 0, -1))
    return next(prefix for prefix in prefixes if prefix in modules)


def rendered_modules(built_site) -> dict[str, list[str]]:
    """Each page's modules: those whose own anchor, or a member's, is on it."""
    modules = gdlib_modules()
    return {
        page.parent.name: sorted({owner(a, modules) for a in GDLIB_ID.findall(page.read_text())})
        for page in reference_pages(built_site)
    }


def test_the_reference_pages_render_every_public_gdlib_module_once(built_site):
    modules = {m for m in gdlib_modules() if public(m)}
    rendered = [name for names in rendered_modules(built_site).values() for name in names]
    assert "optimizers.base" in modules, "subpackages' modules are checked too"
    assert sorted(rendered) == sorted(modules - set(NOT_IN_REFERENCE)), "each module on one page"
    assert set(NOT_IN_REFERENCE) <= modules, "a module left out on purpose no longer exists"


def test_every_public_name_of_a_rendered_module_has_an_entry(built_site):
    """mkdocstrings leaves out a name without a docstring: `SURFACES`, which the surfaces page's
    prose names, and `surface_from_expression`'s default `DEFAULT_BOUNDS` had no entry. A name
    re-exported from another module has one entry, under either (`GradientTransformation` is
    `gdlib.optimizers`' and `gdlib.optimizers.base`'s)."""
    ids = {i for page in reference_pages(built_site) for i in GDLIB_ID.findall(page.read_text())}
    modules = {m for names in rendered_modules(built_site).values() for m in names}

    def has_entry(module: str, name: str) -> bool:
        value = getattr(importlib.import_module(f"gdlib.{module}"), name)
        return any(
            f"gdlib.{other}.{name}" in ids
            and getattr(importlib.import_module(f"gdlib.{other}"), name, None) is value
            for other in modules
        )

    missing = [
        f"gdlib.{module}.{name}"
        for module in sorted(modules)
        for name in importlib.import_module(f"gdlib.{module}").__all__
        if not has_entry(module, name)
    ]
    assert len(modules) >= 11, modules
    assert missing == [], "public names without an entry on the reference pages"
    for page in reference_pages(built_site):  # a value in the heading, not SURFACES' source
        headings = re.findall(r'<h\d[^>]* id="gdlib\.[^"]+".*?</h\d>', page.read_text(), re.S)
        assert max([len(re.sub(r"<[^>]+>", "", h)) for h in headings], default=0) < 400, page

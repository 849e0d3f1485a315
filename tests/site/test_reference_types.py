"""Every gdlib type a reference page names has an entry there, and its mentions link to it.

Session 46's review: `Surface`'s table gave `start` the type `Point` (and `bounds`
`tuple[Point, Point]`, though bounds are ranges), with no entry anywhere saying that a `Point` is
a pair of floats `(x, y)`: it was `gdlib._surface.Point`, private, and the page showed it bare.
All checks read the session's strict build (`built_site`, tests/conftest.py).
"""

from __future__ import annotations

import html
import importlib
import pkgutil
import re

from test_reference_pages import reference_pages

# A type cell of a docstring section's table (Attributes, Args, Returns, Raises).
TYPE_CELL = re.compile(r"<td>\s*<code>(.*?)</code>\s*</td>", re.S)


def gdlib_types() -> set[str]:
    """The classes and type aliases in every gdlib module's `__all__`, private modules' included."""
    import gdlib

    names: set[str] = set()
    for found in pkgutil.walk_packages(gdlib.__path__, prefix="gdlib."):
        module = importlib.import_module(found.name)
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if isinstance(value, type) or hasattr(value, "__origin__"):  # Point, Schedule
                names.add(name)
    return names


def test_a_gdlib_name_in_a_type_cell_links_to_its_entry(built_site):
    names = gdlib_types()
    assert {"Point", "Schedule", "Surface"} <= names, names
    bare, linked = [], 0
    for page in reference_pages(built_site):
        for cell in TYPE_CELL.findall(page.read_text(encoding="utf-8")):
            linked += cell.count('class="autorefs autorefs-internal"')
            text = html.unescape(re.sub(r"<a\b[^>]*>.*?</a>", "", cell))
            bare += [w for w in re.findall(r"\w+", re.sub(r"<[^>]+>", "", text)) if w in names]
    assert bare == [], "gdlib types shown without a link to their entry"
    assert linked >= 20, linked


def test_point_has_an_entry_saying_it_is_a_pair_of_floats(built_site):
    page = built_site.root / "code" / "reference" / "surfaces-and-descent" / "index.html"
    text = page.read_text(encoding="utf-8")
    entry = re.search(r'<h3 id="gdlib\.surfaces\.Point".*?</div>', text, re.S)
    assert entry, "no entry for gdlib.surfaces.Point"
    assert "pair of floats <code>(x, y)</code>" in entry[0]
    start = re.search(r"<td><code>start</code></td>\s*<td>(.*?)</td>", text, re.S)[1]
    assert '<a class="autorefs autorefs-internal" href="#gdlib.surfaces.Point">Point</a>' in start
    bounds = re.search(r"<td><code>bounds</code></td>\s*<td>(.*?)</td>", text, re.S)[1]
    assert "Point" not in bounds, "bounds are two ranges (xmin, xmax), (ymin, ymax), not points"

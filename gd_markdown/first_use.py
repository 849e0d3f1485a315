"""Mark a glossary term once per section: its first use shows the definition, the rest are text.

The glossary (`includes/glossary.md`, given to every page by gd_markdown/glossary.py) makes `abbr`
wrap every occurrence of every term in `<abbr title="definition">`. A page that says
"epoch" eleven times then underlines it eleven times, and the theme sets up a tooltip for each one
when the page starts (about 0.5 ms each on a fast machine, four times that on a slow phone).
Readers need the definition where a term first appears in the part they are reading, as a
printed book defines a term at first use. So after `abbr` has run, this tree processor keeps the
first `<abbr>` of each term (by its text, ignoring case) in each section and unwraps the others:

- a section starts at each `<h1>` or `<h2>`, the level of the theme's table of contents;
- a collapsed block (`<details>`) and each content tab are read on their own, and may be the
  first thing a reader opens: each keeps its own first uses and takes none from around it;
- a term inside a link is left as text and is not its section's first use: a tap on it
  follows the link, so its tooltip could not be opened on a phone;
- a term with an entry on the page itself (a `<dt>` of a definition list, as on the glossary
  page) links to that entry at its first use instead of showing a shorter definition in a
  tooltip; inside the entry's own definition it stays text. Each such `<dt>` gets an id,
  `term-` and the slug of its first name (`Learning rate` -> `#term-learning-rate`), so other
  pages can link to an entry too.

Markdown: `markdown_extensions: [gd_markdown.glossary, gd_markdown.first_use]` (after the
glossary's `abbr`, which it needs).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

SECTION_HEADINGS = {"h1", "h2"}
# abbr's tree processor runs at priority 7, the table of contents at 5: in between, so the
# headings' ids and the table of contents see the same text as before.
PRIORITY = 6


def reads_on_its_own(element: Element) -> bool:
    """Tell whether a reader may open `element` first: a collapsed block or one content tab."""
    classes = element.get("class", "").split()
    return element.tag == "details" or "tabbed-block" in classes


def entry_names(term: Element) -> list[str]:
    """Return the names an entry's `<dt>` gives, lower case: `Convex, non-convex (x)` has three."""
    text = "".join(term.itertext())
    return [name.strip().casefold() for name in re.split(r"[,()]", text) if name.strip()]


def entries(root: Element) -> dict[str, str]:
    """Give each `<dt>` under `root` an id if it has none; return its names' ids by name."""
    ids: dict[str, str] = {}
    for term in root.iter("dt"):
        names = entry_names(term)
        if names:
            term.set("id", term.get("id") or "term-" + slugify(names[0], "-"))
            ids.update((name, term.get("id")) for name in names)
    return ids


def entry_of(term: str, ids: dict[str, str]) -> str | None:
    """Return the id of the entry naming `term` (lower case), a plural's singular included."""
    return ids.get(term) or (ids.get(term[:-1]) if term.endswith("s") else None)


def link_to(element: Element, entry: str) -> None:
    """Turn the `<abbr>` `element` into a link to the entry with id `entry`, text kept."""
    text, tail = element.text, element.tail
    element.clear()
    element.tag = "a"
    element.set("href", "#" + entry)
    element.text, element.tail = text, tail


def unwrap(parent: Element, element: Element) -> None:
    """Replace `element` (text only, as `abbr` makes it) in `parent` by its text."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


class FirstUseTreeprocessor(Treeprocessor):
    """Keep each term's first `<abbr>` in a section or block; link terms with an entry here."""

    def run(self, root: Element) -> None:
        """Walk the page in reading order with one set of marked terms per section."""
        self.ids = entries(root)
        self.walk(root, set())

    def walk(self, parent: Element, marked: set[str], own: frozenset = frozenset()) -> None:
        """Visit `parent`'s children in order; `marked` holds the terms already shown.

        `own` holds the ids of the entries being defined around `parent` (no link to them) and
        `"a"` inside a link.
        """
        entry_here = frozenset()
        for child in list(parent):
            if child.tag in SECTION_HEADINGS:
                marked.clear()
            if child.tag == "abbr":
                self.visit(parent, child, marked, own)
            elif child.tag == "dt":
                entry_here = frozenset({child.get("id")})
                self.walk(child, marked, own | entry_here)
            else:
                inner = own | entry_here if child.tag == "dd" else own
                inner = inner | {"a"} if child.tag == "a" else inner
                self.walk(child, set() if reads_on_its_own(child) else marked, inner)

    def visit(self, parent: Element, element: Element, marked: set[str], own: frozenset) -> None:
        """Mark, link or unwrap one `<abbr>` (see the module's rules)."""
        term = (element.text or "").casefold()
        entry = entry_of(term, self.ids)
        if term in marked or "a" in own or (entry and entry in own):
            unwrap(parent, element)
        elif entry:
            link_to(element, entry)
            marked.add(term)
        else:
            marked.add(term)


class FirstUseExtension(Extension):
    """Keep each glossary term's `<abbr>` only at its first use in a section."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the tree processor after `abbr`'s."""
        md.treeprocessors.register(FirstUseTreeprocessor(md), "gd_first_use", PRIORITY)


def makeExtension(**kwargs) -> FirstUseExtension:  # noqa: N802 (Python-Markdown's name)
    r"""Entry point for `markdown_extensions: [gd_markdown.first_use]`.

    >>> import markdown
    >>> text = "An epoch, another epoch.\n\n## Next\n\nOne epoch.\n\n*[epoch]: One pass."
    >>> print(markdown.markdown(text, extensions=["abbr", makeExtension()]))
    <p>An <abbr title="One pass.">epoch</abbr>, another epoch.</p>
    <h2>Next</h2>
    <p>One <abbr title="One pass.">epoch</abbr>.</p>
    """
    return FirstUseExtension(**kwargs)

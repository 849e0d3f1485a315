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
- a term inside a link (or a cross-reference) is left as text and is not its section's first
  use: a tap on it follows the link, so its tooltip could not be opened on a phone;
- a term with an entry on the page itself (a `<dt>` of a definition list, as on the glossary
  page, named in it or marked in it) links to that entry at its first use instead of showing a
  shorter definition in a tooltip; inside the entry's own term and definition it stays text.
  Each `<dt>` gets an id, `term-` and the slug of its first name (`Learning rate` ->
  `#term-learning-rate`; `-1`, `-2` after a name taken), so other pages can link to an entry.

Markdown: `markdown_extensions: [gd_markdown.glossary, gd_markdown.first_use]` (after the
glossary's `abbr`, which it needs).
"""

from __future__ import annotations

import re
from itertools import count
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.treeprocessors import Treeprocessor

SECTION_HEADINGS = {"h1", "h2"}
# abbr's tree processor runs at priority 7, the table of contents at 5: in between, so the
# headings' ids and the table of contents see the same text as before.
PRIORITY = 6
# A link, or a cross-reference: autorefs turns `<autoref>` into a link once the page is done.
LINKS = {"a", "autoref"}


def reads_on_its_own(element: Element) -> bool:
    """Tell whether a reader may open `element` first: a collapsed block or one content tab."""
    classes = element.get("class", "").split()
    return element.tag == "details" or "tabbed-block" in classes


def entry_names(term: Element) -> list[str]:
    """Return the names an entry's `<dt>` gives, lower case: `Convex, non-convex (x)` has three."""
    text = "".join(term.itertext())
    return [name.strip().casefold() for name in re.split(r"[,()]", text) if name.strip()]


def entries(root: Element) -> dict[str, str]:
    """Give each `<dt>` under `root` a unique id if it has none; return its names' ids by name.

    A glossary term marked inside a `<dt>` (`line search` in `Backtracking line search`) names
    that entry too, unless another entry has it as a name of its own.
    """
    ids: dict[str, str] = {}
    used = {element.get("id") for element in root.iter() if element.get("id")}
    named = [(term, names) for term in root.iter("dt") if (names := entry_names(term))]
    for term, names in named:
        if not term.get("id"):
            base = "term-" + slugify_unicode(names[0], "-")
            unique = (f"{base}-{n}" if n else base for n in count())
            term.set("id", next(name for name in unique if name not in used))
            used.add(term.get("id"))
        for name in names:  # a name two entries share is the first's
            ids.setdefault(name, term.get("id"))
    for term, _ in named:
        for marked in term.iter("abbr"):
            ids.setdefault((marked.text or "").casefold(), term.get("id"))
    return ids


def entry_of(term: str, ids: dict[str, str]) -> str | None:
    """Return the id of the entry naming `term` (lower case), a plural's singular included."""
    singulars = [term[: -len(ending)] for ending in ("s", "es") if term.endswith(ending)]
    return next((ids[name] for name in (term, *singulars) if name in ids), None)


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

    def walk(
        self, parent: Element, marked: set[str], own: frozenset = frozenset(), in_link=False
    ) -> None:
        """Visit `parent`'s children in order; `marked` holds the terms already shown.

        `own` holds the ids of the entries being defined around `parent` (no link to them);
        `in_link` says `parent` is in a link (or a cross-reference, which autorefs makes one).
        """
        entry_here, after_definition = frozenset(), False
        for child in list(parent):
            if child.tag in SECTION_HEADINGS:
                marked.clear()
            if child.tag == "abbr":
                self.visit(parent, child, marked, own, in_link)
                continue
            if child.tag == "dt":  # consecutive terms share the definition that follows them
                entry_here = (frozenset() if after_definition else entry_here) | {child.get("id")}
                after_definition = False
            after_definition = after_definition or child.tag == "dd"
            inner = own | entry_here if child.tag in {"dt", "dd"} else own
            scope = set() if reads_on_its_own(child) else marked
            self.walk(child, scope, inner, in_link or child.tag in LINKS)

    def visit(
        self, parent: Element, element: Element, marked: set[str], own: frozenset, in_link: bool
    ) -> None:
        """Mark, link or unwrap one `<abbr>` (see the module's rules)."""
        term = (element.text or "").casefold()
        entry = entry_of(term, self.ids)
        if term in marked or in_link or (entry and entry in own):
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

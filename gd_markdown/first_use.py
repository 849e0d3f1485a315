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
  first thing a reader opens: each keeps its own first uses and takes none from around it.

Markdown: `markdown_extensions: [gd_markdown.glossary, gd_markdown.first_use]` (after the
glossary's `abbr`, which it needs).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SECTION_HEADINGS = {"h1", "h2"}
# abbr's tree processor runs at priority 7, the table of contents at 5: in between, so the
# headings' ids and the table of contents see the same text as before.
PRIORITY = 6


def reads_on_its_own(element: Element) -> bool:
    """Tell whether a reader may open `element` first: a collapsed block or one content tab."""
    classes = element.get("class", "").split()
    return element.tag == "details" or "tabbed-block" in classes


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
    """Unwrap every `<abbr>` whose term was already marked in the same section or block."""

    def run(self, root: Element) -> None:
        """Walk the page in reading order with one set of marked terms per section."""
        self.walk(root, set())

    def walk(self, parent: Element, marked: set[str]) -> None:
        """Visit `parent`'s children in order; `marked` holds the terms already shown."""
        for child in list(parent):
            if child.tag in SECTION_HEADINGS:
                marked.clear()
            if child.tag == "abbr":
                term = (child.text or "").casefold()
                if term in marked:
                    unwrap(parent, child)
                else:
                    marked.add(term)
            else:
                self.walk(child, set() if reads_on_its_own(child) else marked)


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

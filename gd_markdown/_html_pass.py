"""A page's finished HTML handed to one function: MkDocs' `on_page_content`, as an extension.

Several of the site's page transformations (section boxes, table boxes, the opening table's mark,
the card tables' labels, the reference's doctests, the formulas where no hook draws them) read and
rewrite a page's HTML as a whole. As MkDocs hooks they ran in `on_page_content`, which Zensical,
Material's successor, does not call; as Python-Markdown post-processors they run in both.
`html_pass` makes such an extension from a function `str -> str`: it runs after the raw HTML is back
in the page (priority 30, mkdocstrings' output among it) and after gd_markdown.permalinks (5), in
the order of the priorities given here, the highest first.

mkdocstrings converts each docstring, and markdown-exec each code block's output, with a Markdown
instance of its own built from the same extensions; the passes skip those fragments, and see
them once, in their page (_site_page.py). A pass that refuses a page's HTML (a `ValueError`)
fails the build naming the page, as the hooks did.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from gd_markdown._site_page import is_fragment, site_page

# Below gd_markdown.permalinks (5): the hooks these replace saw the permalinks relabelled.
ORDER = (
    "gd_doctests",
    "gd_table_cards",
    "gd_opening_table",
    "gd_sections",
    "gd_table_boxes",
    "gd_math",
)
PRIORITIES = {name: 4.0 - index * 0.5 for index, name in enumerate(ORDER)}


class HtmlPassPostprocessor(Postprocessor):
    """Apply `transform` to a page's whole HTML; leave a docstring fragment as it is."""

    def __init__(
        self, md: Markdown, transform: Callable[[str], str], when: Callable[[Markdown], bool]
    ) -> None:
        super().__init__(md)
        self.transform, self.when = transform, when

    def run(self, text: str) -> str:
        if is_fragment(self.md) or not self.when(self.md):
            return text
        try:
            return self.transform(text)
        except ValueError as error:
            page = site_page(self.md)
            raise ValueError(f"{page.src_uri if page else 'a page'}: {error}") from None


def html_pass(
    transform: Callable[[str], str], name: str, when: Callable[[Markdown], bool] = lambda md: True
) -> Callable[..., Extension]:
    """Make the `makeExtension` of a module whose pass is `transform`, named `name` (in ORDER).

    The pass runs on a page's HTML when `when(md)` holds (always, by default). A module says
    `makeExtension = html_pass(its_function, "gd_its_name")`, and is listed in mkdocs.yml.

    >>> import markdown
    >>> shout = html_pass(str.upper, "gd_sections")
    >>> markdown.markdown("*a*", extensions=[shout()])
    '<P><EM>A</EM></P>'
    """

    class HtmlPassExtension(Extension):
        def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
            processor = HtmlPassPostprocessor(md, transform, when)
            md.postprocessors.register(processor, name, PRIORITIES[name])

    HtmlPassExtension.__name__ = HtmlPassExtension.__qualname__ = f"{name}_extension"

    def make_extension(**kwargs) -> Extension:
        return HtmlPassExtension(**kwargs)

    make_extension.__doc__ = f"Python-Markdown entry point of the pass {name}."
    return make_extension

"""MkDocs hook: put each page's tables in the theme's scroll boxes at build time.

The theme's script would do it at start-up, restyling every table (hooks/_table_boxes.py says
what that cost). Last on the content: hooks/opening_table.py (-15) looks for a table at the top
level of the page, and hooks/table_cards.py (-12) labels the cells, before the boxes go round.
"""

from __future__ import annotations

from _table_boxes import box_tables
from mkdocs.plugins import event_priority


@event_priority(-30)  # after hooks/sections.py (-20), the last hook on the content before this
def on_page_content(content: str, page, config, files) -> str:
    """MkDocs entry point: box the class-less tables of each page's content."""
    try:
        return box_tables(content)
    except ValueError as error:
        raise ValueError(f"{page.file.src_uri}: {error}") from None

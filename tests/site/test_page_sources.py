"""Page sources: no line inside a list starts with a number, or a value, followed by ". ".

Inside a list item, Python-Markdown reads an indented "284. At this rate" as the start of a
numbered list: the number vanishes from the sentence and a stray item appears. A value such as
`{{ explore.valley_momentum_steps }}` becomes such a number before the Markdown is parsed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
LIST_MARKER = re.compile(r"^[ \t]+(\{\{ [\w.]+ \}\}|\d+)[.)] ")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_no_indented_line_starts_like_a_numbered_item(page):
    fenced = False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        assert fenced or not LIST_MARKER.match(line), f"{page.name}:{number}: {line.strip()}"


def test_the_rule_catches_the_case_it_is_for():
    assert LIST_MARKER.match("  {{ explore.valley_momentum_steps }}. At this rate")
    assert LIST_MARKER.match("  2000. rows")
    assert not LIST_MARKER.match("{{ saddle.stay_6 }}. In a paragraph it is text")
    assert not LIST_MARKER.match("1. **Start** a list on purpose")

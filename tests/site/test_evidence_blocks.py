"""The lessons' evidence blocks: the main text teaches, a collapsed block holds the proof.

A dense paragraph keeps its finding in the text and moves its supporting runs into a
`??? info "The evidence: ..."` block (pymdownx.details). A block whose body is indented wrongly
renders as a code block, a literal `???` or an empty box, and a reader who opens it finds nothing.
"""

from __future__ import annotations

import re

import pytest

LESSONS = [
    *(f"concepts/{name}" for name in ("learning-rate", "gradients", "updates", "schedules")),
    *(f"concepts/{name}" for name in ("saddle-points", "convergence", "conditioning")),
    *(f"variants/{name}" for name in ("batch", "stochastic", "mini-batch", "comparison")),
]
BLOCK = re.compile(r'<details class="info">\s*<summary>(.*?)</summary>(.*?)</details>', re.S)


def article(built_site, page: str) -> str:
    html = (built_site.root / page / "index.html").read_text(encoding="utf-8")
    return html[html.index("<article") : html.index("</article>")]


@pytest.mark.parametrize("page", LESSONS)
def test_each_evidence_block_holds_runs_of_its_own(built_site, page):
    text = article(built_site, page)
    blocks = BLOCK.findall(text)
    assert blocks, f"{page} has no evidence block"
    for title, body in blocks:
        assert re.match(r"The (evidence|caveat): \S", title), (page, title)
        assert "<p>" in body and "???" not in body, (page, title)
        # A body indented one level too far is a code block: only real code blocks may hold <pre>.
        assert body.count("<pre") == body.count('<div class="highlight"><pre'), (page, title)
        words = re.sub(r"<[^>]+>", " ", body).split()
        assert len(words) >= 15, (page, title, "a block with next to nothing in it")
    # Every evidence block is an info block, closed until the reader opens it (`???+` would
    # render it open), and nothing was left as Markdown.
    opening = re.findall(r"<details([^>]*)>\s*<summary>The (?:evidence|caveat): ", text)
    assert opening == [' class="info"'] * len(blocks), (page, opening)
    assert "???" not in re.sub(r"<pre.*?</pre>", "", text, flags=re.S), page


def test_the_blocks_carry_checked_claims(built_site):
    """The split moved evidence, not the checks' meaning: most blocks hold a checked claim."""
    blocks = [body for page in LESSONS for _, body in BLOCK.findall(article(built_site, page))]
    checked = sum('class="gd-check' in body for body in blocks)
    assert len(blocks) >= 40 and checked >= len(blocks) // 2, (len(blocks), checked)

"""The search index holds each formula once, as its TeX (gd_markdown/math.py says why).

MkDocs' search plugin reads a page's text before hooks/_finish.py draws its formulas. Drawn earlier
(in the Markdown pass, as for Zensical), each formula would reach the index three times over:
KaTeX's MathML, its TeX annotation and its glyphs ("θ\\thetaθ" for "\\(\\theta\\)").
"""

from __future__ import annotations

import json
import re


def test_formulas_reach_the_search_index_as_tex(built_site):
    index = json.loads((built_site.root / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] for doc in index["docs"])
    assert text.count("\\(") >= 1000, "the pages' inline formulas, as TeX"
    assert "\\(f(\\theta)\\)" in index["docs"][0]["text"], "the home page's first, as written"
    assert "katex" not in text and not re.search(r"θ\\theta", text), "a formula drawn by KaTeX"

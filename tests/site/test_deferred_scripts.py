"""The theme's bundle and the scripts that need it are deferred, in order (overrides/main.html).

Read from the session's strict build (`built_site`, tests/conftest.py). Material's bundle is
fetched at low priority and runs once the page is parsed, before DOMContentLoaded (on which it
starts); javascripts/a11y.js and anchors.js use its `document$`, so they are deferred too and
come after it; the explorer's main.js is a module (deferred by nature). No script in <body> holds
the parser, and no inline script there uses what the bundle defines before it has run.
"""

from __future__ import annotations

import re

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S)
SRC = re.compile(r'\bsrc="([^"]+)"')
BUNDLE_GLOBALS = re.compile(r"\b(?:document|location|target|viewport|keyboard|component)\$")


def body_scripts(page) -> list[tuple[str, str]]:
    """(attributes, inline text) of each <script> in the page's <body>, in document order."""
    text = page.read_text(encoding="utf-8")
    return SCRIPT.findall(text[text.index("<body") :])


def test_every_page_defers_the_bundle_and_what_needs_it(built_site):
    pages = sorted(built_site.root.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        external = [a for a, _ in body_scripts(page) if SRC.search(a)]
        names = [SRC.search(a).group(1).rsplit("/", 1)[-1] for a in external]
        assert re.fullmatch(r"bundle\.\w+\.min\.js", names[0]), f"{page}: {names}"
        assert names[1:] == ["a11y.js", "anchors.js", "main.js"], f"{page}: {names}"
        for attributes, name in zip(external, names, strict=True):
            deferred = re.search(r"\bdefer\b", attributes) or 'type="module"' in attributes
            assert deferred, f"{page}: {name} holds the parser ({attributes.strip()})"


def test_no_inline_script_in_the_body_uses_the_bundle_before_it_runs(built_site):
    for page in built_site.pages():
        for attributes, text in body_scripts(page):
            if not SRC.search(attributes):
                assert not BUNDLE_GLOBALS.search(text), f"{page}: {text[:120]!r}"

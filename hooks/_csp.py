"""Every page declares a Content-Security-Policy in a meta tag (issue 13).

GitHub Pages sends no security headers, and a link to the explorer now carries text the page
interprets ("Your function"), so each page says itself what may run: scripts only from the site
(`'self'`) and the inline scripts the site's own pages hold, each by its SHA-256 hash; never
`eval` (no `'unsafe-eval'`: mathjs compiles to closures, three.js and Material need none). Workers
(the explorer's view, Material's search) come from the site; images may be `data:` URIs (the
notebooks' outputs); styles may be inline, as Material, KaTeX's rendered formulas and the
notebooks write `style` attributes, which a hash cannot allow.

The hashes are taken from the final HTML, once the whole site is written (hooks/_finish.py,
last): every page's policy allows the inline scripts of all pages (404 included), since
Material's instant navigation swaps pages without a reload and runs the new page's inline
scripts under the first page's policy. `mkdocs serve` injects a live-reload script that changes
with every reload, so served pages carry no policy; a build always does.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
RUNS = {"", "text/javascript", "application/javascript", "module"}  # types a browser executes
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
HEAD = re.compile(r"<head[^>]*>\s*(<meta charset=[^>]*>)?", re.I)
FIXED = (
    "default-src 'self'",
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_hashes(html: str) -> set[str]:
    """CSP sources ('sha256-...') of the inline scripts in `html` that a browser would run."""
    found = set()
    for match in SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = TYPE.search(attrs)
        if re.search(r"\bsrc\s*=", attrs, re.I) or (kind and kind.group(1).lower() not in RUNS):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return found


def policy(hashes: set[str]) -> str:
    """Return the policy: FIXED plus scripts from the site and these inline scripts."""
    return "; ".join([" ".join(["script-src 'self'", *sorted(hashes)]), *FIXED])


def with_policy(html: str, hashes: set[str]) -> str:
    """`html` with one CSP meta tag for `hashes`, at the top of <head> (before any script)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes)}">\n'
    html = META.sub("", html)
    head = HEAD.search(html)
    if head is None:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    return html[: head.end()] + "\n" + tag + html[head.end() :]


def declare_policies(site: Path) -> None:
    """Give every page of `site` one policy that allows every page's inline scripts.

    Material's instant navigation runs the next page's inline scripts under the first page's
    policy, so each policy must know them all (404 included).
    """
    pages = sorted(site.rglob("*.html"))
    texts = {path: path.read_text(encoding="utf-8") for path in pages}
    every = set().union(*(inline_hashes(text) for text in texts.values()))
    for path, text in texts.items():
        if not HEAD.search(text):
            continue  # not a page (an HTML fragment or figure)
        updated = with_policy(text, every)
        if updated != text:
            path.write_text(updated, encoding="utf-8")

"""Load one page in Chromium and record what the site-wide gates judge.

`audit_page` visits a URL in a watched Playwright page (see `open_page` in tests/conftest.py) and
returns a `PageAudit`: requests to other hosts, failed requests, console errors, axe-core
violations (with every section drawn, and optionally on the page as loaded, as Lighthouse runs
axe), the palette Material applied, images without alt text and, for narrow viewports, the
elements that make the page body scroll sideways, and the KaTeX fonts it preloaded and used.
axe-core comes from js/node_modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "js" / "node_modules" / "axe-core" / "axe.min.js"

# How long a page may take to settle (a11y.js's signal), on a machine 2-3x slower than ours.
SETTLE_MS = 60_000
AXE_VIOLATIONS = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + "  " + n.html.slice(0, 120)),
    count: v.nodes.length,
  }));
}"""
# axe as Lighthouse runs it: on the page as loaded, sections off screen still skipped
# (content-visibility: auto). It then judges their text where their estimated boxes are drawn,
# which is how Lighthouse once measured a docstring's text over the footer's colour.
RUN_AXE_AS_LOADED = f"() => ({AXE_VIOLATIONS})()"
# axe judges colour contrast from the boxes it sees; sections skipped off screen
# (content-visibility: auto) have none. Draw everything first, so every section is judged.
RUN_AXE = (
    """async (timeout) => {
  const drawAll = document.createElement("style");
  drawAll.textContent = "* { content-visibility: visible !important; }";
  document.head.append(drawAll);
  // Drawing the sections may load fonts and widen regions: a11y.js measures them again when
  // asked by a resize event, and signals when it is done.
  await document.fonts.ready;
  window.dispatchEvent(new Event("resize"));
  const marked = () => document.documentElement.hasAttribute("data-gd-scrollers-marked");
  const deadline = performance.now() + timeout;
  while (!marked()) {
    if (performance.now() > deadline)
      throw new Error(`a11y.js did not measure the scroll regions within ${timeout} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
  return ("""
    + AXE_VIOLATIONS
    + """)();
}"""
)

# KaTeX font files: those the page preloads, and those its formulas loaded (a FontFace loads
# only when text needs it, cache or no cache). Read after axe has drawn every section.
KATEX_FONTS = """async () => {
  await document.fonts.ready;
  const style = {"400 normal": "Regular", "700 normal": "Bold", "400 italic": "Italic",
                 "700 italic": "BoldItalic"};
  const file = f => `${f.family.replaceAll('"', "")}-${style[f.weight + " " + f.style]}.woff2`;
  const loaded = [...document.fonts].filter(f => f.status === "loaded" &&
    f.family.includes("KaTeX")).map(file);
  const preloaded = [...document.querySelectorAll('link[rel="preload"][as="font"]')]
    .map(link => link.href.split("/").pop());
  return [[...new Set(loaded)].sort(), preloaded.sort()];
}"""

# Images (and canvases, the 3D view's image) a screen reader would meet without a text
# alternative. Images hidden from assistive technology are decorative by definition.
MISSING_ALT = """() => {
  const hidden = el => el.closest('[aria-hidden="true"]') !== null;
  const named = el => (el.getAttribute("aria-label") || "").trim() ||
    el.getAttribute("aria-labelledby");
  const images = [...document.querySelectorAll("img")]
    .filter(img => !hidden(img) && !(img.getAttribute("alt") || "").trim() && !named(img));
  const canvases = [...document.querySelectorAll("canvas")]
    .filter(c => !hidden(c) && !named(c) && !c.textContent.trim());
  return [...images, ...canvases].map(el => el.outerHTML.slice(0, 160));
}"""

# The page body scrolls sideways when the document is wider than the viewport. Name the
# elements sticking out past the right edge that no scrolling or clipping box contains,
# outermost first, so a failure says what to fix. (Material's dialog is placed against the
# widened page, so it sticks out as a consequence, never as a cause: left out.)
HORIZONTAL_OVERFLOW = """() => {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return [];
  const sticksOut = el => el.getBoundingClientRect().right > width + 1;
  const clips = el => !["visible", ""].includes(getComputedStyle(el).overflowX);
  const taken = el => ["absolute", "fixed"].includes(getComputedStyle(el).position);
  // Only the ancestors on the containing-block chain clip a box: an absolutely positioned
  // element escapes every static ancestor, scrolling or not.
  const contained = el => {
    let escapes = taken(el);
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (escapes && getComputedStyle(up).position === "static") continue;
      if (clips(up) && !sticksOut(up)) return true;
      escapes = taken(up);
    }
    return false;
  };
  const all = new Set([...document.body.querySelectorAll("*")].filter(el =>
    el.getBoundingClientRect().width > 0 && sticksOut(el) && !contained(el) &&
    !el.closest(".md-dialog")));
  const culprits = [...all].filter(el => {
    for (let up = el.parentElement; up; up = up.parentElement) if (all.has(up)) return false;
    return true;
  });
  const describe = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (typeof el.className === "string" && el.className ? "." + el.className.split(" ")[0] : "") +
    " (right edge " + Math.round(el.getBoundingClientRect().right) + " px)";
  return [`document is ${root.scrollWidth} px wide in a ${width} px viewport`,
          ...culprits.slice(0, 5).map(describe)];
}"""


@dataclass
class PageAudit:
    """What one page did and what the gates found on it."""

    url: str
    color_scheme: str = ""
    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    axe_violations: list[dict] = field(default_factory=list)
    missing_alt: list[str] = field(default_factory=list)
    horizontal_overflow: list[str] = field(default_factory=list)
    fonts_loaded: list[str] = field(default_factory=list)
    fonts_preloaded: list[str] = field(default_factory=list)


def audit_page(page, url: str, *, as_loaded: bool = False) -> PageAudit:
    """Load `url` in `page` (a watched page), wait until it settles, and audit it.

    With `as_loaded`, axe also judges the page before anything is drawn for it, as in Lighthouse.
    """
    watch = page.watch
    before = (
        len(watch.foreign_requests),
        len(watch.failed_requests),
        len(watch.console_errors),
    )
    page.goto(url, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")
    # a11y.js marks sideways-scrolling regions focusable in idle slices (and again when a font
    # arrives): judge the page once it has finished, as a reader who tabs to them would find it.
    # (Functions, not bare expressions: Playwright evaluates those with eval, which the pages'
    # Content-Security-Policy refuses.)
    page.wait_for_function(
        "() => document.documentElement.hasAttribute('data-gd-scrollers-marked')",
        timeout=SETTLE_MS,
    )
    audit = PageAudit(url, color_scheme=page.evaluate("document.body.dataset.mdColorScheme"))
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Not as a <script> tag: the page's Content-Security-Policy (hooks/_csp.py) blocks inline
        # scripts it does not know. Evaluated over the DevTools protocol, which it does not cover.
        page.evaluate("source => { (0, eval)(source); }", AXE_SOURCE.read_text())
    if as_loaded:
        audit.axe_violations = [
            {**v, "rule": v["rule"] + " (as loaded)"} for v in page.evaluate(RUN_AXE_AS_LOADED)
        ]
    audit.axe_violations += page.evaluate(RUN_AXE, SETTLE_MS)
    audit.fonts_loaded, audit.fonts_preloaded = page.evaluate(KATEX_FONTS)
    audit.missing_alt = page.evaluate(MISSING_ALT)
    audit.horizontal_overflow = page.evaluate(HORIZONTAL_OVERFLOW)
    audit.foreign_requests = watch.foreign_requests[before[0] :]
    audit.failed_requests = watch.failed_requests[before[1] :]
    audit.console_errors = watch.console_errors[before[2] :]
    return audit


def describe_violations(audits: list[PageAudit], base_url: str) -> list[str]:
    """One line per page and axe rule, then the first offending elements."""
    lines = []
    for audit in audits:
        where = audit.url.removeprefix(base_url) or "/"
        for violation in audit.axe_violations:
            lines.append(
                f"{where} [{audit.color_scheme}]: {violation['rule']} ({violation['impact']},"
                f" {violation['count']} elements)"
            )
            lines += [f"    {node}" for node in violation["nodes"]]
    return lines

"""The cut stylesheets (hooks/_stylesheets.py) style the built pages exactly as the theme's own do.

The finishing step cuts Material's `main` and `palette` sheets and KaTeX's to the rules the
built site can use. Each page below is loaded twice in Chromium, once as built and once with the
cut sheets answered by the uncut originals (the theme's table rules widened to the tables the
build boxes, as the step does before it cuts: gd_markdown/table_boxes.py), and every element's
computed style (and its ::before and ::after) must agree, but for the theme's custom properties
that the cut drops since no sheet, page or script reads them: after the page's scripts ran, and
after the reader switched to the dark palette with the theme's toggle (the explorer redraws then;
a blank canvas was once seen). The same for Zensical's build (`make zensical`), whose classic
variant's sheets hooks/_finish.py cuts the same way, on two pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import zensical

from gd_markdown.table_boxes import widen_table_rules

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
THEMES = r"/assets/stylesheets/(?:classic/)?"  # Zensical's classic variant: a folder of its own
ORIGINALS = {
    re.compile(THEMES + r"main\.[0-9a-f]+\.min\.css$"): "main.*.min.css",
    re.compile(THEMES + r"palette\.[0-9a-f]+\.min\.css$"): "palette.*.min.css",
    re.compile(r"/generated/katex/katex\.[0-9a-f]+\.min\.css$"): "katex.min.css",
}
# Each tool's build: its served address and folder (fixtures), and where its theme's sheets are.
BUILDS = {
    "mkdocs": ("site_url", "built_site", Path(material.__file__).parent),
    "zensical": ("zensical_url", "zensical_site", Path(zensical.__file__).parent),
}
THEME_SHEETS = {"mkdocs": "assets/stylesheets", "zensical": "assets/stylesheets/classic"}
CASES = [("mkdocs", p) for p in ("", "explore/", "concepts/updates/", "variants/comparison/")]
CASES += [("zensical", p) for p in ("", "concepts/updates/")]
SETTLE_MS = 60_000
ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}) ?")

# One hash per element: every computed property, its ::before's and ::after's. Custom properties
# count only when a script reads them (`scripted`): the cut drops those nothing reads, and one it
# wrongly dropped shows in the properties that read it.
STYLE_HASHES = """(scripted) => {
  const counts = (name) => !name.startsWith("--") || scripted.includes(name);
  // CSS escapes read, as _same does: the cut reserializes `<` in data URLs as `\\3c `.
  const same = (v) =>
    v.replace(/\\\\([0-9a-fA-F]{1,6}) ?/g, (_, h) => String.fromCodePoint(parseInt(h, 16)));
  const hash = (text) => { let h = 2166136261;
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0; };
  // A pseudo-element whose content is none is not drawn: its other properties do not matter.
  const style = (el, pseudo) => { const s = getComputedStyle(el, pseudo);
    if (pseudo && s.content === "none") return "none";
    // Sorted: custom properties come in no fixed order.
    return Array.from(s).filter(counts).sort()
      .map((name) => name + ":" + same(s.getPropertyValue(name))).join(";"); };
  // Keyed by the element's place (scripts may add elements at different moments on each load).
  const place = (el) => { const at = [];
    for (; el !== document.body; el = el.parentElement)
      at.unshift(el.localName + ":" + [...el.parentElement.children].indexOf(el));
    return at.join("/"); };
  return Object.fromEntries([...document.querySelectorAll("body *")].map((el) => [place(el),
    hash(style(el, null) + "|" + style(el, "::before") + "|" + style(el, "::after"))]));
}"""
DRAW_ALL = """async () => {
  const drawAll = document.createElement("style");
  drawAll.textContent = "* { content-visibility: visible !important; }";
  document.head.append(drawAll);
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  const frames = () => frame().then(frame);
  await frames();
  // Text drawn for the first time may ask for a font not loaded yet (the updates page's does).
  await document.fonts.ready;
  await frames();
  return true;
}"""
# Every computed property of the element at `place`, its ::before's and ::after's.
STYLE_OF = """(place) => { let el = document.body;
  for (const step of place.split("/")) el = el.children[+step.split(":")[1]];
  const out = {};
  for (const pseudo of [null, "::before", "::after"]) { const s = getComputedStyle(el, pseudo);
    for (const name of s) out[(pseudo || "") + name] = s.getPropertyValue(name); }
  return [el.outerHTML.slice(0, 100), out]; }"""


def _original(name: str, tool: str) -> Path:
    folders = [
        BUILDS[tool][2] / "templates" / THEME_SHEETS[tool],
        ROOT / "docs" / "generated" / "katex",
    ]
    found = [p for folder in folders for p in folder.glob(name)]
    assert len(found) == 1, f"expected one original {name}, found {found}"
    return found[0]


def _answer_with(css: str, served: list[str], name: str):
    def answer(route) -> None:
        served.append(name)
        route.fulfill(body=css, content_type="text/css")

    return answer


def _settled_hashes(page, url: str, scheme: str, scripted: list[str]) -> dict[str, int]:
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "() => document.documentElement.hasAttribute('data-gd-scrollers-marked')",
        timeout=SETTLE_MS,
    )
    if page.evaluate("() => document.body.dataset.mdColorScheme") != scheme:
        page.locator(".md-header__option label:visible").first.click()
        page.wait_for_function(
            "s => document.body.dataset.mdColorScheme === s", arg=scheme, timeout=SETTLE_MS
        )
    page.evaluate("() => document.fonts.ready.then(() => true)")
    # Draw every section in both loads: a section skipped off screen (content-visibility: auto)
    # stands at its estimated height until first drawn, and which ones a load had drawn varies
    # (one clean-clone run saw the updates page 928 px shorter in one of the two loads). Images
    # may still be arriving (the dark figures start when the palette turns): they move nothing,
    # each being declared in its file's own proportions (test_image_sizes.py); one CI run saw the
    # comparison page's boxes differ by a fraction of a pixel when they were not.
    page.evaluate(DRAW_ALL)
    return page.evaluate(STYLE_HASHES, scripted)


def _same(value: str | None) -> str | None:
    """A computed value with CSS escapes read (`\\3c ` is `<`), as the cut reserializes them."""
    if value is None:
        return None
    return ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


@pytest.mark.parametrize(("tool", "path"), CASES)
def test_cut_stylesheets_style_every_element_as_the_originals(request, open_page, tool, path):
    url_fixture, site_fixture, _ = BUILDS[tool]
    site_url = request.getfixturevalue(url_fixture)
    site = request.getfixturevalue(site_fixture)
    root = site if isinstance(site, Path) else site.root
    # The cut drops the theme's custom properties that nothing reads: a dropped one counts only
    # when a script of the site names it (getPropertyValue).
    script = "".join(p.read_text(errors="replace") for p in root.rglob("*.js"))
    scripted = sorted(set(re.findall(r"--[\w-]+", script)))
    served = open_page(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    uncut = open_page(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    originals_served: list[str] = []
    for pattern, name in ORIGINALS.items():
        original = _original(name, tool).read_text(encoding="utf-8")
        uncut.route(pattern, _answer_with(widen_table_rules(original), originals_served, name))
    problems = []
    for scheme in ("default", "slate"):
        cut, whole = (
            _settled_hashes(p, site_url + path, scheme, scripted) for p in (served, uncut)
        )
        # Each original took its cut's place: else both loads would style with the cut.
        assert set(originals_served) == set(ORIGINALS.values()), originals_served
        common = [place for place in cut if place in whole]
        assert len(common) > 0.9 * len(whole), f"/{path} [{scheme}]: the pages differ"
        differ = [place for place in common if cut[place] != whole[place]]
        for place in differ[:5]:
            html, got = served.evaluate(STYLE_OF, place)
            want = uncut.evaluate(STYLE_OF, place)[1]
            diff = {
                k: (got.get(k), want.get(k))
                for k in want
                if _same(got.get(k)) != _same(want.get(k)) and (got.get(k) or k in scripted)
            }
            problems.append(f"/{path} [{scheme}] {html}: cut vs original {diff}")
        if len(differ) > 5:
            problems.append(f"/{path} [{scheme}]: and {len(differ) - 5} more elements")
    assert problems == [], "\n".join(problems)

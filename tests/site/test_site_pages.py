"""The built site: every nav page exists, every figure it references exists, nothing is external.

All checks read the session's strict build (`built_site`, tests/conftest.py).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import pytest
import yaml

from gd_markdown._katex import DISPLAY_END

ROOT = Path(__file__).resolve().parents[2]
# Pages that teach: each must show at least one generated figure or animation.
TEACHING_PAGES = [
    "index.md",
    "concepts/algorithm.md",
    "concepts/learning-rate.md",
    "concepts/gradients.md",
    "concepts/updates.md",
    "concepts/schedules.md",
    "concepts/saddle-points.md",
    "concepts/convergence.md",
    "concepts/conditioning.md",
    "variants/batch.md",
    "variants/stochastic.md",
    "variants/mini-batch.md",
    "variants/comparison.md",
]


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml uses `!ENV` and python tags; the nav only needs plain YAML."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def nav_sources() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=_AnyTagLoader)
    found: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(config["nav"])
    return found


def built_path(site: Path, source: str) -> Path:
    """Where MkDocs writes a page: `a/b.md` and `a/b/index.md` both to `a/b/index.html`."""
    page = PurePosixPath(source).with_suffix("")
    folder = page.parent if page.name == "index" else page
    return site / folder / "index.html"


class Resources(HTMLParser):
    """Collects what a page makes the browser fetch: src, srcset and stylesheet hrefs."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.pictures: list[list[tuple[str, dict]]] = []
        self._picture: list[tuple[str, dict]] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        for name in ("src", "data"):
            if a.get(name) is not None:
                self.urls.append(a[name])
        if a.get("srcset"):
            self.urls += [part.strip().split()[0] for part in a["srcset"].split(",")]
        if tag == "link" and "stylesheet" in (a.get("rel") or "") and a.get("href"):
            self.urls.append(a["href"])
        if tag == "picture":
            self._picture = []
        elif self._picture is not None and tag in ("source", "img"):
            self._picture.append((tag, a))

    def handle_endtag(self, tag) -> None:
        if tag == "picture" and self._picture is not None:
            self.pictures.append(self._picture)
            self._picture = None


def resources(page: Path) -> Resources:
    parser = Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_nav_lists_all_the_pages_of_the_issue():
    sources = nav_sources()
    assert set(TEACHING_PAGES) <= set(sources)
    assert {"code/numpy.ipynb", "code/pytorch.ipynb", "code/reference/index.md"} <= set(sources)


def test_build_log_has_no_warnings(built_site):
    assert not re.search(r"^(WARNING|ERROR)\b", built_site.log, re.M), built_site.log


@pytest.mark.parametrize("source", nav_sources())
def test_every_nav_page_is_built(built_site, source):
    page = built_path(built_site.root, source)
    assert page.exists(), f"{source} was not built to {page}"
    assert "Coming soon" not in page.read_text(encoding="utf-8") or source == "explore.md"


def test_every_referenced_figure_exists(built_site):
    checked = 0
    for page in built_site.pages():
        for url in resources(page).urls:
            path = urlparse(url).path
            if "generated/figures/" not in path:
                continue
            target = (page.parent / path).resolve()
            assert target.is_file(), f"{page.relative_to(built_site.root)} references {url}"
            checked += 1
    assert checked >= 2 * len(TEACHING_PAGES)


@pytest.mark.parametrize("source", TEACHING_PAGES)
def test_every_teaching_page_has_a_figure_an_exercise_and_takeaways(built_site, source):
    page = built_path(built_site.root, source)
    html = page.read_text(encoding="utf-8")
    figures = [u for u in resources(page).urls if "generated/figures/" in u]
    assert figures, f"{source} shows no generated figure"
    assert 'class="admonition success"' in html or 'details class="success"' in html
    assert "Key takeaways" in html
    assert 'class="arithmatex"' in html, f"{source} has no math"
    assert 'class="katex"' in html, f"{source}: math was not rendered at build time"


def test_no_page_loads_anything_from_another_host(built_site):
    for page in built_site.pages():
        for url in resources(page).urls:
            parsed = urlparse(url)
            if parsed.scheme == "data":  # inline, e.g. a notebook's plot
                continue
            assert not parsed.scheme and not parsed.netloc, f"{page}: {url[:120]}"
            assert url.strip(), f"{page}: an empty src (e.g. nbconvert's MathJax loader)"
        text = page.read_text(encoding="utf-8")
        assert "cdnjs" not in text and "mathjax" not in text.lower(), page


def test_every_build_time_value_was_substituted(built_site):
    for page in built_site.pages():
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\{\{\s*[a-z_]+\.[a-z0-9_]+\s*\}\}", text), page


def test_no_alt_text_carries_markup(built_site):
    # A value written for prose ("2.1 × 10<sup>-4</sup>") reached a screen reader as "sup".
    for page in built_site.pages():
        for alt in re.findall(r'\balt="([^"]*)"', page.read_text(encoding="utf-8")):
            assert not re.search(r"&lt;/?[a-z]+|<", alt), (page, alt)


def test_every_superscript_says_to_the_power_for_screen_readers(built_site):
    # "3.4 × 10<sup>−8</sup>" reached a screen reader as "3.4 times 10 minus 8": every value's
    # exponent carries the hidden words (scripts/_prose.py), hand-written ones too.
    found = 0
    for page in built_site.pages():
        for sup in re.findall(r"<sup\b[^>]*>(.*?)</sup>", page.read_text(encoding="utf-8")):
            found += 1
            assert re.fullmatch(r'<span class="gd-sr"> to the power </span>[−+]?\d+', sup), (
                page,
                sup,
            )
    assert found > 50


def test_no_formula_carries_a_prose_values_markup(built_site):
    # A value written for prose ("1 × 10<sup>...</sup>") put inside $...$ reached KaTeX as text:
    # the formula showed the letters "s u p" and the hidden words "to the power".
    for page in built_site.pages():
        for tex in re.findall(
            r'<annotation encoding="application/x-tex">(.*?)</annotation>',
            page.read_text(encoding="utf-8"),
            re.S,
        ):
            assert "&lt;sup" not in tex and "gd-sr" not in tex, (page, tex[:120])


def test_no_check_mark_stands_alone(built_site):
    # A ✓ after a figure or a code block, with no sentence before it, sat on a line of its own.
    alone = re.compile(r'(<p>|</div>|</pre>|</picture>)\s*<span class="gd-check"')
    for page in built_site.pages():
        assert not alone.search(page.read_text(encoding="utf-8")), page


def _is_poster(picture) -> bool:
    """The explorer's poster (scripts/fig_explorer_poster.py), a still in the canvas's place."""
    return any(tag == "img" and "gdx__poster" in (a.get("class") or "") for tag, a in picture)


def _is_figure(picture) -> bool:
    """A static figure with its phone twin (gd_markdown/_figure_markup.py), an SVG either way."""
    return any(tag == "img" and a["src"].split("#")[0].endswith(".svg") for tag, a in picture)


def test_the_explorers_poster_has_its_phone_shape_size_and_alt_text(built_site):
    pictures = [p for page in built_site.pages() for p in resources(page).pictures]
    posters = [p for p in pictures if _is_poster(p)]
    assert len(posters) == 2  # a light and a dark variant
    for picture in posters:
        (source,) = [a for tag, a in picture if tag == "source"]
        (image,) = [a for tag, a in picture if tag == "img"]
        assert source["media"] == "(max-width: 44.9375em)"
        theme = image["src"].split("#only-")[1]
        assert source["srcset"].endswith(f"-square-{theme}.webp")
        assert image["src"].startswith(source["srcset"].replace(f"-square-{theme}", f"-{theme}"))
        assert image["width"] and image["height"] and len(image["alt"]) > 40


def test_animations_have_a_still_for_reduced_motion_and_alt_text(built_site):
    pictures = [p for page in built_site.pages() for p in resources(page).pictures]
    pictures = [p for p in pictures if not _is_poster(p) and not _is_figure(p)]
    assert len(pictures) >= 2 * 6  # six animations, a light and a dark variant each
    for picture in pictures:
        sources = [a for tag, a in picture if tag == "source"]
        images = [a for tag, a in picture if tag == "img"]
        # A phone's twin (its still first), then the still for every other screen.
        assert sources[-1]["media"] == "(prefers-reduced-motion: reduce)"
        for source in sources:
            still = "prefers-reduced-motion: reduce" in source["media"]
            assert source["srcset"].endswith("-still.webp") == still, source
        assert images[0]["src"].split("#")[0].endswith(".webp")
        assert len(images[0]["alt"]) > 40, "the alt text should say what the animation shows"
        assert images[0]["width"] and images[0]["height"]


def test_math_is_rendered_at_build_time_everywhere(built_site):
    unrendered = re.compile(r'class="arithmatex">\s*\\[(\[]')
    for page in built_site.pages():
        text = page.read_text(encoding="utf-8")
        assert not unrendered.search(text), f"{page}: TeX left for the browser"
        assert "katex.min.js" not in text, f"{page}: loads KaTeX's JavaScript"
        # extra.css hides a display formula until this mark after it is read (test_partial_parse)
        displays = text.count('<div class="arithmatex"><span class="katex-display">')
        assert displays == text.count(DISPLAY_END + "</div>"), f"{page}: a display formula unmarked"

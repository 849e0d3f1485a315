"""Every image of the built site declares its size, in its own file's proportions.

The browser lays an image out at its `width` and `height` attributes until the file arrives, then
at the file's own proportions (the natural aspect ratio). Any difference moves what follows the
image as it loads: the SVG figures, sized in fractions of a point by matplotlib's tight box,
once grew or shrank by up to 0.7 px each (65 of 79 images). So each image's attributes must give
its file's proportions exactly, and so must each `<source>` that may stand in for it (a still
for readers who prefer reduced motion). The explorer's poster is the exception: the stylesheet
sets its box (the canvas's, square on a phone), whatever the file.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image
from test_site_pages import TEACHING_PAGES

SVG_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"')


class Images(HTMLParser):
    """Each `<img>` of a page with the files that may fill it and the size declared for each.

    A `<source>` declares its own `width` and `height` when its file has other proportions (a
    figure's phone twin, its panels stacked); without them the browser reserves the `<img>`'s.
    """

    def __init__(self) -> None:
        super().__init__()
        self.images: list[tuple[dict, list[tuple[str, dict]]]] = []
        self._sources: list[tuple[str, dict]] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "picture":
            self._sources = []
        elif tag == "source" and self._sources is not None:
            size = {k: a[k] for k in ("width", "height") if k in a}
            self._sources += [(p.strip().split()[0], size) for p in a["srcset"].split(",")]
        elif tag == "img":
            self.images.append((a, [(a["src"], {}), *(self._sources or [])]))

    def handle_endtag(self, tag) -> None:
        if tag == "picture":
            self._sources = None


def images(page: Path) -> list[tuple[dict, list[tuple[str, dict]]]]:
    parser = Images()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.images


def natural_size(path: Path) -> tuple[float, float]:
    """An image file's own size in CSS pixels (a matplotlib SVG's is in points, 0.75 a pixel)."""
    if path.suffix == ".svg":
        match = SVG_SIZE.search(path.read_text(encoding="utf-8")[:1000])
        assert match, f"{path.name}: no width and height in points"
        return tuple(float(v) * 4 / 3 for v in match.groups())
    with Image.open(path) as image:
        return image.size


def test_figures_declare_their_size_so_nothing_shifts(built_site):
    figures = 0
    for page in built_site.pages():
        for tag in re.findall(r"<img [^>]*gd-figure[^>]*>", page.read_text(encoding="utf-8")):
            assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag), tag[:200]
            figures += 1
    assert figures >= 2 * len(TEACHING_PAGES)


def test_every_image_is_declared_in_its_files_own_proportions(built_site):
    checked, wrong = 0, []
    for page in built_site.pages():
        for attrs, files in images(page):
            if "gdx__poster" in (attrs.get("class") or ""):
                continue
            where = f"{page.relative_to(built_site.root)}: {attrs['src'][:60]}"
            assert attrs.get("width") and attrs.get("height"), f"{where} has no declared size"
            for src, declared in files:
                width, height = (int(declared.get(k) or attrs[k]) for k in ("width", "height"))
                file_width, file_height = natural_size((page.parent / src.split("#")[0]).resolve())
                # The height the page reserves at the declared width, against the file's.
                off = width * file_height / file_width - height
                if abs(off) > 1e-6:
                    wrong.append(f"{where}: {src.split('/')[-1]} {off:+.3f} px once loaded")
                checked += 1
    assert checked >= 4 * len(TEACHING_PAGES), checked
    assert wrong == [], "\n".join(wrong)

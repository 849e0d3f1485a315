"""Phone twins of the figures (scripts/_narrow.py): the same drawing, its panels in one column.

A figure of panels side by side, 808 to 1,010 px wide, was shown on a 360 px phone at 32 to
41 % of its size, its 10-point labels 4 to 5 px tall. Each twin is drawn by the figure's own
code with its panels stacked, so a phone shows it at 74 % of its size or more; the wide
figure's layout and numbers are untouched.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from _scripts import SCRIPTS
from matplotlib.figure import Figure
from test_image_sizes import natural_size
from test_site_pages import resources

sys.path.insert(0, str(SCRIPTS))
from _animation import KEY_POINTS, LAYOUT_DPI
from _narrow import NARROW_WIDTH, grow_to_fit, narrowed, stacked_panels

sys.path.remove(str(SCRIPTS))

PHONE_COLUMN = 328  # CSS px of text column on a 360 px phone (Material's 16 px margins)
# Above 600 px the wide figure is shown, shrunk to the text column where it is wider. Measured in
# Chromium from 601 to 1,280 px: the column is narrowest at 601 px (569 px, the twins just gone)
# and, from 960 px on, where the table of contents takes a sidebar (686 px at 960, 688 at 1,280).
# A figure's smallest text, at each, in CSS px: the 8-point keys of the conditioning figure had
# read 6.0 px at 601 px and 7.3 at 1,280; nine more were under 9 px at 1,280.
WIDE_COLUMNS = {569: 8.0, 686: 9.0}  # column px: the smallest text it may show, px
# Each piece of text in a matplotlib SVG (glyph outlines) is a group scaled by its font size / 100
# in the file's own units (points); sub- and superscripts scale again inside it.
TEXT_GROUP = re.compile(
    r'<g [^>]*?transform="translate\([^)]*\)(?: rotate\([^)]*\))? scale\(([\d.]+) -[\d.]+\)"'
)
VIEW_WIDTH = re.compile(r'viewBox="0 0 ([\d.]+) ')


def test_side_by_side_panels_come_back_stacked_in_the_shape_asked_for():
    with stacked_panels():
        fig, (left, right) = plt.subplots(1, 2, figsize=(8.4, 3.3), layout="constrained")
        grid_fig, grid = plt.subplots(2, 2, figsize=(8.4, 5.0), width_ratios=(2, 1))
        one_fig, _ = plt.subplots(figsize=(6.6, 3.3))
    assert list(fig.get_size_inches()) == pytest.approx([NARROW_WIDTH, 6.6])
    assert left.get_position().y0 > right.get_position().y0
    assert left.get_position().x0 == pytest.approx(right.get_position().x0)
    assert grid.shape == (2, 2)  # row after row: [0, 1] above [1, 0]
    tops = [ax.get_position().y0 for ax in grid.flat]
    assert tops == sorted(tops, reverse=True)
    assert list(grid_fig.get_size_inches()) == pytest.approx([NARROW_WIDTH, 10.0])
    assert list(one_fig.get_size_inches()) == pytest.approx([NARROW_WIDTH, 3.3])
    for figure in (fig, grid_fig, one_fig):
        plt.close(figure)


def test_the_layout_is_restored_after_the_block_even_when_the_drawing_fails():
    subplots, legend = plt.subplots, Figure.legend
    with pytest.raises(RuntimeError), stacked_panels():
        raise RuntimeError("the drawing failed")
    assert (plt.subplots, Figure.legend) == (subplots, legend)
    fig, _ = plt.subplots(1, 2, figsize=(8.4, 3.3))
    assert list(fig.get_size_inches()) == pytest.approx([8.4, 3.3])
    plt.close(fig)


@pytest.mark.parametrize(
    "options",
    [{"sharex": "col"}, {"sharey": "row"}, {"height_ratios": (2, 1)}],
)
def test_options_a_single_column_cannot_keep_are_refused_by_name(options):
    (name,) = options
    with pytest.raises(ValueError, match=name), stacked_panels():
        plt.subplots(1, 2, figsize=(8.4, 3.3), **options)


def test_shared_x_axes_keep_each_panels_tick_labels_as_side_by_side():
    with stacked_panels():
        fig, (top, bottom) = plt.subplots(1, 2, figsize=(8.4, 3.3), sharex=True)
    fig.canvas.draw()
    assert top.xaxis.get_tick_params()["labelbottom"] and bottom.get_shared_x_axes().joined(
        top, bottom
    )
    assert any(label.get_visible() and label.get_text() for label in top.get_xticklabels())
    plt.close(fig)


def _drawing(title: str, columns: int):
    def draw(theme: str) -> Figure:
        fig, axes = plt.subplots(1, 2, figsize=(8.6, 3.3), layout="constrained")
        for n, ax in enumerate(axes):
            ax.plot([0, 1], [n, 1 - n], label=f"line {n}")
            ax.plot([0, 1], [0.5, 0.5], label=f"flat {n}")
        axes[0].set_title(title)
        fig.legend(loc="outside lower center", ncols=columns)
        return fig

    return draw


@pytest.mark.parametrize(
    ("title", "wrapped"),
    [
        ("Median of nearby points (solid), one point (dots), model (dashed)", True),
        ("one point (dots), model (dashed), $h^*$ (dotted)", True),
        ("steps until $f$ stays $< 10^{-2}$, best grid rate", False),  # a space inside $...$
    ],
)
def test_titles_wrap_unless_a_line_break_would_split_a_formula(title, wrapped):
    fig = narrowed(_drawing(title, columns=4))("light")
    text = fig.axes[0].title.get_text()
    assert ("\n" in text) is wrapped and text.replace("\n", " ") == title
    assert fig.legends[0]._ncols == 2  # four columns would be wider than the phone's column
    fig.canvas.draw()
    extent = fig.axes[0].title.get_window_extent()
    assert fig.bbox.padded(1).contains(*extent.p0) and fig.bbox.padded(1).contains(*extent.p1)
    plt.close(fig)
    wide = _drawing(title, columns=4)("light")
    assert wide.legends[0]._ncols == 4 and wide.axes[0].title.get_text() == title
    plt.close(wide)


# Too short for its decorations on purpose: the layout gives up, and the frame must grow.
@pytest.mark.filterwarnings("ignore:constrained_layout not applied")
def test_a_frame_grows_by_whole_steps_until_its_title_and_legend_fit():
    # An animation's frames are the figure's own size: what runs past its edges is cut off.
    fig, ax = plt.subplots(figsize=(4.4, 0.8), layout="constrained")
    ax.set_title("a first line\na second line\na third line")
    ax.plot([0, 1], label="a line")
    fig.legend(loc="outside lower center")
    grow_to_fit(fig, step=0.05)
    width, height = fig.get_size_inches()
    assert width == 4.4 and height > 0.8
    assert round(height * 20, 9) == round(height * 20)  # whole 1/20 inches: whole pixels
    content = fig.get_tightbbox(fig.canvas.get_renderer())
    assert content.y0 >= 0 and content.y1 <= height
    plt.close(fig)


def test_content_wider_than_a_frame_fails_naming_the_frames_width():
    fig, ax = plt.subplots(figsize=(2.0, 3.0))
    ax.set_ylabel("a label", labelpad=400)  # far out to the left of the frame
    with pytest.raises(ValueError, match=r"past the frame's 2\.00 in"):
        grow_to_fit(fig, step=0.05)
    plt.close(fig)


def _figure_pictures(built_site):
    for page in built_site.pages():
        for picture in resources(page).pictures:
            (image,) = [a for tag, a in picture if tag == "img"]
            if image["src"].split("#")[0].endswith(".svg"):
                yield picture, image


class LiveTwins(HTMLParser):
    """Each live figure (`<div class="gd-live">`) as its widget's name and its twins' sources."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.found = 0, []  # depth: open <div>s since the live figure's own

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "div" and "gd-live" in (a.get("class") or "").split():
            self.found.append((a["data-gd-widget"], []))
        if tag == "div" and (self.depth or "gd-live" in (a.get("class") or "").split()):
            self.depth += 1
        elif tag == "source" and self.depth and "-narrow-" in a.get("srcset", ""):
            self.found[-1][1].append(a["srcset"])

    def handle_endtag(self, tag) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1


# A twin drawn for its live figure rather than for legibility: the gradient field's, 70 % of its
# size on a phone, adds the error curve that gradient.js draws under the map, so that on a phone
# the live figure takes a box tall enough for both (its map had been 130 px wide at 360 px).
FOR_THE_LIVE_FIGURE = {"gradient-field"}


def test_each_live_figure_holds_its_twin(built_site):
    # The canvas takes the box of the image the page shows (frame.js) and stacks its panels when
    # that box is taller than wide (plot.js), as the twin does: no box moves as it goes live. The
    # stopping criteria's one wide plot has a twin whose legend sits below it, and so does the
    # live figure's key on a phone (legend.js, keyStrip).
    figures = []
    for page in built_site.pages():
        parser = LiveTwins()
        parser.feed(page.read_text(encoding="utf-8"))
        figures += [(page.parent.name, name, twins) for name, twins in parser.found]
    assert len(figures) >= 12
    for where, name, twins in figures:
        # a twin in each palette, and for an animation its still as well
        assert len(twins) in (2, 4), (where, name, twins)


def test_every_twin_is_shown_on_phones_at_74_percent_of_its_size_or_more(built_site):
    twins = list((built_site.root / "generated" / "figures").glob("*-narrow-*.svg"))
    assert len(twins) >= 2 * 20, "20 figures have a phone twin, in two palettes"
    for twin in twins:
        wide = twin.with_name(twin.name.replace("-narrow-", "-"))
        (width, _), (wide_width, _) = natural_size(twin), natural_size(wide)
        assert PHONE_COLUMN / width >= 0.74, f"{twin.name}: {width:g} px wide"
        if twin.name.rsplit("-narrow-", 1)[0] in FOR_THE_LIVE_FIGURE:
            (_, height), (_, wide_height) = natural_size(twin), natural_size(wide)
            assert height / width > 1.3 * wide_height / wide_width, f"{twin.name}: not taller"
        else:
            assert PHONE_COLUMN / wide_width < 0.7, f"{wide.name} needs no twin"


def test_a_figure_without_a_twin_is_shown_on_phones_at_70_percent_or_more(built_site):
    """The twin rule's other half: a figure a phone would show under 70 % of its size has a twin
    (the explorer's fallback, 479 px wide, was shown at 68 % without one)."""
    figures = (built_site.root / "generated" / "figures").glob("*.svg")
    alone = [f for f in figures if "-narrow-" not in f.name and not _twin_of(f).exists()]
    assert len(alone) >= 2  # the explorer's fallback, in two palettes
    for figure in alone:
        (width, _) = natural_size(figure)
        assert PHONE_COLUMN / width >= 0.7, f"{figure.name}: {width:g} px wide needs a twin"


def _text_points(figure: Path) -> tuple[float, float]:
    """The smallest font size of `figure`'s text and its width, both in the SVG's points."""
    svg = figure.read_text(encoding="utf-8")
    (width,) = VIEW_WIDTH.search(svg).groups()
    return min(100 * float(s) for s in TEXT_GROUP.findall(svg)), float(width)


def test_a_wide_figures_smallest_text_stays_legible_from_601_to_1280_px(built_site):
    figures = built_site.root / "generated" / "figures"
    small = []
    wide = [f for f in figures.glob("*.svg") if "-narrow-" not in f.name]
    assert len(wide) >= 2 * 30
    for figure in wide:
        points, width = _text_points(figure)
        for column, floor in WIDE_COLUMNS.items():
            shown = points * min(natural_size(figure)[0], column) / width  # CSS px
            if shown < floor:
                small.append(f"{figure.name}: {points:g} pt of {width:.0f}, {shown:.2f} px")
    # An animation is drawn at LAYOUT_DPI: its key, the smallest text, at that many px per inch.
    for size in figures.glob("*.json"):
        if size.name.endswith(("-light.json", "-dark.json")) and "-narrow-" not in size.name:
            natural = json.loads(size.read_text())["width"]
            for column, floor in WIDE_COLUMNS.items():
                shown = KEY_POINTS * LAYOUT_DPI / 72 * min(1, column / natural)
                if shown < floor:
                    small.append(f"{size.stem}: key {KEY_POINTS:g} pt, {shown:.2f} px")
    assert small == [], "\n".join(sorted(small))


PHONE_FLOOR = 8.5  # CSS px: a twin's smallest text on a 360 px phone (a 9-point key: 8.9 px)


def test_a_twins_smallest_text_stays_legible_on_a_phone(built_site):
    """Four phone twins' keys had been 8 or 8.5 points: 7.9 and 8.4 px in the phone's column."""
    twins = list((built_site.root / "generated" / "figures").glob("*-narrow-*.svg"))
    small = []
    for twin in twins:
        points, width = _text_points(twin)
        shown = points * min(natural_size(twin)[0], PHONE_COLUMN) / width  # CSS px
        if shown < PHONE_FLOOR:
            small.append(f"{twin.name}: {points:g} pt of {width:.0f}, {shown:.2f} px")
    assert small == [], "\n".join(sorted(small))


def _twin_of(figure: Path) -> Path:
    stem, theme = figure.stem.rsplit("-", 1)
    return figure.with_name(f"{stem}-narrow-{theme}.svg")


def test_pages_offer_each_figures_twin_below_600_px_in_its_own_palette(built_site):
    shown = set()
    for picture, image in _figure_pictures(built_site):
        (source,) = [a for tag, a in picture if tag == "source"]
        theme = image["src"].split("#only-")[1]
        assert source["media"] == "(max-width: 37.5em)"
        assert source["srcset"] == re.sub(
            r"-(light|dark)\.svg#.*", rf"-narrow-{theme}.svg", image["src"]
        )
        assert "gd-figure" in image["class"] and image["loading"] == "lazy"
        assert len(image["alt"]) > 40, "the alt text should say what the figure shows"
        shown.add(source["srcset"].split("/")[-1])
    twins = {p.name for p in (built_site.root / "generated" / "figures").glob("*-narrow-*.svg")}
    assert shown == twins, "every twin drawn is on a page, and every page figure with one uses it"


# "The right panel", "(left)", "on the right", "beside it": on a phone the second panel is below
# the first. Directions within one panel ("escapes to the left") are not about the layout.
SIDE_WORDS = re.compile(
    r"\b(left|right|middle)(-hand)? panel|\((left|right|middle)\)|\b[Oo]n the (left|right)\b"
    r"|\b(beside|next to|alongside) it\b"
)
SIDE_LABEL = re.compile(r"\b(?:Left|Right|Middle)[:,]")
FIGURE = re.compile(r"!\[([^\]]+)\]\((?:figure|animation):([a-z0-9-]+)\)")


def test_lessons_name_a_twinned_figures_panels_in_an_order_true_in_both_layouts(built_site):
    twins = {
        p.name.split("-narrow-")[0]
        for p in (built_site.root / "generated" / "figures").glob("*-narrow-light.*")
    }
    docs = Path(__file__).resolve().parents[2] / "docs"
    pages = sorted([*docs.glob("*.md"), *docs.glob("concepts/*.md"), *docs.glob("variants/*.md")])
    found, described = [], 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found += [f"{page.name}: {m.group(0)}" for m in SIDE_WORDS.finditer(text)]
        for alt, name in FIGURE.findall(text):
            if name in twins:
                described += 1
                found += [f"{page.name} {name}: {w}" for w in SIDE_LABEL.findall(alt)]
    assert described >= 20 + 5  # the figures and the animations with twins
    assert found == [], found

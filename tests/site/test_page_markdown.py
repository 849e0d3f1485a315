"""Figure and animation shorthands (gd_markdown/_figure_markup.py), on a folder of fake files.

Links are relative to the page (MkDocs' `get_relative_url`); an animation's size comes from the
`NAME-THEME.json` its script wrote beside it; a missing file fails naming the page, and so does a
figure whose size is not whole CSS pixels (the writer, scripts/_figure.py, rounds it).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from gd_markdown._figure_markup import expand_figures
from gd_markdown._values import PageError

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from _svg_file import whole_pixels

SVG = '<svg width="450pt" height="225pt" viewBox="0 0 450 225">'


@pytest.fixture
def folder(tmp_path):
    for theme in ("light", "dark"):
        (tmp_path / f"curve-{theme}.svg").write_text(SVG)
        for suffix in (".webp", "-still.webp"):
            (tmp_path / f"race-{theme}{suffix}").write_bytes(b"RIFF")
        (tmp_path / f"race-{theme}.json").write_text(json.dumps({"width": 640, "height": 360}))
    return tmp_path


def test_figure_links_are_relative_to_the_markdown_source(folder):
    nested = expand_figures("![A curve](figure:curve)", "concepts/a.md", "concepts/a/", "a", folder)
    assert "](../generated/figures/curve-light.svg#only-light)" in nested
    assert 'width="600" height="300"' in nested  # points to CSS pixels: 96 / 72
    root = expand_figures("![A curve](figure:curve)", "index.md", "", "index", folder)
    assert "](generated/figures/curve-dark.svg#only-dark)" in root


def test_animation_links_are_relative_to_the_page_url_and_sized_by_its_sidecar(folder):
    out = expand_figures("![A race](animation:race)", "concepts/a.md", "concepts/a/", "a", folder)
    assert 'srcset="../../generated/figures/race-light-still.webp"' in out
    assert 'src="../../generated/figures/race-dark.webp#only-dark"' in out
    assert out.count('width="640" height="360"') == 2
    home = expand_figures("![A race](animation:race)", "index.md", "", "index", folder)
    assert 'src="generated/figures/race-light.webp#only-light"' in home


def test_a_missing_figure_or_sidecar_fails_naming_the_page(folder):
    with pytest.raises(PageError, match=r"concepts/a\.md: figure 'nope'"):
        expand_figures("![x](figure:nope)", "concepts/a.md", "concepts/a/", "concepts/a.md", folder)
    (folder / "race-dark.json").unlink()
    with pytest.raises(PageError, match=r"animation 'race' was not generated"):
        expand_figures("![x](animation:race)", "a.md", "a/", "a.md", folder)


@pytest.mark.parametrize(
    "link", ["![x](figure:valley_path)", "![](figure:curve)", "![x](poster:Big)"]
)
def test_a_figure_link_that_is_not_expanded_fails_naming_it(folder, link):
    # Left as Markdown it would be an <img src="figure:..."> the strict build lets through.
    with pytest.raises(PageError, match=r"a\.md: '(figure|poster):\w*' is not a figure link"):
        expand_figures(link, "a.md", "a/", "a.md", folder)


def test_a_figure_not_sized_in_whole_pixels_fails_naming_its_file(folder):
    # 490.8 pt is 654.4 px: declared as 654, the figure would grow as it loads.
    (folder / "curve-dark.svg").write_text(SVG.replace('"450pt"', '"490.8pt"'))
    with pytest.raises(PageError, match=r"curve-dark\.svg: 654\.4 x 300 px is not a whole number"):
        expand_figures("![A curve](figure:curve)", "a.md", "a/", "a.md", folder)


def test_the_figure_writer_rounds_the_size_to_whole_pixels_and_keeps_the_drawing():
    svg = '<svg width="490.79952pt" height="253.19952pt" viewBox="0 0 490.79952 253.19952">'
    assert whole_pixels(svg) == svg.replace("490.79952pt", "490.5pt").replace(
        "253.19952pt", "253.5pt"
    )  # 654 x 338 px; the viewBox, the drawing's own coordinates, stays
    assert whole_pixels(SVG) == SVG


def test_a_figure_with_a_phone_twin_is_a_picture_sized_for_each_file(folder):
    # The twin, its panels stacked (scripts/_narrow.py), has other proportions than the figure.
    for theme in ("light", "dark"):
        (folder / f"curve-narrow-{theme}.svg").write_text(SVG.replace('"450pt"', '"330pt"'))
    out = expand_figures('![A "curve"](figure:curve)', "concepts/a.md", "concepts/a/", "a", folder)
    assert out.count("<picture>") == 2 and "](" not in out
    assert (
        '<source media="(max-width: 37.5em)" srcset="../../generated/figures/curve-narrow-'
        'dark.svg" width="440" height="300">'
    ) in out
    assert 'src="../../generated/figures/curve-light.svg#only-light"' in out
    assert out.count('width="600" height="300"') == 2
    assert 'alt="A &quot;curve&quot;"' in out


def test_a_values_power_of_ten_is_written_in_words_in_the_alt_text(folder):
    value = '2 × 10<sup><span class="gd-sr"> to the power </span>−4</sup>'
    out = expand_figures(f"![Down to {value}](figure:curve)", "a.md", "a/", "a", folder)
    assert "![Down to 2 × 10 to the power −4](" in out and "sup" not in out


def test_an_animation_with_a_phone_twin_offers_its_still_first_then_its_frames(folder):
    for theme in ("light", "dark"):
        for suffix in (".webp", "-still.webp"):
            (folder / f"race-narrow-{theme}{suffix}").write_bytes(b"RIFF")
        size = {"width": 442, "height": 720}
        (folder / f"race-narrow-{theme}.json").write_text(json.dumps(size))
    out = expand_figures("![A race](animation:race)", "a.md", "a/", "a", folder)
    light = out.split("\n")[0]
    media = re.findall(r'<source media="([^"]+)" srcset="([^"]+)"', light)
    assert media == [
        (
            "(max-width: 37.5em) and (prefers-reduced-motion: reduce)",
            "../generated/figures/race-narrow-light-still.webp",
        ),
        ("(max-width: 37.5em)", "../generated/figures/race-narrow-light.webp"),
        ("(prefers-reduced-motion: reduce)", "../generated/figures/race-light-still.webp"),
    ]
    assert light.count('width="442" height="720"') == 2 and 'width="640" height="360"' in light

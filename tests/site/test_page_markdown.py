"""The Markdown page hook's pure parts: figure and animation shorthands, on a folder of fake files.

Links are relative to the page (MkDocs' `get_relative_url`); an animation's size comes from the
`NAME-THEME.json` its script wrote beside it; a missing file fails naming the page.
"""

from __future__ import annotations

import json

import pytest
from _figure_markup import expand_figures
from _values import PageError

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

"""The notebook pages on a phone: code gets the width; "In [n]:" prompts show on wider screens."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = """() => { const cell = document.querySelector('.jp-CodeCell');
    const prompt = cell.querySelector('.jp-InputPrompt');
    return { cell: cell.getBoundingClientRect().width,
             code: cell.querySelector('.jp-InputArea-editor, .jp-CodeMirrorEditor, .highlight')
                 .getBoundingClientRect().width,
             prompt: prompt.getClientRects().length > 0 }; }"""


@pytest.mark.parametrize("path", ["code/numpy/", "code/pytorch/"])
@pytest.mark.parametrize("width", [360, 1280])
def test_code_cells_use_the_phones_width_and_keep_their_prompts_on_wider_screens(
    browser, site_url, path, width
):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + path)
    sizes = page.evaluate(WIDTHS)
    context.close()
    if width == 360:
        assert not sizes["prompt"]
        assert sizes["code"] >= 0.9 * sizes["cell"], sizes  # 0.69 with the prompts
    else:
        assert sizes["prompt"]

"""The notebook pages on a phone: code gets the width; "In [n]:" prompts show on wider screens."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = """() => { const cell = document.querySelector('.jp-CodeCell');
    const shown = (selector) => [...document.querySelectorAll(selector)]
        .filter((e) => e.getClientRects().length > 0).length;
    return { cell: cell.getBoundingClientRect().width,
             code: cell.querySelector('.jp-InputArea-editor, .jp-CodeMirrorEditor, .highlight')
                 .getBoundingClientRect().width,
             prompts: [shown('.jp-InputPrompt'), shown('.jp-OutputPrompt')] }; }"""


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
        assert sizes["prompts"] == [0, 0], sizes
        assert sizes["code"] >= 0.9 * sizes["cell"], sizes  # 0.69 with the prompts
    else:
        assert min(sizes["prompts"]) > 0, sizes

"""A value's power of ten as a screen reader gets it and as the eye sees it.

A screen reader reads a <sup> as plain text: "3.4 × 10<sup>−8</sup>" was heard as "3.4 times 10
minus 8", another number. Each exponent carries the words "to the power", hidden on screen
(scripts/_prose.py, `.gd-sr` in extra.css): the accessibility tree must hold them, and the
superscript must be drawn as wide as its exponent alone.
"""

from __future__ import annotations

import re

import pytest
from explorer_helpers import assert_clean

pytestmark = pytest.mark.browser

# Each superscript on the page: its drawn width, its exponent's, and the hidden words' box.
SUPERSCRIPTS = """() => [...document.querySelectorAll('.md-typeset sup')].map((sup) => {
  const words = sup.querySelector('.gd-sr');
  const exponent = document.createRange();
  exponent.selectNodeContents(sup.lastChild);
  const box = words.getBoundingClientRect();
  return { sup: sup.getBoundingClientRect().width, exponent: exponent.getBoundingClientRect().width,
           words: [box.width, box.height] };
})"""


def test_a_screen_reader_hears_to_the_power_and_the_eye_sees_a_superscript(page, site_url):
    page.goto(site_url + "variants/comparison/")
    drawn = "(s) => { s.style.contentVisibility = 'visible'; }"
    page.evaluate(f"document.querySelectorAll('.gd-section').forEach({drawn})")
    found = page.evaluate(SUPERSCRIPTS)
    assert len(found) >= 10
    for sup in found:
        assert sup["words"][0] <= 1 and sup["words"][1] <= 1, sup
        assert sup["sup"] == pytest.approx(sup["exponent"], abs=0.5), sup
    paragraph = page.locator("p", has=page.locator("sup")).first
    spoken = paragraph.aria_snapshot()
    # "… ran from 1.6 × 10" then "superscript: to the power −4": read as one number.
    assert re.search(r'× 10"?\s*- superscript: to the power −\d', spoken), spoken
    assert_clean(page)

"""Zensical's finished build works in the browser as MkDocs' does (`make zensical`).

Material's successor runs no MkDocs hook: hooks/_prepare.py and hooks/_finish.py do what the
hooks do, before and after `zensical build` (tests/_zensical.py). Here its pages run in
Chromium under their own Content-Security-Policy: the explorer draws, a lesson's live figure
mounts, the palette switch is the site's, and an old reference link is forwarded, with no
violation, no console error and no failed request.
"""

from __future__ import annotations

import pytest
from _csp_events import RECORD_VIOLATIONS
from live_helpers import bring_in

pytestmark = pytest.mark.browser


def _clean(page) -> None:
    assert page.evaluate("() => window.__csp") == []
    assert page.watch.console_errors == [] and page.watch.failed_requests == []
    assert page.watch.foreign_requests == []


def test_the_explorer_draws(page, zensical_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(zensical_url + "explore/")
    page.wait_for_function("() => (window.__gdExplorer?.current?.frames ?? 0) > 0")
    preloaded = page.locator('link[rel="modulepreload"]').count()
    assert preloaded >= 5, preloaded
    _clean(page)


def test_a_lessons_live_figure_mounts_and_its_formulas_are_drawn(page, zensical_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(zensical_url + "concepts/learning-rate/")
    bring_in(page, "rate")
    assert page.locator(".katex").count() > 20
    assert page.locator("[data-gd-palette]").count() == 1
    assert page.locator('[data-md-component="palette"]').count() == 0
    _clean(page)


def test_the_palette_switch_changes_the_scheme(page, zensical_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(zensical_url)
    page.click("label[for='__palette_1']")  # the button to the dark palette
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    _clean(page)


def test_an_old_reference_link_is_forwarded(page, zensical_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(zensical_url + "code/reference/#gdlib.descent.descend")
    page.wait_for_url(zensical_url + "code/reference/surfaces-and-descent/#gdlib.descent.descend")
    assert page.evaluate("() => window.__csp") == [] and page.watch.console_errors == []

"""Links into the old single reference page land where they pointed (hooks/_reference_links.py).

Until the split (commit b5d718a) the gdlib reference was one page, and links named an entry or a
section in the fragment (`code/reference/#gdlib.descent.descend`, `#data-sets`). The overview, at
that address now, sends such a link on to the page that holds the place, with the fragment kept;
any other fragment stays on the overview.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

OLD_LINKS = {
    "gdlib.descent.descend": "code/reference/surfaces-and-descent/",
    "gdlib.optimizers.adam": "code/reference/optimizers/",
    "gdlib.schedules": "code/reference/rates-and-schedules/",
    "gdlib.seed_example.gradient_descent": "code/reference/regression/",
    "data-sets": "code/reference/regression/",
    "backtracking-line-search": "code/reference/surfaces-and-descent/",
}


@pytest.mark.parametrize("fragment", sorted(OLD_LINKS))
def test_an_old_link_lands_on_the_page_that_holds_its_place(page, site_url, fragment):
    page.goto(f"{site_url}code/reference/#{fragment}")
    page.wait_for_url(f"{site_url}{OLD_LINKS[fragment]}#{fragment}")
    target = page.locator(f"[id='{fragment}']")
    expect(target).to_have_count(1)
    expect(target).to_be_in_viewport()
    # The overview's own requests may be cancelled as the forwarding replaces it; none may fail.
    failed = [entry for entry in page.watch.failed_requests if not entry.startswith("failed ")]
    assert page.watch.console_errors == [] and failed == []


@pytest.mark.parametrize(
    "fragment", ["", "#gdlib-reference", "#gdlib.nowhere.x", "#constructor", "#__proto__"]
)
def test_the_overview_stays_for_other_addresses(page, site_url, fragment):
    page.goto(f"{site_url}code/reference/{fragment}")
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined")
    assert page.url == f"{site_url}code/reference/{fragment}"
    assert page.watch.console_errors == []

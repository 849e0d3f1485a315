"""The site builds strictly from the checkout, and a browser can open its home page offline."""

import pytest


def test_site_builds_strictly_with_a_home_page(built_site):
    assert (built_site.root / "index.html").exists()
    assert "Documentation built" in built_site.log


@pytest.mark.browser
def test_home_page_loads_in_chromium_without_leaving_the_machine(page, site_url):
    page.goto(site_url)
    assert "Gradient" in page.title()
    assert page.watch.foreign_requests == []
    assert page.watch.console_errors == []

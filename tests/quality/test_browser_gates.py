"""Browser gates on every built page: offline, console, accessibility (light and dark), mobile.

Every page is loaded three times and the results are shared by the tests below, to keep the suite
lean: on a 360 px phone in the light palette, on a 1280 px desktop in the dark palette, and on the
phone in the dark palette, whose header, drawer and scrolled tables the desktop never shows
(Material follows prefers-color-scheme, which the contexts emulate). axe-core runs on every load
with every section drawn; on the light phone it also runs first on the page as loaded, as
Lighthouse runs it (a phone, the light palette, sections off screen skipped). Skipped, a section
stands at its estimate while its text runs on past it: Lighthouse once measured the reference
page's last docstring, and later the updates page's long race section, over the footer, which the
drawn page never shows. A phone, the narrowest width, makes text the tallest past its estimate; the
desktop load of an earlier version of this gate missed the updates page. The phone loads also
check that the page body never scrolls sideways.
"""

import pytest
from page_audit import HORIZONTAL_OVERFLOW, PageAudit, audit_page, describe_violations

pytestmark = pytest.mark.browser

PROFILES = {
    "light": {
        "viewport": {"width": 360, "height": 740},
        "color_scheme": "light",
        "is_mobile": True,
        "has_touch": True,
    },
    "dark": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"},
    "dark phone": {
        "viewport": {"width": 360, "height": 740},
        "color_scheme": "dark",
        "is_mobile": True,
        "has_touch": True,
    },
}
MATERIAL_SCHEMES = {"light": "default", "dark": "slate", "dark phone": "slate"}
PHONES = [profile for profile, options in PROFILES.items() if options["viewport"]["width"] == 360]


@pytest.fixture(scope="module")
def audits(built_site, site_url, open_page) -> dict[str, list[PageAudit]]:
    urls = [
        site_url + p.relative_to(built_site.root).as_posix().removesuffix("index.html")
        for p in built_site.pages()
    ]
    results = {}
    for profile, options in PROFILES.items():
        page = open_page(**options)
        as_loaded = profile == "light"  # Lighthouse's palette, on a phone
        results[profile] = [audit_page(page, url, as_loaded=as_loaded) for url in urls]
    return results


def _fail_listing(title: str, problems: list[str]) -> None:
    """Fail with one problem a line, which reads better than a diff of long lists."""
    if problems:
        pytest.fail(f"{title}:\n" + "\n".join(problems), pytrace=False)


def _all(audits) -> list[PageAudit]:
    return [audit for profile in audits.values() for audit in profile]


def _report(audits, attribute: str, site_url: str) -> list[str]:
    """One line per problem, named by page and load (two loads share the dark palette)."""
    return [
        f"{a.url.removeprefix(site_url) or '/'} [{profile}]: {item}"
        for profile, found in audits.items()
        for a in found
        for item in getattr(a, attribute)
    ]


def test_every_built_page_was_loaded_in_both_palettes(audits, built_site):
    pages = len(built_site.pages())
    assert pages > 1
    assert {profile: len(found) for profile, found in audits.items()} == dict.fromkeys(
        PROFILES, pages
    )


def test_palette_follows_the_readers_color_scheme(audits, site_url):
    wrong = [
        f"{a.url.removeprefix(site_url)}: {a.color_scheme!r} for {profile}"
        for profile, found in audits.items()
        for a in found
        if a.color_scheme != MATERIAL_SCHEMES[profile]
    ]
    _fail_listing("pages whose palette ignores prefers-color-scheme", wrong)


def test_no_page_requests_another_host(audits, site_url):
    _fail_listing("requests to other hosts", _report(audits, "foreign_requests", site_url))


def test_no_console_errors_or_failed_requests(audits, site_url):
    problems = _report(audits, "console_errors", site_url)
    problems += _report(audits, "failed_requests", site_url)
    _fail_listing("console errors and failed requests", problems)


@pytest.mark.parametrize("profile", PROFILES)
def test_axe_finds_no_violations(audits, site_url, profile):
    _fail_listing("axe-core violations", describe_violations(audits[profile], site_url))


def test_images_have_alt_text(audits, site_url):
    missing = _report(audits, "missing_alt", site_url)
    _fail_listing("images without a text alternative", missing)


def test_no_horizontal_scrolling_at_360_px(audits, site_url):
    overflowing = [
        f"{a.url.removeprefix(site_url) or '/'} [{a.color_scheme}]: "
        + "; ".join(a.horizontal_overflow)
        for profile in PHONES
        for a in audits[profile]
        if a.horizontal_overflow
    ]
    _fail_listing("pages that scroll sideways at 360 px", overflowing)


def test_without_javascript_no_page_scrolls_sideways_at_360_px(built_site, site_url, open_page):
    # The theme's script wraps wide tables in scroll boxes; without it, extra.css must.
    page = open_page(java_script_enabled=False, viewport={"width": 360, "height": 740})
    overflowing = []
    for path in built_site.pages():
        url = site_url + path.relative_to(built_site.root).as_posix().removesuffix("index.html")
        page.goto(url)
        # Through a locator: with scripts off, Playwright still runs its own in the page.
        found = page.locator("html").evaluate(HORIZONTAL_OVERFLOW)
        if found:
            overflowing.append(f"{url.removeprefix(site_url) or '/'}: " + "; ".join(found))
    assert len(built_site.pages()) > 1
    _fail_listing("pages that scroll sideways at 360 px without JavaScript", overflowing)


def test_each_page_preloads_exactly_the_katex_fonts_its_formulas_use(audits, site_url):
    audited = _all(audits)
    assert any("KaTeX_Math-Italic.woff2" in a.fonts_loaded for a in audited)
    wrong = [
        f"{a.url.removeprefix(site_url) or '/'} [{a.color_scheme}]: preloads "
        f"{a.fonts_preloaded}, uses {a.fonts_loaded}"
        for a in audited
        if a.fonts_loaded != a.fonts_preloaded
    ]
    _fail_listing("pages whose font preloads miss or waste a font", wrong)

"""Every page declares a Content-Security-Policy (hooks/_csp.py, issue 13), and keeps working.

On the built site: each page has one policy meta tag, above every script, that allows scripts
from the site and the hashes of every inline script the site holds, and never eval. In Chromium:
an inline script injected into a page is blocked (a securitypolicyviolation event, and it does not
run), and no page of the site reports a violation or logs an error, visited
directly and through Material's instant navigation (which runs a new page's inline scripts under
the first page's policy).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from _csp_events import RECORD_VIOLATIONS

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
import _csp as csp

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_inline_hashes_take_executable_inline_scripts_only():
    html = (
        "<head><script>a()</script><script src='x.js'></script>"
        '<script type="application/json">{"b": 1}</script><script type="module">c()</script>'
    )
    assert len(csp.inline_hashes(html)) == 2
    # The hash of the text between the tags, as a browser computes it (`echo -n` | sha256).
    assert csp.inline_hashes("<script>alert(1)</script>") == {
        "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    }


def test_the_policy_allows_the_site_and_the_hashes_and_never_eval():
    text = csp.policy({"'sha256-abc='"})
    assert text.startswith("script-src 'self' 'sha256-abc='; default-src 'self'")
    assert "unsafe-eval" not in text and "script-src 'self' 'unsafe-inline'" not in text
    html = csp.with_policy('<html><head><meta charset="utf-8"><script>x()</script>', set())
    assert html.index("Content-Security-Policy") < html.index("<script>")
    assert csp.with_policy(html, set()).count("Content-Security-Policy") == 1


def test_every_built_page_has_one_policy_above_its_scripts_knowing_every_inline_script(
    built_site,
):
    pages = [*built_site.pages(), built_site.root / "404.html"]
    every = set().union(*(csp.inline_hashes(p.read_text(encoding="utf-8")) for p in pages))
    assert every, "the site has inline scripts (Material's): the test would prove nothing"
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policies = META.findall(html)
        assert len(policies) == 1, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path
        assert "unsafe-eval" not in policies[0], path
        sources = set(re.findall(r"'sha256-[^']+'", policies[0]))
        assert sources == every, f"{path}: the policy misses {sorted(every - sources)}"


def _site_urls(built_site, site_url) -> list[str]:
    return [
        site_url + p.relative_to(built_site.root).as_posix().removesuffix("index.html")
        for p in built_site.pages()
    ]


@pytest.mark.browser
def test_an_injected_inline_script_is_blocked(page, site_url):
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url + "explore/")
    page.wait_for_function("() => document.querySelector('[data-gd-explorer] canvas')")
    page.evaluate(
        """() => {
          const script = document.createElement('script');
          script.textContent = 'window.__injected = true';
          document.body.append(script);
        }"""
    )
    page.wait_for_function("() => window.__csp.length > 0")
    assert page.evaluate("() => window.__injected") is None, "the injected script ran"
    assert page.evaluate("() => window.__csp")[0].startswith("script-src")
    # (eval's refusal cannot be shown from here: Playwright's evaluate runs over the DevTools
    # protocol, which the policy does not cover; the policy's text has no 'unsafe-eval', above.)


@pytest.mark.browser
def test_no_page_reports_a_violation_or_an_error(page, built_site, site_url):
    page.add_init_script(RECORD_VIOLATIONS)
    urls = _site_urls(built_site, site_url)
    assert len(urls) >= 15, urls
    for url in urls:
        page.goto(url, wait_until="load")
        page.wait_for_timeout(200)  # scripts started on load (the explorer, search) get going
        assert page.evaluate("() => window.__csp") == [], url
    assert page.watch.console_errors == []


@pytest.mark.browser
def test_instant_navigation_runs_each_pages_inline_scripts_under_the_first_policy(page, site_url):
    # Material treats a link as internal only when the sitemap lists it: point the sitemap's
    # https://example.github.io URLs at the test server (as tests/browser/test_explorer_state.py).
    origin = site_url.split("/gradient-descent/")[0]
    page.route(
        "**/sitemap.xml",
        lambda route: route.fulfill(
            body=re.sub(r"https?://[^/<\"]+(?=/gradient-descent/)", origin, route.fetch().text()),
            content_type="application/xml",
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(site_url)
    page.evaluate("() => { window.__sameDocument = true; }")
    for title, path in (
        ("NumPy", "code/numpy/"),
        ("3D explorer", "explore/"),
        ("Comparison", "variants/comparison/"),
    ):
        page.click(f"nav.md-nav--primary >> text={title}")
        page.wait_for_function("p => location.pathname.endsWith(p)", arg=path)
        page.wait_for_timeout(500)  # the swapped page's scripts run
    assert page.evaluate("() => window.__sameDocument"), "a page was reloaded, not swapped"
    assert page.evaluate("() => window.__csp") == []
    assert page.watch.console_errors == []

"""Instant navigation in the browser tests: the theme started, its sitemap pointed at the server."""

from __future__ import annotations

import re


def theme_started(page, settle_ms: int) -> None:
    """Wait for the page's load and the theme's `document$`, then `settle_ms` for it to finish."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined")
    page.wait_for_timeout(settle_ms)


def serve_sitemap_for_this_origin(page, site_url: str) -> None:
    """Point the sitemap at the test server, as on the real host, so instant navigation runs.

    Material treats a link as internal (and loads it without a reload) only when the sitemap
    lists it; it copies the page's scheme and host into the sitemap's URLs but not the port, so
    the build's https://example.github.io URLs never match a server on 127.0.0.1:PORT.
    """
    origin = site_url.split("/gradient-descent/")[0]

    def rewrite(route) -> None:
        body = route.fetch().text()
        route.fulfill(
            body=re.sub(r"https?://[^/<\"]+(?=/gradient-descent/)", origin, body),
            content_type="application/xml",
        )

    page.route("**/sitemap.xml", rewrite)

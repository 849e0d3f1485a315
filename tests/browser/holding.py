"""Hold a page's requests until a test lets them go, and screenshot an element with no overlay.

Both exist because a slow machine (a loaded CI host) changes what a test sees: a loop that waits
for a held request must end with a message, not spin until the CI's limit, and Material's sticky
header, painted over an element that the page scrolled under it, must not count as its pixels.
"""

from __future__ import annotations

import re
import time

# Fixed bars that may lie over an element in a screenshot; hidden only while the shot is taken.
NO_OVERLAYS = ".md-header, .md-tabs, .md-top { visibility: hidden !important; }"


def hold(page, pattern: re.Pattern[str] | str) -> list:
    """Route the page's requests matching `pattern` into the returned list, unanswered."""
    held: list = []
    # A lambda, not `held.append`: Playwright tags the handler with an attribute, and a bound
    # builtin method takes none.
    page.route(pattern, lambda route: held.append(route))
    return held


def wait_for_held(page, held: list, what: str, timeout_s: float = 30.0) -> None:
    """Wait until `held` has a request, or fail naming `what` was never asked for."""
    deadline = time.monotonic() + timeout_s
    while not held:
        if time.monotonic() > deadline:
            raise AssertionError(f"the page never requested {what} within {timeout_s:.0f} s")
        page.wait_for_timeout(50)


def release(held: list) -> None:
    for route in held:
        route.continue_()
    held.clear()


def element_png(locator) -> bytes:
    """The element's pixels as the page draws them, without the fixed bars over it."""
    return locator.screenshot(style=NO_OVERLAYS)

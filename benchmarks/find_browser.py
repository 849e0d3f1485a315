"""Which Chromium the tests, the benchmarks and Lighthouse drive: one rule, in this one place.

1. `GD_CHROMIUM`, when set, is the path to use (and nothing else is tried if it is wrong);
2. else Playwright's own Chromium, if `playwright install chromium` has put it on disk;
3. else a system Chromium or Chrome on PATH or at its usual place, never a snap one (snap
   confinement hides the machine's /tmp, where Playwright keeps the browser's profile).

`find_browser()` returns a `Browser` (its path and the reason it was chosen) or raises
`BrowserNotFoundError`, whose message names the three remedies; `chosen_browser()` is the same
answer asked once per process. Everything the rule looks at (environment, Playwright, PATH lookup,
usual places) can be passed in, so it is tested without touching the machine's browsers.
`python benchmarks/find_browser.py` prints the choice in one line.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

ENV_VAR = "GD_CHROMIUM"
SYSTEM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
SYSTEM_LOCATIONS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/lib/chromium/chromium",
    "/usr/bin/google-chrome",
    "/opt/google/chrome/chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
)
REMEDIES = (
    f"set {ENV_VAR} to a Chromium or Chrome executable, "
    "or run `.venv/bin/python -m playwright install chromium`, "
    "or install a system Chromium that is not a snap (Debian: `apt-get install chromium`; "
    "macOS: `brew install --cask chromium`)"
)


class BrowserNotFoundError(RuntimeError):
    """No usable Chromium: the message says what went wrong (`why`) and the three remedies."""

    def __init__(self, why: str) -> None:
        super().__init__(f"{why}. To fix: {REMEDIES}")
        self.why = why


@dataclass(frozen=True)
class Browser:
    """The chosen executable and why the rule chose it."""

    path: str
    reason: str

    def describe(self) -> str:
        """One line for logs: `browser: PATH (REASON)`."""
        return f"browser: {self.path} ({self.reason})"


def playwright_chromium_path() -> str | None:
    """Where Playwright keeps its own Chromium (whether or not it is there), or None."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            return playwright.chromium.executable_path
    except Exception:  # a broken driver means "no Playwright Chromium", not a crash
        return None


def is_executable(path: str) -> bool:
    """Tell whether `path` is an existing regular file we may execute."""
    return os.path.isfile(path) and os.access(path, os.X_OK)


def is_snap(path: str) -> bool:
    """Tell whether `path` is a snap package's browser or a script that hands over to one.

    Ubuntu's `chromium-browser` deb is such a script: it only execs `/snap/bin/chromium`.
    """
    if os.path.realpath(path).startswith("/snap/"):
        return True
    try:
        with open(path, "rb") as file:
            head = file.read(16384)
    except OSError:
        return False
    return head.startswith(b"#!") and b"/snap/" in head


def _system_candidates(
    env: Mapping[str, str], which: Callable[..., str | None], locations: Iterable[str]
) -> Iterable[tuple[str, str]]:
    search_path = env.get("PATH", os.defpath)
    for name in SYSTEM_NAMES:
        found = which(name, path=search_path)
        if found:
            yield found, f"system browser `{name}` on PATH"
    for location in locations:
        yield location, "system browser at its usual place"


def find_browser(
    env: Mapping[str, str] | None = None,
    *,
    playwright_path: Callable[[], str | None] = playwright_chromium_path,
    which: Callable[..., str | None] = shutil.which,
    locations: Iterable[str] = SYSTEM_LOCATIONS,
) -> Browser:
    """Choose the Chromium to drive by the rule above.

    Args:
        env: the environment to read `GD_CHROMIUM` and `PATH` from (default `os.environ`).
        playwright_path: returns where Playwright's own Chromium would be, or None.
        which: `shutil.which`-like lookup taking a name and `path=`.
        locations: the usual places of a system browser, tried after PATH.

    Returns:
        The chosen `Browser`.

    Raises:
        BrowserNotFoundError: `GD_CHROMIUM` names no executable, or no rule found a browser.

    """
    env = os.environ if env is None else env
    given = os.path.expanduser(env.get(ENV_VAR, ""))
    if given:
        if not is_executable(given):
            raise BrowserNotFoundError(f"{ENV_VAR}={given!r} is not an executable file")
        return Browser(given, f"from {ENV_VAR}")
    own = playwright_path()
    if own and is_executable(own):
        return Browser(own, f"Playwright's own Chromium; {ENV_VAR} is not set")
    snaps = []
    for path, where in _system_candidates(env, which, locations):
        if not is_executable(path):
            continue
        if is_snap(path):
            snaps.append(path)
            continue
        return Browser(path, f"{where}; {ENV_VAR} is not set and Playwright has no Chromium")
    refused = f"; refused snap browsers: {', '.join(snaps)}" if snaps else ""
    raise BrowserNotFoundError(f"no Chromium found{refused}")


@functools.cache
def chosen_browser() -> Browser:
    """`find_browser()` for this process, asked once: the answer costs a Playwright start."""
    return find_browser()


def main() -> int:
    """Print the chosen browser in one line, or why there is none (exit status 1)."""
    try:
        print(find_browser().describe())
    except BrowserNotFoundError as error:
        print(f"browser: none: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Make sure a Chromium is there: the first step of `make test`, `make bench` and `make bench-site`.

If the rule of find_browser.py finds one, print it and stop. Otherwise try, in turn:

1. `python -m playwright install chromium`, Playwright's own build (time-limited: where its
   download is blocked it may fail slowly); if it does not start and apt may be used,
   `playwright install-deps chromium` adds the system libraries it lacks;
2. the system package manager where this process may use it: as root on a machine with apt
   (Debian, Ubuntu), `apt-get install chromium fonts-dejavu-core` (Ubuntu's is a snap, which the
   rule refuses, so there step 1 is the one that works);

and keep the result only if the rule then finds a browser that starts. Else exit with status 1
and a message naming the three remedies. A `GD_CHROMIUM` that names no executable is reported,
never worked around: the user asked for that browser.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping

from find_browser import ENV_VAR, Browser, BrowserNotFoundError, find_browser

PLAYWRIGHT = (sys.executable, "-m", "playwright")  # the venv's own Playwright
PLAYWRIGHT_TIMEOUT_S = 600  # a real download of Chromium plus its headless shell fits in this
PLAYWRIGHT_CONNECT_MS = "20000"  # but a blocked host should fail within seconds, not minutes
APT_PACKAGES = ("chromium", "fonts-dejavu-core")
APT_INSTALL = (
    *("apt-get", "install", "-y", "-qq", "--no-install-recommends"),
    *("-o", "DPkg::Lock::Timeout=300"),  # wait for another apt run to finish instead of failing
    *APT_PACKAGES,
)
START_FLAGS = (
    "--headless=new",
    "--no-sandbox",  # as root, or in a container, Chromium's sandbox refuses to start
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--dump-dom",
    "about:blank",
)


def starts(path: str, run: Callable[..., subprocess.CompletedProcess] = subprocess.run) -> bool:
    """Tell whether the browser at `path` starts headless and renders an empty page."""
    try:
        result = run([path, *START_FLAGS], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and "<body" in result.stdout


def can_use_apt() -> bool:
    """Tell whether this process may install Debian packages: root, with apt-get on PATH."""
    return sys.platform.startswith("linux") and os.geteuid() == 0 and bool(shutil.which("apt-get"))


def _run_step(run, command: list[str], say, **options) -> bool:
    say("browser: running " + " ".join(command))
    try:
        result = run(command, **options)
    except subprocess.TimeoutExpired:
        say(f"browser: gave up after {options.get('timeout')} s")
        return False
    except OSError as error:
        say(f"browser: could not run it: {error}")
        return False
    return result.returncode == 0


def _found_and_starts(env, find, start, say) -> Browser | None:
    try:
        browser = find(env)
    except BrowserNotFoundError:
        return None
    if start(browser.path):
        return browser
    say(f"browser: {browser.path} was found but does not start")
    return None


def _with_playwright(env, run, say) -> bool:
    download_env = {**env, "PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT": PLAYWRIGHT_CONNECT_MS}
    options = {"env": download_env, "timeout": PLAYWRIGHT_TIMEOUT_S, "stdin": subprocess.DEVNULL}
    command = [*PLAYWRIGHT, "install", "chromium"]
    return _run_step(run, command, say, **options)


def _playwright_deps(env, run, say) -> bool:
    command = [*PLAYWRIGHT, "install-deps", "chromium"]  # it runs apt-get
    return _run_step(run, command, say, env={**env, "DEBIAN_FRONTEND": "noninteractive"})


def _with_apt(env, run, say) -> bool:
    apt_env = {**env, "DEBIAN_FRONTEND": "noninteractive"}
    return _run_step(run, ["apt-get", "update", "-qq"], say, env=apt_env) and _run_step(
        run,
        list(APT_INSTALL),
        say,
        env=apt_env,
    )


def provide(
    env: Mapping[str, str] | None = None,
    *,
    find: Callable[[Mapping[str, str]], Browser] = find_browser,
    run: Callable[..., subprocess.CompletedProcess] = subprocess.run,
    use_apt: bool | None = None,
    start: Callable[[str], bool] = starts,
    say: Callable[[str], None] = print,
) -> Browser:
    """Return the browser the rule finds, installing one first if there is none.

    Args:
        env: the environment (default `os.environ`).
        find: the finding rule, `find_browser` unless a test passes another.
        run: `subprocess.run`-like, for the install commands.
        use_apt: whether apt-get may be used (default: `can_use_apt()`).
        start: checks that a freshly installed browser starts.
        say: where progress lines go.

    Raises:
        BrowserNotFoundError: nothing found and nothing could be installed; the message names the
            remedies and what was tried.

    """
    env = dict(os.environ if env is None else env)
    try:
        return find(env)
    except BrowserNotFoundError as error:
        if env.get(ENV_VAR):
            raise
        say(f"browser: {error.why}; trying to install one")
    use_apt = can_use_apt() if use_apt is None else use_apt
    tried = ["`playwright install chromium` (its download failed)"]
    if _with_playwright(env, run, say):
        browser = _found_and_starts(env, find, start, say)
        if not browser and use_apt and _playwright_deps(env, run, say):
            browser = _found_and_starts(env, find, start, say)
        if browser:
            return browser
        tried[0] = "`playwright install chromium` (installed, but it does not start)"
    if use_apt:
        tried.append(f"`apt-get install {' '.join(APT_PACKAGES)}`")
        if _with_apt(env, run, say):
            browser = _found_and_starts(env, find, start, say)
            if browser:
                return browser
    else:
        tried.append("no system package manager this process may use (apt-get as root)")
    raise BrowserNotFoundError(
        f"no Chromium, and none could be installed (tried: {'; '.join(tried)})"
    )


def main() -> int:
    """Print the browser in one line (installing one if needed), or why there is none."""
    try:
        print(provide().describe())
    except BrowserNotFoundError as error:
        print(f"browser: none: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

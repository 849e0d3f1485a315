"""Shared fixtures: one strict build of the site per session, served under a sub-path, and Chromium.

The site is built into a temporary folder exactly as GitHub Pages serves it, under
`/gradient-descent/`, so every test sees the links a reader of a project page would follow.
Browser tests drive the Chromium that benchmarks/find_browser.py chooses (GD_CHROMIUM, else
Playwright's own, else a system one) and fail (never skip) when there is none; the choice and its
reason are printed once, after collection, when a collected test needs the browser.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from find_browser import Browser, BrowserNotFoundError, find_browser

ROOT = Path(__file__).resolve().parent.parent
BASE_PATH = "/gradient-descent/"
LOCAL_HOSTS = {"127.0.0.1"}


def build_site(site_dir: Path, site_url: str = "https://example.github.io" + BASE_PATH) -> str:
    """Run `mkdocs build --strict` into `site_dir` and return its log."""
    env = {**os.environ, "SITE_URL": site_url}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed:\n{log}")
    return log


@dataclass
class BuiltSite:
    """A strict build of the site: where it lies on disk and what the build printed."""

    root: Path
    log: str

    def pages(self) -> list[Path]:
        """Every HTML page of the build, 404 page excluded."""
        return sorted(p for p in self.root.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("www") / BASE_PATH.strip("/")
    return BuiltSite(site_dir, build_site(site_dir))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _serve(site_root: Path):
    """Serve the site's parent folder on 127.0.0.1, so the site lives under BASE_PATH."""
    handler = functools.partial(_QuietHandler, directory=str(site_root.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{BASE_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The session's MkDocs build, served under BASE_PATH."""
    yield from _serve(built_site.root)


@pytest.fixture(scope="session")
def zensical_site(built_site, tmp_path_factory) -> Path:
    """The site built by Zensical and finished, as `make zensical` does (tests/_zensical.py)."""
    from _zensical import build_zensical

    work = tmp_path_factory.mktemp("zensical")
    site_dir = work / "www" / BASE_PATH.strip("/")
    return build_zensical(work, site_dir, "https://example.github.io" + BASE_PATH)


@pytest.fixture(scope="session")
def zensical_url(zensical_site) -> str:
    """Zensical's finished build, served under BASE_PATH."""
    yield from _serve(zensical_site)


@functools.cache
def chosen_browser() -> Browser | BrowserNotFoundError:
    """The browser rule's answer, asked once per session (it starts Playwright's driver)."""
    try:
        return find_browser()
    except BrowserNotFoundError as error:
        return error


def pytest_collection_finish(session) -> None:
    """Say which browser the browser tests will drive, and why, in one line."""
    if not any("browser" in getattr(item, "fixturenames", ()) for item in session.items):
        return
    choice = chosen_browser()
    line = choice.describe() if isinstance(choice, Browser) else f"browser: none: {choice}"
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(line)


def pytest_runtest_logreport(report) -> None:
    """Print a failure's last lines as it happens: a run stopped at the CI's limit keeps them."""
    if not report.failed:
        return
    config = _SESSION.get("config")
    reporter = config and config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        tail = "\n".join(report.longreprtext.splitlines()[-25:])
        reporter.write_line(f"\nFAILED {report.nodeid} ({report.when}):\n{tail}")


_SESSION: dict[str, pytest.Config] = {}


def pytest_configure(config) -> None:
    _SESSION["config"] = config


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    choice = chosen_browser()
    if isinstance(choice, BrowserNotFoundError):
        pytest.fail(str(choice))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=choice.path,
            args=[
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@dataclass
class PageWatch:
    """What a page did that a test may forbid: foreign requests, failures and console errors."""

    foreign_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def watch(page) -> PageWatch:
    """Record a page's requests to hosts other than 127.0.0.1, failed requests and errors."""
    seen = PageWatch()

    def on_request(request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname not in LOCAL_HOSTS:
            seen.foreign_requests.append(request.url)

    def on_response(response) -> None:
        if response.status >= 400:
            seen.failed_requests.append(f"{response.status} {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on("requestfailed", lambda r: seen.failed_requests.append(f"failed {r.url}"))
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    page.on("pageerror", lambda e: seen.console_errors.append(str(e)))
    return seen


@pytest.fixture
def page(browser):
    """A fresh 1280 x 800 page whose `watch` attribute records its traffic."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    # Block anything that tries to leave the machine, after recording it.
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if urlparse(route.request.url).hostname in LOCAL_HOSTS | {None, ""}
            else route.abort()
        ),
    )
    new_page = context.new_page()
    new_page.watch = watch(new_page)
    yield new_page
    context.close()


@pytest.fixture(scope="session")
def open_page(browser):
    """Open watched pages in contexts of your choosing (viewport, color_scheme, ...).

    Each page is like `page`'s: it has a `watch` attribute and cannot reach hosts other than
    127.0.0.1. Session-scoped, so a module can load every page of the site once and share the
    results; the contexts are closed at the end of the session.
    """
    contexts = []

    def keep_on_machine(route) -> None:
        if urlparse(route.request.url).hostname in LOCAL_HOSTS | {None, ""}:
            route.continue_()
        else:
            route.abort()

    def open_watched_page(**context_options):
        context = browser.new_context(**context_options)
        context.route("**/*", keep_on_machine)
        contexts.append(context)
        new_page = context.new_page()
        new_page.watch = watch(new_page)
        return new_page

    yield open_watched_page
    for context in contexts:
        context.close()

"""`make test`'s browser step (benchmarks/provide_browser.py) on made-up machines.

The order is: a browser the rule finds; else Playwright's download; else apt-get as root; else a
clear failure naming the remedies. The first tests record the commands a fake runner is given;
the last ones run real processes (fake `playwright`, `apt-get` and `chromium` scripts in
tmp_path, a fake root), so the timeouts, exit codes and the start check are exercised for real.
The machine's own browsers and packages are never touched.
"""

import functools
import shutil
import subprocess
from pathlib import Path

import provide_browser
import pytest
from find_browser import ENV_VAR, Browser, BrowserNotFoundError, find_browser
from provide_browser import APT_PACKAGES, provide, starts

FAKE = Browser("/fake/chromium", "made up")


class Machine:
    """A fake machine: `find` answers from `installed`, `run` records commands and installs."""

    def __init__(self, playwright_ok=True, apt_ok=True, starts_ok=True):
        self.installed: list[str] = []
        self.commands: list[list[str]] = []
        self.options: list[dict] = []
        self.playwright_ok, self.apt_ok, self.starts_ok = playwright_ok, apt_ok, starts_ok

    def find(self, env):
        if env.get(ENV_VAR):
            raise BrowserNotFoundError(f"{ENV_VAR}={env[ENV_VAR]!r} is not an executable file")
        if not self.installed:
            raise BrowserNotFoundError("no Chromium found")
        return Browser(self.installed[-1], "fake rule")

    def run(self, command, **options):
        self.commands.append(command)
        self.options.append(options)
        if command[-2:] == ["install", "chromium"]:
            if self.playwright_ok == "hangs":
                raise subprocess.TimeoutExpired(command, options["timeout"])
            if self.playwright_ok:
                self.installed.append("/pw/chrome")
            return subprocess.CompletedProcess(command, 0 if self.playwright_ok else 1)
        if command[:2] == ["apt-get", "install"] and self.apt_ok:
            self.installed.append("/usr/bin/chromium")
        return subprocess.CompletedProcess(command, 0 if self.apt_ok else 100)

    def provide(self, use_apt, env=None):
        return provide(
            env or {},
            find=self.find,
            run=self.run,
            use_apt=use_apt,
            start=lambda path: self.starts_ok,
            say=lambda line: None,
        )

    def names(self):
        return [" ".join(c[-2:]) if "playwright" in c else " ".join(c[:2]) for c in self.commands]


def test_a_browser_already_found_installs_nothing():
    machine = Machine()
    machine.installed.append("/usr/bin/chromium")
    assert machine.provide(use_apt=True).path == "/usr/bin/chromium"
    assert machine.commands == []


def test_a_wrong_variable_is_reported_not_worked_around():
    machine = Machine()
    with pytest.raises(BrowserNotFoundError, match=ENV_VAR):
        machine.provide(use_apt=True, env={ENV_VAR: "/nope"})
    assert machine.commands == []


def test_playwright_download_comes_first_with_a_time_limit():
    machine = Machine()
    assert machine.provide(use_apt=True).path == "/pw/chrome"
    assert machine.names() == ["install chromium"]
    options = machine.options[0]
    assert options["timeout"] == provide_browser.PLAYWRIGHT_TIMEOUT_S
    assert options["env"]["PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT"].isdigit()
    assert options["stdin"] == subprocess.DEVNULL


@pytest.mark.parametrize("playwright", [False, "hangs"])
def test_apt_as_root_when_the_download_fails_or_hangs(playwright):
    machine = Machine(playwright_ok=playwright)
    assert machine.provide(use_apt=True).path == "/usr/bin/chromium"
    assert machine.names() == ["install chromium", "apt-get update", "apt-get install"]
    assert machine.commands[-1][-len(APT_PACKAGES) :] == list(APT_PACKAGES)
    assert machine.options[-1]["env"]["DEBIAN_FRONTEND"] == "noninteractive"


def test_playwright_browser_that_does_not_start_gets_its_libraries_from_apt():
    machine = Machine(starts_ok=False)
    with pytest.raises(BrowserNotFoundError, match="installed, but it does not start"):
        machine.provide(use_apt=True)
    assert machine.names()[:2] == ["install chromium", "install-deps chromium"]


def test_without_root_or_apt_it_fails_naming_the_remedies():
    machine = Machine(playwright_ok=False)
    with pytest.raises(BrowserNotFoundError) as error:
        machine.provide(use_apt=False)
    assert machine.names() == ["install chromium"]
    message = str(error.value)
    assert "its download failed" in message and "apt-get as root" in message
    for remedy in (f"set {ENV_VAR}", "playwright install chromium", "apt-get install chromium"):
        assert remedy in message


def test_an_apt_failure_is_reported():
    machine = Machine(playwright_ok=False, apt_ok=False)
    with pytest.raises(BrowserNotFoundError, match="apt-get install chromium fonts-dejavu-core"):
        machine.provide(use_apt=True)


# Real processes on a fake root: scripts stand in for playwright, apt-get and chromium.

CHROMIUM_SCRIPT = """#!/bin/sh
case "$*" in *--dump-dom*) echo '<html><head></head><body></body></html>';; esac
"""


def script(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)
    return path


@pytest.fixture
def fake_root(tmp_path, monkeypatch):
    """A PATH with no browser, a blocked Playwright and an apt-get that installs `chromium`."""
    bin_dir = tmp_path / "bin"
    script(tmp_path / "playwright", "echo 'getaddrinfo ENOTFOUND' >&2\nexit 1\n")
    monkeypatch.setattr(provide_browser, "PLAYWRIGHT", (str(tmp_path / "playwright"),))
    package = tmp_path / "package" / "chromium"
    package.parent.mkdir()
    package.write_text(CHROMIUM_SCRIPT)
    script(
        bin_dir / "apt-get",
        f'[ "$1" = install ] && {shutil.which("cp")} -p {package} {bin_dir}/\nexit 0\n',
    )
    package.chmod(0o755)
    env = {"PATH": str(bin_dir)}
    find = functools.partial(find_browser, playwright_path=lambda: None, locations=())
    return env, find, bin_dir


def test_fake_root_gets_chromium_from_apt(fake_root):
    env, find, bin_dir = fake_root
    lines = []
    browser = provide(env, find=find, use_apt=True, say=lines.append)
    assert browser.path == str(bin_dir / "chromium")
    assert lines[0] == "browser: no Chromium found; trying to install one"
    assert any(line.endswith("playwright install chromium") for line in lines)


def test_fake_root_without_apt_rights_fails_fast(fake_root):
    env, find, _ = fake_root
    with pytest.raises(BrowserNotFoundError, match="its download failed"):
        provide(env, find=find, use_apt=False, say=lambda line: None)


def test_a_hanging_download_is_cut_off(fake_root, tmp_path, monkeypatch):
    env, find, bin_dir = fake_root
    script(tmp_path / "playwright", f"exec {shutil.which('sleep')} 60\n")
    monkeypatch.setattr(provide_browser, "PLAYWRIGHT_TIMEOUT_S", 1)
    lines = []
    browser = provide(env, find=find, use_apt=True, say=lines.append)
    assert browser.path == str(bin_dir / "chromium")
    assert "browser: gave up after 1 s" in lines


def test_start_check_needs_a_rendered_page(tmp_path):
    good = tmp_path / "good"
    good.write_text(CHROMIUM_SCRIPT)
    good.chmod(0o755)
    assert starts(str(good))
    assert not starts(str(script(tmp_path / "silent", "exit 0\n")))
    assert not starts(str(script(tmp_path / "crashes", "echo '<body>'; exit 127\n")))
    assert not starts(str(tmp_path / "absent"))

"""The browser rule (benchmarks/find_browser.py) on made-up machines: GD_CHROMIUM, then
Playwright's own Chromium, then a system one that is not a snap; and the line pytest prints.

Nothing here looks at or changes the machine's real browsers: every path is a file in tmp_path
and the Playwright lookup is a function the test passes in.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from find_browser import ENV_VAR, BrowserNotFoundError, find_browser, is_snap

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "benchmarks" / "find_browser.py"
DEBIAN_WRAPPER = '#!/bin/sh\nLIBDIR=/usr/lib/chromium\nexec $LIBDIR/chromium "$@"\n'
UBUNTU_SNAP_WRAPPER = (
    "#!/bin/sh\nif ! [ -x /snap/bin/chromium ]; then\n"
    "  echo \"Command '$0' requires the chromium snap to be installed.\" >&2; exit 1\nfi\n"
    'exec /snap/bin/chromium "$@"\n'
)


def executable(path: Path, text: str = "#!/bin/sh\nexit 0\n") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)
    return str(path)


def no_playwright() -> None:
    return None


def rule(tmp_path, env=None, playwright_path=no_playwright, locations=()):
    """find_browser on a machine whose PATH is only tmp_path/bin and with the given places."""
    env = {"PATH": str(tmp_path / "bin"), **(env or {})}
    return find_browser(env, playwright_path=playwright_path, locations=locations)


def test_the_variable_wins_over_playwright_and_the_system(tmp_path):
    given = executable(tmp_path / "my" / "chrome")
    executable(tmp_path / "bin" / "chromium")
    own = executable(tmp_path / "pw" / "chrome")
    browser = rule(tmp_path, {ENV_VAR: given}, playwright_path=lambda: own)
    assert browser.path == given
    assert browser.describe() == f"browser: {given} (from {ENV_VAR})"


@pytest.mark.parametrize("kind", ["missing", "not executable", "a folder"])
def test_a_wrong_variable_is_an_error_and_nothing_else_is_tried(tmp_path, kind):
    given = tmp_path / "chrome"
    if kind == "not executable":
        given.write_text("#!/bin/sh\n")
    elif kind == "a folder":
        given.mkdir()
    executable(tmp_path / "bin" / "chromium")

    def playwright_path():
        raise AssertionError("Playwright must not be asked when the variable is set")

    with pytest.raises(BrowserNotFoundError, match=f"{ENV_VAR}='{given}' is not an executable"):
        rule(tmp_path, {ENV_VAR: str(given)}, playwright_path=playwright_path)


def test_playwright_chromium_comes_before_a_system_one(tmp_path):
    own = executable(tmp_path / "ms-playwright" / "chromium-1255" / "chrome")
    executable(tmp_path / "bin" / "chromium")
    browser = rule(tmp_path, playwright_path=lambda: own)
    assert browser.path == own
    assert "Playwright's own Chromium" in browser.reason


def test_playwright_path_that_is_not_installed_falls_through_to_the_system(tmp_path):
    system = executable(tmp_path / "bin" / "chromium", DEBIAN_WRAPPER)
    browser = rule(tmp_path, playwright_path=lambda: str(tmp_path / "absent" / "chrome"))
    assert browser.path == system
    assert browser.reason.startswith("system browser `chromium` on PATH")


def test_system_names_in_order_then_usual_places(tmp_path):
    chrome = executable(tmp_path / "bin" / "google-chrome")
    place = executable(tmp_path / "opt" / "chromium")
    assert rule(tmp_path, locations=[place]).path == chrome
    chromium = executable(tmp_path / "bin" / "chromium-browser")
    assert rule(tmp_path, locations=[place]).path == chromium
    Path(chrome).unlink()
    Path(chromium).unlink()
    browser = rule(tmp_path, locations=[str(tmp_path / "nowhere"), place])
    assert (browser.path, browser.reason.split(";")[0]) == (
        place,
        "system browser at its usual place",
    )


def test_a_snap_wrapper_is_refused_and_named(tmp_path):
    snap = executable(tmp_path / "bin" / "chromium-browser", UBUNTU_SNAP_WRAPPER)
    with pytest.raises(BrowserNotFoundError) as error:
        rule(tmp_path)
    assert f"refused snap browsers: {snap}" in str(error.value)
    fallback = executable(tmp_path / "usr" / "chromium", DEBIAN_WRAPPER)
    assert rule(tmp_path, locations=[fallback]).path == fallback


def test_is_snap_reads_wrappers_and_resolves_links(tmp_path):
    assert is_snap(executable(tmp_path / "ubuntu", UBUNTU_SNAP_WRAPPER))
    assert not is_snap(executable(tmp_path / "debian", DEBIAN_WRAPPER))
    binary = tmp_path / "elf"
    binary.write_bytes(b"\x7fELF" + b"/snap/ is only data in a binary")
    assert not is_snap(str(binary))
    link = tmp_path / "link"
    link.symlink_to("/snap/bin/chromium")
    assert is_snap(str(link))


def test_no_browser_names_the_three_remedies(tmp_path):
    with pytest.raises(BrowserNotFoundError) as error:
        rule(tmp_path, locations=[str(tmp_path / "none")])
    message = str(error.value)
    assert message.startswith("no Chromium found. To fix:")
    assert f"set {ENV_VAR}" in message
    assert "playwright install chromium" in message
    assert "apt-get install chromium" in message


def test_the_default_rule_reads_os_environ(tmp_path, monkeypatch):
    given = executable(tmp_path / "chrome")
    monkeypatch.setenv(ENV_VAR, given)
    assert find_browser(playwright_path=no_playwright).path == given


def run_pytest_collection(env_value: str) -> subprocess.CompletedProcess:
    """Collect one browser test in a child pytest with GD_CHROMIUM set."""
    env = {**os.environ, ENV_VAR: env_value}
    test = "tests/test_smoke_build.py"
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
    return subprocess.run(
        [*command, test], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_pytest_prints_the_chosen_browser_and_why(tmp_path):
    given = executable(tmp_path / "chrome")
    result = run_pytest_collection(given)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"browser: {given} (from {ENV_VAR})" in result.stdout.splitlines()


def test_browser_tests_fail_not_skip_without_a_browser(tmp_path):
    env = {**os.environ, ENV_VAR: str(tmp_path / "absent")}
    test = "tests/test_smoke_build.py::test_home_page_loads_in_chromium_without_leaving_the_machine"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert result.returncode == 1, result.stdout
    assert "1 error" in summary and "skipped" not in summary, summary
    assert f"browser: none: {ENV_VAR}=" in result.stdout
    assert "playwright install chromium" in result.stdout


def test_the_command_line_prints_one_line_or_fails(tmp_path):
    given = executable(tmp_path / "chrome")
    ok = subprocess.run(
        [sys.executable, str(CLI)], env={**os.environ, ENV_VAR: given}, capture_output=True
    )
    assert (ok.returncode, ok.stdout.decode()) == (0, f"browser: {given} (from {ENV_VAR})\n")
    env = {**os.environ, ENV_VAR: str(tmp_path / "absent")}
    bad = subprocess.run([sys.executable, str(CLI)], env=env, capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr.startswith(f"browser: none: {ENV_VAR}=")

"""The GitHub Pages workflow: it tests, builds with the README's commands, deploys only from main.

Checked offline: GitHub's workflow schema (the copy vendored in check-jsonschema) and zizmor's
audits (`--offline`: no finding of medium severity or more). Both tools are shown to fail on a
workflow with known faults, so a clean result means something. What needs GitHub cannot be
checked here: that each pinned SHA is the commit its tag names (zizmor's online audits), and
that the run passes on a hosted runner.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BIN = Path(sys.executable).parent
DEPLOY_CONDITION = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")
# The first majors that run on Node 24 (GitHub's runners no longer default to Node 20).
MIN_MAJOR = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/setup-node": 7,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
SEVERE = {"Medium", "High"}

# Known faults: an issue title pasted into a shell (template injection, high), an action by a
# moving tag (unpinned, high), checkout keeping its token (artipacked, medium).
FAULTY_WORKFLOW = """\
name: Faulty
on:
  issues:
    types: [opened]
permissions:
  contents: read
jobs:
  greet:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "Thanks for ${{ github.event.issue.title }}"
"""


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def _uses(workflow: dict) -> dict[str, str]:
    """Every `uses:` of the workflow, keyed by action name, with the job it is in."""
    found = {}
    for job_name, job in workflow["jobs"].items():
        for step in _steps(job):
            if "uses" in step:
                found[step["uses"]] = job_name
    return found


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in _steps(job) if "run" in step]


def test_workflow_runs_on_main_pushes_pull_requests_and_by_hand(workflow):
    # YAML 1.1 reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["branches"] == ["main"]
    assert set(triggers) == {"push", "pull_request", "workflow_dispatch"}


def test_test_job_runs_the_whole_make_test_with_a_browser(workflow):
    test = workflow["jobs"]["test"]
    assert "if" not in test, "every run tests"
    runs = _runs(test)
    assert "make test" in runs, runs
    browser = [i for i, run in enumerate(runs) if re.search(r"playwright install .*chromium", run)]
    assert browser and browser[0] < runs.index("make test"), "a browser before the tests"
    assert "--with-deps" in runs[browser[0]]
    # `make test` runs pytest with no selection: the browser tests are not left out.
    assert re.search(r"^test: .*\n\t\$\(BIN\)/pytest$", (ROOT / "Makefile").read_text(), re.M)


def test_ci_run_is_a_thin_call_of_make_test():
    lines = (ROOT / ".ci" / "run").read_text().splitlines()
    commands = [line for line in lines if line.strip() and not line.startswith("#")]
    assert commands[-1] == "exec make test"
    assert not any("apt-get" in line for line in commands)


def test_build_job_runs_the_readme_build_and_uploads_site(workflow):
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "make site" in readme
    assert re.search(r"^site: .*\n\t\$\(BIN\)/mkdocs build --strict$", makefile, re.M)
    build = workflow["jobs"]["build"]
    assert "if" not in build, "pull requests must build too"
    assert any(re.search(r"^make site$", run, re.M) for run in _runs(build))
    uploads = [s for s in _steps(build) if s.get("uses", "").startswith(PAGES_ACTIONS[1])]
    assert uploads and uploads[0]["with"]["path"] == "site"


def test_site_url_comes_from_configure_pages(workflow):
    steps = _steps(workflow["jobs"]["build"])
    pages = next(s for s in steps if s.get("uses", "").startswith(PAGES_ACTIONS[0]))
    build = next(s for s in steps if "make site" in s.get("run", ""))
    expected = "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert build["env"]["PAGES_BASE_URL"] == expected
    assert 'export SITE_URL="${base%/}/"' in build["run"]


@pytest.mark.parametrize(
    ("base_url", "site_url"),
    [
        ("https://ann.github.io/gd", "https://ann.github.io/gd/"),
        ("https://gd.example.org/", "https://gd.example.org/"),
        ("", "https://ann.github.io/gd-site/"),  # pull requests: no Pages settings read
    ],
)
def test_build_step_sets_site_url_with_a_trailing_slash(workflow, base_url, site_url):
    build = next(s for s in _steps(workflow["jobs"]["build"]) if "make site" in s.get("run", ""))
    # Run the step's shell with `make` stubbed to print what MkDocs would get.
    script = 'make() { echo "$SITE_URL"; }\n' + build["run"]
    env = {"PAGES_BASE_URL": base_url, "GITHUB_REPOSITORY_OWNER": "ann"}
    env["GITHUB_REPOSITORY"] = "ann/gd-site"
    result = subprocess.run(["bash", "-ec", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == site_url


def test_deploys_only_on_a_push_to_main_after_the_tests(workflow):
    uses = _uses(workflow)
    for action in PAGES_ACTIONS:
        assert any(u.startswith(action + "@") for u in uses), f"{action} is not used"
    deploy_jobs = {job for u, job in uses.items() if u.startswith(PAGES_ACTIONS[2])}
    assert deploy_jobs == {"deploy"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == DEPLOY_CONDITION
    assert set(deploy["needs"]) == {"test", "build"}
    assert deploy["environment"]["name"] == "github-pages"


def test_torch_is_the_cpu_build(workflow):
    assert workflow["env"]["PIP_EXTRA_INDEX_URL"] == CPU_INDEX
    # One pin without a local label, which 2.13.0+cpu satisfies (PEP 440).
    lock = (ROOT / "requirements.lock").read_text().splitlines()
    assert [line for line in lock if line.startswith("torch")] == ["torch==2.13.0"]
    assert '"torch==2.13.0"' in (ROOT / "pyproject.toml").read_text()
    for job in ("test", "build"):
        assert not any("index-url" in run for run in _runs(workflow["jobs"][job]))
    runs = _runs(workflow["jobs"]["test"])
    check = next(i for i, run in enumerate(runs) if "torch.version.cuda is None" in run)
    assert check < runs.index("make test")


def test_least_privilege(workflow):
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert jobs["test"]["permissions"] == {"contents": "read"}
    assert jobs["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    checkouts = [
        step
        for job in jobs.values()
        for step in _steps(job)
        if step.get("uses", "").startswith("actions/checkout@")
    ]
    assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)


def test_actions_are_pinned_current_majors_and_runs_do_not_overlap(workflow):
    uses = _uses(workflow)
    assert uses
    unpinned = [u for u in uses if not PINNED.match(u)]
    assert unpinned == [], "pin every action to a full commit SHA"
    assert all(u.startswith("actions/") for u in uses), "only GitHub's own actions"
    source = WORKFLOW.read_text()
    for action in uses:
        tag = re.search(re.escape(action) + r" # v(\d+)\.\d+\.\d+$", source, re.M)
        assert tag, f"{action} has no release tag in its comment"
        name = action.split("@")[0]
        assert int(tag.group(1)) >= MIN_MAJOR[name], f"{name} v{tag.group(1)} runs on Node 20"
    assert "group" in workflow["concurrency"]
    assert all(job["runs-on"] != "ubuntu-latest" for job in workflow["jobs"].values())
    assert all("timeout-minutes" in job for job in workflow["jobs"].values())


def check_schema(path: Path) -> subprocess.CompletedProcess:
    command = [BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", path]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def severe_findings(path: Path) -> list[str]:
    """zizmor's findings of medium severity or more, offline, ignore comments not honoured."""
    command = [BIN / "zizmor", "--offline", "--no-ignores", "--format=json", path]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode not in (1, 2), result.stderr  # 1, 2: zizmor itself failed
    return [
        f"{finding['ident']} ({finding['determinations']['severity']})"
        for finding in json.loads(result.stdout)
        if finding["determinations"]["severity"] in SEVERE
    ]


def test_workflow_matches_githubs_schema():
    result = check_schema(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(FAULTY_WORKFLOW.replace("runs-on:", "runs_on:"))
    result = check_schema(broken)
    assert result.returncode == 1
    assert "runs_on" in result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_more():
    assert severe_findings(WORKFLOW) == []


def test_zizmor_reports_known_faults(tmp_path):
    faulty = tmp_path / "faulty.yml"
    faulty.write_text(FAULTY_WORKFLOW)
    assert check_schema(faulty).returncode == 0  # valid, yet unsafe
    assert sorted(severe_findings(faulty)) == [
        "artipacked (Medium)",
        "template-injection (High)",
        "unpinned-uses (High)",
    ]

"""The GitHub Pages workflow: it parses, builds with the README's command, deploys only from main.

actionlint is not run: its PyPI wrapper downloads a binary at install time (no network here) and
Debian has no package for it, so these checks stand in for the parts of it that matter to us.
"""

import re
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
DEPLOY_CONDITION = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
PAGES_ACTIONS = ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


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


def test_workflow_parses_and_triggers_on_main_pushes_and_pull_requests(workflow):
    # YAML 1.1 reads the bare key `on` as True.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers


def test_build_job_runs_the_readme_build_and_uploads_site(workflow):
    readme = (ROOT / "README.md").read_text()
    makefile = (ROOT / "Makefile").read_text()
    assert "make site" in readme
    assert re.search(r"^site: .*\n\t\$\(BIN\)/mkdocs build --strict$", makefile, re.M)
    build = workflow["jobs"]["build"]
    assert "if" not in build, "pull requests must build too"
    runs = [step["run"] for step in _steps(build) if "run" in step]
    assert any(re.search(r"^make site$", run, re.M) for run in runs), runs
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


def test_deploys_only_on_a_push_to_main_with_the_official_actions(workflow):
    uses = _uses(workflow)
    for action in PAGES_ACTIONS:
        assert any(u.startswith(action + "@") for u in uses), f"{action} is not used"
    deploy_jobs = {job for u, job in uses.items() if u.startswith(PAGES_ACTIONS[2])}
    assert deploy_jobs == {"deploy"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == DEPLOY_CONDITION
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_write_permissions_only_where_needed(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    build_permissions = workflow["jobs"]["build"]["permissions"]
    assert "write" not in build_permissions.values()


def test_actions_are_pinned_to_commit_shas_and_runs_do_not_overlap(workflow):
    uses = _uses(workflow)
    assert uses
    unpinned = [u for u in uses if not PINNED.match(u)]
    assert unpinned == [], "pin every action to a full commit SHA"
    assert all(u.startswith("actions/") for u in uses), "only GitHub's own actions"
    source = WORKFLOW.read_text()
    for action in uses:
        assert re.search(re.escape(action) + r" # v\d+\.\d+\.\d+$", source, re.M), action
    assert "group" in workflow["concurrency"]
    assert all(job["runs-on"] != "ubuntu-latest" for job in workflow["jobs"].values())

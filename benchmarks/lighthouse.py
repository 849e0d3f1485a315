"""Run Lighthouse (npm 12.2.3, from js/node_modules) on one URL in headless Chromium.

A reusable helper for the benchmarks: `lighthouse_scores(url, "mobile")` returns the four category
scores out of 100; `run_lighthouse` returns the whole JSON report, `failing_audits` names the
audits that cost points, so a benchmark can say why a score is low, and `benchmark_index` how
fast the machine was. Nothing here downloads a
browser: Chromium is the one find_browser.py chooses (`GD_CHROMIUM`, Playwright's, a system one).

Import it from a script in `benchmarks/` (`from lighthouse import lighthouse_scores`), or run
`python benchmarks/lighthouse.py URL [--desktop] [--runs N]` to print one page's scores.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
from pathlib import Path
from urllib.parse import urlparse

from find_browser import chosen_browser

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_CLI = ROOT / "js" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")
# Headless without the sandbox, as the Playwright tests run it (containers and root need it).
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking --no-first-run"


def _check_arguments(url: str, form_factor: str, runs: int) -> None:
    if urlparse(url).scheme not in ("http", "https"):
        raise ValueError(f"url must be an http(s) URL, got {url!r}")
    if form_factor not in FORM_FACTORS:
        raise ValueError(f"form_factor must be one of {FORM_FACTORS}, got {form_factor!r}")
    if not isinstance(runs, int) or runs < 1:
        raise ValueError(f"runs must be a positive integer, got {runs!r}")
    if not LIGHTHOUSE_CLI.exists():
        raise RuntimeError(f"Lighthouse is missing at {LIGHTHOUSE_CLI}: run `make install`")


def _lighthouse_command(url: str, form_factor: str, categories: tuple[str, ...]) -> list[str]:
    command = [
        "node",
        str(LIGHTHOUSE_CLI),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--disable-full-page-screenshot",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(categories)}",
    ]
    # Lighthouse's default config is mobile (Moto G Power, slow 4G, 4x CPU slowdown).
    if form_factor == "desktop":
        command.append("--preset=desktop")
    return command


def _run_once(url: str, form_factor: str, categories: tuple[str, ...], timeout: float) -> dict:
    chrome = chosen_browser().path  # raises BrowserNotFoundError, naming the remedies
    result = subprocess.run(
        _lighthouse_command(url, form_factor, categories),
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "CHROME_PATH": chrome},  # how chrome-launcher is told the browser
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url} ({result.returncode}):\n{result.stderr}")
    report = json.loads(result.stdout)
    error = report.get("runtimeError")
    if error:
        raise RuntimeError(f"lighthouse could not audit {url}: {error.get('message', error)}")
    return report


def run_lighthouse(
    url: str,
    form_factor: str = "mobile",
    *,
    runs: int = 1,
    categories: tuple[str, ...] = CATEGORIES,
    timeout: float = 300.0,
) -> dict:
    """Audit `url` and return the Lighthouse JSON report.

    Args:
        url: the page to audit (http or https).
        form_factor: "mobile" (Lighthouse's default throttling) or "desktop".
        runs: audit this many times and keep the run with the median performance score,
            as Lighthouse's own docs advise against its run-to-run variance.
        categories: the Lighthouse categories to score.
        timeout: seconds allowed for one run.

    Returns:
        The report of the median run, as parsed from Lighthouse's JSON output.

    """
    _check_arguments(url, form_factor, runs)
    reports = [_run_once(url, form_factor, categories, timeout) for _ in range(runs)]
    if runs == 1:
        return reports[0]
    performance = [r["categories"].get("performance", {}).get("score") or 0 for r in reports]
    median = statistics.median_low(performance)
    return reports[performance.index(median)]


def category_scores(report: dict) -> dict[str, int]:
    """Return the category scores out of 100 (-1 where Lighthouse could not score one)."""
    return {
        name: -1 if category["score"] is None else round(category["score"] * 100)
        for name, category in report["categories"].items()
    }


def benchmark_index(report: dict) -> float | None:
    """Return the speed Lighthouse measured for this machine as it ran (`benchmarkIndex`).

    Lighthouse multiplies the CPU time it observes by 4 to simulate a phone, so the same page
    scores lower on a slower machine; it warns below 1000. The index says how fast the machine
    was during a run, so two audits can be compared.
    """
    return report.get("environment", {}).get("benchmarkIndex")


def failing_audits(report: dict, category: str) -> list[tuple[str, float, str]]:
    """List the weighted audits of `category` scoring below 1: `(id, score, display value)`."""
    if category not in report["categories"]:
        raise ValueError(f"category {category!r} is not in this report")
    failing = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            failing.append((ref["id"], audit["score"], audit.get("displayValue", "")))
    return failing


def lighthouse_scores(url: str, form_factor: str = "mobile", *, runs: int = 1) -> dict[str, int]:
    """Audit `url` and return `{category: score out of 100}` for the four categories."""
    return category_scores(run_lighthouse(url, form_factor, runs=runs))


def main() -> None:
    """Print one page's scores and the audits that cost points."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--desktop", action="store_true", help="desktop preset (default: mobile)")
    parser.add_argument("--runs", type=int, default=1, help="keep the median of N runs")
    args = parser.parse_args()
    report = run_lighthouse(args.url, "desktop" if args.desktop else "mobile", runs=args.runs)
    for name, score in category_scores(report).items():
        print(f"{name:15} {score:4}")
        for audit_id, audit_score, shown in failing_audits(report, name):
            print(f"    {audit_id} {audit_score:.2f} {shown}")


if __name__ == "__main__":
    main()

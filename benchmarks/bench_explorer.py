"""The 3D explorer's budgets (`make bench`): JavaScript weight, first frame, FPS, Lighthouse.

For docs/explore.md's built page in headless Chromium, the one find_browser.py chooses (WebGL
through SwiftShader, so on a CPU: a reader's GPU draws faster):

1. JavaScript transferred: every script the page loads, gzipped as a server would send it
   (level 6, and level 9 for the best case); the explorer's own files (main.js and the three.js
   chunk) apart from the rest of the site's (Material, KaTeX), with three.js's share alone; and
   the first load read from the bundle against issue 13's budget (explorer_weight.py).
2. Time from navigation to the explorer's first rendered frame (median of several loads).
3. Frames per second while a run animates, counted by the explorer over a few seconds.
4. Lighthouse 12.2.3 mobile and desktop performance and accessibility (benchmarks/lighthouse.py).

The site is served by bench_site's server, which gzips text as GitHub Pages does.

Targets: explorer JavaScript <= 140 KiB gzip, Lighthouse mobile performance >= 90 and
accessibility 100. Prints a table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_site import start_server
from explorer_weight import print_first_load
from find_browser import chosen_browser
from lighthouse import category_scores, failing_audits, run_lighthouse

ROOT = Path(__file__).resolve().parent.parent
BASE = "gradient-descent"
PAGE = "explore/"
JS_BUDGET_KIB = 140
# A long run (Rosenbrock at a tiny rate, one step a frame) so the animation outlasts the count.
ANIMATING = "#s=rosenbrock&lr=0.0001&x=-1.5&y=2&opt=gd,momentum,adam&v=1&n=100000"


def build(site_dir: Path, site_url: str) -> None:
    """Build the site strictly into `site_dir`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    env = {**os.environ, "SITE_URL": site_url}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)


def script_weights(browser, url: str) -> dict[str, tuple[int, int, int]]:
    """Scripts the page loads: `{url path: (raw, gzip -6, gzip -9)}` bytes."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    responses = []
    page.on("response", lambda r: r.request.resource_type == "script" and responses.append(r))
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("() => (window.__gdExplorer?.current?.frames ?? 0) > 0")
    weights = {}
    for response in responses:
        body = response.body()
        path = response.url.split(f"/{BASE}/", 1)[-1]
        weights[path] = (
            len(body),
            len(gzip.compress(body, compresslevel=6, mtime=0)),
            len(gzip.compress(body, compresslevel=9, mtime=0)),
        )
    context.close()
    return weights


def first_frame_ms(browser, url: str, loads: int) -> list[float]:
    """Milliseconds from navigation start to the explorer's first frame, per fresh load."""
    times = []
    for _ in range(loads):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => window.__gdExplorer?.current?.firstFrame != null")
        times.append(page.evaluate("() => window.__gdExplorer.current.firstFrame"))
        context.close()
    return times


def animating_fps(browser, url: str, viewport: dict, seconds: float) -> float:
    """Frames per second the explorer draws while a run plays."""
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    page = context.new_page()
    page.goto(url + ANIMATING)
    page.wait_for_function("() => (window.__gdExplorer?.current?.frames ?? 0) > 0")
    page.click("[data-action=play]")
    page.wait_for_timeout(500)
    count = "() => [window.__gdExplorer.current.frames, performance.now()]"
    frames0, t0 = page.evaluate(count)
    page.wait_for_timeout(seconds * 1000)
    frames1, t1 = page.evaluate(count)
    playing = page.evaluate("() => window.__gdExplorer.loops") > 0
    context.close()
    if not playing:
        raise RuntimeError("the run stopped before the count ended; lengthen ANIMATING")
    return (frames1 - frames0) / ((t1 - t0) / 1000)


def print_weights(weights: dict[str, tuple[int, int, int]]) -> None:
    """Per-script table, then the explorer's total against the budget."""
    print(f"{'script':48} {'raw KiB':>8} {'gzip-6':>8} {'gzip-9':>8}")
    for path, (raw, six, nine) in weights.items():
        print(f"{path:48} {raw / 1024:8.1f} {six / 1024:8.1f} {nine / 1024:8.1f}")
    mine = [w for p, w in weights.items() if p.startswith("generated/explorer/")]
    every = list(weights.values())
    for label, group in (("explorer JS (main.js + chunks)", mine), ("all JS on the page", every)):
        six, nine = sum(w[1] for w in group), sum(w[2] for w in group)
        ok = "ok" if six / 1024 <= JS_BUDGET_KIB else "MISSED"
        verdict = f"  target <= {JS_BUDGET_KIB} KiB {ok}" if group is mine else ""
        print(f"{label:48} {'':8} {six / 1024:8.1f} {nine / 1024:8.1f}{verdict}")


def print_lighthouse(url: str, runs: int) -> None:
    """Lighthouse mobile and desktop scores, with the audits that cost points."""
    for form in ("mobile", "desktop"):
        report = run_lighthouse(url, form, runs=runs, categories=("performance", "accessibility"))
        scores = category_scores(report)
        metrics = {
            key: report["audits"][key].get("displayValue", "")
            for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
        }
        print(
            f"lighthouse {form:8} performance {scores['performance']:>3}  "
            f"accessibility {scores['accessibility']:>3}  "
            + "  ".join(f"{k.split('-')[0].upper()[:3]} {v}" for k, v in metrics.items())
        )
        for category in ("performance", "accessibility"):
            for audit, score, shown in failing_audits(report, category):
                print(f"    {category}: {audit} {score:.2f} {shown}")


def main() -> None:
    """Build, serve and measure the 3D page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=5, help="loads for the first-frame median")
    parser.add_argument("--seconds", type=float, default=4.0, help="seconds of FPS counting")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs (median)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    args = parser.parse_args()
    print(chosen_browser().describe(), flush=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-explorer-") as tmp:
        server = start_server(Path(tmp))  # gzips text as GitHub Pages does
        origin = f"http://127.0.0.1:{server.server_port}"
        build(Path(tmp) / BASE, f"{origin}/{BASE}/")
        print_first_load(Path(tmp) / BASE)  # from the bundle: issue 13's budget
        url = f"{origin}/{BASE}/{PAGE}"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chosen_browser().path)
            print_weights(script_weights(browser, url))
            times = first_frame_ms(browser, url, args.loads)
            print(
                f"\nnavigation -> first frame: median {statistics.median(times):.0f} ms "
                f"(min {min(times):.0f}, max {max(times):.0f}, {len(times)} loads)"
            )
            for label, viewport in (
                ("1280 x 800", {"width": 1280, "height": 800}),
                ("412 x 823 (phone)", {"width": 412, "height": 823}),
            ):
                fps = animating_fps(browser, url, viewport, args.seconds)
                print(f"FPS while animating at {label}: {fps:.1f}")
            browser.close()
        if not args.no_lighthouse:
            print()
            print_lighthouse(url, args.runs)
        server.shutdown()


if __name__ == "__main__":
    main()

"""Site budgets (`make bench-site`): build times, bytes per page and Lighthouse mobile scores.

1. Cold build: the checkout's files (tracked, plus untracked but not ignored) copied to a temporary
   folder with js/node_modules hard-linked in (dependencies installed, nothing generated, no
   cache), then `mkdocs build --strict`. Warm rebuild: the same build again, nothing changed.
2. Bytes per page: each page loaded in a fresh Chromium context (empty cache) at Lighthouse's
   mobile size, served under /gradient-descent/ by a server that gzips text as GitHub Pages does;
   the bytes are counted as the server sends them, everything the page fetched included.
3. Lighthouse 12.2.3 mobile scores for every page (see lighthouse.py).
4. The live figures' JavaScript: what main.js costs every page, and each widget's lazy chunks
   (widget_weight.py; issue 12's budget: <= 25 KiB gzip a page beyond today).
5. Each animated path of the cold build with its size (bench_figures.py; budget <= 100 KB).

Targets: cold <= 60 s, warm <= 5 s, every page <= 400 KB, Lighthouse performance >= 95 (issue 12),
accessibility 100, best practices 100, SEO >= 90, cumulative layout shift 0. Prints a table with
the load average and Lighthouse's CPU benchmark index of each page's median run (Lighthouse's
simulated throttling scales the CPU time it observes, so a loaded or slower machine lowers the
scores); nothing is asserted. `--site DIR` audits a site already built (for
SITE_URL=http://127.0.0.1:PORT/gradient-descent/, served on `--port PORT`) instead of building;
`--pages` picks pages.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_figures import print_animation_sizes
from find_browser import chosen_browser
from lighthouse import benchmark_index, category_scores, failing_audits, run_lighthouse
from widget_weight import print_widget_weights

ROOT = Path(__file__).resolve().parent.parent
BASE = "gradient-descent"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
MOBILE = {"width": 412, "height": 823}  # Lighthouse's mobile screen
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 90}
BUDGET = {"cold": 60.0, "warm": 5.0, "page_kb": 400.0}


def checkout_files() -> list[str]:
    """Files a clean clone of the working tree would have."""
    command = ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"]
    listed = subprocess.run(command, cwd=ROOT, capture_output=True, check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:  # another filesystem
        shutil.copy2(source, destination)


def copy_checkout(destination: Path) -> None:
    """Copy the checkout's files and link the installed npm packages in."""
    for name in checkout_files():
        (destination / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination / name)
    shutil.copytree(
        ROOT / "js" / "node_modules",
        destination / "js" / "node_modules",
        symlinks=True,
        copy_function=_link_or_copy,
    )


def timed_build(source: Path, site_dir: Path, site_url: str) -> float:
    """Run a strict build of `source` into `site_dir`; return its wall-clock seconds."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(
        command, cwd=source, env={**os.environ, "SITE_URL": site_url}, capture_output=True
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"build failed:\n{result.stdout.decode()}{result.stderr.decode()}")
    return seconds


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files, gzipping text when the client accepts it, and count the body bytes sent."""

    def log_message(self, *args) -> None:
        """Keep the benchmark's output to its table."""

    def send_head(self):
        """Send the headers; return the body as a file-like object, as the base class expects."""
        path = Path(self.translate_path(self.path))
        if path.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to "dir/"
        path = path / "index.html" if path.is_dir() else path
        if not path.is_file():
            self.send_error(404)
            return None
        kind = self.guess_type(str(path))
        body = path.read_bytes()
        zipped = kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = _gzip(str(path), path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if self.command == "GET":
            with self.server.lock:
                self.server.bytes_sent += len(body)
        return _Body(body)


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@functools.cache
def _gzip(path: str, mtime_ns: int) -> bytes:
    return gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # Browsers drop connections they no longer need; that is no error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def start_server(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve `directory` on 127.0.0.1 (`port`, 0 for a free one) in a background thread."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = _Server(("127.0.0.1", port), handler)
    server.lock, server.bytes_sent = threading.Lock(), 0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def page_paths(site_dir: Path) -> list[str]:
    """Every page of the build, as URL paths relative to the site root."""
    pages = sorted(p for p in site_dir.rglob("index.html"))
    return [p.parent.relative_to(site_dir).as_posix().removeprefix(".") for p in pages]


def page_weights(server, site_url: str, paths: list[str]) -> dict[str, int]:
    """Bytes the server sent for each page, loaded with an empty cache."""
    from playwright.sync_api import sync_playwright

    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chosen_browser().path)
        for path in paths:
            context = browser.new_context(viewport=MOBILE, is_mobile=True, has_touch=True)
            page = context.new_page()
            with server.lock:
                server.bytes_sent = 0
            page.goto(site_url + (path + "/" if path else ""), wait_until="networkidle")
            page.wait_for_timeout(500)
            weights[path] = server.bytes_sent
            context.close()
        browser.close()
    return weights


def budget_line(label: str, value: str, target: str, ok: bool) -> str:
    """One line of the summary: the figure, its target, and whether it is met."""
    return f"{label:32} {value:>10}   target {target:10} {'ok' if ok else 'MISSED'}"


def print_report(timings, weights, scores, problems) -> None:
    """Print the per-page table, then the totals against their targets."""
    header = f"{'page':28} {'gzip KB':>8} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'seo':>5}"
    print(f"\n{header} {'cls':>6} {'cpu':>5}  (load average {os.getloadavg()[0]:.1f})")
    for path, size in weights.items():
        row = scores.get(path, {})
        cells = " ".join(f"{row.get(c, '-'):>5}" for c in TARGETS)
        cls = "-" if row.get("cls") is None else f"{row['cls']:g}"
        cpu = "-" if row.get("cpu") is None else f"{row['cpu']:.0f}"
        print(f"{'/' + path:28} {size / 1000:8.1f} {cells} {cls:>6} {cpu:>5}")
        for line in problems.get(path, []):
            print(f"    {line}")
    print()
    if timings is not None:
        cold, warm = timings
        print(budget_line("cold build", f"{cold:.1f} s", "<= 60 s", cold <= BUDGET["cold"]))
        print(budget_line("warm rebuild", f"{warm:.1f} s", "<= 5 s", warm <= BUDGET["warm"]))
        print(f"{'cold / warm':32} {cold / warm:>10.1f}")
    largest = max(weights, key=weights.get)
    kb = weights[largest] / 1000
    print(budget_line(f"largest page /{largest}", f"{kb:.1f} KB", "<= 400 KB", kb <= 400))
    for category, target in TARGETS.items():
        values = [row[category] for row in scores.values()]
        if values:
            low = min(values)
            label = f"lighthouse {category} (min)"
            print(budget_line(label, str(low), f">= {target}", low >= target))
    shifts = [row["cls"] for row in scores.values()]
    if shifts:
        worst = max(shifts)
        print(budget_line("cumulative layout shift (max)", f"{worst:g}", "0", worst == 0))
    speeds = [row["cpu"] for row in scores.values() if row.get("cpu") is not None]
    if speeds:  # not a budget: how fast the machine was (Lighthouse warns below 1000)
        print(f"{'lighthouse cpu benchmark index':32} {min(speeds):>4.0f}-{max(speeds):.0f}")


def audit_pages(site_url: str, paths: list[str], runs: int) -> tuple[dict, dict]:
    """Lighthouse scores (and CLS) of each page, and the audits that cost points."""
    scores, problems = {}, {}
    for path in paths:
        print(f"lighthouse /{path} (load average {os.getloadavg()[0]:.1f})", flush=True)
        report = run_lighthouse(site_url + (path + "/" if path else ""), runs=runs)
        scores[path] = category_scores(report)
        scores[path]["cls"] = round(report["audits"]["cumulative-layout-shift"]["numericValue"], 3)
        scores[path]["cpu"] = benchmark_index(report)
        problems[path] = [
            f"{category}: {audit} {score:.2f} {shown}"
            for category, target in TARGETS.items()
            if scores[path][category] < target
            for audit, score, shown in failing_audits(report, category)
        ]
    return scores, problems


def main() -> None:
    """Build cold and warm, weigh every page and audit it with Lighthouse."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse audits")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument(
        "--site",
        type=Path,
        help="audit this already-built site folder (built for SITE_URL=<served URL>/"
        f"{BASE}/) instead of building the checkout cold and warm",
    )
    parser.add_argument(
        "--pages", nargs="+", metavar="PATH", help="only these pages (e.g. / concepts/algorithm)"
    )
    parser.add_argument(
        "--port", type=int, default=0, help="with --site: serve on this port (the SITE_URL's)"
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, got {args.runs}")
    print(chosen_browser().describe(), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
        source, www = Path(tmp) / "src", Path(tmp) / "www"
        timings = None
        if args.site is None:
            copy_checkout(source)
            server = start_server(www)
            site_url = f"http://127.0.0.1:{server.server_port}/{BASE}/"
            print(f"cold build of {source} for {site_url} ...", flush=True)
            cold = timed_build(source, www / BASE, site_url)
            warm = timed_build(source, www / BASE, site_url)
            timings = (cold, warm)
        else:
            if not (args.site / "index.html").is_file():
                parser.error(f"--site {args.site}: no index.html there (build the site first)")
            (www / BASE).parent.mkdir(parents=True, exist_ok=True)
            (www / BASE).symlink_to(args.site.resolve())
            server = start_server(www, args.port)
            site_url = f"http://127.0.0.1:{server.server_port}/{BASE}/"
        paths = page_paths(www / BASE)
        if args.pages:
            wanted = [p.strip("/") for p in args.pages]
            unknown = sorted(set(wanted) - set(paths))
            if unknown:
                parser.error(f"--pages: no such page(s) {unknown}; pages are {paths}")
            paths = [p for p in paths if p in wanted]
        weights = page_weights(server, site_url, paths)
        runs = [] if args.no_lighthouse else paths
        scores, problems = audit_pages(site_url, runs, args.runs)
        server.shutdown()
        print_report(timings, weights, scores, problems)
        print_widget_weights(www / BASE)
        print_animation_sizes(source / "docs" / "generated" / "figures")


if __name__ == "__main__":
    main()

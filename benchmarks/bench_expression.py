"""The "Your function" parser's weight and speed (issue 13): chunk size, keystroke to redraw.

1. Weight: the chunk the explorer loads when the reader chooses "Your function" (js/src/custom.js
   with expression.js and mathjs's number build, only the functions it uses), bundled as
   hooks/assets.py bundles it; raw bytes and gzip at levels 6 and 9. The bundle is checked for
   `eval(` and `Function(` (mathjs compiles to closures; neither may appear).
2. Speed, in node: from the text to the compiled f, gradient and Hessian plus f sampled on the
   explorer's 96 x 96 grid with its contours (js/src/contours.js) and the readout at the start,
   which is what a keystroke costs before drawing. Cold: a fresh process importing the chunk;
   warm: the median of repeated runs in one process. And gdlib.surface_from_expression (SymPy)
   for comparison.
3. In Chromium (the one find_browser.py chooses), on the built explorer page: the time from the
   last keystroke of a valid f(x, y) to the first frame drawn with its new surface, which
   includes the pause the field waits for before it reads the text (custom-panel.js,
   TYPING_PAUSE_MS); the median of several keystrokes, and the same without the pause.

Prints a table; nothing is asserted (tests/test_expression_bundle.py
asserts that the bundle has no eval).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "js"
ENTRY = JS / "src" / "custom.js"
TYPING_PAUSE_MS = 250  # js/src/custom-panel.js
TEXTS = [
    "x^2 + 2*y^2",
    "(1 - x)^2 + 100*(y - x^2)^2",
    "log(1 + x^2 + y^2)",
    "tanh(3*x - y)^2 + max(abs(x), abs(y)) + sin(x)*cos(y)",
]
# The name eval anywhere, Function(...) and new Function; not as part of another name or after
# a dot (evaluate, isTypedFunction(, node.evaluate...).
FORBIDDEN = re.compile(r"(?<![\w.$])eval(?![\w$])|(?<![\w.$])Function\s*\(|\bnew\s+Function\b")


def bundle(out_dir: Path) -> Path:
    """Bundle "Your function" as the explorer's build does (hooks/assets.py); return the file."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from assets import bundle_custom

    return out_dir / bundle_custom(out_dir)


def node_timings(chunk: Path, repeats: int = 30) -> dict[str, float]:
    """Milliseconds from text to compiled surface + sampled grid (+ contours) + start readout."""
    contours = (JS / "src" / "contours.js").as_uri()
    script = f"""
    const t0 = performance.now();
    const {{ surfaceFromExpression, largestEigenvalue }} =
      await import({json.dumps((JS / "src" / "expression.js").as_uri())});
    const {{ sampleSurface }} = await import({json.dumps(contours)});
    const keystroke = (text) => {{
      const s = surfaceFromExpression(text);
      const sample = sampleSurface(s, 96);
      return [sample.contours.length, s.f(...s.start), s.grad(...s.start),
              largestEigenvalue(s.hessian(...s.start))];
    }};
    const texts = {json.dumps(TEXTS)};
    keystroke(texts[0]);
    const cold = performance.now() - t0;
    const out = {{ "cold: import (mathjs unbundled, from node_modules) + first surface": cold }};
    for (const text of texts) {{
      const times = [];
      for (let i = 0; i < {repeats}; i += 1) {{
        const start = performance.now();
        keystroke(text);
        times.push(performance.now() - start);
      }}
      times.sort((a, b) => a - b);
      out[text] = times[times.length >> 1];
    }}
    process.stdout.write(JSON.stringify(out));
    """
    node = shutil.which("node") or "node"
    result = subprocess.run(
        [node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def python_timings(repeats: int = 5) -> dict[str, float]:
    """Milliseconds for gdlib.surface_from_expression (SymPy import excluded) per text."""
    from gdlib.expression import surface_from_expression

    surface_from_expression("x")  # import SymPy once
    out = {}
    for text in TEXTS:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            surface_from_expression(text)
            times.append((time.perf_counter() - start) * 1e3)
        out[text] = statistics.median(times)
    return out


def main() -> None:
    """Print the chunk's weight and the timings."""
    with tempfile.TemporaryDirectory() as tmp:
        chunk = bundle(Path(tmp))
        data = chunk.read_bytes()
        text = data.decode("utf-8")
        print("'Your function' chunk (custom.js + expression.js + mathjs number build, minified)")
        print(f"  raw {len(data) / 1024:8.1f} KiB")
        for level in (6, 9):
            size = len(gzip.compress(data, compresslevel=level, mtime=0))
            print(f"  gzip -{level} {size / 1024:5.1f} KiB")
        found = sorted(set(FORBIDDEN.findall(text)))
        print(f"  eval / Function in the bundle: {', '.join(found) if found else 'none'}")
        print("text -> f, gradient, Hessian + 96x96 grid + contours + start readout (node)")
        for name, ms in node_timings(chunk).items():
            print(f"  {ms:8.2f} ms  {name}")
    print("gdlib.surface_from_expression (SymPy diff + lambdify), median of 5")
    for name, ms in python_timings().items():
        print(f"  {ms:8.2f} ms  {name}")
    print("Chromium, explorer page: last keystroke -> first frame with the new surface")
    times = keystroke_to_redraw()
    median = statistics.median(times)
    print(
        f"  {median:8.1f} ms  median of {len(times)} (min {min(times):.1f}, max {max(times):.1f})"
    )
    print(f"  {median - TYPING_PAUSE_MS:8.1f} ms  without the {TYPING_PAUSE_MS} ms typing pause")


# Note the time of each key press before the page handles it (a capturing listener on window).
KEY_CLOCK = "window.addEventListener('keydown', () => (window.__key = performance.now()), true)"
REDRAWN = """n => { const d = window.__gdExplorer.current;
  return d.surfaces > n && d.lastFrame !== null && d.lastFrame > d.surfaceAt; }"""


def keystroke_to_redraw(repeats: int = 9) -> list[float]:
    """Milliseconds from a keystroke that completes a valid f to its surface's first frame."""
    from bench_explorer import BASE, build
    from bench_site import start_server
    from find_browser import chosen_browser
    from playwright.sync_api import sync_playwright

    times = []
    with tempfile.TemporaryDirectory(prefix="bench-expression-") as tmp:
        server = start_server(Path(tmp))
        origin = f"http://127.0.0.1:{server.server_port}"
        build(Path(tmp) / BASE, f"{origin}/{BASE}/")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chosen_browser().path)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.emulate_media(reduced_motion="reduce")
            page.add_init_script(KEY_CLOCK)
            page.goto(f"{origin}/{BASE}/explore/#s=custom&f=x&d=-3,3,-3,3")
            page.wait_for_function("() => window.__gdExplorer?.current?.ready")
            page.wait_for_selector("#gdx-expr", state="visible")
            for k in range(repeats):
                # One key short of a new valid f: refused (the last surface stays) until ")".
                page.fill("#gdx-expr", f"x^2 + {k + 2}*y^2 + sin(x*y")
                page.wait_for_selector("#gdx-expr-error", state="visible")
                sent = page.evaluate("() => window.__gdExplorer.current.surfaces")
                page.focus("#gdx-expr")
                page.keyboard.press("End")
                page.keyboard.type(")")
                page.wait_for_function(REDRAWN, arg=sent)
                times.append(
                    page.evaluate("() => window.__gdExplorer.current.lastFrame - window.__key")
                )
            browser.close()
        server.shutdown()
    return times


if __name__ == "__main__":
    main()

"""The "Your function" parser's weight and speed (issue 13): chunk size and text-to-surface time.

1. Weight: js/src/expression.js (with mathjs's number build, only the functions it uses) bundled
   by esbuild with the options hooks/assets.py uses for the explorer, as the chunk the explorer
   will load on demand; raw bytes and gzip at levels 6 and 9. The bundle is checked for `eval(`
   and `Function(` (mathjs compiles to closures; neither may appear).
2. Speed, in node: from the text to the compiled f, gradient and Hessian plus f sampled on the
   explorer's 96 x 96 grid with its contours (js/src/contours.js) and the readout at the start,
   which is what a keystroke costs before drawing. Cold: a fresh process importing the chunk;
   warm: the median of repeated runs in one process. And gdlib.surface_from_expression (SymPy)
   for comparison.

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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JS = ROOT / "js"
ENTRY = JS / "src" / "expression.js"
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
    """Bundle the parser module as the explorer's build does; return the output file."""
    esbuild = JS / "node_modules" / ".bin" / "esbuild"
    command = [
        str(esbuild),
        str(ENTRY),
        "--bundle",
        "--format=esm",
        "--minify",
        "--target=es2020",
        "--legal-comments=none",
        f"--outdir={out_dir}",
    ]
    subprocess.run(command, check=True, cwd=JS, capture_output=True)
    return out_dir / "expression.js"


def node_timings(chunk: Path, repeats: int = 30) -> dict[str, float]:
    """Milliseconds from text to compiled surface + sampled grid (+ contours) + start readout."""
    contours = (JS / "src" / "contours.js").as_uri()
    script = f"""
    const t0 = performance.now();
    const {{ surfaceFromExpression, largestEigenvalue }} =
      await import({json.dumps(chunk.as_uri())});
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
    const out = {{ "cold import + first surface": cold }};
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
        print("parser chunk (js/src/expression.js + mathjs number build, esbuild --minify)")
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


if __name__ == "__main__":
    main()

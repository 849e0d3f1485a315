// Render TeX to HTML with the npm-installed KaTeX, for gd_markdown/_katex.py.
// One process serves a whole build: each stdin line is a JSON request [[tex, displayMode], ...],
// answered by one stdout line, JSON [html, ...] in the same order (JSON escapes newlines).
const path = require("node:path");
const readline = require("node:readline");
const katex = require(path.join(__dirname, "..", "js", "node_modules", "katex"));

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on("line", (line) => {
  const out = JSON.parse(line).map(([tex, displayMode]) =>
    katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml" }),
  );
  process.stdout.write(`${JSON.stringify(out)}\n`);
});

// Render TeX to HTML with the npm-installed KaTeX, for hooks/katex.py.
// stdin: JSON [[tex, displayMode], ...]; stdout: JSON [html, ...] in the same order.
const path = require("node:path");
const katex = require(path.join(__dirname, "..", "js", "node_modules", "katex"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(([tex, displayMode]) =>
    katex.renderToString(tex, { displayMode, throwOnError: false, output: "htmlAndMathml" }),
  );
  process.stdout.write(JSON.stringify(out));
});

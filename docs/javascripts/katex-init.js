// Render the math of each page with the locally bundled KaTeX; instant navigation swaps pages
// without reloading, so render again on every document$ emission. (a11y.js then makes formulas
// that overflow the column focusable.)
document$.subscribe(({ body }) => {
  for (const el of body.querySelectorAll(".arithmatex")) {
    const tex = el.textContent.trim();
    const display = tex.startsWith("\\[");
    katex.render(tex.slice(2, -2), el, { displayMode: display, throwOnError: false });
  }
});

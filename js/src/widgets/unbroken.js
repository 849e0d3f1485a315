// Keeping each number of a live figure's sentences on one line. Chromium breaks a line after a
// hyphen, so a phone's status line read "9.7e-" on one line and "07" on the next. The pure split
// is tested by node --test; the DOM half wraps each number in the site's `gd-nowrap` span (as the
// build's scripts/_race_table.py `stop_cell` does for its table), so the text is unchanged.

const NUMBER_WITH_EXPONENT = /[-−]?\d+(?:\.\d+)?e[-+]\d+/g;

/** Split `text` into [piece, isNumber] runs: "tol 1e-06." -> [["tol ", false], ["1e-06", true], [".", false]]. */
export function numberRuns(text) {
  const runs = [];
  let last = 0;
  for (const match of text.matchAll(NUMBER_WITH_EXPONENT)) {
    if (match.index > last) runs.push([text.slice(last, match.index), false]);
    runs.push([match[0], true]);
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push([text.slice(last), false]);
  return runs;
}

/** Set `node`'s text to `text`, each number with an exponent in a span that does not wrap. */
export function setUnbroken(node, text) {
  const pieces = numberRuns(text).map(([piece, isNumber]) => {
    if (!isNumber) return piece;
    const span = document.createElement("span");
    span.className = "gd-nowrap";
    span.textContent = piece;
    return span;
  });
  node.replaceChildren(...pieces);
}

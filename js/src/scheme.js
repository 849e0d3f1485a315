// Material's colour scheme ("default" light, "slate" dark) and a watcher for its real changes:
// the theme sets the body's attribute again, to the same value, at each page load, and a
// figure that redrew on every write once cost an idle frame after a late theme start-up.

/** The colour scheme Material shows now: "slate" (dark) or "default" (light). */
export function colorScheme() {
  return document.body.getAttribute("data-md-color-scheme") || "default";
}

/** Call `onChange(scheme)` when the scheme changes; returns the observer (disconnect it). */
export function watchScheme(onChange) {
  let shown = colorScheme();
  const watcher = new MutationObserver(() => {
    if (colorScheme() === shown) return;
    shown = colorScheme();
    onChange(shown);
  });
  watcher.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  return watcher;
}

// Accessibility fixes the theme leaves to the site:
// - names for the search dialog and for each code block's toolbar (several unnamed <nav>
//   landmarks on one page are indistinguishable to screen readers); the theme mounts a
//   toolbar when its block first comes into view (content.lazy), so each is named as it comes;
// - regions that scroll sideways (wide code, tables, formulas) become focusable, so keyboard
//   users can scroll them. A resize, or a KaTeX font arriving, can make a region start or stop
//   overflowing.
// Measuring a region may lay it out (long pages skip the layout of what is off screen, see
// extra.css), so the regions are measured in idle time, a few at a time: the page stays
// responsive while it loads, and every region is marked shortly after.
const SCROLLERS = ".md-typeset pre > code, .md-typeset__scrollwrap, .md-typeset div.arithmatex";

const idle =
  window.requestIdleCallback?.bind(window) ??
  ((work) => setTimeout(() => work({ didTimeout: true, timeRemaining: () => 0 }), 1));

let pending = [];
let scheduled = false;

function markSome(deadline) {
  // One region at least, then more while the browser is idle, for at most a few milliseconds:
  // reading a region's width may lay out its whole off-screen section.
  const stop = performance.now() + 6;
  do {
    const el = pending.shift();
    if (!el?.isConnected) continue;
    if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
    else el.removeAttribute("tabindex");
  } while (pending.length && deadline.timeRemaining() > 0 && performance.now() < stop);
  if (pending.length) idle(markSome, { timeout: 500 });
  else {
    scheduled = false;
    // A signal for tools that judge the settled page (the axe gate waits for it).
    document.documentElement.dataset.gdScrollersMarked = "";
  }
}

function markScrollable(root) {
  pending = [...root.querySelectorAll(SCROLLERS)];
  delete document.documentElement.dataset.gdScrollersMarked;
  if (!pending.length) document.documentElement.dataset.gdScrollersMarked = "";
  if (!scheduled && pending.length) {
    scheduled = true;
    idle(markSome, { timeout: 500 });
  }
}

function nameToolbars(root) {
  const unnamed = root.querySelectorAll("nav.md-code__nav:not([aria-label])");
  if (!unnamed.length) return;
  // Numbered by the block's place on the page, whatever order they were mounted in.
  const blocks = [...root.querySelectorAll(".md-typeset pre > code")];
  unnamed.forEach((nav) => {
    const code = nav.parentElement.querySelector(":scope > code");
    nav.setAttribute("aria-label", `Code block ${blocks.indexOf(code) + 1} actions`);
  });
}

let toolbars = null;

document$.subscribe(({ body }) => {
  const search = document.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  toolbars?.disconnect();
  toolbars = new MutationObserver((records) => {
    const added = records.some((r) => [...r.addedNodes].some((n) => n.localName === "nav"));
    if (added) nameToolbars(body);
  });
  toolbars.observe(body, { childList: true, subtree: true });
  requestAnimationFrame(() => {
    nameToolbars(body);
    markScrollable(body);
  });
  document.fonts.ready.then(() => markScrollable(body));
});

// Off-screen formulas request KaTeX's fonts only when they are first laid out, after
// `document.fonts.ready` may have settled: measure again whenever a font arrives.
document.fonts.addEventListener("loadingdone", () => markScrollable(document.body));

window.addEventListener("resize", () => markScrollable(document.body));

// A link to a place on a page (#id) lands on it and stays there while the page finishes drawing.
// Long pages skip drawing what is off screen (content-visibility: auto in extra.css), sizing each
// skipped box from an estimate. The browser scrolls to a link's target at once; the boxes near it
// are then drawn at their real heights, and on the reference pages the target moved by up to
// 1,500 px (tests/browser/test_deep_links.py). So while the reader has not scrolled, typed or
// touched, for a few seconds after a page or a fragment opens, each change in the article's size
// puts the target back where the browser put it: at the top, below the header (scroll-margin).
const SETTLE_MS = 4000; // images, fonts and the theme's start-up have laid the page out by then
const INPUTS = ["wheel", "touchstart", "keydown", "pointerdown"];
let stopKeeping = () => {};

function targetOf(hash) {
  try {
    return hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  } catch {
    return null; // a malformed escape: no element can have that id
  }
}

function keep(target) {
  stopKeeping();
  if (!target) return;
  const done = new AbortController();
  // ResizeObserver calls back after layout and before paint: the move is never seen.
  const sizes = new ResizeObserver(() => {
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    if (Math.abs(target.getBoundingClientRect().top - margin) > 1) target.scrollIntoView();
  });
  sizes.observe(target.closest("article") ?? document.body);
  const timer = setTimeout(() => stopKeeping(), SETTLE_MS);
  stopKeeping = () => {
    sizes.disconnect();
    clearTimeout(timer);
    done.abort();
    stopKeeping = () => {};
  };
  for (const type of INPUTS) addEventListener(type, () => stopKeeping(), { capture: true, passive: true, signal: done.signal });
}

addEventListener("hashchange", () => keep(targetOf(location.hash)));
// Each page the theme shows, the first one and each one instant navigation swaps in.
document$.subscribe(() => keep(targetOf(location.hash)));

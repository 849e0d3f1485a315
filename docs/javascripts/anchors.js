// A link to a place on a page (#id) lands on it and stays there while the page finishes drawing.
// Long pages skip drawing what is off screen (content-visibility: auto in extra.css), sizing each
// skipped box from an estimate. The browser (or the theme, on instant navigation) scrolls to a
// link's target at once; the boxes near it are then drawn at their real heights, and on the
// reference pages the target moved by up to 1,500 px (tests/browser/test_deep_links.py). So each
// change in the article's size puts the target back at the top, below the header (scroll-margin),
// until the reader scrolls, types or touches, or the page has kept its size for a while after it
// loaded. Nothing is kept where the browser or the theme restores a position instead: a reload,
// Back and Forward; after those, only a link the reader then follows is kept.
const QUIET_MS = 1500; // the article kept its size this long after the load event: done
const LIMIT_MS = 15000; // at most this long, whatever happens
const INPUTS = ["wheel", "touchstart", "keydown", "pointerdown"];
const opened = performance.getEntriesByType("navigation")[0]?.type;
let restoring = opened === "reload" || opened === "back_forward";
let readerMoved = false; // the reader scrolled, typed or touched since they last followed a link
let stopKeeping = () => {};

// The reader's own move stops any keeping at once, and nothing is kept until they follow a link.
for (const type of INPUTS) addEventListener(type, () => ((readerMoved = true), stopKeeping()), { capture: true, passive: true });
let clickedAt = -Infinity;
// A click (or Enter on a link) is how a reader follows a link: that target is theirs to keep.
addEventListener("click", () => ([restoring, readerMoved, clickedAt] = [false, false, performance.now()]), { capture: true });
// Back and Forward fire popstate, and so does a fragment link followed: only the first has no click.
addEventListener("popstate", () => (restoring ||= performance.now() - clickedAt > 1000));

function targetOf(hash) {
  try {
    return hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
  } catch {
    return null; // a malformed escape: no element can have that id
  }
}

function keep(target) {
  stopKeeping();
  if (!target?.isConnected || restoring || readerMoved) return;
  let quiet = 0;
  const settle = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => (document.readyState === "complete" ? stopKeeping() : settle()), QUIET_MS);
  };
  // ResizeObserver calls back after layout and before paint: the move is never seen.
  const sizes = new ResizeObserver(() => {
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    if (Math.abs(target.getBoundingClientRect().top - margin) > 1) target.scrollIntoView();
    settle();
  });
  sizes.observe(target.closest("article") ?? document.body);
  const limit = setTimeout(() => stopKeeping(), LIMIT_MS);
  stopKeeping = () => {
    sizes.disconnect();
    clearTimeout(quiet);
    clearTimeout(limit);
    stopKeeping = () => {};
  };
}

// target$ (the theme's): the element the address names, at load, on a fragment followed on the
// page, with or without instant navigation. document$: each page instant navigation swaps in,
// whose target target$ looked for in the page before.
target$.subscribe((target) => keep(target));
document$.subscribe(() => keep(targetOf(location.hash)));

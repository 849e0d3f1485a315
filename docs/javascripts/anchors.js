// A link to a place on a page (#id) lands on it and stays there while the page finishes drawing.
// Long pages skip drawing what is off screen (content-visibility: auto in extra.css), sizing each
// skipped box from an estimate. The browser (or the theme, on instant navigation) scrolls to a
// link's target at once; the boxes near it are then drawn at their real heights, and on the
// reference pages the target moved by up to 1,500 px (tests/browser/test_deep_links.py). So each
// change in the article's size puts the target back at the top, below the header (scroll-margin),
// until the reader scrolls, types or touches, or the page has kept its size for a while after it
// loaded. Nothing is kept where the browser or the theme restores a position instead: a reload,
// Back and Forward; after those, only a link the reader then follows is kept.
// A reload, Back or Forward to a page (not instant navigation, where the theme restores) has the
// opposite trouble: the browser puts back the scroll offset, the page comes back with estimates
// for what it has not drawn yet, and the offset lands elsewhere or is clamped (1,500 px off on a
// reference page in a busy browser; 530 px in 3 of 4 Backs at 4x slowdown). So leaving a page
// notes the heading above the reader's spot and where it stood (sessionStorage: the browser drops
// history changes made while leaving), and coming back holds that heading there while the page
// draws, if the browser's offset is near the noted one (the note is the page's latest visit; an
// older history entry of the same page has its own offset).
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

/** Call `put` after each change in the article's size (and once at the start) until it is done. */
function hold(target, put) {
  stopKeeping();
  let quiet = 0;
  const settle = () => {
    clearTimeout(quiet);
    quiet = setTimeout(() => (document.readyState === "complete" ? stopKeeping() : settle()), QUIET_MS);
  };
  // ResizeObserver calls back after layout and before paint: the move is never seen.
  const sizes = new ResizeObserver(() => {
    put();
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

/** The link's target at the top of the window, below the header (its scroll margin). */
function keep(target) {
  if (restoring || readerMoved) return; // a restored spot (restoreSpot) is held meanwhile
  if (!target?.isConnected) return stopKeeping();
  hold(target, () => {
    const margin = parseFloat(getComputedStyle(target).scrollMarginTop) || 0;
    if (Math.abs(target.getBoundingClientRect().top - margin) > 1) target.scrollIntoView();
  });
}

const HEADINGS = "article :is(h1, h2, h3, h4, h5, h6)[id]";

/** The last heading at or before the element a quarter down the window, and its top. */
function readingSpot() {
  const probe = document.elementFromPoint(innerWidth / 2, innerHeight / 4);
  const headings = probe?.closest("article") ? [...document.querySelectorAll(HEADINGS)] : [];
  // Document order, found by halving: no heading's position is read but the one kept.
  let [low, high, found] = [0, headings.length - 1, null];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const before = headings[mid] === probe || headings[mid].compareDocumentPosition(probe) & Node.DOCUMENT_POSITION_FOLLOWING;
    [low, high, found] = before ? [mid + 1, high, headings[mid]] : [low, mid - 1, found];
  }
  return found && { id: found.id, top: found.getBoundingClientRect().top };
}

const SPOT = `gd-spot:${location.pathname}`;
const note = (value) => {
  try {
    if (value) sessionStorage.setItem(SPOT, JSON.stringify(value));
    else sessionStorage.removeItem(SPOT);
  } catch {
    // No storage (a private mode, a full quota): the browser's own offset stands.
  }
};
if (!restoring) note(null); // a new visit: an older visit's note is not this one's
addEventListener("pagehide", () => {
  const spot = readingSpot();
  note(spot && { ...spot, y: scrollY });
});

/** Back on a page (reload, Back, Forward): its noted heading where it stood, until the reader moves. */
function restoreSpot() {
  let spot = null;
  try {
    spot = JSON.parse(sessionStorage.getItem(SPOT));
  } catch {
    return;
  }
  const target = spot?.id ? document.getElementById(spot.id) : null;
  if (!target || readerMoved || Math.abs(scrollY - spot.y) > 2.5 * innerHeight) return;
  const { top } = spot;
  hold(target, () => {
    const off = target.getBoundingClientRect().top - top;
    if (Math.abs(off) > 1) scrollBy(0, off);
  });
}

// After the load event the browser has put back its offset: the heading is set right from there.
if (restoring) addEventListener("load", () => requestAnimationFrame(() => setTimeout(restoreSpot)), { once: true });

// target$ (the theme's): the element the address names, at load, on a fragment followed on the
// page, with or without instant navigation. document$: each page instant navigation swaps in,
// whose target target$ looked for in the page before.
target$.subscribe((target) => keep(target));
document$.subscribe(() => keep(targetOf(location.hash)));

// Accessibility fixes the theme leaves to the site:
// - names for the search dialog and for each code block's toolbar (several unnamed <nav>
//   landmarks on one page are indistinguishable to screen readers); the theme mounts a
//   toolbar when its block first comes into view (content.lazy), so each is named as it comes;
// - regions that scroll sideways (wide code blocks and notebook cells, tables, formulas) become
//   focusable, so keyboard users can scroll them, and the others stop being Tab stops.
// Reading a region's width lays it out, and a long page skips the layout of what is off screen
// (content-visibility in extra.css): reading every region at load laid out whole pages (750 ms of
// forced layout on a throttled phone). So a ResizeObserver reads each region just after the
// browser laid it out on its own: when it is first drawn, resized, or re-observed after a font
// arrived. A region not measured yet (its section is skipped) stays focusable, since it may
// scroll: a keyboard user can reach it, and axe judges it fit even before it is drawn. One
// measured before and skipped when a font arrives keeps that measurement until it is drawn again.
const SCROLLERS = [
  ".md-typeset pre > code",
  ".md-typeset__scrollwrap",
  ".md-typeset div.arithmatex",
  ".jupyter-wrapper .highlight-ipynb pre", // a notebook's code cell
].join(", ");
const MARKED = "gdScrollersMarked"; // data-gd-scrollers-marked: every drawn region is measured

// Measured regions: whether each scrolls sideways, at what width of its box. The theme removes a
// code block's tabindex on touch screens when it mounts the block; the measurement is put back.
const overflows = new WeakMap();
// Measured, then skipped when a font arrived: measured again once drawn.
const outdated = new WeakSet();

function setFocusable(el, focusable) {
  if (focusable && el.getAttribute("tabindex") !== "0") el.tabIndex = 0;
  else if (!focusable && el.hasAttribute("tabindex")) el.removeAttribute("tabindex");
}

// A region inside a box the browser skips (off screen), or one that is such a box itself (a
// display formula is), has no fresh layout: reading it would lay that box out. Its first child
// says which. `contentVisibilityAuto` is ignored where unknown: then it is read.
const drawn = (el) =>
  (el.firstElementChild ?? el).checkVisibility?.({ contentVisibilityAuto: true }) ?? true;

function measure(entries) {
  const seen = entries.filter((e) => e.contentRect.width > 0 && e.target.isConnected);
  const ready = seen.filter((e) => drawn(e.target));
  // Every read before any write: a write between two reads could lay the page out again.
  const wide = ready.map(({ target }) => target.scrollWidth > target.clientWidth + 1);
  ready.forEach(({ target, contentRect }, i) => {
    overflows.set(target, { wide: wide[i], width: contentRect.width });
    outdated.delete(target);
    setFocusable(target, wide[i]);
  });
  // Skipped since their last measurement. At the same width (a font arrived) it stands until
  // they are drawn again: dropping it made a formula the reader had passed a Tab stop that does
  // not scroll whenever a font for a formula further down arrived. At a new width (a resize, a
  // zoom) it may be wrong either way, and Tab passes over a skipped box that is no Tab stop:
  // unmeasured, so focusable.
  const measured = new Set(ready);
  seen
    .filter((e) => !measured.has(e))
    .forEach(({ target, contentRect }) => {
      if (overflows.get(target)?.width === contentRect.width) outdated.add(target);
      else {
        overflows.delete(target);
        setFocusable(target, true);
      }
    });
}

const sizes = new ResizeObserver(measure);
let signal = 0;

// Observing (again) delivers each drawn region's size after the next layout, then the signal.
function observe(regions) {
  delete document.documentElement.dataset[MARKED];
  regions.forEach((el) => {
    if (!overflows.has(el)) setFocusable(el, true);
    sizes.unobserve(el);
    sizes.observe(el);
  });
  const mine = ++signal;
  // Frame callbacks run before layout and the ResizeObserver's after it: a task queued from
  // the frame runs once the regions of that frame are measured.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (mine === signal) document.documentElement.dataset[MARKED] = "";
    }),
  );
}

const remeasure = () => observe([...document.querySelectorAll(SCROLLERS)]);

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

function keepMeasured(records) {
  for (const { type, target } of records) {
    if (type === "attributes" && overflows.has(target)) {
      setFocusable(target, overflows.get(target).wide);
    }
  }
}

let changes = null;

document$.subscribe(({ body }) => {
  const search = document.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  changes?.disconnect();
  sizes.disconnect();
  changes = new MutationObserver((records) => {
    keepMeasured(records);
    const added = records.some((r) => [...r.addedNodes].some((n) => n.localName === "nav"));
    if (added) nameToolbars(body);
  });
  changes.observe(body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["tabindex"],
  });
  // After the theme's own start-up on this page: it wraps tables in their scrolling box.
  requestAnimationFrame(() => {
    nameToolbars(body);
    remeasure();
  });
});

// A skipped box drawn again may be or hold regions not measured yet, or whose last measurement
// a font outdated.
document.addEventListener(
  "contentvisibilityautostatechange",
  (event) => {
    if (event.skipped) return;
    const inside = [event.target, ...event.target.querySelectorAll(SCROLLERS)];
    const stale = inside.filter(
      (el) => el.matches(SCROLLERS) && (!overflows.has(el) || outdated.has(el)),
    );
    if (stale.length) observe(stale);
  },
  true,
);

// A font arriving (KaTeX's load as formulas are first drawn) widens text without resizing its
// box; a resize event is also how a tool asks for a fresh measurement (the axe gate does).
document.fonts.addEventListener("loadingdone", remeasure);
window.addEventListener("resize", remeasure);

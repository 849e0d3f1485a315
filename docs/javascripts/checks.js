// The ✓ after a sentence the build checked (gd_markdown/_claims.py) names what was checked in its
// aria-label; this shows that label in the theme's own tooltip when the reader points at the mark
// or taps it. The theme mounts a tooltip, with its own listeners and subscriptions, for every
// element with a title as a page starts, in one long task, and a page holds dozens of marks:
// here one listener serves them all and one tooltip is built on first use (benchmarks/HISTORY.md,
// session 29). A tap is a pointer over the mark in the browser's eyes; a tap elsewhere hides it.
// Without JavaScript the label is still the mark's accessible name, but nothing shows it.
const MARK = ".gd-check[aria-label]";
let tip = null; // the tooltip, built the first time a mark is pointed at
let shownFor = null; // the mark whose label is shown

function tooltip() {
  if (!tip) {
    tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom gd-check-tip";
    tip.setAttribute("role", "tooltip"); // the theme styles its tooltips by role
    // The mark's own aria-label says it to screen readers; this copy is for the eye only.
    tip.setAttribute("aria-hidden", "true");
    tip.append(Object.assign(document.createElement("div"), { className: "md-tooltip2__inner md-typeset" }));
  }
  if (!tip.isConnected) document.body.append(tip);
  return tip;
}

/** Show `mark`'s label below it, placed by the theme's own rules for its tooltips. */
function show(mark) {
  const box = tooltip();
  const inner = box.firstElementChild;
  inner.textContent = mark.getAttribute("aria-label");
  const host = mark.getBoundingClientRect();
  const place = {
    "--md-tooltip-host-x": host.left + window.scrollX,
    "--md-tooltip-host-y": host.top + window.scrollY,
    "--md-tooltip-x": host.width / 2,
    "--md-tooltip-y": 8 + host.height,
    "--md-tooltip-tail": 0,
  };
  for (const [name, px] of Object.entries(place)) box.style.setProperty(name, `${px}px`);
  box.style.setProperty("--md-tooltip-width", `${inner.getBoundingClientRect().width}px`);
  box.classList.add("md-tooltip2--active");
  shownFor = mark;
}

function hide() {
  tip?.classList.remove("md-tooltip2--active");
  shownFor = null;
}

addEventListener(
  "pointerover",
  (event) => {
    const mark = event.target instanceof Element ? event.target.closest(MARK) : null;
    if (mark && mark !== shownFor) show(mark);
    else if (!mark && shownFor) hide();
  },
  { passive: true },
);
// Escape dismisses it; a tooltip placed for another layout, window or page goes too (instant
// navigation swaps the article without a reload).
addEventListener("keydown", (event) => event.key === "Escape" && hide());
for (const type of ["resize", "blur"]) addEventListener(type, hide, { passive: true });
document.addEventListener("mouseout", (event) => event.relatedTarget === null && hide(), { passive: true });
window.document$?.subscribe(hide);

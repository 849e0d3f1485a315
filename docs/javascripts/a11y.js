// Accessibility fixes the theme leaves to the site:
// - names for the search dialog and for each code block's toolbar (several unnamed <nav>
//   landmarks on one page are indistinguishable to screen readers);
// - regions that scroll sideways (wide code, tables, formulas) become focusable, so keyboard
//   users can scroll them. Material mounts code toolbars while it renders the page, hence the
//   next animation frame; a resize can make a region start or stop overflowing.
const SCROLLERS = ".md-typeset pre > code, .md-typeset__scrollwrap, .md-typeset div.arithmatex";

function markScrollable(root) {
  // All reads first, then all writes: interleaving them would force a layout per element.
  const regions = [...root.querySelectorAll(SCROLLERS)];
  const overflowing = regions.map((el) => el.scrollWidth > el.clientWidth + 1);
  regions.forEach((el, i) => {
    if (overflowing[i]) el.tabIndex = 0;
    else el.removeAttribute("tabindex");
  });
}

document$.subscribe(({ body }) => {
  const search = document.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  requestAnimationFrame(() => {
    body.querySelectorAll("nav.md-code__nav").forEach((nav, i) => {
      nav.setAttribute("aria-label", `Code block ${i + 1} actions`);
    });
    markScrollable(body);
  });
  // KaTeX's web fonts change the width of formulas once they arrive.
  document.fonts.ready.then(() => markScrollable(body));
});

window.addEventListener("resize", () => markScrollable(document.body));

// Starts the live figures of a page: each `[data-gd-widget]` wrapper (a page's Markdown puts one
// around the static figure, see CONTRIBUTING.md) is watched, and its widget's chunk is imported
// only when the figure comes within half a screen of the viewport. Returns a function that tears everything down (Material's instant
// navigation swaps pages without a reload: main.js calls it on every page change).

const WIDGETS = {
  tangent: () => import("./tangent.js"),
  rate: () => import("./rate.js"),
  variants: () => import("./variants.js"),
  gradient: () => import("./gradient.js"),
  criteria: () => import("./criteria.js"),
  race: () => import("./race.js"),
  escape: () => import("./escape.js"),
  schedules: () => import("./schedules.js"),
};
const NEAR = "50% 0px"; // start loading half a viewport before the figure shows

/** Watch the page's live figures; return `stop()`. */
export function startWidgets(page = document) {
  const roots = [...page.querySelectorAll("[data-gd-widget]")];
  if (roots.length === 0 || !("IntersectionObserver" in window)) return () => {};
  const mounted = [];
  let alive = true;
  const mount = (root) => {
    const load = WIDGETS[root.dataset.gdWidget];
    if (!load) throw new Error(`Unknown live figure "${root.dataset.gdWidget}"`);
    load().then((module) => {
      if (!alive || !root.isConnected || root.classList.contains("gd-live--live")) return;
      mounted.push(module.mount(root, JSON.parse(root.dataset.gdConfig || "{}")));
    });
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        mount(entry.target);
      }
    },
    { rootMargin: NEAR },
  );
  for (const root of roots) observer.observe(root);
  return () => {
    alive = false;
    observer.disconnect();
    for (const widget of mounted.splice(0)) widget.dispose();
  };
}

// Autoplay once the reader engages with the page (scrolls, taps, clicks or types) while the view
// is on screen: a page merely loaded, by a reader or an audit, does no animation work.
const INPUTS = ["scroll", "wheel", "pointerdown", "keydown", "touchstart"];

/** Call `play()` once, shortly after `element` is half visible and the reader has engaged. */
export function autoplayWhenEngaged(element, signal, play) {
  let visible = false;
  let engaged = false;
  const start = () => {
    if (!visible || !engaged || signal.aborted) return;
    cleanup();
    setTimeout(() => !signal.aborted && play(), 400);
  };
  const watcher = new IntersectionObserver(([entry]) => ((visible = entry.isIntersecting), start()), { threshold: 0.5 });
  const engage = () => ((engaged = true), start());
  const cleanup = () => {
    watcher.disconnect();
    for (const type of INPUTS) window.removeEventListener(type, engage, true);
  };
  watcher.observe(element);
  for (const type of INPUTS) window.addEventListener(type, engage, { capture: true, passive: true });
  signal.addEventListener("abort", cleanup);
}

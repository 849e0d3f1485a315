// The explorer owns the location hash of its page: the address bar names the run on screen at
// every moment, so copying it shares that run. The theme leaves the hash alone (mkdocs.yml has no
// navigation.tracking, which rewrote it to the heading in view on every scroll). A hash the reader
// edits, or a link on this page to a run ("Try 1.5"), is applied in place.
import { parseHash, shareUrl, toHash } from "./url-state.js";

// While a run plays the hash follows it at most this often: browsers throttle history calls
// (Safari refuses more than 100 in 30 s), and a second is as fresh as a reader can copy.
const PLAYING_WRITE_MS = 1000;

/**
 * Keep `location.hash` and the run in step. `onNavigate({state, messages})` is called when the
 * address names a new run; `on(target, type, fn, options)` adds a listener removed at dispose.
 */
/** The run the page was opened with ({state: null} without one). */
export const readLocation = () => parseHash(location.hash);

export function createUrlSync({ on, onNavigate }) {
  let lastWrite = 0;

  function write(state) {
    lastWrite = performance.now();
    const hash = toHash(state);
    if (location.hash !== hash) history.replaceState(history.state, "", hash);
  }

  on(window, "hashchange", () => {
    const parsed = parseHash(location.hash);
    if (parsed.state) onNavigate(parsed);
  });
  // Capture on window runs before the theme's instant navigation, which would refetch the page.
  on(
    window,
    "click",
    (event) => {
      const link = event.target.closest?.("a[href]");
      const here = link && link.origin === location.origin && link.pathname === location.pathname;
      const parsed = here ? parseHash(link.hash) : null;
      if (!parsed?.state) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      history.replaceState(history.state, "", link.hash);
      onNavigate(parsed, { fromLink: true });
    },
    { capture: true },
  );

  return {
    write,
    /** Write while playing, at most once per PLAYING_WRITE_MS. */
    follow(state) {
      if (performance.now() - lastWrite >= PLAYING_WRITE_MS) write(state);
    },
    shareUrl: (state) => shareUrl(location, state),
  };
}

// The explorer owns the location hash of its page: the address bar names the run on screen at
// every moment, so copying it shares that run. The theme leaves the hash alone (mkdocs.yml has no
// navigation.tracking, which rewrote it to the heading in view on every scroll). A hash the reader
// edits, back and forward between its runs, or a link on this page to a run ("Try 1.5"), is
// applied in place.
import { parseHash, shareUrl, toHash } from "./url-state.js";
import { DEFAULTS } from "./state.js";

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

  const page = location.pathname;
  // Each handler runs before the theme's instant navigation, which would refetch the page (on a
  // link to this page's hash, and on the first edit of the address: see popstate-first.html).
  const go = (event, hash, fromLink) => {
    const parsed = parseHash(hash);
    if (!parsed.state) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    history.replaceState(history.state, "", hash);
    onNavigate(parsed, { fromLink });
  };
  // An address the reader edits, or back and forward between this page's runs; back to the
  // address the page opened at, with no hash, is back to the default run.
  on(window, "gd-popstate", (event) => location.pathname === page && go(event, location.hash || toHash(DEFAULTS)));
  on(
    window,
    "click",
    (event) => {
      const link = event.target.closest?.("a[href]");
      if (link && link.origin === location.origin && link.pathname === page) go(event, link.hash, true);
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

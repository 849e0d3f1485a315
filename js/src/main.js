// Entry point of the explorer bundle, loaded on every page: it stays tiny and imports the three.js
// chunk only where the page has an explorer. Material's instant navigation swaps pages without a
// reload, so it runs on every document$ emission and disposes the previous page's explorer and
// live figures (whose chunks widgets/loader.js imports only when a figure nears the viewport).
// A page opened with an explorer starts it at once, without waiting for Material's document$:
// the view's worker (view-start.js) and the explorer's chunk load side by side.
import { startWidgets } from "./widgets/loader.js";
import { startViewEarly } from "./view-start.js";

const SELECTOR = "[data-gd-explorer]";
let current = null;
let generation = 0;
let stopWidgets = () => {};
let opened = start(document.querySelector(SELECTOR)); // the first page's explorer, or null

/** Start the view and mount the explorer in `root`, unless the page changes meanwhile. */
function start(root) {
  if (!root) return null;
  const mine = ++generation;
  const early = startViewEarly(root);
  import("./explorer.js")
    .then(({ mount }) => {
      if (mine === generation && root.isConnected) current = mount(root, early);
      else early.worker?.terminate();
    })
    .catch((error) => {
      root.textContent = `The 3D explorer could not start: ${error.message}`;
      throw error;
    });
  return root;
}

function onPage() {
  stopWidgets();
  stopWidgets = startWidgets(document);
  const root = document.querySelector(SELECTOR);
  if (root && root === opened) return; // started when this script ran
  opened = null;
  generation += 1;
  current?.dispose();
  current = null;
  start(root);
}

if (window.document$) window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();

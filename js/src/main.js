// Entry point of the explorer bundle, loaded on every page: it stays tiny and imports the three.js
// chunk only where the page has an explorer. Material's instant navigation swaps pages without a
// reload, so it runs on every document$ emission and disposes the previous page's explorer and
// live figures (whose chunks widgets/loader.js imports only when a figure nears the viewport).
// On a page opened with an explorer, the view's worker and the explorer's chunk start loading at
// once, before Material's document$ first emits (view-start.js).
import { startWidgets } from "./widgets/loader.js";
import { startViewEarly } from "./view-start.js";

const SELECTOR = "[data-gd-explorer]";
let current = null;
let generation = 0;
let stopWidgets = () => {};
let early = earlyStart(document.querySelector(SELECTOR));

function earlyStart(root) {
  return root && { root, view: startViewEarly(root), chunk: import("./explorer.js") };
}

function onPage() {
  const mine = ++generation;
  current?.dispose();
  current = null;
  stopWidgets();
  stopWidgets = startWidgets(document);
  const root = document.querySelector(SELECTOR);
  const start = early?.root === root ? early : earlyStart(root);
  if (early && early !== start) early.view.worker?.terminate();
  early = null;
  if (!root) return;
  start.chunk
    .then(({ mount }) => {
      if (mine === generation && root.isConnected) current = mount(root, start.view);
      else start.view.worker?.terminate();
    })
    .catch((error) => {
      root.textContent = `The 3D explorer could not start: ${error.message}`;
      throw error;
    });
}

if (window.document$) window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();

// Entry point of the explorer bundle, loaded on every page: it stays tiny and imports the three.js
// chunk only where the page has an explorer. Material's instant navigation swaps pages without a
// reload, so it runs on every document$ emission and disposes the previous page's explorer and
// live figures (whose chunks widgets/loader.js imports only when a figure nears the viewport).
import { startWidgets } from "./widgets/loader.js";

const SELECTOR = "[data-gd-explorer]";
let current = null;
let generation = 0;
let stopWidgets = () => {};

function onPage() {
  const mine = ++generation;
  current?.dispose();
  current = null;
  stopWidgets();
  stopWidgets = startWidgets(document);
  const root = document.querySelector(SELECTOR);
  if (!root) return;
  import("./explorer.js")
    .then(({ mount }) => {
      if (mine === generation && root.isConnected) current = mount(root);
    })
    .catch((error) => {
      root.textContent = `The 3D explorer could not start: ${error.message}`;
      throw error;
    });
}

if (window.document$) window.document$.subscribe(onPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onPage);
else onPage();

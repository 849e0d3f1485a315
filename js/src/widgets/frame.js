// The DOM every live figure shares: a canvas in the static figure's own box (the static images
// stay in the page for print and are hidden on screen), a panel of controls, a status line read
// by screen readers, a visible message line for refused input, a text summary and the path's
// points as a table on demand. Also the one drawing scheduler: one animation frame per change,
// none while nothing changes, and a count of the frames pending (window.__gdWidgets) for tests.

import { watchScheme } from "../scheme.js";
import { setUnbroken } from "./unbroken.js";

export const registry = (window.__gdWidgets ??= { live: 0, pending: 0, draws: 0 });

const make = (tag, className, text) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};
export { make };

/** Mount the shared scaffold in `root` (a `.gd-live` wrapper); `label` names the canvas. */
export function buildFrame(root, { label, tableCaption, columns, draw }) {
  const image = root.querySelector("img.gd-figure");
  const canvas = make("canvas", "gd-live__canvas");
  const sizes = shownSizes(image);
  // The canvas takes the box of the image the page shows, which can change with the width.
  const fit = () => {
    const { width, height } = sizes.find(({ media }) => !media || media.matches);
    canvas.style.width = `${width}px`;
    canvas.style.aspectRatio = `${width} / ${height}`;
  };
  fit();
  for (const { media } of sizes) media?.addEventListener("change", fit);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", label);
  // An animation's frames sit in a <picture> (a still for reduced motion): the canvas goes beside it.
  (image.closest("picture") ?? image).parentElement.append(canvas);

  const panel = make("div", "gd-live__panel");
  const controls = make("div", "gd-live__controls");
  const status = make("p", "gd-live__status");
  status.setAttribute("role", "status");
  const message = make("p", "gd-live__message");
  const summary = make("p", "gd-live__summary");
  const toggle = make("button", "md-button gd-live__button", "Show points as a table");
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  const tableBox = make("div", "gd-live__table");
  tableBox.hidden = true;
  panel.append(controls, status, message, summary, toggle, tableBox);
  root.append(panel);
  root.classList.add("gd-live--live");

  let rows = () => [];
  const renderTable = () => {
    if (tableBox.hidden) return;
    const table = make("table");
    table.append(make("caption", "", tableCaption));
    const head = table.createTHead().insertRow();
    for (const name of columns) head.append(Object.assign(make("th", "", name), { scope: "col" }));
    const body = table.createTBody();
    for (const row of rows()) {
      const tr = body.insertRow();
      for (const cell of row) tr.insertCell().textContent = cell;
    }
    tableBox.replaceChildren(table);
  };
  toggle.addEventListener("click", () => {
    tableBox.hidden = !tableBox.hidden;
    toggle.setAttribute("aria-expanded", String(!tableBox.hidden));
    toggle.textContent = tableBox.hidden ? "Show points as a table" : "Hide the table";
    renderTable();
  });

  let frame = 0;
  let painted = ""; // the pixel ratio and device-pixel size last drawn at
  const deviceSize = () => {
    const ratio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
    return [ratio, w, h, `${ratio}:${w}x${h}`];
  };
  const paint = () => {
    frame = 0;
    registry.pending -= 1;
    const [ratio, w, h, key] = deviceSize();
    painted = key;
    if (canvas.width !== w || canvas.height !== h) Object.assign(canvas, { width: w, height: h });
    const context = canvas.getContext("2d");
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    draw(context, canvas.clientWidth, canvas.clientHeight, readColours(root));
    registry.draws += 1;
  };
  const invalidate = () => {
    if (frame) return;
    registry.pending += 1;
    frame = requestAnimationFrame(paint);
  };
  // The observer's first report comes right after the first paint, at the size just drawn: a
  // second frame for it once cost an extra draw on mount and let a test see the figure idle
  // between the two.
  const resize = new ResizeObserver(() => {
    if (deviceSize()[3] !== painted) invalidate();
  });
  resize.observe(canvas);
  const scheme = watchScheme(invalidate);
  registry.live += 1;

  return {
    canvas,
    controls,
    /** Show the status (announced), the summary and the table rows of the current state. */
    show({ statusText, summaryText, tableRows }) {
      setUnbroken(status, statusText);
      setUnbroken(summary, summaryText);
      rows = tableRows;
      renderTable();
      invalidate();
    },
    say(text) {
      setUnbroken(message, text);
    },
    dispose() {
      if (frame) {
        cancelAnimationFrame(frame);
        registry.pending -= 1;
        frame = 0;
      }
      resize.disconnect();
      for (const { media } of sizes) media?.removeEventListener("change", fit);
      scheme.disconnect();
      registry.live -= 1;
    },
  };
}

/**
 * The sizes the static figure `image` is shown at, first match wins: its twins' (a <source> in
 * its <picture> with a media query and a size of its own, as a phone's stacked twin has), then
 * its own. Each {media: a MediaQueryList or null, width, height}.
 */
function shownSizes(image) {
  const size = (node) => ({ width: Number(node.getAttribute("width")), height: Number(node.getAttribute("height")) });
  const twins = [...(image.closest("picture")?.querySelectorAll("source[media][width][height]") ?? [])];
  return [...twins.map((source) => ({ media: matchMedia(source.media), ...size(source) })), { media: null, ...size(image) }];
}

/** The Material palette's colours as the page shows them now (light or dark). */
export function readColours(element) {
  const css = getComputedStyle(element);
  const get = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: get("--md-default-bg-color", "#fff"),
    text: get("--md-default-fg-color", "#000"),
    muted: get("--md-default-fg-color--light", "#666"),
    faint: get("--md-default-fg-color--lightest", "#ddd"),
    path: get("--md-typeset-a-color", "#4051b5"),
    point: get("--md-accent-fg-color", "#ff6e42"),
  };
}

// A live figure's key, drawn on its canvas as the static figure's legend is drawn on the image: a
// sample of each line or marker beside its label, on the page's background, in a corner of a
// panel the figure's data leave free, where it fits; or, for a figure that makes room for it, in
// a strip below its panels, as a phone's static twin puts its legend. The labels also go on the
// canvas (data-key), where the browser tests read them. keyBox, keyFits and stripRows are pure
// (node --test); legend, keyStrip and marker draw.
import { dot, line } from "./plot.js";

const ROW = 15; // px a row
const PAD = 5; // px around the rows
const SAMPLE = 20; // px of line or marker before a label
const GAP = 5; // px between sample and label
const INSET = 4; // px between the key and the panel's edge
const SPACING = 14; // px between entries side by side in a strip
const FONT = "11px sans-serif";

/**
 * The key's box in `box` (a panel: {x, y, w, h}) for labels `widths` px wide, in `corner`:
 * "top-right", "top-left", "bottom-right" or "bottom-left". Returns {x, y, w, h}.
 */
export function keyBox(box, widths, corner = "top-right") {
  const w = 2 * PAD + SAMPLE + GAP + Math.max(0, ...widths);
  const h = 2 * PAD + ROW * widths.length;
  const x = corner.endsWith("left") ? box.x + INSET : box.x + box.w - INSET - w;
  const y = corner.startsWith("top") ? box.y + INSET : box.y + box.h - INSET - h;
  return { x, y, w, h };
}

/** Pixels along a drawn line ([[px, py], ...]): `per` evenly spaced on each segment and its end,
 * the data a key placed by emptiestCorner keeps clear of. */
export function along(points, per) {
  const inner = points.slice(1).flatMap(([px, py], i) => {
    const [qx, qy] = points[i];
    return Array.from({ length: per }, (_, t) => [qx + (t / per) * (px - qx), qy + (t / per) * (py - qy)]);
  });
  return [...inner, points.at(-1)];
}

/**
 * Of `corners` (in order of preference), the one whose key box for labels `widths` px wide covers
 * the fewest of `points` ([[px, py], ...], the drawn data): for a figure whose data move with a knob.
 */
export function emptiestCorner(box, widths, points, corners) {
  const covered = (k) => points.filter(([px, py]) => px >= k.x && px <= k.x + k.w && py >= k.y && py <= k.y + k.h).length;
  const counts = corners.map((corner) => covered(keyBox(box, widths, corner)));
  return corners[counts.indexOf(Math.min(...counts))];
}

/** Whether key `k` leaves most of panel `box` in sight: on a phone's narrow panels it would not,
 * and a key over the data it names is worse than none (the page's text names the series). A key
 * no taller than a fifth of its panel (a row or two) may take three quarters of its width. */
export const keyFits = (k, box) => k.h <= 0.5 * box.h && k.w <= (k.h <= 0.2 * box.h ? 0.75 : 0.6) * box.w;

/** A key laid out in a strip `width` px wide, for labels `widths` px wide: entries in as many
 * aligned columns as fit, each as wide as its widest entry, filled down each column in turn (a
 * figure lists its lines, then its marks). Returns the rows, each a list of entry indexes by
 * column, and each column's left edge from the strip's. */
export function stripRows(widths, width) {
  const entry = widths.map((label) => SAMPLE + GAP + label);
  const columns = (n) => {
    const tall = Math.ceil(entry.length / n);
    return Array.from({ length: n }, (_, c) => entry.map((_, i) => i).slice(c * tall, (c + 1) * tall)).filter((col) => col.length);
  };
  const wide = (col) => Math.max(...col.map((i) => entry[i])); // a column: its widest entry
  const span = (cols) => cols.reduce((sum, col) => sum + wide(col), 0) + SPACING * (cols.length - 1);
  let n = Math.max(1, entry.length);
  while (n > 1 && span(columns(n)) > width) n -= 1;
  const cols = entry.length ? columns(n) : [];
  const rows = Array.from({ length: cols.length ? cols[0].length : 0 }, (_, r) => cols.map((col) => col[r]).filter((i) => i !== undefined));
  const lefts = cols.map((_, c) => (c === 0 ? 0 : span(cols.slice(0, c)) + SPACING));
  return { rows, lefts };
}

/** The height in px of a strip laid out by stripRows. */
export const stripHeight = ({ rows }) => 2 * PAD + ROW * rows.length;

/** The widths in px of the labels of `entries`, as the key writes them. */
export function labelWidths(ctx, entries) {
  ctx.save();
  ctx.font = FONT;
  const widths = entries.map(({ label }) => ctx.measureText(label).width);
  ctx.restore();
  return widths;
}

/** Whether the key of `entries` fits in panel `box` (keyFits). */
export const fitsIn = (ctx, entries, box) => keyFits(keyBox(box, labelWidths(ctx, entries)), box);

/** The height in px of the strip the key of `entries` takes below a figure `w` px wide. */
export const stripFor = (ctx, entries, w) => stripHeight(stripRows(labelWidths(ctx, entries), w - 2 * (INSET + PAD)));

/** A marker centred on pixel (px, py): "dot" (filled), "cross" or "triangle" (hollow). */
export function marker(ctx, kind, px, py, colour, size = 3) {
  if (kind === "dot") return dot(ctx, px, py, colour, size);
  if (kind === "triangle") {
    const [top, side, foot] = [py - 4 * (size / 3), 3.5 * (size / 3), py + 2.5 * (size / 3)];
    return line(ctx, [[px, top], [px + side, foot], [px - side, foot], [px, top]], colour, 1.2);
  }
  line(ctx, [[px - size, py - size], [px + size, py + size]], colour, 1.2);
  line(ctx, [[px - size, py + size], [px + size, py - size]], colour, 1.2);
}

/** Draw `points` ([[px, py], ...]) in an entry's line style: a figure that draws a series with
 * the entry its key shows cannot draw it otherwise. */
export const stroke = (ctx, points, { colour, width = 1.5, dash = [] }) => line(ctx, points, colour, width, dash);

/** Put an entry's marker at pixel (px, py), as `stroke` draws its line. */
export const place = (ctx, { mark, colour, size }, px, py) => marker(ctx, mark, px, py, colour, size);

/** The marks the maps share: the start and a minimum. */
export const mapMarks = (colours) => ({
  start: { label: "start", colour: colours.path, mark: "dot", size: 4 },
  minimum: { label: "minimum", colour: colours.text, mark: "dot", size: 4 },
});

/**
 * Draw the key of `entries` ({label, colour, dash, width, mark, size}: a line sample, or a
 * marker when `mark` is set) in `corner` of panel `box`, on top of what is drawn there, when it
 * fits (keyFits); returns its box, or null. `corner` may be a list, with the pixels of the data
 * drawn (`avoid`): the key goes where it covers the fewest (emptiestCorner).
 */
export function legend(ctx, box, colours, entries, corner = "top-right", avoid = []) {
  const widths = labelWidths(ctx, entries);
  const k = keyBox(box, widths, Array.isArray(corner) ? emptiestCorner(box, widths, avoid, corner) : corner);
  if (!keyFits(k, box)) return null;
  ctx.save();
  ctx.font = FONT;
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = colours.background;
  ctx.fillRect(k.x, k.y, k.w, k.h);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = colours.faint;
  ctx.lineWidth = 1;
  ctx.strokeRect(k.x, k.y, k.w, k.h);
  entries.forEach((entry, i) => entryAt(ctx, entry, colours, k.x + PAD, k.y + PAD + ROW * (i + 0.5)));
  ctx.restore();
  listed(ctx, entries);
  return k;
}

/** Draw the key of `entries` in the strip at the top of `area` ({x, y, w}) below a figure's
 * panels, in the aligned columns stripRows lays out; returns the strip's box. */
export function keyStrip(ctx, area, colours, entries) {
  const widths = labelWidths(ctx, entries);
  const layout = stripRows(widths, area.w - 2 * (INSET + PAD));
  ctx.save();
  ctx.font = FONT;
  layout.rows.forEach((row, r) => {
    row.forEach((i, c) => entryAt(ctx, entries[i], colours, area.x + INSET + PAD + layout.lefts[c], area.y + PAD + ROW * (r + 0.5)));
  });
  ctx.restore();
  listed(ctx, entries);
  return { x: area.x, y: area.y, w: area.w, h: stripHeight(layout) };
}

/** One entry of a key: its sample from `left`, its label after it, centred on `middle`. */
function entryAt(ctx, entry, colours, left, middle) {
  if (entry.mark) place(ctx, entry, left + SAMPLE / 2, middle);
  else stroke(ctx, [[left, middle], [left + SAMPLE, middle]], entry);
  ctx.fillStyle = colours.text;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(entry.label, left + SAMPLE + GAP, middle);
}

// clear() (plot.js) empties the list as each drawing starts; a figure's keys add to it.
const listed = (ctx, entries) => {
  ctx.canvas.dataset.key = [ctx.canvas.dataset.key, ...entries.map(({ label }) => label)].filter(Boolean).join("; ");
};

// A live figure's key, drawn on its canvas as the static figure's legend is drawn on the image: a
// sample of each line or marker beside its label, on the page's background, in a corner of a
// panel the figure's data leave free, where it fits. The labels also go on the canvas (data-key),
// where the browser tests read them. keyBox and keyFits are pure (node --test); legend and marker
// draw.
import { dot, line } from "./plot.js";

const ROW = 15; // px a row
const PAD = 5; // px around the rows
const SAMPLE = 20; // px of line or marker before a label
const GAP = 5; // px between sample and label
const INSET = 4; // px between the key and the panel's edge

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
 * and a key over the data it names is worse than none (the page's text names the series). */
export const keyFits = (k, box) => k.w <= 0.6 * box.w && k.h <= 0.5 * box.h;

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
  ctx.save();
  ctx.font = "11px sans-serif";
  const widths = entries.map(({ label }) => ctx.measureText(label).width);
  const k = keyBox(box, widths, Array.isArray(corner) ? emptiestCorner(box, widths, avoid, corner) : corner);
  if (!keyFits(k, box)) {
    ctx.restore();
    return null;
  }
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = colours.background;
  ctx.fillRect(k.x, k.y, k.w, k.h);
  ctx.globalAlpha = 1;
  ctx.strokeStyle = colours.faint;
  ctx.lineWidth = 1;
  ctx.strokeRect(k.x, k.y, k.w, k.h);
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  entries.forEach((entry, i) => {
    const [left, middle] = [k.x + PAD, k.y + PAD + ROW * (i + 0.5)];
    if (entry.mark) place(ctx, entry, left + SAMPLE / 2, middle);
    else stroke(ctx, [[left, middle], [left + SAMPLE, middle]], entry);
    ctx.fillStyle = colours.text;
    ctx.fillText(entry.label, left + SAMPLE + GAP, middle);
  });
  ctx.restore();
  // clear() (plot.js) empties the list as each drawing starts; a figure's keys add to it.
  ctx.canvas.dataset.key = [ctx.canvas.dataset.key, ...entries.map(({ label }) => label)].filter(Boolean).join("; ");
  return k;
}

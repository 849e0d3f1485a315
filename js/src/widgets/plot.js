// Drawing helpers the live figures share on a 2-D canvas: split a figure into panels, draw a
// panel's axes with ticks and labels, polylines clipped to the panel, and dots.
import { formatG } from "../pyfmt.js";
import { linearScale, logScale, niceTicks } from "./scale.js";

/**
 * Split a w x h canvas into `count` panels with room for tick labels: side by side, or one above
 * the other on a canvas taller than wide (a phone's, sized from the static figure's stacked twin).
 * Stacked, a first panel holding an equal-aspect map of `map`'s bounds gets no more height than
 * its width allows, and the panels under it the rest (not a blank band around the map).
 */
export function panels(w, h, count, { left = 54, bottom = 34, top = 12, gap = 20, right = 18, map } = {}) {
  if (h > w) {
    const tall = (h - count * (top + bottom) - (count - 1) * gap) / count;
    const inner = w - left - right;
    const first = map && count > 1 ? Math.min(tall, (inner * (map[1][1] - map[1][0])) / (map[0][1] - map[0][0])) : tall;
    const heights = [first, ...Array(count - 1).fill(tall + (tall - first) / (count - 1))];
    let y = top;
    return heights.map((hi) => {
      const box = { x: left, y, w: inner, h: hi };
      y += hi + top + bottom + gap;
      return box;
    });
  }
  const inner = (w - right - count * left - (count - 1) * gap) / count;
  return Array.from({ length: count }, (_, i) => ({
    x: left + i * (inner + left + gap),
    y: top,
    w: inner,
    h: h - top - bottom,
  }));
}

/** Scales for a panel: x and y domains, each linear or log. */
export function scalesFor(box, xDomain, yDomain, { xLog = false, yLog = false } = {}) {
  const x = (xLog ? logScale : linearScale)(xDomain, [box.x, box.x + box.w]);
  const y = (yLog ? logScale : linearScale)(yDomain, [box.y + box.h, box.y]);
  return { x, y };
}

/** A tick label: whole numbers as they are (2000, not 2e+03), others to three digits. */
export const tick = (t) => (Number.isInteger(t) && Math.abs(t) < 1e6 ? String(t) : formatG(t, 3));
// A tick is a value, or [value, text] where the place and the label differ (a log axis's "0" row).
const tickAt = (t) => (Array.isArray(t) ? t[0] : t);
const tickText = (t) => (Array.isArray(t) ? t[1] : tick(t));

const TICK_GAP = 4; // pixels between the frame and a y tick label
const LABEL_SIZE = 12; // the 11 px font's line: the rotated y label needs this much from the edge

/**
 * Which x tick labels to draw, left to right, so that none overlaps the last one drawn: each of
 * `labels` ({at, width}, centred at `at`) is kept when it starts `gap` pixels past the end of the
 * last kept one. On a phone's narrow panel "1e-12 1e-09 1e-06" ran together.
 */
export function spacedLabels(labels, gap = 6) {
  const kept = [];
  let end = -Infinity;
  for (const [i, { at, width }] of labels.entries()) {
    if (at - width / 2 < end + gap) continue;
    kept.push(i);
    end = at + width / 2;
  }
  return kept;
}

/** Where to centre a label `width` wide under a panel centred at `centre`, on a canvas `canvasWidth`
 * wide: under the panel where it fits, else moved in from the canvas's edge ("start height y₀
 * (log scale)" under a narrow right panel lost its last characters). */
export function labelCentre(centre, width, canvasWidth) {
  return Math.max(width / 2, Math.min(centre, canvasWidth - width / 2));
}

/** Frame, ticks and axis labels of a panel. */
export function axes(ctx, box, { x, y }, colours, { xTicks, yTicks, xLabel, yLabel }) {
  ctx.save();
  ctx.strokeStyle = colours.muted;
  ctx.fillStyle = colours.text;
  ctx.lineWidth = 1;
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  ctx.font = "11px sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const xLabels = xTicks.map((t) => {
    const text = tickText(t);
    return { text, at: x(tickAt(t)), width: ctx.measureText(text).width };
  });
  // 6 px down: a y tick label at the bottom corner ("0") and an x tick label at the left one
  // ("1e-12") touched at 4.
  for (const i of spacedLabels(xLabels)) ctx.fillText(xLabels[i].text, xLabels[i].at, box.y + box.h + 6);
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  let widest = 0;
  for (const t of yTicks) {
    ctx.fillText(tickText(t), box.x - TICK_GAP, y(tickAt(t)));
    widest = Math.max(widest, ctx.measureText(tickText(t)).width);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  // The frame's transform is the pixel ratio alone (frame.js), so this is the canvas's CSS width.
  const canvasWidth = ctx.canvas.width / ctx.getTransform().a;
  const centre = labelCentre(box.x + box.w / 2, ctx.measureText(xLabel).width, canvasWidth);
  ctx.fillText(xLabel, centre, box.y + box.h + 32);
  // The rotated label's baseline sits clear of the widest tick label (measured, not guessed),
  // but never off the canvas.
  ctx.translate(Math.max(LABEL_SIZE, box.x - TICK_GAP - widest - 4), box.y + box.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "bottom";
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();
}

/** Run `paint` with drawing clipped to the panel. */
export function clipped(ctx, box, paint) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.w, box.h);
  ctx.clip();
  paint();
  ctx.restore();
}

/** A polyline through pixel points [[px, py], ...]. */
export function line(ctx, points, colour, width = 1.5, dash = []) {
  if (points.length < 2) return;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  points.forEach(([px, py], i) => (i ? ctx.lineTo(px, py) : ctx.moveTo(px, py)));
  ctx.stroke();
  ctx.restore();
}

/** A filled dot at pixel (px, py). */
export function dot(ctx, px, py, colour, radius = 3) {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.arc(px, py, radius, 0, 2 * Math.PI);
  ctx.fill();
}

/** Fill the whole canvas with the page's background. */
export function clear(ctx, w, h, colours) {
  ctx.canvas.dataset.key = ""; // legend.js lists the keys drawn on this canvas
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, w, h);
}

/** A surface's contour segments (contours.js: flat [x0, y0, x1, y1, ...] per level) in one stroke. */
export function contourLines(ctx, s, contours, colour) {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const { segments } of contours) {
    for (let i = 0; i < segments.length; i += 4) {
      ctx.moveTo(s.x(segments[i]), s.y(segments[i + 1]));
      ctx.lineTo(s.x(segments[i + 2]), s.y(segments[i + 3]));
    }
  }
  ctx.stroke();
}

/**
 * A panel with its axes: scales over `x` and `y` (domains; `xLog`, `yLog`), ticks and labels,
 * then `paint(s)` clipped to the panel; returns the scales.
 */
export function chart(ctx, box, colours, { x, y, xLog, yLog, xTicks, yTicks, xLabel, yLabel }, paint) {
  const s = scalesFor(box, x, y, { xLog, yLog });
  axes(ctx, box, s, colours, { xTicks, yTicks, xLabel, yLabel });
  clipped(ctx, box, () => paint(s));
  return s;
}

/**
 * The largest box centred in `box` where a unit of x and a unit of y ([[x0, x1], [y0, y1]]) take
 * the same pixels: a map drawn there keeps its angles (the gradient crosses the contours at right
 * angles) and its shapes (the valley's ellipses as long as they are), as the static figures do.
 */
export function equalAspect(box, [[x0, x1], [y0, y1]]) {
  const unit = Math.min(box.w / (x1 - x0), box.h / (y1 - y0));
  const [w, h] = [unit * (x1 - x0), unit * (y1 - y0)];
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/**
 * A contour map over `bounds` ([[x0, x1], [y0, y1]]) at equal aspect in `box`: the contours,
 * then `paint(s)`, as `chart`. Returns the scales and the map's box ({x, y, box}).
 */
export function mapPanel(ctx, box, bounds, colours, { contours, xLabel = "x", yLabel = "y" }, paint) {
  const [x, y] = bounds;
  const map = equalAspect(box, bounds);
  const ticks = { xTicks: niceTicks(...x, 4), yTicks: niceTicks(...y, 4) };
  const s = chart(ctx, map, colours, { x, y, ...ticks, xLabel, yLabel }, (s) => {
    contourLines(ctx, s, contours, colours.faint);
    paint(s);
  });
  return { ...s, box: map };
}

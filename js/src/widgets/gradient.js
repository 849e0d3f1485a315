// The gradient page's live figure: the contour map of a surface with a point the reader drags
// (or moves with the arrow keys), the analytic gradient's arrow -∇f and the forward difference's
// arrow there, and below, the forward difference's error against h on log axes with the chosen h
// marked. The numbers are gradient-state.js; this module draws and wires the controls.
import { sampleSurface } from "../contours.js";
import { slider } from "./controls.js";
import { buildFrame, make } from "./frame.js";
import { along, fitsIn, keyStrip, legend, stripFor } from "./legend.js";
import { chart, clear, dot, equalAspect, line, mapPanel } from "./plot.js";
import { logTicks } from "./scale.js";
import { clampPoint, gradientFacts, gradientRows, gradientSetup, gradientStatus, gradientSummary } from "./gradient-state.js";

const KEY_STEP = 0.1; // data units per arrow key press (Shift: five times as far)
const ARROW = 1.2; // the arrows' length in data units: direction reads, the text gives the size

function layout(w, h) {
  const left = 54;
  const inner = w - left - 18;
  const mapH = Math.round((h - 12 - 34 - 40) * 0.62);
  return {
    map: { x: left, y: 12, w: inner, h: mapH },
    curve: { x: left, y: 12 + mapH + 40, w: inner, h: h - 12 - mapH - 40 - 34 },
  };
}

/** Draw -g's arrow from (x, y); returns pixels along it, for the key to keep clear of. */
function arrow(ctx, s, [x, y], [gx, gy], colour, width) {
  const n = Math.hypot(gx, gy);
  const base = [s.x(x), s.y(y)];
  if (n === 0) return [base];
  const tip = [s.x(x - (ARROW * gx) / n), s.y(y - (ARROW * gy) / n)];
  line(ctx, [base, tip], colour, width);
  const a = Math.atan2(tip[1] - base[1], tip[0] - base[0]);
  for (const turn of [2.6, -2.6]) line(ctx, [tip, [tip[0] + 8 * Math.cos(a + turn), tip[1] + 8 * Math.sin(a + turn)]], colour, width);
  return along([base, tip], 10);
}

// The key's entries: the arrows in the map, the error curve and the reader's h below.
const keys = (colours) => ({
  map: [
    { label: "−∇f, exact", colour: colours.path, width: 3 },
    { label: "estimate at your h", colour: colours.point, width: 1.5 },
  ],
  curve: [
    { label: "estimate's error", colour: colours.muted, width: 1.5 },
    { label: "your h", colour: colours.point, width: 2 },
  ],
});
const CORNERS = ["top-right", "top-left", "bottom-right", "bottom-left"];

function drawGradient(ctx, w, h, colours, scene) {
  const { setup, facts, contours } = scene;
  clear(ctx, w, h, colours);
  const key = keys(colours);
  // Where the map is too small for its key (a narrow square box), both keys go in a strip below.
  const map = equalAspect(layout(w, h).map, setup.surface.bounds);
  const strip = fitsIn(ctx, key.map, map) ? 0 : stripFor(ctx, [...key.map, ...key.curve], w);
  const box = layout(w, h - strip);
  const drawn = { map: [], curve: [] }; // pixels each key keeps clear of
  const s = mapPanel(ctx, box.map, setup.surface.bounds, colours, { contours }, (s) => {
    drawn.map.push(...arrow(ctx, s, facts.point, facts.exact, colours.path, 3));
    drawn.map.push(...arrow(ctx, s, facts.point, facts.estimate, colours.point, 1.5));
    dot(ctx, s.x(facts.point[0]), s.y(facts.point[1]), colours.text, 5);
  });
  if (!strip) legend(ctx, s.box, colours, key.map, CORNERS, drawn.map);
  scene.map = { box: s.box, s };
  const errors = facts.curve.map((p) => p.error).filter((e) => e > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...errors, facts.error || 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...errors, lo * 10)));
  const yTicks = logTicks(lo, hi).filter((_, i, all) => i % Math.ceil(all.length / 4) === 0);
  chart(ctx, box.curve, colours, { x: [setup.hMin, setup.hMax], y: [lo, hi], xLog: true, yLog: true, xTicks: logTicks(setup.hMin, setup.hMax).filter((_, i) => i % 3 === 0), yTicks, xLabel: "step h (log scale)", yLabel: "error" }, (r) => {
    const points = facts.curve.map(({ h: step, error }) => [r.x(step), r.y(Math.max(error, lo))]);
    line(ctx, points, colours.muted, 1.5);
    const chosen = [[r.x(facts.h), box.curve.y], [r.x(facts.h), box.curve.y + box.curve.h]];
    line(ctx, chosen, colours.point, 2);
    dot(ctx, r.x(facts.h), r.y(Math.max(facts.error, lo)), colours.point, 4);
    drawn.curve.push(...points, ...along(chosen, 10));
  });
  if (strip) keyStrip(ctx, { x: 0, y: h - strip, w }, colours, [...key.map, ...key.curve]);
  else legend(ctx, box.curve, colours, key.curve, CORNERS, drawn.curve);
}

/** Mount on `root` with the page's settings: {surface, point, h, hMin, hMax}. */
export function mount(root, config) {
  const setup = gradientSetup(config);
  const scene = { setup, facts: gradientFacts(setup, setup.point, setup.h), contours: sampleSurface(setup.surface, 64).contours };
  const frame = buildFrame(root, {
    label: "Live figure: contour map with a movable point, the downhill arrow of the analytic gradient and of its forward-difference estimate, and below, the estimate's error against the step h.",
    tableCaption: "Forward-difference error against the step h at the point",
    columns: ["h", "error"],
    draw: (ctx, w, h, colours) => drawGradient(ctx, w, h, colours, scene),
  });
  const handle = make("div", "gd-live__point");
  handle.tabIndex = 0;
  handle.setAttribute("role", "application");
  handle.setAttribute("aria-roledescription", "movable point");
  const update = (point = scene.facts.point, h = scene.facts.h) => {
    scene.facts = gradientFacts(setup, clampPoint(setup, point), h);
    const [x, y] = scene.facts.point;
    handle.textContent = `Point (${x.toFixed(2)}, ${y.toFixed(2)}): arrow keys move it`;
    handle.setAttribute("aria-label", `Point at x = ${x.toFixed(2)}, y = ${y.toFixed(2)}; arrow keys move it`);
    frame.show({ statusText: gradientStatus(scene.facts), summaryText: gradientSummary(scene.facts), tableRows: () => gradientRows(scene.facts) });
  };
  const control = slider(frame, {
    label: "Step size h",
    scale: setup.slider,
    range: { min: setup.hMin, max: setup.hMax, positive: true },
    onChange: (h) => update(undefined, h),
  });
  frame.controls.append(handle);
  const keys = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
  handle.addEventListener("keydown", (event) => {
    const move = keys[event.key];
    if (!move) return;
    event.preventDefault();
    const d = KEY_STEP * (event.shiftKey ? 5 : 1);
    const [x, y] = scene.facts.point;
    update([Number((x + move[0] * d).toFixed(10)), Number((y + move[1] * d).toFixed(10))]);
  });
  const { canvas } = frame;
  canvas.style.touchAction = "none";
  const drag = (event) => {
    const map = scene.map;
    if (!map) return;
    const rect = canvas.getBoundingClientRect();
    const px = event.clientX - rect.left;
    const py = event.clientY - rect.top;
    if (event.type === "pointerdown" && (px < map.box.x || px > map.box.x + map.box.w || py < map.box.y || py > map.box.y + map.box.h)) return;
    if (event.type === "pointerdown") canvas.setPointerCapture(event.pointerId);
    else if (!canvas.hasPointerCapture(event.pointerId)) return;
    update([map.s.x.invert(px), map.s.y.invert(py)]);
  };
  canvas.addEventListener("pointerdown", drag);
  canvas.addEventListener("pointermove", drag);
  control.set(setup.h, { announce: false });
  update();
  return { dispose: frame.dispose };
}

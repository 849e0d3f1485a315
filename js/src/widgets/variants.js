// The variant pages' live figure: the parameter path of mini-batch descent on the regression loss's
// contours (first panel) and the loss above its minimum against examples seen (second panel), with
// a batch-size control from 1 to n and a reseed button. The numbers are variants-state.js.
import { sampleSurface } from "../contours.js";
import { mse } from "../regression.js";
import { button, slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { legend, mapMarks, place, stroke } from "./legend.js";
import { chart, clear, mapPanel, panels } from "./plot.js";
import { logTicks, niceTicks, stepSlider } from "./scale.js";
import { createFit, fitFacts, fitRows, fitSummary, reseed, variantOf, withBatch } from "./variants-state.js";

const DASH = [5, 3]; // the yardstick run (config.compare), drawn under the reader's

function drawFit(ctx, w, h, colours, { state, contours }) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2, { map: state.bounds });
  const runs = [state.reference, state.run].filter(Boolean);
  const marks = mapMarks(colours);
  // How each run is drawn, and named in the key: one entry for both; each in its variant's colour.
  const hue = (b, fallback) => state.colours?.[variantOf(b, state.X.length)] ?? fallback;
  const style = (run) =>
    run === state.run ? { label: `b = ${state.batch}`, colour: hue(state.batch, colours.point), width: 1.2 } : { label: `b = ${state.compare}`, colour: hue(state.compare, colours.muted), width: 1.2, dash: DASH };
  const map = mapPanel(ctx, left, state.bounds, colours, { contours, xLabel: "intercept", yLabel: "slope" }, (s) => {
    for (const run of runs) stroke(ctx, run.thetas.map(([a, b]) => [s.x(a), s.y(b)]), style(run));
    place(ctx, marks.minimum, s.x(state.best[0]), s.y(state.best[1]));
    place(ctx, marks.start, s.x(state.theta0[0]), s.y(state.theta0[1]));
  });
  const gaps = runs.map((run) => run.losses.map((v) => Math.max(1e-6, v - state.floor)));
  const lo = Math.max(1e-6, Math.min(...gaps.flat()) / 2);
  const hi = Math.max(...gaps.flat()) * 2;
  const total = Math.max(...runs.map((run) => run.examplesSeen.at(-1))) || 1;
  const decades = logTicks(lo, hi);
  const yTicks = decades.filter((_, i) => i % Math.ceil(decades.length / 4) === 0);
  chart(ctx, right, colours, { x: [0, total], y: [lo, hi], yLog: true, xTicks: niceTicks(0, total, 3), yTicks, xLabel: "examples seen", yLabel: "loss − minimum" }, (r) =>
    runs.forEach((run, k) => stroke(ctx, gaps[k].map((v, i) => [r.x(run.examplesSeen[i]), r.y(v)]), style(run))),
  );
  // The map's upper right: the paths run from the start, upper left, down to the minimum. At the
  // yardstick's own batch size the two runs are one, drawn over each other: one entry.
  const keyed = state.batch === state.compare ? [state.run] : [...runs].reverse();
  legend(ctx, map.box, colours, [marks.start, marks.minimum, ...keyed.map(style)]);
}

/** Mount on `root` with the page's config (see scripts/fig_variants_live.py). */
export function mount(root, config) {
  const scene = { state: createFit(config) };
  const { X, y } = scene.state;
  const loss = { f: (a, b) => mse(X, y, [a, b]), bounds: scene.state.bounds };
  scene.contours = sampleSurface(loss, 48).contours;
  const n = X.length;
  const frame = buildFrame(root, {
    label:
      "Live figure: the parameter path of mini-batch gradient descent on the contours of the regression loss, and the loss against examples seen" +
      (config.compare ? `, each beside the run with b = ${config.compare} (dashed).` : "."),
    tableCaption: "The run's parameters and loss after each step",
    columns: ["step", "examples seen", "intercept", "slope", "loss"],
    draw: (ctx, w, h, colours) => drawFit(ctx, w, h, colours, scene),
  });
  const update = () => {
    const facts = fitFacts(scene.state);
    frame.show({ statusText: `b = ${facts.batch}: ${facts.message}`, summaryText: fitSummary(facts), tableRows: () => fitRows(scene.state) });
  };
  const control = slider(frame, {
    label: "Batch size b",
    scale: stepSlider(1, n, 1),
    range: { min: 1, max: n, integer: true },
    onChange: (b) => {
      scene.state = withBatch(scene.state, b);
      update();
    },
  });
  button(frame, "Reseed", () => {
    scene.state = reseed(scene.state);
    update();
  });
  control.set(scene.state.batch, { announce: false });
  update();
  return { dispose: frame.dispose };
}

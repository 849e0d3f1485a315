// The learning-rate page's live figure: the valley's contour map with gdlib's path at the rate the
// reader picks on a log scale (first panel), and steps to converge against the rate with that rate
// marked (second panel). On the conditioning page (config.kappas) a choice of condition number
// swaps the quadratic, and the best fixed rate is marked too. The numbers are rate-state.js; this
// module draws and wires the controls.
import { sampleSurface } from "../contours.js";
import { select, slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { legend, place, stroke } from "./legend.js";
import { chart, clear, dot, line, mapPanel, panels } from "./plot.js";
import { logTicks, niceTicks } from "./scale.js";
import { CHART_TOP, plottedSteps, rateFacts, rateRows, rateSetup, rateSummary, runAt, sweep, withKappa } from "./rate-state.js";

function drawRate(ctx, w, h, colours, { setup, facts, contours, curve }) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2, { map: setup.surface.bounds });
  mapPanel(ctx, left, setup.surface.bounds, colours, { contours }, (s) => {
    const path = facts.run.positions.map(([x, y]) => [s.x(x), s.y(y)]);
    line(ctx, path, colours.point, 1.5);
    for (const [px, py] of path.slice(0, 40)) dot(ctx, px, py, colours.point, 2);
    dot(ctx, path[0][0], path[0][1], colours.path, 4);
  });
  const cap = setup.maxIter;
  // How each thing is drawn, and named in the key: one entry for both.
  const key = {
    converged: { label: "converged", colour: colours.path, mark: "dot", size: 2.5 },
    max_iter: { label: "hit the cap", colour: colours.muted, mark: "cross" },
    diverged: { label: "diverged", colour: colours.muted, mark: "triangle" },
    rate: { label: "your rate η", colour: colours.point, width: 2 },
    limit: { label: "2/L", colour: colours.muted, width: 1, dash: [4, 4] },
    best: { label: "best rate", colour: colours.text, width: 1, dash: [1, 3] },
  };
  chart(ctx, right, colours, { x: [setup.lrMin, setup.lrMax], y: [0, cap * CHART_TOP], xLog: true, xTicks: logTicks(setup.lrMin, setup.lrMax), yTicks: niceTicks(0, cap, 4), xLabel: "rate η (log scale)", yLabel: "steps" }, (r) => {
    const vertical = (lr) => [[r.x(lr), right.y], [r.x(lr), right.y + right.h]];
    stroke(ctx, vertical(2 / facts.L), key.limit);
    if (facts.best) stroke(ctx, vertical(facts.best), key.best);
    for (const p of curve) place(ctx, key[p.status] ?? key.max_iter, r.x(p.lr), r.y(plottedSteps(p, cap)));
    stroke(ctx, vertical(facts.lr), key.rate);
  });
  // Bottom left: slow rates all hit the cap (drawn at the top), so no point falls there.
  const shown = [key.converged, key.max_iter, key.diverged, key.rate, key.limit, ...(facts.best ? [key.best] : [])];
  legend(ctx, right, colours, shown, "bottom-left");
}

/** Mount on `root` with the page's settings: {surface, start, lr, lrMin, lrMax, maxIter} or {kappas, kappa, bounds, ...}. */
export function mount(root, config) {
  const scene = {};
  const load = (setup, lr) => Object.assign(scene, { setup, facts: rateFacts(setup, lr), contours: sampleSurface(setup.surface, 64).contours, curve: sweep(setup) });
  load(rateSetup(config), config.lr);
  const { setup } = scene;
  const what = setup.kappas ? "the quadratic of the chosen condition number" : "the valley";
  const frame = buildFrame(root, {
    label: `Live figure: contour map of ${what} with the descent path at the chosen learning rate, and steps to converge against the learning rate.`,
    tableCaption: "The path's points at the chosen learning rate",
    columns: ["k", "x", "y", "f(x, y)"],
    draw: (ctx, w, h, colours) => drawRate(ctx, w, h, colours, scene),
  });
  const update = () => {
    const { facts } = scene;
    const where = facts.kappa === null ? "" : `κ = ${facts.kappa}, `;
    frame.show({
      statusText: `${where}η = ${facts.lr}: ${facts.message}`,
      summaryText: rateSummary(facts),
      tableRows: () => rateRows(facts.run),
    });
  };
  const control = slider(frame, {
    label: "Learning rate η",
    scale: setup.slider,
    range: { min: setup.lrMin, max: setup.lrMax, positive: true },
    onChange: (lr) => {
      scene.facts = rateFacts(scene.setup, lr, runAt(scene.setup, lr));
      update();
    },
  });
  if (setup.kappas) {
    const options = setup.kappas.map((k) => [String(k), String(k)]);
    select(frame, "Condition number κ", options, (k) => {
      load(withKappa(scene.setup, Number(k)), scene.facts.lr);
      update();
    }).value = String(setup.surface.kappa);
  }
  control.set(setup.lr, { announce: false });
  update();
  return { dispose: frame.dispose };
}

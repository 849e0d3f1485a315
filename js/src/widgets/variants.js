// The variant pages' live figure: the parameter path of mini-batch descent on the regression
// loss's contours (left) and the loss above its minimum against examples seen (right), with a
// batch-size control from 1 to n and a reseed button. The numbers are variants-state.js.
import { sampleSurface } from "../contours.js";
import { mse } from "../regression.js";
import { button, slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { axes, clear, clipped, dot, line, panels, scalesFor } from "./plot.js";
import { logTicks, niceTicks } from "./scale.js";
import { createFit, fitFacts, fitRows, fitSummary, reseed, withBatch } from "./variants-state.js";

function drawFit(ctx, w, h, colours, { state, contours }) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2);
  const [[x0, x1], [y0, y1]] = state.bounds;
  const s = scalesFor(left, [x0, x1], [y0, y1]);
  axes(ctx, left, s, colours, { xTicks: niceTicks(x0, x1, 4), yTicks: niceTicks(y0, y1, 4), xLabel: "intercept", yLabel: "slope" });
  const { thetas, losses, examplesSeen } = state.run;
  clipped(ctx, left, () => {
    ctx.strokeStyle = colours.faint;
    ctx.beginPath();
    for (const { segments } of contours) {
      for (let i = 0; i < segments.length; i += 4) {
        ctx.moveTo(s.x(segments[i]), s.y(segments[i + 1]));
        ctx.lineTo(s.x(segments[i + 2]), s.y(segments[i + 3]));
      }
    }
    ctx.stroke();
    line(ctx, thetas.map(([a, b]) => [s.x(a), s.y(b)]), colours.point, 1.2);
    dot(ctx, s.x(state.best[0]), s.y(state.best[1]), colours.text, 4);
    dot(ctx, s.x(thetas[0][0]), s.y(thetas[0][1]), colours.path, 4);
  });
  const above = losses.map((v) => Math.max(1e-6, v - state.floor));
  const lo = Math.max(1e-6, Math.min(...above) / 2);
  const hi = Math.max(...above) * 2;
  const total = examplesSeen.at(-1) || 1;
  const r = scalesFor(right, [0, total], [lo, hi], { yLog: true });
  const decades = logTicks(lo, hi);
  axes(ctx, right, r, colours, { xTicks: niceTicks(0, total, 3), yTicks: decades.filter((_, i) => i % Math.ceil(decades.length / 4) === 0), xLabel: "examples seen", yLabel: "loss − minimum" });
  clipped(ctx, right, () => line(ctx, above.map((v, i) => [r.x(examplesSeen[i]), r.y(v)]), colours.point, 1.2));
}

/** Mount on `root` with the page's config (see scripts/fig_variants_live.py). */
export function mount(root, config) {
  const scene = { state: createFit(config) };
  const { X, y } = scene.state;
  const loss = { f: (a, b) => mse(X, y, [a, b]), bounds: scene.state.bounds };
  scene.contours = sampleSurface(loss, 48).contours;
  const n = X.length;
  const frame = buildFrame(root, {
    label: "Live figure: the parameter path of mini-batch gradient descent on the contours of the regression loss, and the loss against examples seen.",
    tableCaption: "The run's parameters and loss after each step",
    columns: ["step", "examples seen", "intercept", "slope", "loss"],
    draw: (ctx, w, h, colours) => drawFit(ctx, w, h, colours, scene),
  });
  const update = () => {
    const facts = fitFacts(scene.state);
    frame.show({ statusText: `b = ${facts.batch}: ${facts.message}`, summaryText: fitSummary(facts), tableRows: () => fitRows(scene.state) });
  };
  const control = slider(frame.controls, {
    label: "Batch size b",
    steps: n - 1,
    toValue: (p) => p + 1,
    toPosition: (v) => v - 1,
    format: String,
    range: { min: 1, max: n, integer: true },
    onChange: (b) => {
      scene.state = withBatch(scene.state, b);
      update();
    },
    say: frame.say,
  });
  button(frame.controls, "Reseed", () => {
    scene.state = reseed(scene.state);
    update();
  });
  control.set(scene.state.batch, { announce: false });
  update();
  return { dispose: frame.dispose };
}

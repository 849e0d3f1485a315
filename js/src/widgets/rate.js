// The learning-rate page's live figure: the valley's contour map with gdlib's path at the rate
// the reader picks on a log scale (left), and steps to converge against the rate with that rate
// marked (right). The numbers are rate-state.js; this module draws and wires the controls.
import { sampleSurface } from "../contours.js";
import { slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { axes, clear, clipped, dot, line, panels, scalesFor } from "./plot.js";
import { logTicks, niceTicks } from "./scale.js";
import { rateFacts, rateRows, rateSetup, rateSummary, runAt, sweep } from "./rate-state.js";

function drawRate(ctx, w, h, colours, { setup, facts, contours, curve }) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2);
  const [[x0, x1], [y0, y1]] = setup.surface.bounds;
  const s = scalesFor(left, [x0, x1], [y0, y1]);
  axes(ctx, left, s, colours, { xTicks: niceTicks(x0, x1, 4), yTicks: niceTicks(y0, y1, 4), xLabel: "x", yLabel: "y" });
  clipped(ctx, left, () => {
    ctx.strokeStyle = colours.faint;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const { segments } of contours) {
      for (let i = 0; i < segments.length; i += 4) {
        ctx.moveTo(s.x(segments[i]), s.y(segments[i + 1]));
        ctx.lineTo(s.x(segments[i + 2]), s.y(segments[i + 3]));
      }
    }
    ctx.stroke();
    const path = facts.run.positions.map(([x, y]) => [s.x(x), s.y(y)]);
    line(ctx, path, colours.point, 1.5);
    for (const [px, py] of path.slice(0, 40)) dot(ctx, px, py, colours.point, 2);
    dot(ctx, path[0][0], path[0][1], colours.path, 4);
  });
  const cap = setup.maxIter;
  const r = scalesFor(right, [setup.lrMin, setup.lrMax], [0, cap * 1.05], { xLog: true });
  axes(ctx, right, r, colours, { xTicks: logTicks(setup.lrMin, setup.lrMax), yTicks: niceTicks(0, cap, 4), xLabel: "rate η (log scale)", yLabel: "steps" });
  clipped(ctx, right, () => {
    line(ctx, [[r.x(2 / facts.L), right.y], [r.x(2 / facts.L), right.y + right.h]], colours.muted, 1, [4, 4]);
    for (const p of curve) {
      const px = r.x(p.lr);
      const py = r.y(p.steps);
      if (p.status === "converged") dot(ctx, px, py, colours.path, 2.5);
      else line(ctx, [[px - 3, py - 3], [px + 3, py + 3]], colours.muted, 1.2), line(ctx, [[px - 3, py + 3], [px + 3, py - 3]], colours.muted, 1.2);
    }
    line(ctx, [[r.x(facts.lr), right.y], [r.x(facts.lr), right.y + right.h]], colours.point, 2);
  });
}

/** Mount on `root` with the page's settings: {surface, start, lr, lrMin, lrMax, maxIter}. */
export function mount(root, config) {
  const setup = rateSetup(config);
  const scene = { setup, facts: rateFacts(setup, setup.lr), contours: sampleSurface(setup.surface, 64).contours, curve: sweep(setup) };
  const frame = buildFrame(root, {
    label: "Live figure: contour map of the valley with the descent path at the chosen learning rate, and steps to converge against the learning rate.",
    tableCaption: "The path's points at the chosen learning rate",
    columns: ["k", "x", "y", "f(x, y)"],
    draw: (ctx, w, h, colours) => drawRate(ctx, w, h, colours, scene),
  });
  const update = () => {
    const { facts } = scene;
    frame.show({
      statusText: `η = ${facts.lr}: ${facts.message}`,
      summaryText: rateSummary(facts),
      tableRows: () => rateRows(facts.run),
    });
  };
  const control = slider(frame.controls, {
    label: "Learning rate η",
    steps: setup.slider.steps,
    toValue: setup.slider.value,
    toPosition: setup.slider.position,
    format: String,
    range: { min: setup.lrMin, max: setup.lrMax, positive: true },
    onChange: (lr) => {
      scene.facts = rateFacts(setup, lr, runAt(setup, lr));
      update();
    },
    say: frame.say,
  });
  control.set(setup.lr, { announce: false });
  update();
  return { dispose: frame.dispose };
}

// The saddle-points page's live figure: the double well's contour map with gdlib's path from the
// start height the reader picks (first panel; the circle is the saddle's neighbourhood), and the
// iterates in that circle against the start height on a log scale, measured and predicted, with the
// reader's start marked (second panel). The numbers are escape-state.js; this module draws and
// wires.
import { sampleSurface } from "../contours.js";
import { formatG } from "../pyfmt.js";
import { button, slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { legend, mapMarks, place, stroke } from "./legend.js";
import { chart, clear, dot, line, mapPanel, panels } from "./plot.js";
import { logTicks, niceTicks } from "./scale.js";
import { escapeFacts, escapeRows, escapeSetup, escapeStatus, escapeSummary } from "./escape-state.js";

function drawEscape(ctx, w, h, colours, { setup, facts, contours }) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2, { map: setup.surface.bounds });
  const marks = mapMarks(colours);
  // How each thing is drawn, and named in the key: one entry for both.
  const key = {
    measured: { label: "measured", colour: colours.path, mark: "dot", size: 2.5 },
    predicted: { label: "predicted", colour: colours.muted, width: 1, dash: [4, 4] },
    start: { label: "your start y₀", colour: colours.point, width: 2 },
  };
  mapPanel(ctx, left, setup.surface.bounds, colours, { contours }, (s) => {
    ctx.strokeStyle = colours.muted;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.ellipse(s.x(0), s.y(0), Math.abs(s.x(setup.radius) - s.x(0)), Math.abs(s.y(setup.radius) - s.y(0)), 0, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.setLineDash([]);
    line(ctx, facts.run.positions.map(([x, y]) => [s.x(x), s.y(y)]), colours.point, 1.5);
    for (const [mx, my] of setup.surface.minima) place(ctx, marks.minimum, s.x(mx), s.y(my));
    place(ctx, marks.start, s.x(setup.x0), s.y(facts.y0));
  });
  const top = Math.max(10, ...setup.curve.map((p) => p.stay), facts.stay) * 1.1;
  const decades = logTicks(setup.y0Min, setup.y0Max).filter((_, i) => i % 3 === 0);
  const options = { x: [setup.y0Min, setup.y0Max], y: [0, top], xLog: true, xTicks: decades, yTicks: niceTicks(0, top, 4), xLabel: "start height y₀ (log scale)", yLabel: `iterates within ${setup.radius}` };
  chart(ctx, right, colours, options, (r) => {
    stroke(ctx, setup.curve.map((p) => [r.x(p.y0), r.y(p.predicted)]), key.predicted);
    for (const p of setup.curve) place(ctx, key.measured, r.x(p.y0), r.y(p.stay));
    if (facts.y0 > 0) {
      stroke(ctx, [[r.x(facts.y0), right.y], [r.x(facts.y0), right.y + right.h]], key.start);
      dot(ctx, r.x(facts.y0), r.y(facts.stay), colours.point, 4);
    }
  });
  // Top right: the counts fall from the top left as the start height grows.
  legend(ctx, right, colours, [key.measured, key.predicted, key.start]);
}

/** Mount on `root` with the page's settings (scripts/fig_saddle_live.py). */
export function mount(root, config) {
  const setup = escapeSetup(config);
  const scene = { setup, facts: escapeFacts(setup, setup.y0), contours: sampleSurface(setup.surface, 64).contours };
  const frame = buildFrame(root, {
    label: "Live figure: contour map of the double well with the descent path from the chosen start height above the stable manifold, and the iterates near the saddle against the start height, measured (dots) and predicted (dashed).",
    tableCaption: "The path's points from the chosen start",
    columns: ["k", "x", "y", "f(x, y)", "gradient norm"],
    draw: (ctx, w, h, colours) => drawEscape(ctx, w, h, colours, scene),
  });
  const update = (y0) => {
    scene.facts = escapeFacts(setup, y0);
    frame.show({ statusText: escapeStatus(scene.facts), summaryText: escapeSummary(scene.facts), tableRows: () => escapeRows(scene.facts.run) });
  };
  const control = slider(frame, {
    label: "Start height y₀",
    scale: setup.slider,
    format: (v) => formatG(v, 3),
    range: { min: setup.y0Min, max: setup.y0Max, positive: true },
    onChange: update,
  });
  button(frame, "Start on the manifold (y₀ = 0)", () => {
    frame.say("");
    control.field.value = "0";
    control.input.value = "0"; // the log scale has no 0: the thumb goes to its lowest end
    control.input.setAttribute("aria-valuetext", "Start height y₀ 0");
    update(0);
  });
  control.set(setup.y0, { announce: false });
  update(setup.y0);
  return { dispose: frame.dispose };
}

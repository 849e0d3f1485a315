// The basic-algorithm page's live figure: f(x) = x^2 with the tangent at x_k and the step to
// x_{k+1} (first panel), |x_k| on a log scale against k (second panel); Step, Reset and a rate
// control. The state and the numbers are tangent-state.js; this module draws and wires the
// controls.
import { button, slider } from "./controls.js";
import { buildFrame } from "./frame.js";
import { chart, clear, dot, line, panels } from "./plot.js";
import { niceTicks, stepSlider } from "./scale.js";
import { LR_RANGE, createTangent, logPanel, parabolaSpan, rateText, reset, rows, stepFacts, stepOnce, summary, withRate, xAt, slopeAt, sub } from "./tangent-state.js";

function drawTangent(ctx, w, h, colours, state) {
  clear(ctx, w, h, colours);
  const [left, right] = panels(w, h, 2);
  const { k } = state;
  const span = parabolaSpan(state);
  const xs = Array.from({ length: 121 }, (_, i) => -span + (2 * span * i) / 120);
  const x = xAt(state, k);
  const slope = slopeAt(state, k);
  const ticks = { xTicks: niceTicks(-span, span, 4), yTicks: niceTicks(0, span * span, 4) };
  chart(ctx, left, colours, { x: [-span, span], y: [-0.1 * span * span, span * span], ...ticks, xLabel: "x", yLabel: "f(x) = x²" }, (s) => {
    line(ctx, xs.map((v) => [s.x(v), s.y(v * v)]), colours.muted, 1.5);
    const tangent = (v) => x * x + slope * (v - x);
    line(ctx, [[s.x(-span), s.y(tangent(-span))], [s.x(span), s.y(tangent(span))]], colours.point, 1.2, [5, 4]);
    for (let i = 0; i < k; i += 1) dot(ctx, s.x(xAt(state, i)), s.y(xAt(state, i) ** 2), colours.path, 3);
    if (k < state.run.iterations) {
      const next = xAt(state, k + 1);
      line(ctx, [[s.x(x), s.y(x * x)], [s.x(next), s.y(x * x)], [s.x(next), s.y(next * next)]], colours.path, 1.5, [2, 3]);
    }
    dot(ctx, s.x(x), s.y(x * x), colours.point, 5);
  });
  const panel = logPanel(state);
  const n = Math.max(1, state.run.iterations);
  chart(ctx, right, colours, { x: panel.x, y: panel.y, yLog: true, xTicks: niceTicks(0, n, 4), yTicks: panel.ticks, xLabel: "step k", yLabel: "|xₖ|" }, (r) => {
    // The "0" row is not a value on the log scale: a dashed line keeps it apart from the decades.
    if (panel.zero !== null) line(ctx, [[r.x(0), r.y(panel.zero)], [r.x(n), r.y(panel.zero)]], colours.faint, 1, [3, 3]);
    const path = panel.points.map((v, i) => [r.x(i), r.y(v)]);
    line(ctx, path, colours.muted, 1); // the whole run, under the steps taken so far
    for (let i = 0; i <= k; i += 1) dot(ctx, path[i][0], path[i][1], i === k ? colours.point : colours.path, i === k ? 4 : 2.5);
  });
}

/** Mount on `root` with the page's run: {start, lr, maxIter}. */
export function mount(root, config) {
  let state = createTangent(config);
  const frame = buildFrame(root, {
    label: "Live figure: the parabola f(x) = x squared with the tangent at the current point, and |x_k| against k on a log scale.",
    tableCaption: "Gradient descent on f(x) = x², step by step",
    columns: ["k", "x_k", "f(x_k)", "f′(x_k)"],
    draw: (ctx, w, h, colours) => drawTangent(ctx, w, h, colours, state),
  });
  const update = () => {
    const facts = stepFacts(state);
    frame.show({
      statusText: `Step ${facts.k}: x${sub(facts.k)} = ${facts.x}, f′(x${sub(facts.k)}) = ${facts.slope}. ${facts.update}`,
      summaryText: summary(state),
      tableRows: () => rows(state),
    });
    stepButton.disabled = facts.next === null;
  };
  const rate = slider(frame, {
    label: "Learning rate η",
    scale: stepSlider(LR_RANGE.min, LR_RANGE.max, LR_RANGE.step),
    format: rateText,
    range: { min: LR_RANGE.min, max: LR_RANGE.max, positive: true },
    onChange: (lr) => {
      state = withRate(state, lr);
      update();
    },
  });
  const stepButton = button(frame, "Step", () => {
    state = stepOnce(state);
    update();
  });
  button(frame, "Reset", () => {
    state = reset(state);
    update();
  });
  rate.set(state.lr, { announce: false });
  update();
  return { dispose: frame.dispose };
}

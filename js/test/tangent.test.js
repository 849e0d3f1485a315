// The basic-algorithm figure's text against its run: the rate field beside the summary at the
// rates the lesson turns on, the sentence for a run whose |x| grows, and the log panel's axis.
import assert from "node:assert/strict";
import test from "node:test";

import { createTangent, logPanel, parabolaSpan, rateText, stepOnce, summary } from "../src/widgets/tangent-state.js";

const said = (state) => summary(state).match(/With η = (\S+),/)[1];

test("the rate field writes a typed rate as the summary does, never as the landmark it is not", () => {
  for (const [lr, landmark] of [[0.99999, "1"], [0.4999, "0.5"], [0.5001, "0.5"]]) {
    const state = createTangent({ start: 2.5, lr, maxIter: 200 });
    assert.notEqual(rateText(lr), landmark);
    assert.equal(rateText(lr), said(state));
  }
  for (const lr of [0.15, 0.5, 1]) assert.equal(rateText(lr), said(createTangent({ start: 2.5, lr, maxIter: 200 })));
});

test("a rate with |1 − 2η| above 1 is said to grow |x|, to the run's last x; η = 1 bounces", () => {
  const growing = createTangent({ start: 2.5, lr: 1.02, maxIter: 200 });
  const end = growing.run.positions.at(-1)[0];
  assert.ok(Math.abs(end) > 2.5);
  assert.match(summary(growing), /\|1 − 2η\| = 1\.04 is above 1, so \|x\| grows by that factor every step, reaching x = (\S+) at step 200\./);
  assert.equal(Number(summary(growing).match(/reaching x = (\S+) at/)[1]), Number(end.toPrecision(4)));
  assert.doesNotMatch(summary(growing), /never shrink/);
  const bouncing = createTangent({ start: 2.5, lr: 1, maxIter: 200 });
  assert.match(summary(bouncing), /\|1 − 2η\| = 1 is not below 1, so the steps never shrink: x bounces between 2\.5 and -2\.5\./);
});

const labelled = (panel) => panel.ticks.filter((t) => !Array.isArray(t));

test("at η = 1/2 the log panel draws x_1 = 0 on a row labelled 0, under two labelled decades", () => {
  const state = createTangent({ start: 2.5, lr: 0.5, maxIter: 200 });
  const panel = logPanel(state);
  assert.notEqual(panel.zero, null);
  assert.deepEqual(panel.ticks[0], [panel.zero, "0"]);
  assert.equal(panel.points[1], panel.zero);
  assert.ok(panel.y[0] < panel.zero && panel.zero < Math.min(...labelled(panel)));
  assert.ok(labelled(panel).length >= 2);
  assert.ok(panel.points[0] === 2.5 && panel.y[1] >= 2.5);
});

test("the log panel has two labelled decades however narrow the run's range, and no 0 row without a 0", () => {
  for (const lr of [1, 0.15, 0.99, 1.1, 0.01]) {
    const panel = logPanel(createTangent({ start: 2.5, lr, maxIter: 200 }));
    assert.equal(panel.zero, null);
    assert.ok(labelled(panel).length >= 2, `η = ${lr}`);
    for (const v of panel.points) assert.ok(v >= panel.y[0] && v <= panel.y[1], `η = ${lr}`);
  }
});

test("the parabola panel widens to keep the current point and the next in sight", () => {
  let state = createTangent({ start: 2.5, lr: 1.1, maxIter: 200 });
  assert.ok(Math.abs(parabolaSpan(state) - 3.6) < 1e-12); // 1.2 times the first step's landing, |x_1| = 3
  for (let i = 0; i < 3; i += 1) state = stepOnce(state);
  const x = state.run.positions.slice(0, 5).map(([v]) => Math.abs(v)); // x_3 = -4.32, x_4 = 5.184
  assert.ok(x[3] < parabolaSpan(state) && x[4] < parabolaSpan(state));
  const calm = createTangent({ start: 2.5, lr: 0.1, maxIter: 200 });
  assert.equal(parabolaSpan(calm), 3); // steps that shrink |x| keep the usual panel
});

test("the log panel leaves room at both ends for the first and the last step's dots", () => {
  for (const lr of [0.15, 0.5, 1.05]) {
    const state = createTangent({ start: 2.5, lr, maxIter: 200 });
    const [x0, x1] = logPanel(state).x;
    const n = Math.max(1, state.run.iterations);
    // A dot of radius 4 px in a panel about 250 px wide spans about 1.6 % of it each way.
    assert.ok(x0 <= -0.02 * n && x1 >= 1.02 * n, `${lr}: [${x0}, ${x1}] for ${n} steps`);
  }
});

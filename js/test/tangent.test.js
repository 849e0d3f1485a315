// The basic-algorithm figure's text against its run: the rate field beside the summary at the
// rates the lesson turns on, and the sentence for a run whose |x| grows.
import assert from "node:assert/strict";
import test from "node:test";

import { createTangent, rateText, summary } from "../src/widgets/tangent-state.js";

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

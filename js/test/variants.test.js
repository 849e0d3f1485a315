// The variant pages' live figure, pure state: batch sizes 1..n, gdlib's orders at seed 0 and
// seeded ones after a reseed, and the sentences built from the run.
import assert from "node:assert/strict";
import test from "node:test";

import { createFit, fitFacts, fitRows, fitSummary, reseed, withBatch } from "../src/widgets/variants-state.js";

const n = 40;
const x = Array.from({ length: n }, (_, i) => 0.5 + (i % 7) * 0.3);
const y = x.map((v, i) => 1.0 - 0.5 * v + ((i * 37) % 11) / 20);
const identity = Array.from({ length: n }, (_, i) => i);
const config = { x, y, lr: 0.05, epochs: 3, batch: 4, orders: [identity, identity, identity], theta0: [-3, 1.5], bounds: [[-4, 1.5], [-2, 2.5]] };

test("the opening run uses the given orders; a reseed draws others", () => {
  const state = createFit(config);
  assert.equal(state.run.thetas.length, 1 + 3 * 10);
  assert.equal(state.seed, 0);
  const again = reseed(state);
  assert.equal(again.seed, 1);
  assert.notDeepEqual(again.run.thetas[1], state.run.thetas[1]);
  assert.match(fitFacts(again).orders, /seed 1/);
});

test("the batch size runs from 1 (stochastic) to n (batch, no shuffling)", () => {
  const one = withBatch(createFit(config), 1);
  assert.equal(fitFacts(one).steps, 3 * n);
  assert.match(fitSummary(fitFacts(one)), /^b = 1 \(stochastic\): 40 steps per epoch/);
  const all = withBatch(createFit(config), n);
  assert.equal(fitFacts(all).steps, 3);
  assert.match(fitSummary(fitFacts(all)), /\(batch\).*no shuffling/);
  assert.equal(fitFacts(all).message, "completed 3 epochs of 1 steps");
});

test("the least-squares floor is below every loss; rows are capped", () => {
  const state = withBatch(createFit(config), 1);
  assert.ok(state.run.losses.every((v) => v >= state.floor - 1e-12));
  const rows = fitRows(state, 50);
  assert.equal(rows.length, 50);
  assert.equal(rows.at(-1)[0], String(3 * n));
});

// The variant pages' live figure, pure state: batch sizes 1..n, gdlib's orders at seed 0 and
// seeded ones after a reseed, and the sentences built from the run.
import assert from "node:assert/strict";
import test from "node:test";

import { formatG } from "../src/pyfmt.js";
import { createFit, fitFacts, fitRows, fitSummary, lastEpochGap, reseed, variantOf, withBatch } from "../src/widgets/variants-state.js";

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
  // The browser's own draws, not gdlib's seed 1 (the pages name gdlib's seed of the opening run).
  assert.match(fitFacts(again).orders, /the browser drew \(reseed 1\)/);
  assert.doesNotMatch(fitFacts(again).orders, /(?<!re)seed \d/);
});

test("the batch size runs from 1 (stochastic) to n (batch, no shuffling)", () => {
  const one = withBatch(createFit(config), 1);
  assert.equal(fitFacts(one).steps, 3 * n);
  assert.match(fitSummary(fitFacts(one)), /^b = 1 \(stochastic\): 40 steps per epoch/);
  const all = withBatch(createFit(config), n);
  assert.equal(fitFacts(all).steps, 3);
  assert.match(fitSummary(fitFacts(all)), /\(batch\).*no shuffling/);
  assert.equal(fitFacts(all).message, "completed 3 epochs of 1 step");
  assert.match(fitSummary(fitFacts(all)), /: 1 step per epoch of 40 examples, 3 steps in 3 epochs, /);
  // One step an epoch: the last epoch's median is the last step, said once.
  assert.match(fitSummary(fitFacts(all)), /\. After them the loss is \S+ above the least-squares minimum\.$/);
});

test("each batch size names its variant, whose colour the figure draws", () => {
  assert.deepEqual([1, 2, n - 1, n].map((b) => variantOf(b, n)), ["stochastic", "mini-batch", "mini-batch", "batch"]);
});

test("the least-squares floor is below every loss; rows are capped", () => {
  const state = withBatch(createFit(config), 1);
  assert.ok(state.run.losses.every((v) => v >= state.floor - 1e-12));
  const rows = fitRows(state, 50);
  assert.equal(rows.length, 51);
  assert.match(rows[49][0], /^… \d+ points left out …$/);
  assert.equal(rows.at(-1)[0], String(3 * n));
});

test("with compare, a yardstick run on the same orders is described against the reader's", () => {
  const state = createFit({ ...config, compare: n });
  assert.equal(state.reference.thetas.length, 1 + 3);
  assert.deepEqual(state.reference.thetas, withBatch(createFit(config), n).run.thetas);
  const facts = fitFacts(state);
  assert.equal(facts.reference.batch, n);
  assert.equal(facts.reference.steps, 3);
  const lastEpoch = state.run.losses.slice(-10).map((v) => v - state.floor).sort((a, b) => a - b);
  const mine = (lastEpoch[4] + lastEpoch[5]) / 2; // ten steps an epoch: the median of an even count
  assert.equal(lastEpochGap(state.run, n, 4, state.floor), mine);
  assert.equal(lastEpochGap(state.reference, n, n, state.floor), state.reference.losses.at(-1) - state.floor);
  assert.equal(facts.reference.ratio, (state.reference.losses.at(-1) - state.floor) / mine);
  assert.ok(facts.reference.ratio > 1, "ten steps an epoch end nearer the minimum than one full step an epoch");
  // The reader's run is described by its last epoch's median, the last step only as an aside.
  assert.equal(facts.tail, formatG(mine, 3));
  assert.equal(facts.above, formatG(state.run.losses.at(-1) - state.floor, 3));
  const lead = `Over the last epoch the loss had a median of ${facts.tail} above the least-squares minimum (the last step alone: ${facts.above}).`;
  assert.ok(fitSummary(facts).includes(lead));
  assert.match(fitSummary(facts), /The dashed full-batch run \(b = 40\) took 3 steps in the same epochs and ended \S+ above the minimum, \S+ times b = 4's median gap\.$/);
  assert.match(fitSummary(fitFacts(withBatch(state, n))), /The dashed run, b = 40, is this run\.$/);
  // A ratio near 1 keeps the digits that tell it from 1 (0.994 once read "1/1 of that").
  const near = { ...facts, reference: { ...facts.reference, ratio: 0.994 } };
  assert.match(fitSummary(near), /, 1\/1\.01 of b = 4's median gap\.$/);
  assert.match(fitSummary({ ...near, reference: { ...near.reference, ratio: 1.004 } }), /, 1\.004 times b = 4's median gap\.$/);
  assert.equal(reseed(state).reference.thetas.length, 4);
  assert.equal(createFit(config).reference, null);
});

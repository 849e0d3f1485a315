// The JS port of gdlib.regression.fit_linear: its docstring examples, the row orders it is given,
// divergence with gdlib's message, and bad arguments named. (Step-for-step agreement with gdlib
// on gdlib's own permutations is tests/test_regression_agreement.py.)
import assert from "node:assert/strict";
import test from "node:test";

import { divergenceMessage, fitLinear, mse, seededOrders } from "../src/regression.js";

const X = [[1.0, 0.0], [1.0, 1.0], [1.0, 2.0]];
const y = [1.0, 3.0, 5.0];

test("batch descent fits gdlib's docstring example", () => {
  const run = fitLinear(X, y, { lr: 0.1, epochs: 500 });
  assert.deepEqual(run.thetas.at(-1).map((v) => Math.round(v * 1e6) / 1e6), [1.0, 2.0]);
  assert.equal(run.status, "completed");
  assert.equal(run.message, "completed 500 epochs of 1 step");
  assert.equal(mse([[1, 0], [0, 1]], [1, 3], [0, 0]), 5.0);
});

test("mini-batches walk the given order; examples seen count the short last batch", () => {
  const orders = [[2, 0, 1], [0, 1, 2]];
  const run = fitLinear(X, y, { lr: 0.05, epochs: 2, batchSize: 2, orders });
  assert.deepEqual(run.examplesSeen, [0, 2, 3, 5, 6]);
  assert.equal(run.epochLosses.length, 3);
  // The first step uses rows 2 and 0 only: gradient (2/2) X_B^T (X_B 0 - y_B).
  const g = [-(5 + 1), -(5 * 2)];
  assert.deepEqual(run.thetas[1], [-0.05 * g[0], -0.05 * g[1]]);
  const other = fitLinear(X, y, { lr: 0.05, epochs: 2, batchSize: 2, orders: [[0, 1, 2], [0, 1, 2]] });
  assert.notDeepEqual(other.thetas[1], run.thetas[1]);
});

test("a run that blows up stops at the last sound theta with gdlib's message", () => {
  const run = fitLinear([[1.0], [1.0], [1.0], [1.0]], [1, 1, 1, 1], { lr: 2.0, epochs: 100 });
  assert.equal(run.status, "diverged");
  assert.match(run.message, /^diverged in epoch \d+ at step 1: parameter norm exceeded 1e\+12; learning rate 2 is above 2\/L = 1 for the full-data loss$/);
  assert.ok(run.thetas.every((t) => Math.abs(t[0]) <= 1e12));
  assert.equal(divergenceMessage([[1.0], [1.0], [1.0], [1.0]], 2.0, 0, 3), "diverged in epoch 1 at step 4: parameter norm exceeded 1e+12; learning rate 2 is above 2/L = 1 for the full-data loss");
});

test("bad arguments are refused by name", () => {
  assert.throws(() => fitLinear(X, y, { lr: 0 }), /Invalid learning rate: 0/);
  assert.throws(() => fitLinear(X, y, { batchSize: 4 }), /batch_size must be an integer in \[1, 3\]/);
  assert.throws(() => fitLinear(X, y, { batchSize: 1, epochs: 2 }), /orders must give a row order/);
});

test("seeded orders are permutations, the same for the same seed", () => {
  const a = seededOrders(50, 3, 7);
  assert.deepEqual(a, seededOrders(50, 3, 7));
  assert.notDeepEqual(a, seededOrders(50, 3, 8));
  for (const order of a) assert.deepEqual([...order].sort((p, q) => p - q), [...Array(50).keys()]);
});

test('record: "epoch" keeps the epoch ends of the same run, as gdlib\'s', () => {
  const orders = [[2, 0, 1], [0, 1, 2], [1, 2, 0]];
  const steps = fitLinear(X, y, { lr: 0.05, epochs: 3, batchSize: 2, orders });
  const ends = fitLinear(X, y, { lr: 0.05, epochs: 3, batchSize: 2, orders, record: "epoch" });
  assert.deepEqual(ends.thetas, [0, 2, 4, 6].map((i) => steps.thetas[i]));
  assert.deepEqual(ends.epochLosses, steps.epochLosses);
  assert.deepEqual(ends.examplesSeen, [0, 3, 6, 9]);
  assert.throws(() => fitLinear(X, y, { record: "batch" }), /Unknown record "batch"/);
});

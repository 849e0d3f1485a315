// The saddle-points page's live figure, pure state: the double well's runs from a start height
// above the stable manifold, the steps spent near the saddle against the linearised count, and
// the sentences built from them.
import assert from "node:assert/strict";
import test from "node:test";

import { doubleWell, escapeCurve, escapeFacts, escapeRows, escapeSetup, escapeStatus, escapeSummary, predictedStay, stayNear } from "../src/widgets/escape-state.js";

const config = { lr: 0.05, x0: 1.5, y0: 1e-6, y0Min: 1e-12, y0Max: 0.1, radius: 0.1, maxIter: 2000, sliderSteps: 220, bounds: [[-2, 2], [-1.5, 1.5]], minima: [[0, 1], [0, -1]] };

test("the double well has its saddle at the origin and minima at (0, +-1)", () => {
  const s = doubleWell(config.bounds, config.minima);
  for (const [x, y] of [[0, 0], [0, 1], [0, -1]]) assert.equal(Math.hypot(...s.grad(x, y)), 0);
  assert.equal(s.f(0, 0), 1);
  assert.equal(s.f(0, -1), 0);
});

test("a start closer to the manifold stays longer near the saddle, about as predicted", () => {
  const setup = escapeSetup(config);
  const near = escapeFacts(setup, 1e-12);
  const far = escapeFacts(setup, 1e-4);
  assert.ok(near.stay > far.stay + 50, `${near.stay} against ${far.stay}`);
  assert.ok(Math.abs(near.stay - near.predicted) < 1.5);
  assert.equal(predictedStay(setup, 0.1), 0);
  assert.match(near.ending, /^converged to the minimum \(0, 1\) after \d+ steps$/);
  assert.match(escapeSummary(far), /^Started 0\.0001 above the stable manifold, the run had \d+ iterates within 0\.1 of the saddle \(the linearised estimate: [\d.]+\) and converged to the minimum \(0, 1\)/);
  assert.equal(escapeFacts(setup, -1e-6).ending.includes("(0, -1)"), true, "below the manifold it falls to the other minimum");
});

test("a run cut short by the cap says where it stood, not that it arrived", () => {
  const setup = escapeSetup({ ...config, maxIter: 40 });
  assert.match(escapeFacts(setup, 1e-6).ending, /^was still sinking at the cap of 40 steps \(value [\d.]+ against 3\.25 at the start\)$/);
});

test("on the manifold the run converges at the saddle", () => {
  const setup = escapeSetup(config);
  const on = escapeFacts(setup, 0);
  assert.equal(on.run.status, "converged");
  assert.ok(on.run.positions.every(([, y]) => y === 0));
  assert.match(on.ending, /^converged at the saddle, not a minimum/);
  assert.match(escapeSummary(on), /^Started exactly on the stable manifold y = 0/);
  assert.equal(escapeStatus(on), `y₀ = 0: ${on.run.message}`);
});

test("the curve spans the slider's range; rows are capped", () => {
  const setup = escapeSetup(config);
  assert.equal(setup.curve.length, 45);
  assert.equal(setup.curve[0].y0, 1e-12);
  assert.ok(Math.abs(setup.curve.at(-1).y0 - 0.1) < 1e-15);
  assert.deepEqual(escapeCurve(setup, 3).map((p) => p.stay), [1e-12, Math.sqrt(1e-13), 0.1].map((y0) => stayNear(escapeFacts(setup, y0).run, 0.1)));
  const run = escapeFacts(setup, 1e-6).run;
  const rows = escapeRows(run, 20);
  assert.equal(rows.length, 21); // the first 19 points, a row for those left out, the last
  assert.equal(rows[0][0], "0");
  assert.deepEqual(rows[19], [`… ${run.positions.length - 20} points left out …`, "", "", "", ""]);
  assert.equal(rows[20][0], String(run.positions.length - 1));
});

test("the summary counts the iterates near the saddle in one word, singular for one", () => {
  const setup = escapeSetup(config);
  // Typed heights at the kink where one, two and no iterates fall inside the circle.
  for (const [y0, words] of [[0.0003585, "1 iterate "], [0.0003564, "2 iterates "], [0.0003764, "0 iterates "]]) {
    const summary = escapeSummary(escapeFacts(setup, y0));
    assert.ok(summary.includes(`the run had ${words}within 0.1 of the saddle`), summary);
    assert.doesNotMatch(summary, /\b1 steps\b|steps within/);
  }
  const on = escapeSummary(escapeFacts(setup, 0));
  assert.match(on, /, with \d+ iterates within 0\.1 of the saddle\.$/);
});

// Unit tests of the explorer's text summary and points table (pure, no DOM): a sentence per run
// saying how it ends, whatever step the animation shows; the table's rows and its caption.
import assert from "node:assert/strict";
import { test } from "node:test";

import { Descent, SURFACES } from "../src/descent.js";
import { fmt } from "../src/fmt.js";
import { surfaceFromExpression } from "../src/expression.js";
import { advanceRuns, curvature, FIRST_ROWS, outcome, pointRows, reached, said, startRuns, summaryLines } from "../src/summary.js";
import { DEFAULTS } from "../src/state.js";

const { step: _, ...BOWL } = DEFAULTS;
const LABELS = { gd: "GD", momentum: "Momentum", adam: "Adam" };

/** Each optimizer of `settings` run to its end at once, as the summary's slices end them. */
function finishedRuns(settings, surface) {
  const runs = startRuns(settings, surface);
  for (const { descent } of runs) descent.run();
  return runs;
}

test("the default run is summed up by how it ends, not by the step on screen", () => {
  const [lead] = finishedRuns(BOWL, SURFACES.bowl);
  assert.equal(lead.descent.status, "converged");
  const [line] = summaryLines([lead], LABELS);
  assert.equal(line, `GD converged in ${lead.descent.iterations} steps to (0.00, 0.00), value 0.00.`);
  assert.ok(lead.descent.iterations > 100);
});

test("a rate above 2/L diverges, and the sentence names the step that blew up, as the readout", () => {
  const [run] = finishedRuns({ ...BOWL, lr: 1.5 }, SURFACES.bowl);
  assert.equal(run.descent.status, "diverged");
  assert.equal(summaryLines([run], LABELS)[0], `GD diverged on step ${run.descent.iterations + 1}.`);
  // Blown up at once: the first step diverges ("after 0 steps" had read as if it never moved).
  const [first] = finishedRuns({ ...BOWL, x: -2, y: -1, optimizers: ["gd"], lr: 0.1 }, SURFACES.rosenbrock);
  assert.equal(first.descent.iterations, 0);
  assert.equal(summaryLines([first], LABELS)[0], "GD diverged on step 1.");
});

test("a run stopped by the step test short of the gradient test stalled: not 'converged'", () => {
  // Adam on Himmelblau from (-1.25, 0) at 0.01: its steps shrink below 1e-10 while the gradient
  // norm is still about 4e-5 (a reviewer found "converged in 558 steps" said of it).
  const [run] = finishedRuns({ ...BOWL, x: -1.25, y: 0, optimizers: ["adam"], lr: 0.01 }, SURFACES.himmelblau);
  assert.equal(run.descent.criterion, "step_tol");
  assert.match(summaryLines([run], LABELS)[0], /^Adam stopped after \d+ steps at \(-2\.81, 3\.13\), value 0\.00, on a step shorter than its tolerance, with the gradient norm still [0-9.e-]+\.$/);
});

test("several optimizers give one line each, in the order they race", () => {
  const settings = { ...BOWL, surface: "rosenbrock", x: -1.5, y: 2, lr: 0.001, maxIter: 50, optimizers: ["gd", "adam"] };
  const lines = summaryLines(finishedRuns(settings, SURFACES.rosenbrock), LABELS);
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^GD did not converge within 50 steps; it stopped at \(-?\d+\.\d\d, -?\d+\.\d\d\), value \d+\.\d\d\.$/);
  assert.match(lines[1], /^Adam /);
});

test("no run: the reason instead of a sentence", () => {
  assert.deepEqual(summaryLines([], LABELS, "f is not defined at the start"), ["No run: f is not defined at the start."]);
});

test("a run still going says where it stands; one step is singular", () => {
  const d = new Descent("bowl", [2, 2], { lr: 0.01 });
  d.run(1);
  assert.equal(outcome("GD", d), `GD is at step 1, (${fmt(d.point[0])}, ${fmt(d.point[1])}), value ${fmt(d.value)}.`);
  const one = new Descent("bowl", [2, 2], { lr: 0.5 });
  one.run();
  assert.equal(outcome("GD", one), "GD converged in 1 step to (0.00, 0.00), value 0.00.");
});

test("a long path's table: the first rows, then the last point, and the caption says so", () => {
  const [{ descent }] = finishedRuns(BOWL, SURFACES.bowl);
  const count = descent.positions.length;
  const { caption, rows } = pointRows("GD", descent);
  assert.equal(rows.length, FIRST_ROWS + 1);
  assert.deepEqual(rows[0], ["0", "2", "2", "8"]);
  assert.deepEqual(rows[1], ["1", "1.96", "1.96", "7.6832"]);
  assert.equal(rows.at(-1)[0], String(count - 1));
  assert.equal(caption, `GD's path: the first ${FIRST_ROWS} of ${count} points and the last.`);
});

test("a short path's table shows every point", () => {
  const d = new Descent("bowl", [2, 2], { lr: 0.5 });
  d.run();
  const { caption, rows } = pointRows("GD", d);
  assert.deepEqual(rows, [["0", "2", "2", "8"], ["1", "0", "0", "0"]]);
  assert.equal(caption, "GD's path: all 2 points.");
});

test("fmt never shows -0.00 and switches to exponents for huge values", () => {
  assert.equal(fmt(-0.001), "0.00");
  assert.equal(fmt(123456), "1.23e+5");
  assert.equal(fmt(Number.NaN), "—");
});

test("the sentences say large numbers in words, where the readout writes exponents", () => {
  const run = { status: "max_iter", iterations: 800, point: [1.5e-6, -76_543.2], value: -5_784_321_000, surface: null };
  assert.equal(outcome("GD", run), "GD did not converge within 800 steps; it stopped at (0.00, -76543.20), value -5.78 billion.");
  assert.equal(fmt(-5_784_321_000), "-5.78e+9"); // the readout keeps the compact form
  assert.deepEqual([123_456, 1_234_567, 99_950_000, 999_999_999, 1.44e12].map(said), ["123 thousand", "1.23 million", "100 million", "1.00 billion", "1.44 trillion"]);
  assert.equal(said(1_245_000), "1.24 million"); // a tie goes to the even digit, as in Python
  assert.equal(said(2e15), "2.00e+15");
});

test("a run that converges at a stationary point other than a minimum says so", () => {
  const saddle = new Descent("saddle", [1.5, 0], { lr: 0.01 });
  saddle.run();
  assert.equal(saddle.status, "converged");
  assert.equal(outcome("GD", saddle), "GD converged in 739 steps to (0.00, 0.00), value 0.00: a stationary point, and this surface has no minimum.");
  // The six-hump camel's origin is a saddle between its minima: a start there has zero gradient.
  const camel = new Descent("camel", [0, 0], { lr: 0.01 });
  camel.run();
  assert.match(outcome("GD", camel), /^GD converged in 0 steps to \(0\.00, 0\.00\), value 0\.00: a stationary point that is none of the surface's minima\.$/);
  const himmelblau = new Descent("himmelblau", [-0.2708, -0.923], { lr: 0.01 });
  himmelblau.run();
  assert.match(outcome("GD", himmelblau), /^GD converged in \d+ steps to \(3\.58, -1\.85\), value 0\.00\.$/);
  // A reader's own function: nothing is known of its minima, so nothing is added.
  assert.equal(reached({ minima: null, bounds: [[-1, 1], [-1, 1]] }, [0, 0]), "");
});

test("a reader's function: a run that stops at a saddle says so, one at a minimum says nothing more", () => {
  const saddle = surfaceFromExpression("x^2 - y^2");
  const run = new Descent(saddle, [2, 0], { lr: 0.01 });
  run.run();
  assert.equal(run.status, "converged");
  assert.equal(outcome("GD", run), `GD converged in ${run.iterations} steps to (0.00, 0.00), value 0.00: a saddle point, where f curves down in one direction.`);
  const bowl = new Descent(surfaceFromExpression("x^2 + 2*y^2"), [2, 2], { lr: 0.1 });
  bowl.run();
  assert.equal(bowl.status, "converged");
  assert.equal(reached(bowl.surface, bowl.point), "");
});

test("curvature reads both Hessian eigenvalues, and says nothing without them", () => {
  const at0 = (text) => curvature(surfaceFromExpression(text), 0, 0);
  assert.equal(at0("x*y"), "saddle"); // eigenvalues -1 and 1
  assert.equal(at0("-(x^2 + y^2)"), "maximum"); // -2 and -2
  assert.equal(at0("cos(x)*cos(y)"), "maximum");
  assert.equal(at0("x^2 + x*y + y^2"), null); // 1 and 3
  assert.equal(at0("x^4 + y^4"), null); // flat: not down
  assert.equal(curvature({ hessian: () => [[Number.NaN, 0], [0, -2]] }, 0, 0), "down");
  assert.equal(curvature({ hessian: () => [[Number.NaN, 0], [0, 2]] }, 0, 0), null);
  assert.equal(curvature({ hessian: () => null }, 0, 0), null);
  assert.equal(curvature(SURFACES.bowl, 0, 0), null);
});

test("a reader's function that starts at its peak: the sentence says it is a maximum", () => {
  const peak = new Descent(surfaceFromExpression("-(x^2 + y^2)"), [0, 0], { lr: 0.01 });
  peak.run();
  assert.equal(outcome("GD", peak), "GD converged in 0 steps to (0.00, 0.00), value 0.00: a local maximum, where f curves down in every direction.");
});

test("runs advanced a slice at a time end where runs run at once end, and a slice stops on time", () => {
  const settings = { ...BOWL, surface: "rosenbrock", x: -1.5, y: 2, lr: 0.001, maxIter: 5000, optimizers: ["gd", "momentum", "adam"] };
  const whole = finishedRuns(settings, SURFACES.rosenbrock);
  const sliced = startRuns(settings, SURFACES.rosenbrock);
  let clock = 0;
  const now = () => clock++; // each look at the clock is one tick: a slice of 10 ticks
  let slices = 0;
  while (!advanceRuns(sliced, clock + 10, now, 50)) slices += 1;
  assert.ok(slices > 10, `only ${slices} slices`);
  assert.deepEqual(summaryLines(sliced, LABELS), summaryLines(whole, LABELS));
  assert.deepEqual(sliced.map((r) => r.descent.positions.at(-1)), whole.map((r) => r.descent.positions.at(-1)));
  // A slice whose time has run out takes no step.
  const fresh = startRuns(settings, SURFACES.rosenbrock);
  assert.equal(advanceRuns(fresh, 0, () => 1), false);
  assert.equal(fresh[0].descent.iterations, 0);
});

test("a reason that ends in a full stop gets no second one", () => {
  assert.deepEqual(summaryLines([], LABELS, "f is not finite at the start."), ["No run: f is not finite at the start."]);
  assert.deepEqual(summaryLines([], LABELS, "no start"), ["No run: no start."]);
});

test("the readout keeps three figures where two decimals would read 0.00, and writes the rest as fmt", async () => {
  const { fine } = await import("../src/fmt.js");
  assert.equal(fine(1.2345e-7), "1.23e-7");
  assert.equal(fine(-0.004), "-4.00e-3");
  assert.equal(fine(0), "0.00");
  assert.equal(fine(0.005), "0.01");
  assert.equal(fine(8), "8.00");
  assert.equal(fine(2.5e6), fmt(2.5e6));
  assert.equal(fine(NaN), "—");
});

test("a run that ends outside the drawn domain says so, as the view pins its point to the edge", () => {
  // 1/x from x = 0.01 at rate 0.5: one step of 0.5 * 10,000 lands at x = 5000.01, where the
  // gradient, -1/x^2, passes the test; the domain is [-3, 3] in both.
  const run = new Descent(surfaceFromExpression("1/x", [[-3, 3], [-3, 3]]), [0.01, 0], { lr: 0.5 });
  run.run();
  assert.equal(run.status, "converged");
  assert.equal(outcome("GD", run), "GD converged in 1 step to (5000.01, 0.00), outside the drawn domain, value 0.00.");
});

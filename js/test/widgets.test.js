// The live figures' pure logic: scales and ticks, checking typed numbers, the basic-algorithm
// figure's steps and the learning-rate figure's runs, sweep and sentences.
import assert from "node:assert/strict";
import test from "node:test";

import { checkNumber, parseNumber } from "../src/widgets/check.js";
import { equalAspect, labelCentre, panels, spacedLabels } from "../src/widgets/plot.js";
import { along, emptiestCorner, keyBox, keyFits, stripHeight, stripRows } from "../src/widgets/legend.js";
import { linearScale, logScale, logSlider, logTicks, niceTicks } from "../src/widgets/scale.js";
import { createTangent, reset, rows, stepFacts, stepOnce, sub, summary, withRate } from "../src/widgets/tangent-state.js";
import { floorCrossings } from "../src/widgets/crossings.js";
import { numberRuns } from "../src/widgets/unbroken.js";
import { descend } from "../src/descent.js";
import { CHART_TOP, DIVERGED_ROW, WINDOW, plottedSteps, quadratic, rateFacts, rateRows, rateSetup, rateSummary, runAt, sweep, withKappa } from "../src/widgets/rate-state.js";

test("scales map both ways, log scales refuse non-positive bounds", () => {
  const s = linearScale([0, 10], [100, 200]);
  assert.equal(s(5), 150);
  assert.equal(s.invert(120), 2);
  const l = logScale([0.01, 100], [0, 400]);
  assert.ok(Math.abs(l(1) - 200) < 1e-9);
  assert.ok(Math.abs(l.invert(300) - 10) < 1e-9);
  assert.throws(() => logScale([0, 1], [0, 1]), /positive bounds/);
});

test("ticks are round and inside the range", () => {
  assert.deepEqual(niceTicks(-3, 3, 4), [-2, 0, 2]);
  assert.deepEqual(niceTicks(0, 200, 4), [0, 50, 100, 150, 200]);
  assert.deepEqual(logTicks(0.001, 0.2), [0.001, 0.01, 0.1]);
});

test("the log slider ends at its bounds and shows the value that runs", () => {
  const s = logSlider(0.001, 0.2, 240);
  assert.equal(s.value(0), 0.001);
  assert.equal(s.value(240), 0.2);
  assert.equal(s.value(-5), 0.001);
  const mid = s.value(120);
  assert.equal(mid, Number(mid.toPrecision(3)));
  assert.equal(s.position(s.value(77)), 77);
});

test("typed numbers are refused with the field's name, or clamped with a note", () => {
  assert.equal(parseNumber("1e999"), null);
  assert.deepEqual(checkNumber("0.05", { label: "Rate", min: 0.01, max: 1 }), { value: 0.05 });
  assert.match(checkNumber("abc", { label: "Rate", min: 0.01, max: 1 }).error, /^Rate must be a number; got "abc"/);
  assert.match(checkNumber("-1", { label: "Rate", min: 0.01, max: 1, positive: true }).error, /above 0/);
  const clamped = checkNumber("5", { label: "Rate", min: 0.01, max: 1 });
  assert.equal(clamped.value, 1);
  assert.match(clamped.note, /outside \[0.01, 1\]; using 1/);
});

test("the basic-algorithm figure replays gdlib's run: x_{k+1} = (1 - 2 lr) x_k", () => {
  let state = createTangent({ start: 2.5, lr: 0.15, maxIter: 200 });
  assert.equal(state.run.status, "converged");
  let facts = stepFacts(state);
  assert.equal(facts.x, "2.5");
  assert.equal(facts.slope, "5");
  assert.equal(facts.update, "x₁ = x₀ − η·f′(x₀) = 2.5 − 0.15 × 5 = 1.75");
  state = stepOnce(state);
  facts = stepFacts(state);
  assert.equal(facts.k, 1);
  assert.equal(facts.x, "1.75");
  assert.equal(rows(state).length, 2);
  assert.deepEqual(rows(state)[1], ["1", "1.75", "3.062", "3.5"]);
  assert.equal(reset(state).k, 0);
  assert.equal(sub(0) + sub(12) + sub(409), "₀₁₂₄₀₉");
  assert.match(summary(state), /multiplies x by 1 − 2η = 0.7/);
  assert.match(summary(state), /converged: gradient norm/);
});

test("the basic-algorithm figure stops at the run's end and tells a bouncing or growing run", () => {
  let state = createTangent({ start: 2.5, lr: 1.0, maxIter: 4 });
  for (let i = 0; i < 10; i += 1) state = stepOnce(state);
  assert.equal(state.k, 4);
  assert.equal(stepFacts(state).next, null);
  assert.match(stepFacts(state).update, /The run has ended: stopped: reached max_iter = 4/);
  assert.match(summary(state), /not below 1, so the steps never shrink/);
  const jumping = withRate(state, 0.8);
  assert.equal(jumping.k, 0);
  assert.match(summary(jumping), /jumps across the minimum/);
  assert.match(stepFacts(jumping).update, /= 2.5 − 0.8 × 5 = -1.5$/);
});

test("a typed rate beside 1/2 or 1 keeps the digits that tell the lesson apart", () => {
  const near = createTangent({ start: 2.5, lr: 0.99999, maxIter: 4 });
  assert.match(summary(near), /With η = 0\.99999, 1 − 2η = -0\.99998 is negative, so x jumps/);
  assert.match(stepFacts(near).update, /= 2\.5 − 0\.99999 × 5 = /);
  assert.equal(stepFacts(near).factor, "-0.99998");
  const half = createTangent({ start: 2.5, lr: 0.50001, maxIter: 4 });
  assert.match(summary(half), /With η = 0\.50001, 1 − 2η = -2e-05 is negative/);
  assert.match(summary(createTangent({ start: 2.5, lr: 1, maxIter: 4 })), /With η = 1, \|1 − 2η\| = 1 is not below 1/);
});

test("at lr = 0.5 the basic-algorithm figure lands on the minimum in one step, and says so", () => {
  const state = createTangent({ start: 2.5, lr: 0.5, maxIter: 200 });
  assert.equal(state.run.iterations, 1);
  assert.equal(state.run.positions[1][0], 0);
  assert.match(summary(state), /1 − 2η = 0, so the first step lands exactly on the minimum\. gdlib's loop ends after 1 step: /);
});

test("the learning-rate figure: regimes, status and sentences from gdlib's run", () => {
  const setup = rateSetup({ surface: "valley", lrMin: 0.001, lrMax: 0.2, maxIter: 200, lr: 0.0909 });
  assert.deepEqual(setup.start, [-2.5, 1]);
  const best = rateFacts(setup, 0.0909);
  assert.equal(best.status, "converged");
  assert.equal(best.regime, "between 1/L and 2/L");
  assert.ok(best.crossings >= 30);
  assert.match(rateSummary(best), /crossed the valley floor \d+ times .* converged in \d+ steps/);
  const slow = rateFacts(setup, 0.005);
  assert.equal(slow.status, "max_iter");
  assert.match(rateSummary(slow), /never crossed .* was still sinking at the cap of 200 steps \(value 0\.112 against 16\.2 at the start\)/);
  const wild = rateFacts(setup, 0.11);
  assert.equal(wild.status, "diverged");
  assert.equal(wild.regime, "above 2/L");
  assert.match(wild.message, /^diverged/);
  assert.equal(rateFacts(setup, 0.1).regime, "exactly 2/L");
  const rows = rateRows(runAt(setup, 0.005), 10);
  assert.deepEqual([rows.length, rows[8][0], rows[9][0]], [11, "8", `… ${runAt(setup, 0.005).positions.length - 10} points left out …`]);
  assert.equal(floorCrossings(runAt(setup, 0.05), WINDOW), 0);
  assert.equal(rateFacts(setup, 0.05).regime, "exactly 1/L");
});

test("the learning-rate figure draws diverged runs above the cap, never among the converged", () => {
  const setup = rateSetup({ surface: "valley", lrMin: 0.001, lrMax: 0.2, maxIter: 200, lr: 0.0909 });
  const curve = sweep(setup);
  const fewest = Math.min(...curve.filter((p) => p.status === "converged").map((p) => p.steps));
  const diverged = curve.filter((p) => p.status === "diverged");
  assert.ok(diverged.length > 0 && diverged.some((p) => p.steps < fewest), "some blow up sooner than the best converges");
  for (const p of diverged) assert.equal(plottedSteps(p, setup.maxIter), DIVERGED_ROW * setup.maxIter);
  for (const p of curve.filter((q) => q.status !== "diverged")) assert.equal(plottedSteps(p, setup.maxIter), p.steps);
  assert.ok(1 < DIVERGED_ROW && DIVERGED_ROW < CHART_TOP);
});

test("the learning-rate figure counts crossings over the first 40 steps, or all of a shorter run", () => {
  const setup = rateSetup({ surface: "valley", lrMin: 0.001, lrMax: 0.2, maxIter: 1000, lr: 0.0909 });
  const zigzag = runAt(setup, 0.0909);
  // At this rate y is multiplied by 1 - 20 lr < 0 each step: it changes sign on every step.
  const ys = zigzag.positions.slice(0, 41).map((p) => p[1]);
  assert.ok(ys.every((y, i) => i === 0 || y * ys[i - 1] < 0));
  assert.equal(floorCrossings(zigzag, WINDOW), 40);
  // Each swing keeps |1 - 20 lr| of the last: 0.818 here; at 0.0509 only 0.018, a zig-zag too
  // small to see after two steps, and the sentence says how small.
  assert.match(rateSummary(rateFacts(setup, 0.0909)), /crossed the valley floor 40 times in its first 40 steps \(a zig-zag: each swing about 0\.818 times the one before\)/);
  const dying = rateSummary(rateFacts(setup, 0.0509));
  assert.match(dying, /crossed the valley floor 40 times in its first 40 steps, each swing about 0\.018 times the one before, so the zig-zag dies out within the first few steps/);
  assert.doesNotMatch(dying, /a zig-zag:/);
  assert.match(rateSummary(rateFacts(setup, 0.1)), /\(a zig-zag: swings of about the same size\)/);
  assert.match(rateSummary(rateFacts(setup, 0.105)), /The path's swing across the valley grows each step and gdlib stops it as diverged on step/);
  const short = rateSetup({ kappas: [1, 2], kappa: 2, bounds: [[-2, 2], [-2, 2]], start: [1, 1], lrMin: 0.001, lrMax: 1.2, maxIter: 1000 });
  const facts = rateFacts(short, 2 / 3);
  assert.ok(facts.steps < 40);
  assert.match(rateSummary(facts), new RegExp(`crossed the valley floor ${facts.crossings} times in its ${facts.steps} steps`));
});

test("on the round bowl the learning-rate figure speaks of the minimum, not a valley", () => {
  const bowl = rateSetup({ kappas: [1, 2], kappa: 1, bounds: [[-2, 2], [-2, 2]], start: [1, 1], lrMin: 0.001, lrMax: 1.2, maxIter: 1000 });
  const one = rateSummary(rateFacts(bowl, 1));
  assert.match(one, /converged in 1 step\./);
  assert.match(one, /\(κ\u00a0−\u00a01\)\/\(κ\u00a0\+\u00a01\) = 0: one step reaches the minimum; this rate is within 1 % of it\.$/);
  assert.equal(rateFacts(bowl, 1).regime, "exactly 1/L");
  const bouncing = rateSummary(rateFacts(bowl, 1.5));
  assert.match(bouncing, /jumped across the minimum \d+ times/);
  assert.doesNotMatch(bouncing, /valley|zig-zag/);
  const away = rateSummary(rateFacts(bowl, 2.06));
  assert.equal(rateFacts(bowl, 2.06).status, "diverged");
  // Named by the step that blew up, as the explorer names it: one past the sound steps.
  assert.ok(away.includes(`gdlib stops it as diverged on step ${rateFacts(bowl, 2.06).steps + 1}.`));
  assert.doesNotMatch(away, /valley/);
  // 1.01 is 1 % above the best rate 1, whatever the rounding of 1.01 - 1.
  assert.match(rateSummary(rateFacts(bowl, 1.01)), /this rate is within 1 % of it\.$/);
  assert.match(rateSummary(rateFacts(bowl, 1.0101)), /η = 1\.0101 is not within 1 % of it\.$/);
  // At kappa = 100, 2/L = 0.02 is 1 % above the best rate 2/101, but its run never converges.
  const stiff = rateSetup({ kappas: [100], kappa: 100, bounds: [[-2, 2], [-2, 2]], start: [1, 1], lrMin: 0.001, lrMax: 1.2, maxIter: 1000 });
  assert.notEqual(rateFacts(stiff, 0.02).status, "converged");
  assert.match(rateSummary(rateFacts(stiff, 0.02)), /η = 0\.02 is 2\/L, where descent stops converging, though within 1 % of it\.$/);
  assert.match(rateSummary(rateFacts(stiff, 0.0201)), /η = 0\.0201 is not within 1 % of it\.$/);
});

test("a typed rate beside 1/L or 2/L prints with the digits that tell them apart", () => {
  const setup = rateSetup({ surface: "valley", lrMin: 0.001, lrMax: 0.2, maxIter: 200, lr: 0.0909 });
  assert.match(rateSummary(rateFacts(setup, 0.1001)), /^η = 0\.1001 is above 2\/L \(1\/L = 0\.05, 2\/L = 0\.1\)\./);
  assert.match(rateSummary(rateFacts(setup, 0.04999)), /^η = 0\.04999 is below 1\/L/);
  assert.match(rateSummary(rateFacts(setup, 0.1)), /^η = 0\.1 is exactly 2\/L/);
  assert.match(rateSummary(rateFacts(setup, 0.0123456)), /^η = 0\.0123 is below 1\/L/);
  // And the bound beside a typed rate that prints like it: kappa = 3 has 2/L = 0.6666...
  const three = rateSetup({ kappas: [3], kappa: 3, bounds: [[-2, 2], [-2, 2]], start: [1, 1], lrMin: 0.001, lrMax: 1.2, maxIter: 1000 });
  assert.match(rateSummary(rateFacts(three, 0.6667)), /^η = 0\.6667 is above 2\/L \(1\/L = 0\.333, 2\/L = 0\.66667\)\./);
});

test("the sweep converges below 2/L only", () => {
  const setup = rateSetup({ surface: "valley", lrMin: 0.001, lrMax: 0.2, maxIter: 200, lr: 0.0909 });
  const points = sweep(setup);
  assert.equal(points.length, 60);
  assert.ok(points.filter((p) => p.lr >= 0.1).every((p) => p.status !== "converged"));
  assert.ok(points.some((p) => p.status === "converged"));
});

test("whole numbers: a fraction is rounded with a note", () => {
  assert.deepEqual(checkNumber("3", { label: "Batch size b", min: 1, max: 200, integer: true }), { value: 3 });
  const rounded = checkNumber("2.6", { label: "Batch size b", min: 1, max: 200, integer: true });
  assert.equal(rounded.value, 3);
  assert.match(rounded.note, /whole number; using 3/);
  assert.equal(checkNumber("999.4", { label: "Batch size b", min: 1, max: 200, integer: true }).value, 200);
});

test("the gradient figure's forward difference is real float64: truncation, then rounding", async () => {
  const { clampPoint, forwardError, gradientFacts, gradientRows, gradientSetup, gradientStatus, gradientSummary } = await import("../src/widgets/gradient-state.js");
  const setup = gradientSetup({ surface: "himmelblau", point: [1, 1], h: 1e-4, hMin: 1e-13, hMax: 0.1 });
  const facts = gradientFacts(setup, [1, 1], 1e-4);
  assert.deepEqual(facts.exact, [-46, -38]);
  // Truncation: the error shrinks about tenfold with h at large h.
  const big = forwardError(setup.surface, [1, 1], 1e-2);
  const mid = forwardError(setup.surface, [1, 1], 1e-3);
  assert.ok(big / mid > 5 && big / mid < 20);
  // Rounding: at the tiniest h the error is far above the best one.
  assert.ok(facts.tiniest.error > 1000 * facts.best.error);
  assert.ok(facts.best.h > 1e-10 && facts.best.h < 1e-5);
  assert.equal(gradientFacts(setup, [1, 1], 1e-12).dominant, "rounding");
  assert.equal(gradientFacts(setup, [1, 1], 1e-2).dominant, "truncation");
  // The page's model: f = 106, ∇f = (-46, -38) and M₂ = |∂xx f| = 26 at (1, 1), so with the
  // rounded step's share h* = 2√((106 + 46/4)ε/26) ≈ 6.34e-8, near the measured best h, and
  // there neither term is twice the other.
  assert.ok(Math.abs(facts.crossover / (2 * Math.sqrt((117.5 * Number.EPSILON) / 26)) - 1) < 1e-6);
  assert.ok(facts.best.h > facts.crossover / 3 && facts.best.h < 3 * facts.crossover);
  const shown = gradientFacts(setup, [1, 1], 6e-8);
  assert.equal(shown.dominant, null);
  assert.match(gradientSummary(shown), /they meet at h ≈ 6\.34e-08: neither is twice the other\.$/);
  assert.match(gradientStatus(facts), /^At \(1, 1\): ∇f = \(-46, -38\); forward difference with h = 0.0001/);
  assert.match(gradientSummary(facts), /truncation dominates/);
  assert.equal(gradientRows(facts).length, facts.curve.length);
  // The best of the plotted steps is no claim about the reader's h between them, which can be
  // luckier: 2.24e-8 gets 2.79e-8, 31 times below the best plotted error.
  const lucky = gradientFacts(setup, [1, 1], 2.24e-8);
  assert.ok(lucky.error < lucky.best.error / 10);
  assert.match(gradientSummary(lucky), new RegExp(`Of the ${facts.curve.length} plotted steps h from .*; the chosen h, between them, gets 2\\.79e-08\\.`));
  assert.doesNotMatch(gradientSummary(facts), /the chosen h/);
  assert.deepEqual(clampPoint(setup, [9, -9]), [5, -5]);
});

test("the criteria figure marks where each test alone stops, and the first one stops the run", async () => {
  const { criteriaFacts, criteriaRows, criteriaSetup, criteriaStatus, criteriaSummary, markIndex } = await import("../src/widgets/criteria-state.js");
  const setup = criteriaSetup({ surface: "valley", start: [-2.5, 1], lr: 0.02, maxIter: 1000, gradTol: 1e-6, stepTol: 1e-5, valueTol: 1e-8, tolMin: 1e-12, tolMax: 1 });
  assert.equal(setup.trace.status, "max_iter");
  const facts = criteriaFacts(setup, setup.tolerances);
  const stops = Object.values(facts.alone).map((run) => run.iterations);
  assert.equal(facts.run.iterations, Math.min(...stops));
  assert.ok(setup.quantities.gradTol[markIndex(facts, "gradTol")] <= 1e-6);
  assert.ok(setup.quantities.gradTol[markIndex(facts, "gradTol") - 1] > 1e-6);
  assert.ok(setup.quantities.stepTol[markIndex(facts, "stepTol")] <= 1e-5);
  assert.match(criteriaStatus(facts), /^gdlib stops at step \d+: converged: /);
  assert.match(criteriaSummary(facts), /fires first/);
  assert.equal(criteriaRows(setup, facts).length, facts.run.iterations + 1);
  // Stricter tolerances stop later; with a short cap, no test fires and the cap ends the run.
  const strict = criteriaFacts(setup, { gradTol: 1e-12, stepTol: 1e-12, valueTol: 1e-12 });
  assert.ok(markIndex(strict, "gradTol") > markIndex(facts, "gradTol"));
  const short = criteriaSetup({ ...setup.base, surface: "valley", maxIter: 100, ...setup.tolerances, tolMin: 1e-12, tolMax: 1 });
  const capped = criteriaFacts(short, short.tolerances);
  assert.equal(markIndex(capped, "gradTol"), null);
  assert.match(criteriaSummary(capped), /never \(it runs to max_iter = 100\).*cap of 100 steps/);
});

test("the criteria figure's row, series and dot at the stopping step hold the number gdlib tested there", async () => {
  const { criteriaFacts, criteriaRows, criteriaSetup, criteriaStatus, markIndex } = await import("../src/widgets/criteria-state.js");
  const { formatG } = await import("../src/pyfmt.js");
  const setup = criteriaSetup({ surface: "valley", start: [-2.5, 1], lr: 0.02, maxIter: 1000, gradTol: 1e-6, stepTol: 1e-5, valueTol: 1e-8, tolMin: 1e-12, tolMax: 1 });
  const cases = [
    [setup.tolerances, "valueTol", 3, /value change (\S+) <= /],
    [{ gradTol: 1e-6, stepTol: 1e-5, valueTol: 1e-12 }, "stepTol", 2, /step norm (\S+) <= /],
    [{ gradTol: 1e-3, stepTol: 1e-12, valueTol: 1e-12 }, "gradTol", 1, /gradient norm (\S+) <= /],
  ];
  for (const [tolerances, key, column, quoted] of cases) {
    const facts = criteriaFacts(setup, tolerances);
    const k = facts.run.iterations;
    const rows = criteriaRows(setup, facts);
    assert.equal(rows.at(-1)[0], String(k));
    const said = criteriaStatus(facts).match(quoted)[1];
    // The status rounds to 2 digits, the table to 3: they agree within the status's rounding.
    assert.ok(Math.abs(Number(rows.at(-1)[column]) / Number(said) - 1) < 0.01, key);
    assert.equal(rows.at(-1)[column], formatG(setup.quantities[key][k], 3), key);
    assert.equal(formatG(setup.quantities[key][k], 2), said, key);
    assert.equal(markIndex(facts, key), k, key);
    // The step before did not pass the test, else gdlib would have stopped there.
    assert.ok(setup.quantities[key][k - 1] > tolerances[key], key);
  }
  const first = criteriaRows(setup, criteriaFacts(setup, setup.tolerances))[0];
  assert.deepEqual([first[2], first[3]], ["", ""]);
});

test("the race figure runs the chosen optimizer against plain descent's race run", async () => {
  const { WINDOW: RACE_WINDOW, raceFacts, raceRows, raceSetting, raceSetup, raceStatus, raceSummary } = await import("../src/widgets/race-state.js");
  const races = { valley: { gd: [2 / 22, {}], momentum: [0.1, { momentum: 0.3 }], adam: [0.1, {}] } };
  const setup = raceSetup({ races, maxIter: 4000 });
  assert.deepEqual(raceSetting(setup, "valley", "momentum"), { lr: 0.1, momentum: 0.3 });
  assert.equal(raceSetting(setup, "valley", "adam").momentum, null);
  const facts = raceFacts(setup, { surface: "valley", optimizer: "momentum", lr: 0.1, momentum: 0.3 });
  assert.equal(facts.gd.status, "converged");
  assert.equal(facts.gdFlips, 20); // plain descent at 2/(2 + 20) zig-zags on every step
  assert.ok(facts.run.iterations < facts.gd.iterations);
  assert.match(raceStatus(facts), /^Momentum \(η = 0.1, μ = 0.3\): converged: gradient norm/);
  assert.match(raceSummary(facts), /beats plain descent by \d+ steps/);
  // Momentum 0 is plain descent: the same path.
  const plain = raceFacts(setup, { surface: "valley", optimizer: "momentum", lr: 2 / 22, momentum: 0 });
  assert.deepEqual(plain.run.positions, plain.gd.positions);
  assert.match(raceSummary(plain), /They tie/);
  const far = raceFacts(setup, { surface: "valley", optimizer: "momentum", lr: 0.5, momentum: 0.3 });
  assert.match(raceSummary(far), new RegExp(`diverged on step ${far.run.iterations + 1}, crossing the valley floor y = 0 on \\d+ of its ${far.run.iterations} steps;`));
  assert.ok(far.run.iterations < 20, "the crossings are counted over the run's steps, not 20");
  assert.match(raceSummary(far), / Only plain descent arrived\.$/);
  // Plain descent at exactly 2/L bounces to the cap; the chosen run arrives: the summary says so.
  const bouncing = raceSetup({ races: { valley: { gd: [0.1, {}] } }, maxIter: 4000 });
  const alone = raceFacts(bouncing, { surface: "valley", optimizer: "momentum", lr: 0.05, momentum: 0.3 });
  assert.equal(alone.gd.status, "max_iter");
  assert.match(raceSummary(alone), / Only this run arrived\.$/);
  assert.equal(floorCrossings({ positions: [[0, 1], [0, -1], [0, 1]] }, RACE_WINDOW), 2);
  assert.equal(raceRows(facts.run).at(-1)[0], String(facts.run.iterations));
});

test("the race summary tells a capped run's sinking, swinging and slow divergence apart, and a stall from arrival", async () => {
  const { raceFacts, raceSetup, raceSummary } = await import("../src/widgets/race-state.js");
  const setup = raceSetup({ races: { valley: { gd: [2 / 22, {}] } }, maxIter: 4000 });
  const summary = (optimizer, lr, momentum = null) => raceSummary(raceFacts(setup, { surface: "valley", optimizer, lr, momentum }));
  // 2/L = 0.1 on the valley: just below sinks slowly, just above grows too slowly to trip gdlib's limits.
  assert.match(summary("gd", 0.0999), /GD \(η = 0\.0999\) was still sinking at the cap of 4000 steps \(value 1\.11e-06 against 16\.2 at the start\)/);
  assert.match(summary("gd", 0.1001), /GD \(η = 0\.1001\) had not settled at the cap of 4000 steps: its swings were still growing/);
  // At 2/L itself, and at heavy ball's edge 2(1 + μ)/L, the steep direction bounces for ever.
  assert.match(summary("gd", 0.1), /GD \(η = 0\.1\) had not settled .*: it kept swinging, its lows no longer falling \(value 10 against/);
  assert.match(summary("momentum", 0.199, 0.99), /it kept swinging, its lows no longer falling \(value 3\.96e\+05 against 16\.2/);
  // Nesterov's momentum turning round makes one step shorter than step_tol, far from the minimum.
  const stall = summary("nesterov", 0.00496, 0.98);
  assert.match(stall, /stopped after 727 steps on a step shorter than its tolerance, with the gradient norm still 8\.58e-05/);
  assert.doesNotMatch(stall, /faster|beats|tie/);
  // Nesterov's edge at μ = 0.5 is 2(1 + μ)/((1 + 2μ)L) = 0.075: either side prints apart.
  assert.match(summary("nesterov", 0.075, 0.5), /Nesterov \(η = 0\.075, μ = 0\.5\) had not settled .*kept swinging/);
  assert.match(summary("nesterov", 0.07501, 0.5), /Nesterov \(η = 0\.07501, μ = 0\.5\) had not settled .*swings were still growing/);
});

test("the shared verdicts: a cap too short to judge, and a descent without a hint name", async () => {
  const { cappedVerdict, ending } = await import("../src/widgets/verdicts.js");
  const short = descend("valley", [2, 2], { lr: 0.01, maxIter: 2 });
  assert.equal(cappedVerdict(short), "was still running at the cap of 2 steps");
  assert.equal(ending(descend("bowl", [2, 2], { lr: 0.5 })), "converged in 1 step");
  assert.equal(descend("bowl", [2, 2], { lr: 0.1, hyper: null }).status, "converged");
  // 0.5 (x^2 + 100 y^2) at exactly 2/L from (1, 1): y bounces between +1 and -1 for ever while
  // x shrinks by 0.98 a step, so f falls from 50.5 to 50 and then only in its last digits.
  const values = Array.from({ length: 1001 }, (_, k) => 0.5 * 0.98 ** (2 * k) + 50);
  assert.match(cappedVerdict({ values, iterations: 1000 }), /^had not settled at the cap of 1,?000 steps: it kept swinging, its lows no longer falling/);
  const slow = Array.from({ length: 1001 }, (_, k) => 0.9999 ** k);
  assert.match(cappedVerdict({ values: slow, iterations: 1000 }), /^was still sinking at the cap/);
});

test("the gradient figure names the larger error term from the page's model, not a lucky dip", async () => {
  const { forwardError, gradientFacts, gradientSetup, gradientSummary } = await import("../src/widgets/gradient-state.js");
  const setup = gradientSetup({ surface: "himmelblau", point: [1, 1], h: 1e-4, hMin: 1e-13, hMax: 0.1 });
  // Far below the best h the error is rounding noise, and a tenfold smaller h can happen to land
  // lower: at (-4.8, -3.7) the error at h = 1e-14 is below the one at 1e-13.
  const noisy = gradientFacts(setup, [-4.8, -3.7], 1e-13);
  assert.ok(noisy.h < noisy.best.h);
  assert.match(gradientSummary(noisy), /rounding 1\.16 at h = 1e-13; .*: rounding dominates\.$/);
  // At (-4.9, -4.9) rounding errors happen to cancel at the curve's h = 3.98e-8 (tenfold below
  // the error at 4e-8): h = 3.5e-8 lies below that measured best, yet the model's terms are
  // within a factor 2 there (they meet at 4.21e-8), and the measured error is the model's size,
  // not rounding noise grown large.
  const dip = gradientFacts(setup, [-4.9, -4.9], 3.5e-8);
  assert.ok(dip.h < dip.best.h && dip.best.error < forwardError(setup.surface, [-4.9, -4.9], 4e-8) / 5);
  assert.equal(dip.dominant, null);
  assert.equal(gradientFacts(setup, [-4.9, -4.9], 1e-8).dominant, "rounding");
  // At the minimum (3, 2) of Himmelblau's function: no "grows" when the tiniest h is the best.
  const minimum = gradientFacts(setup, [3, 2], 1e-4);
  assert.deepEqual(minimum.exact, [0, 0]);
  const said = gradientSummary(minimum);
  assert.match(said, /^At \(3, 2\), the gradient is zero here, a stationary point, yet the forward difference with h = 0\.0001 gives \([^)]+\), all of it error\. /);
  assert.ok(Math.hypot(...minimum.estimate) > 0, "the estimate's arrow is drawn: it is not zero");
  assert.equal(minimum.best, minimum.tiniest);
  assert.doesNotMatch(said, /grows|meet/);
  assert.match(said, /rounding 0 at h = 0\.0001: truncation dominates\.$/);
  // Near that minimum f is almost 0 but its slope times θ is not: the rounded step sets the best
  // h, which f's values alone put 20 times too low (they would have said truncation dominates).
  const near = gradientFacts(setup, [3.001, 2.001], 1e-10);
  assert.equal(near.dominant, "rounding");
  assert.ok(near.crossover > near.best.h / 2 && near.crossover < 2 * near.best.h);
  assert.match(gradientSummary(gradientFacts(setup, [1, 1], 1e-2)), /truncation 0\.13 and rounding 5\.22e-12 at h = 0\.01; .*: truncation dominates\.$/);
});

test("the criteria figure names every test that fires at the stopping step", async () => {
  const { criteriaFacts, criteriaSetup, criteriaSummary } = await import("../src/widgets/criteria-state.js");
  const setup = criteriaSetup({ surface: "valley", start: [-2.5, 1], lr: 0.02, maxIter: 1000, gradTol: 1e-6, stepTol: 1e-5, valueTol: 1e-8, tolMin: 1e-12, tolMax: 1 });
  const tied = criteriaFacts(setup, { gradTol: 7.08e-6, stepTol: 1e-12, valueTol: 1.12e-12 });
  assert.equal(tied.alone.gradTol.iterations, tied.alone.valueTol.iterations);
  assert.equal(tied.run.iterations, tied.alone.valueTol.iterations);
  assert.match(criteriaSummary(tied), /The gradient-norm and value tests fire together at step \d+; gdlib checks the value test first and names it\.$/);
});

test("the conditioning figure runs the quadratic of the chosen kappa and names its best rate", () => {
  const config = { kappas: [2, 10, 100], kappa: 10, bounds: [[-2, 2], [-2, 2]], start: [1, 1], lr: 0.182, lrMin: 0.001, lrMax: 1.2, maxIter: 1000 };
  const setup = rateSetup(config);
  assert.equal(setup.surface.f(1, 1), 5.5);
  assert.deepEqual(setup.surface.grad(1, 1), [1, 10]);
  assert.equal(setup.surface.lipschitz, 10);
  const facts = rateFacts(setup, 0.182);
  assert.equal(facts.status, "converged");
  assert.equal(facts.best, 2 / 11);
  assert.match(rateSummary(facts), /With κ = 10 the best fixed rate is 2\/\(1\u00a0\+\u00a0κ\) = 0\.182, which multiplies the distance to the minimum by \(κ\u00a0−\u00a01\)\/\(κ\u00a0\+\u00a01\) = 0\.818 each step; this rate is within 1 % of it\.$/);
  const stiff = withKappa(setup, 100);
  assert.equal(stiff.surface.kappa, 100);
  const over = rateFacts(stiff, 0.182);
  assert.equal(over.status, "diverged", "0.182 is above 2/L = 0.02 once kappa = 100");
  assert.match(over.message, /above 2\/L = 0\.02 for this surface/);
  assert.match(rateSummary(over), /η = 0\.182 is not within 1 % of it\.$/);
  assert.equal(rateFacts(rateSetup({ surface: "valley", lr: 0.09, lrMin: 0.001, lrMax: 0.2, maxIter: 200 }), 0.09).kappa, null);
  assert.throws(() => quadratic(0.5, config.bounds, config.start), /kappa must be a number >= 1/);
});

test("the learning-rate figure's opening rate is a position of its slider", () => {
  for (const lr of [0.0909, 0.182]) {
    const { slider } = rateSetup({ surface: "valley", start: [-2.5, 1], lr, lrMin: 0.001, lrMax: 2.5, maxIter: 200 });
    const at = slider.position(lr);
    assert.equal(slider.value(at), lr);
    assert.equal(slider.value(slider.position(slider.value(at + 3))), slider.value(at + 3));
    assert.equal(slider.value(0), 0.001);
    assert.equal(slider.value(slider.steps), 2.5);
  }
});

test("x tick labels that would run into the last one drawn are left out, left to right", () => {
  // Four decade labels 35 px wide, 30 px apart on a phone's panel: every other one is kept.
  const phone = [0, 30, 60, 90].map((at) => ({ at, width: 35 }));
  assert.deepEqual(spacedLabels(phone), [0, 2]);
  // With room, every label is kept; a gap of exactly 6 px is enough.
  assert.deepEqual(spacedLabels([0, 100, 200].map((at) => ({ at, width: 35 }))), [0, 1, 2]);
  assert.deepEqual(spacedLabels([{ at: 0, width: 10 }, { at: 16, width: 10 }]), [0, 1]);
  assert.deepEqual(spacedLabels([{ at: 0, width: 10 }, { at: 15.9, width: 10 }]), [0]);
  assert.deepEqual(spacedLabels([]), []);
});

test("panels sit side by side on a wide canvas and one above the other on a tall one", () => {
  const margins = { left: 50, bottom: 30, top: 10, gap: 20, right: 10 };
  const [a, b] = panels(400, 200, 2, margins);
  assert.deepEqual([a.y, b.y], [10, 10]); // one row
  assert.equal(a.h, 160);
  assert.equal(a.w, b.w);
  assert.equal(b.x, a.x + a.w + 50 + 20); // the second's tick labels and the gap between
  assert.equal(b.x + b.w, 400 - 10);
  const [top, bottom] = panels(300, 400, 2, margins);
  assert.deepEqual([top.x, bottom.x, top.w, bottom.w], [50, 50, 240, 240]); // one column, full width
  assert.equal(top.h, bottom.h);
  assert.equal(bottom.y, top.y + top.h + 30 + 20 + 10); // the x labels, the gap and the top margin
  assert.equal(bottom.y + bottom.h, 400 - 30);
  assert.equal(panels(300, 300, 2, margins)[1].y, 10); // square: still side by side
  // A map 2 wide and 1 tall needs 120 of the 150 px: the 30 px left go to the panel under it.
  const [map, plot] = panels(300, 400, 2, { ...margins, map: [[-1, 1], [0, 1]] });
  assert.deepEqual([map.h, plot.h, plot.y], [120, 180, 10 + 120 + 60]);
  assert.equal(plot.y + plot.h, 400 - 30);
  // A map taller than its slot keeps the equal split (its sides, not its top, are left blank).
  assert.equal(panels(300, 400, 2, { ...margins, map: [[0, 1], [0, 3]] })[0].h, 150);
});

test("an axis label stays under its panel where it fits and is moved in from the canvas's edge", () => {
  assert.equal(labelCentre(100, 80, 400), 100);
  assert.equal(labelCentre(300, 160, 360), 280); // would end at 380: moved left to end at 360
  assert.equal(labelCentre(30, 100, 360), 50); // would start at -20: moved right to start at 0
});

test("a live figure's key sits inside its panel, in the corner asked for, one row a label", () => {
  const box = { x: 50, y: 10, w: 300, h: 200 };
  const widths = [40, 90, 60];
  for (const corner of ["top-right", "top-left", "bottom-right", "bottom-left"]) {
    const k = keyBox(box, widths, corner);
    assert.ok(k.x >= box.x && k.y >= box.y && k.x + k.w <= box.x + box.w && k.y + k.h <= box.y + box.h, corner);
    assert.equal(k.w > 90 && k.w < 140, true);
    assert.equal(k.h, keyBox(box, [1, 1, 1], corner).h);
    const right = corner.endsWith("right");
    const nearX = right ? box.x + box.w - (k.x + k.w) : k.x - box.x;
    const nearY = corner.startsWith("top") ? k.y - box.y : box.y + box.h - (k.y + k.h);
    assert.ok(nearX < 10 && nearY < 10, corner);
  }
  assert.ok(keyBox(box, [10, 10, 10, 10]).h > keyBox(box, [10, 10]).h);
});

test("a key asked for in one of several corners takes the one covering the fewest data points", () => {
  const box = { x: 0, y: 0, w: 300, h: 200 };
  const corners = ["bottom-left", "bottom-right", "top-right", "top-left"];
  // A curve down the left edge: the first choice, bottom-left, would cover it.
  const left = Array.from({ length: 20 }, (_, i) => [10, 10 * i]);
  assert.equal(emptiestCorner(box, [60], left, corners), "bottom-right");
  assert.equal(emptiestCorner(box, [60], [], corners), "bottom-left"); // a tie keeps the preference
  const everywhere = [...left, ...left.map(([, y]) => [290, y])];
  assert.equal(emptiestCorner(box, [60], everywhere, corners), "bottom-left"); // all tie
});

test("the pixels a key avoids lie evenly along each segment of a drawn line, its end included", () => {
  assert.deepEqual(along([[0, 0], [10, 0]], 5), [[0, 0], [2, 0], [4, 0], [6, 0], [8, 0], [10, 0]]);
  assert.deepEqual(along([[0, 0], [0, 4], [4, 4]], 2), [[0, 0], [0, 2], [0, 4], [2, 4], [4, 4]]);
  assert.deepEqual(along([[3, 3]], 5), [[3, 3]]); // a single point: itself
});

test("a map keeps equal units on both axes, centred in its panel, as large as fits", () => {
  const box = { x: 54, y: 12, w: 300, h: 240 };
  const wide = equalAspect(box, [[-3, 3], [-1.5, 1.5]]); // the valley: twice as wide as tall
  assert.equal(wide.w / 6, wide.h / 3);
  assert.equal(wide.w, 300);
  assert.equal(wide.y - box.y, box.y + box.h - (wide.y + wide.h));
  const square = equalAspect(box, [[-5, 5], [-5, 5]]);
  assert.deepEqual([square.w, square.h, square.y], [240, 240, 12]);
  assert.equal(square.x - box.x, 30);
});

test("a key that would hide most of a phone's narrow panel is not drawn", () => {
  const desk = { x: 54, y: 12, w: 270, h: 235 };
  const phone = { x: 54, y: 12, w: 106, h: 110 };
  const widths = [30, 50, 40, 45]; // the variant figure's key: start, minimum, b = 16, b = 200
  assert.ok(keyFits(keyBox(desk, widths), desk));
  assert.ok(!keyFits(keyBox(phone, widths), phone));
  const rate = [55, 60, 50, 65, 20, 55]; // six rows
  assert.ok(keyFits(keyBox(desk, rate, "bottom-left"), desk));
  assert.ok(!keyFits(keyBox(phone, rate, "bottom-left"), phone));
});

test("a key of a row or two may take three quarters of a panel's width, a taller one three fifths", () => {
  const race = { x: 54, y: 12, w: 221, h: 221 }; // the race's curve panel at 620 px
  const two = [60, 105]; // "Momentum", "GD at its race rate": 145 px, 66 % of the width
  assert.ok(keyFits(keyBox(race, two), race));
  assert.ok(!keyFits(keyBox({ ...race, h: 150 }, two), { ...race, h: 150 })); // 40 px: over a fifth
  const six = [60, 60, 60, 60, 60, 105]; // as wide, six rows
  assert.ok(!keyFits(keyBox(race, six), race));
});

test("a key below a figure lays its entries in aligned columns, filled down each column", () => {
  // An entry takes its sample (20 px), a gap (5 px) and its label; 14 px between columns.
  assert.deepEqual(stripRows([50, 50, 50], 300), { rows: [[0, 1, 2]], lefts: [0, 89, 178] }); // 75 + 14 + 75 + 14 + 75 = 253
  assert.deepEqual(stripRows([50, 50, 50], 200).rows, [[0, 2], [1]]);
  // The stopping criteria's six labels (11 px sans) in a 360 px phone's 310 px: the three lines
  // in one column, the three marks in the next, three rows (filled across, two columns took six).
  const criteria = stripRows([72, 58, 83, 140, 148, 103], 310);
  assert.deepEqual(criteria, { rows: [[0, 3], [1, 4], [2, 5]], lefts: [0, 108 + 14] });
  // The gradient figure's: the map's two, then the curve's two.
  assert.deepEqual(stripRows([55, 95, 85, 35], 310).rows, [[0, 2], [1, 3]]);
  assert.deepEqual(stripRows([200, 10, 10], 150).rows, [[0], [1], [2]]); // none fit beside it
  assert.deepEqual(stripRows([], 300).rows, []);
  assert.deepEqual(stripRows([40], 10), { rows: [[0]], lefts: [0] }); // alone, even if too wide
  assert.ok(stripHeight(stripRows([50, 50, 50], 200)) > stripHeight(stripRows([50, 50, 50], 300)));
});

test("a points table keeps a run of up to limit + 1 points whole, and says how many a longer one leaves out", async () => {
  const { tableRows } = await import("../src/words.js");
  const row = (i) => [String(i), "x"];
  assert.deepEqual(tableRows(4, 4, 2, row).map(([k]) => k), ["0", "1", "2", "3"]);
  assert.deepEqual(tableRows(5, 4, 2, row).map(([k]) => k), ["0", "1", "2", "3", "4"]); // a gap row would only replace one
  assert.deepEqual(tableRows(7, 4, 2, row), [["0", "x"], ["1", "x"], ["2", "x"], ["… 3 points left out …", ""], ["6", "x"]]);
  assert.deepEqual(tableRows(6, 4, 2, row)[3], ["… 2 points left out …", ""]);
});

test("a number's exponent is kept with it; other text passes through whole", () => {
  assert.deepEqual(numberRuns("gradient norm 9.7e-07 <= 1e-06."), [
    ["gradient norm ", false],
    ["9.7e-07", true],
    [" <= ", false],
    ["1e-06", true],
    [".", false],
  ]);
  assert.deepEqual(numberRuns("x = −2.5e+03"), [["x = ", false], ["−2.5e+03", true]]);
  assert.deepEqual(numberRuns("converged in 147 steps (1/L = 0.05)"), [["converged in 147 steps (1/L = 0.05)", false]]);
  assert.deepEqual(numberRuns(""), []);
  const text = "tol 1e-06, f 2.09e-05 and 3";
  assert.equal(numberRuns(text).map(([piece]) => piece).join(""), text);
});

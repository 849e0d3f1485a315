// The schedules page's live figure, pure state: the schedule formulas from gdlib's presets, the
// one-epoch-per-call run with the orders given, the constant yardstick, divergence, and the
// sentences and rows built from the runs.
import assert from "node:assert/strict";
import test from "node:test";

import { PRESETS, SCHEDULE_LABELS, SCHEDULES, scheduleRates } from "../src/schedules.js";
import {
  createSchedules,
  decayKnob,
  reseed,
  scheduleFacts,
  scheduleRows,
  trendOf,
  withDecay,
  withRate,
  withSchedule,
} from "../src/widgets/schedules-state.js";
import { scheduleStatus, scheduleSummary } from "../src/widgets/schedules-words.js";

const n = 20;
const x = Array.from({ length: n }, (_, i) => -1 + (i % 9) * 0.25);
const y = x.map((v, i) => 0.5 + 1.5 * v + (((i * 37) % 11) - 5) / 10);
const epochs = 12;
const identity = Array.from({ length: n }, (_, i) => i);
const config = { x, y, batch: 4, epochs, lr: 0.05, lrMin: 0.001, lrMax: 1, schedule: "step", orders: Array(epochs).fill(identity) };

test("the schedules, labels and presets are gdlib's (the generated JSON module)", () => {
  assert.deepEqual(SCHEDULES, ["constant", "step", "inverse_time", "cosine", "warmup_cosine"]);
  assert.equal(SCHEDULE_LABELS.inverse_time, "1/t");
  assert.equal(PRESETS.step.step_size, 10);
});

test("each formula at a few epochs", () => {
  assert.deepEqual(scheduleRates("constant", 0.5, 3), [0.5, 0.5, 0.5]);
  assert.deepEqual(scheduleRates("step", 1, 4, { step_size: 2, gamma: 0.5 }), [1, 1, 0.5, 0.5]);
  assert.deepEqual(scheduleRates("inverse_time", 2, 3, { lr_decay: 0.5 }), [2, 2 / 1.5, 1]);
  const cosine = scheduleRates("cosine", 1, 2);
  assert.equal(cosine[0], 1);
  assert.ok(Math.abs(cosine[1] - 0.5) < 1e-15);
  const warm = scheduleRates("warmup_cosine", 1, 6, { warmup_epochs: 3 });
  assert.deepEqual(warm.slice(0, 3), [1 / 3, 2 / 3, 1]);
  assert.ok(warm[3] < 1 && warm[5] > 0);
});

test("bad schedules and rates are refused with the argument named", () => {
  assert.throws(() => scheduleRates("linear", 0.1, 3), /Unknown schedule "linear"/);
  assert.throws(() => scheduleRates("step", -1, 3), /Invalid learning rate: -1/);
  assert.throws(() => scheduleRates("step", 0.1, 0), /epochs must be an integer >= 1/);
  // As gdlib's step_lr: a "cut" of 10 overflowed to infinity, one of 0 left no rate.
  assert.throws(() => scheduleRates("step", 0.1, 3, { gamma: 10 }), /Invalid gamma value: 10 \(a cut must be in \(0, 1\]\)/);
  assert.throws(() => scheduleRates("step", 0.1, 3, { gamma: 0 }), /Invalid gamma value: 0/);
  assert.throws(() => scheduleRates("warmup_cosine", 0.1, 3), /warmup_epochs must be in \[1, 3\], got 5/);
  assert.throws(() => scheduleRates("warmup_cosine", 0.1, 8, { warmup_epochs: 0 }), /warmup_epochs must be in \[1, 8\], got 0/);
  assert.throws(() => createSchedules({ ...config, schedule: "nope" }), /Unknown schedule "nope"/);
});

test("the run records the loss gap at the start and after each epoch; the constant is the yardstick", () => {
  const state = createSchedules(config);
  assert.equal(state.run.excess.length, epochs + 1);
  assert.ok(state.run.excess.every((v) => v >= -1e-12));
  assert.equal(state.reference.rates[epochs - 1], 0.05);
  // Step decay runs at the peak for its first step_size epochs: the same batches, the same run.
  assert.deepEqual(state.run.excess.slice(0, 11), state.reference.excess.slice(0, 11));
  assert.notEqual(state.run.excess[12], state.reference.excess[12]);
  const constant = withSchedule(state, "constant");
  assert.equal(constant.run, constant.reference);
  // Still falling over its last 10 epochs at this small rate (10 changes, from the loss the first
  // of them started from): no noise floor yet, and it says so.
  const tail = constant.reference.excess.slice(-11);
  assert.ok(tail.every((v, i) => i === 0 || v < tail[i - 1]));
  assert.match(scheduleSummary(scheduleFacts(constant)), /last 10 epochs kept falling, from .* no floor reached yet\.$/);
});

test("the constant run's last epochs are called a noise floor only when they go up and down", () => {
  const state = createSchedules(config);
  // 40 epochs: the 150 steps before the last 10 shrink the slowest direction's loss 1e25-fold.
  const long = createSchedules({ ...config, epochs: 40, orders: Array(40).fill(identity) });
  const floor = scheduleFacts(reseed(withSchedule(withRate(long, 0.2), "constant")));
  assert.equal(floor.reference.trend, "wandering");
  assert.ok(floor.reference.memory < 1e-20);
  assert.match(scheduleSummary(floor), /last 10 epochs wandered between .*: its noise floor\.$/);
  // In 12 epochs the same rate goes up and down as well, but its 10 steps before the last 10
  // epochs leave the slowest direction at 0.0209 of its start: too soon to call that a floor.
  const early = scheduleFacts(reseed(withSchedule(withRate(state, 0.2), "constant")));
  assert.equal(early.reference.trend, "wandering");
  assert.match(scheduleSummary(early), /went up and down between .*; at this rate its slowest direction's share of the loss has only shrunk to 0\.0209 of its start by then, too little to call it a floor\.$/);
  // Above 2/L the full-batch steps grow: whatever the last epochs do, no floor.
  const unstable = scheduleFacts(withSchedule(withRate(state, 1), "constant"));
  assert.ok(unstable.reference.memory > 1);
  assert.match(scheduleSummary(unstable), /; at this rate full-batch steps would grow, so this is no floor\.$/);
  // A run that rises overall above its start did not settle: that comes first.
  const above = scheduleFacts(reseed(reseed(reseed(withSchedule(withRate(state, 0.9), "constant")))));
  assert.equal(above.reference.trend, "rises");
  assert.match(scheduleSummary(above), /it did not settle\.$/);
  // With the same order every epoch and a rate near the edge, the constant run grows each epoch
  // without diverging: no floor.
  const growing = scheduleFacts(withRate(state, 1.2));
  assert.equal(growing.reference.trend, "rising");
  assert.match(scheduleSummary(growing), /last 10 epochs kept rising, from .*\.$/);
  // Near the edge of stability a reseeded run goes up and down too, above where it started: that
  // is no floor, and the summary says so.
  const unsettled = scheduleFacts(reseed(withSchedule(withRate(state, 0.9), "constant")));
  assert.equal(unsettled.reference.trend, "wandering");
  assert.ok(unsettled.reference.high > unsettled.reference.start);
  assert.match(scheduleSummary(unsettled), /went up and down between .* against the 1\.26 it started from: it did not settle\.$/);
  assert.doesNotMatch(scheduleSummary(unsettled), /floor/);
  assert.equal(trendOf([1, 0.5, 2, 0.4, 0.6, 1e-3, 2e-3, 1e-3]), "falls");
  assert.equal(trendOf([1e-3, 2e-3, 1e-3, 1, 0.5, 2, 0.4, 0.6]), "rises");
  assert.equal(trendOf([3]), "wandering");
});

test("a schedule that survives a peak the constant rate diverged at says so, without 'too'", () => {
  const facts = scheduleFacts(withSchedule(withRate(createSchedules(config), 2), "inverse_time"));
  assert.equal(facts.status, "completed");
  assert.equal(facts.reference.status, "diverged");
  // It survives by its rate falling: first the loss rose, 35,000 times its start.
  assert.match(scheduleSummary(facts), /above the optimum\. The constant rate \(dashed\) diverged at this peak\. Under 1\/t the loss rose to 4\.47e\+04 in epoch 3 on its way, above the 1\.26 it started from\.$/);
  const both = scheduleFacts(withSchedule(withRate(createSchedules(config), 5), "cosine"));
  assert.match(scheduleSummary(both), /diverged at this peak too\.$/);
});

test("the status and summary quote the runs; a reseed draws other batches", () => {
  const state = createSchedules(config);
  const facts = scheduleFacts(state);
  assert.match(scheduleStatus(facts), /^Step decay, η₀ = 0\.05: completed 12 epochs, .* above the optimum\.$/);
  assert.match(scheduleSummary(facts), /cut by γ = 0\.1 every 10 epochs/);
  assert.match(scheduleSummary(facts), /gdlib's row orders/);
  // Step decay against the constant rate, as a ratio said in words, in whichever order is true.
  const [mine, constant] = [facts.final, facts.reference.final];
  const against = mine <= constant ? /; the constant rate's .* is [\d,.]+ times as high\./ : /, [\d,.]+ times as high as the constant rate's/;
  assert.match(scheduleSummary(facts), against);
  assert.doesNotMatch(scheduleSummary(facts), /1\/[\d.]|e\+/);
  const again = reseed(state);
  assert.match(scheduleFacts(again).orders, /^row orders from reseed 1$/);
  assert.notDeepEqual(again.run.excess, state.run.excess);
});

test("a peak rate far too high diverges, and the status names the epoch", () => {
  const state = withRate(createSchedules({ ...config, schedule: "cosine" }), 1e6);
  const facts = scheduleFacts(state);
  assert.equal(facts.status, "diverged");
  assert.match(scheduleStatus(facts), /^Cosine, η₀ = 1e\+06: diverged in epoch 1 at step \d+/);
  assert.match(scheduleSummary(facts), /The constant rate \(dashed\) diverged at this peak too\./);
  assert.ok(scheduleRows(state).some((row) => row.includes("diverged")));
});

test("the table has a row per epoch and the start", () => {
  const rows = scheduleRows(createSchedules(config));
  assert.equal(rows.length, epochs + 1);
  assert.deepEqual(rows[0].slice(0, 2), ["0", "start"]);
  assert.equal(rows[11][1], "0.005");
});

const decay = {
  step: { key: "gamma", min: 0.05, max: 0.95, step: 0.05 },
  inverse_time: { key: "lr_decay", min: 0.01, max: 10 },
  warmup_cosine: { key: "warmup_epochs", min: 1, max: epochs - 1, step: 1 },
};

test("each schedule's own setting: its control, its runs, its sentence", () => {
  const state = createSchedules({ ...config, decay });
  const knob = decayKnob(state);
  assert.equal(knob.label, "Cut factor γ");
  assert.equal(knob.value, 0.1); // gdlib's preset until the reader moves it
  assert.equal(knob.scale.value(knob.scale.position(0.5)), 0.5);
  const half = withDecay(state, 0.5);
  assert.deepEqual(half.run.rates, scheduleRates("step", 0.05, epochs, { gamma: 0.5 }));
  assert.equal(half.run.rates[10], 0.025);
  assert.deepEqual(half.reference, state.reference, "the constant rate is the same yardstick");
  assert.match(scheduleSummary(scheduleFacts(half)), /cut by γ = 0\.5 every 10 epochs/);
  assert.equal(decayKnob(withSchedule(half, "cosine")), null);
  assert.equal(decayKnob(withSchedule(withSchedule(half, "cosine"), "step")).value, 0.5, "kept across choices");
  const inverse = withDecay(withSchedule(state, "inverse_time"), 2);
  assert.equal(decayKnob(inverse).label, "Decay δ");
  assert.deepEqual(inverse.run.rates.slice(0, 2), [0.05, 0.05 / 3]);
  assert.match(scheduleSummary(scheduleFacts(inverse)), /with δ = 2\b/);
  const warm = withDecay(withSchedule(state, "warmup_cosine"), 4);
  const warmKnob = decayKnob(warm);
  assert.deepEqual([warmKnob.label, warmKnob.value, warmKnob.range.integer], ["Warm-up epochs", 4, true]);
  assert.equal(warm.run.rates[3], 0.05);
  assert.match(scheduleSummary(scheduleFacts(warm)), /a rise over 4 epochs/);
  // gdlib's warm-up reaches η₀ in epoch W: with W = 1 the first epoch is at the peak, no rise.
  const cold = withDecay(withSchedule(state, "warmup_cosine"), 1);
  assert.equal(cold.run.rates[0], 0.05);
  assert.match(scheduleSummary(scheduleFacts(cold)), /\(no warm-up at W = 1, a half cosine, down to/);
  assert.doesNotMatch(scheduleSummary(scheduleFacts(cold)), /a rise over/);
});

test("a schedule without a setting refuses one; without the config there is no control", () => {
  assert.throws(() => withDecay(withSchedule(createSchedules({ ...config, decay }), "constant"), 0.5), /constant schedule has no setting/);
  assert.equal(decayKnob(createSchedules(config)), null);
});

test("a run that completes after blowing up says so: the loss it rose to, and when", () => {
  const decay = { warmup_epochs: { key: "warmup_epochs", min: 1, max: 11, step: 1 } };
  const warm = withDecay(withSchedule(createSchedules({ ...config, lrMax: 3, decay: { warmup_cosine: decay.warmup_epochs } }), "warmup_cosine"), 9);
  const calm = scheduleFacts(withRate(warm, 0.8));
  assert.equal(calm.peakEpoch, 0); // the start is its largest loss: nothing to add
  assert.doesNotMatch(scheduleStatus(calm) + scheduleSummary(calm), /rose to|rising to/);
  const wild = scheduleFacts(withRate(warm, 1.5));
  assert.equal(wild.status, "completed");
  assert.ok(wild.peak > 100 * wild.start && wild.peakEpoch === 10);
  assert.match(scheduleStatus(wild), /: completed 12 epochs, 0\.316 above the optimum, after rising to 654 in epoch 10\.$/);
  assert.match(scheduleSummary(wild), / Under warm-up \+ cosine the loss rose to 654 in epoch 10 on its way, above the 1\.26 it started from\.$/);
});

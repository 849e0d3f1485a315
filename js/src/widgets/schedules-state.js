// The schedules page's live figure, as pure state: a learning-rate schedule (gdlib.schedules,
// ported in ../schedules.js) at a peak rate the reader picks on a log scale, run on the page's
// small regression the way scripts/fig_lr_schedules.py runs the big one: gdlib's mini-batch
// descent one epoch per call at that epoch's rate, each call from the last theta. Beside it the
// constant rate on the same batches is the yardstick. Seed 0 replays the row orders gdlib drew
// (given in the config), each reseed draws new seeded orders. Pure: no DOM, node --test.
import { formatG } from "../pyfmt.js";
import { fitLinear, leastSquares, lossCurvatures, mse, seededOrders } from "../regression.js";
import { PRESETS, SCHEDULE_LABELS, SCHEDULES, scheduleRates } from "../schedules.js";
import { logSlider, stepSlider } from "./scale.js";

const num = (v) => formatG(v, 3);

/**
 * The run of `rates` (one per epoch) from theta = 0: the loss above the least-squares floor at the
 * start and after each epoch, and gdlib's status ("diverged in epoch e ..." names the epoch of
 * the whole run, not of the one-epoch call that diverged).
 */
export function runRates({ X, y, batch, floor }, rates, orders) {
  let theta = new Array(X[0].length).fill(0.0);
  const excess = [mse(X, y, theta) - floor];
  for (let e = 0; e < rates.length; e += 1) {
    const run = fitLinear(X, y, { lr: rates[e], epochs: 1, batchSize: batch, orders: [orders[e]], theta0: theta, record: "epoch" });
    if (run.status === "diverged") {
      return { rates, excess, status: "diverged", message: run.message.replace(/^diverged in epoch 1/, `diverged in epoch ${e + 1}`) };
    }
    theta = run.thetas.at(-1);
    excess.push(run.epochLosses.at(-1) - floor);
  }
  return { rates, excess, status: "completed", message: `completed ${rates.length} epochs` };
}

/**
 * A fresh state from the page's config: {x, y, batch, epochs, lr, lrMin, lrMax, schedule, orders,
 * decay}; `decay` gives each schedule's own setting its gdlib name and range (optional).
 */
export function createSchedules(config) {
  if (!SCHEDULES.includes(config.schedule)) throw new RangeError(`Unknown schedule "${config.schedule}"`);
  const X = config.x.map((v) => [1.0, v]);
  const best = leastSquares(X, config.y);
  const slider = logSlider(config.lrMin, config.lrMax, config.steps ?? 240);
  return withRuns({ ...config, X, floor: mse(X, config.y, best), seed: 0, slider, hyper: {}, decay: config.decay ?? {} });
}

const KNOB_LABELS = { gamma: "Cut factor γ", lr_decay: "Decay δ", warmup_epochs: "Warm-up epochs" };

/** A schedule's settings: gdlib's preset with the reader's value on top. */
export const settingsOf = (state, name) => ({ ...PRESETS[name], ...state.hyper[name] });

/**
 * The control for the chosen schedule's own setting, or null (constant and cosine have none):
 * {key (gdlib's name), label, value, scale (positions <-> values), range (for a typed value)}.
 */
export function decayKnob(state) {
  const spec = state.decay[state.schedule];
  if (!spec) return null;
  const { key, min, max, step } = spec;
  const scale = step ? stepSlider(min, max, step) : logSlider(min, max, 120);
  const range = { min, max, positive: true, integer: Number.isInteger(step) };
  return { key, label: KNOB_LABELS[key] ?? key, value: settingsOf(state, state.schedule)[key], scale, range };
}

function withRuns(state) {
  const n = state.X.length;
  const orders = state.seed === 0 ? state.orders : seededOrders(n, state.epochs, state.seed);
  const run = (name) => runRates(state, scheduleRates(name, state.lr, state.epochs, state.hyper[name]), orders);
  const reference = run("constant");
  return { ...state, run: state.schedule === "constant" ? reference : run(state.schedule), reference };
}

/** The same batches at another peak rate. */
export const withRate = (state, lr) => withRuns({ ...state, lr });
/** The same batches under another schedule. */
export const withSchedule = (state, schedule) => withRuns({ ...state, schedule });
/** The same batches with the chosen schedule's own setting at `value`. */
export function withDecay(state, value) {
  const knob = decayKnob(state);
  if (!knob) throw new RangeError(`The ${state.schedule} schedule has no setting to move`);
  return withRuns({ ...state, hyper: { ...state.hyper, [state.schedule]: { [knob.key]: value } } });
}
/** New row orders for every epoch. */
export const reseed = (state) => withRuns({ ...state, seed: state.seed + 1 });

/** How a schedule sets its rates, from its settings `p` (settingsOf: gdlib's preset and the reader's value). */
export function scheduleRule(name, epochs, p) {
  if (name === "step") return `cut by γ = ${num(p.gamma)} every ${p.step_size} epochs`;
  if (name === "inverse_time") return `η₀ / (1 + δe) with δ = ${num(p.lr_decay)}`;
  if (name === "cosine") return `a half cosine over the ${epochs} epochs`;
  if (name === "warmup_cosine") {
    // gdlib's warm-up reaches η₀ in epoch W: with W = 1 there is no rise at all.
    return p.warmup_epochs === 1 ? "no warm-up at W = 1, a half cosine" : `a rise over ${p.warmup_epochs} epochs, then a half cosine`;
  }
  return "the same in every epoch";
}

/** The facts the status, summary and table quote. */
export function scheduleFacts(state) {
  const { run, reference, schedule, epochs, lr, batch, seed } = state;
  const done = run.excess.length - 1;
  const peak = Math.max(...run.excess);
  // The loss after each of the constant run's last 10 epochs (all of them in a shorter run), and
  // its trend over those epochs: from the loss they started from, 10 changes.
  const tail = reference.excess.slice(1).slice(-10);
  const trend = trendOf(reference.excess.slice(-(tail.length + 1)));
  const spread = { low: Math.min(...tail), high: Math.max(...tail) };
  // How far the constant run's slowest-shrinking direction has shrunk in loss when they begin.
  const memory = Math.max(...lossCurvatures(state.X).map((c) => Math.abs(1 - lr * c))) ** (2 * (reference.excess.length - 1 - tail.length) * Math.ceil(state.X.length / batch));
  return {
    label: SCHEDULE_LABELS[schedule],
    constant: schedule === "constant",
    rule: scheduleRule(schedule, epochs, settingsOf(state, schedule)),
    lr,
    epochs,
    batch,
    n: state.X.length,
    status: run.status,
    message: run.message,
    done,
    // The rate of the last epoch run: the one it diverged in, or the run's last.
    lastRate: run.rates[Math.min(run.status === "diverged" ? done : done - 1, run.rates.length - 1)],
    final: run.excess.at(-1),
    // A run that completes can still have blown up on its way (a long warm-up to a large peak).
    start: run.excess[0],
    peak,
    peakEpoch: run.excess.indexOf(peak),
    reference: { status: reference.status, start: reference.excess[0], final: reference.excess.at(-1), trend, epochs: tail.length, memory, ...spread },
    orders: seed === 0 ? "gdlib's row orders" : `row orders from reseed ${seed}`,
  };
}

/** How a run's last losses move: "falling" ("rising") when each is below (above) the one before;
 * "falls" ("rises") when they go up and down and the second half's geometric mean is a tenth (ten
 * times) of the first's or less (more); else "wandering". Noise alone can make halves differ threefold. */
export function trendOf(values) {
  const changes = values.slice(1).map((v, i) => v - values[i]);
  if (changes.length === 0) return "wandering";
  if (changes.every((d) => d < 0)) return "falling";
  if (changes.every((d) => d > 0)) return "rising";
  const half = Math.floor(values.length / 2);
  const logMean = (part) => part.reduce((sum, v) => sum + Math.log(Math.max(v, Number.MIN_VALUE)), 0) / part.length;
  const drift = logMean(values.slice(-half)) - logMean(values.slice(0, half));
  return drift <= -Math.LN10 ? "falls" : drift >= Math.LN10 ? "rises" : "wandering";
}

/** Table rows: epoch, its rate, the loss above the optimum after it, and the constant run's. */
export function scheduleRows(state) {
  const { run, reference, epochs } = state;
  // A diverged run's last row is the epoch it diverged in.
  const last = (r) => r.excess.length - (r.status === "diverged" ? 0 : 1);
  const count = Math.min(epochs, Math.max(last(run), last(reference))) + 1;
  const cell = (list, i) => (i < list.length ? num(list[i]) : "diverged");
  return Array.from({ length: count }, (_, e) => [String(e), e === 0 ? "start" : num(run.rates[e - 1]), cell(run.excess, e), cell(reference.excess, e)]);
}

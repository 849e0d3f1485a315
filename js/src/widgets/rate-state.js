// The learning-rate page's live figure, as pure state: gdlib's plain descent on the valley at a
// rate the reader picks on a log scale, the sweep of rates behind the steps-to-converge curve, and
// the facts the status line, summary and table quote. The conditioning page's figure is the same
// on the quadratics 0.5 (x^2 + kappa y^2) of scripts/_quadratic.py, with a choice of kappa
// (config.kappas). Pure: no DOM, tested by node --test.
import { descend, getSurface } from "../descent.js";
import { formatG } from "../pyfmt.js";
import { logSlider } from "./scale.js";

const num = (v) => formatG(v, 3);
export const SWEEP_POINTS = 60;

/**
 * _quadratic.quadratic(kappa): 0.5 (x^2 + kappa y^2), Hessian diag(1, kappa), so L = kappa
 * (kappa >= 1) and the best fixed rate is 2 / (1 + kappa); `bounds` and `start` from the config.
 */
export function quadratic(kappa, bounds, start) {
  if (!(Number.isFinite(kappa) && kappa >= 1)) throw new RangeError(`kappa must be a number >= 1, got ${kappa}`);
  return {
    name: `quadratic-${kappa}`,
    title: `κ = ${kappa}`,
    f: (x, y) => 0.5 * (x * x + kappa * y * y),
    grad: (x, y) => [x, kappa * y],
    bounds,
    minima: [[0.0, 0.0]],
    start,
    lipschitz: kappa,
    kappa,
  };
}

/**
 * The figure's settings from the page's config: a gdlib surface by name, or with `kappas` the
 * quadratic of condition number `kappa` (one of them) over `bounds`; start, max_iter, rate range.
 */
export function rateSetup({ surface = "valley", start, maxIter, lrMin, lrMax, lr, steps = 240, kappas, kappa, bounds }) {
  const s = kappas ? quadratic(kappa, bounds, start) : getSurface(surface);
  const setup = { surface: s, start: start ?? s.start, maxIter, lrMin, lrMax, lr, slider: logSlider(lrMin, lrMax, steps) };
  return kappas ? { ...setup, kappas, bounds } : setup;
}

/** The same setup on the quadratic of condition number `kappa`. */
export const withKappa = (setup, kappa) => ({ ...setup, surface: quadratic(kappa, setup.bounds, setup.start) });

/** gdlib's run at rate `lr` from the setup's start. */
export const runAt = (setup, lr) => descend(setup.surface, setup.start, { optimizer: "gd", lr, maxIter: setup.maxIter });

/** Steps to converge over SWEEP_POINTS log-spaced rates: [{lr, status, steps}]. */
export function sweep(setup, count = SWEEP_POINTS) {
  return Array.from({ length: count }, (_, i) => {
    const lr = setup.lrMin * (setup.lrMax / setup.lrMin) ** (i / (count - 1));
    const run = runAt(setup, lr);
    return { lr, status: run.status, steps: run.iterations };
  });
}

/** Strict sign flips of y in the first 40 steps: how often the path crossed the valley floor. */
export function floorCrossings(run, first = 40) {
  let flips = 0;
  const ys = run.positions.slice(0, first).map((p) => p[1]);
  for (let i = 1; i < ys.length; i += 1) if (ys[i] * ys[i - 1] < 0) flips += 1;
  return flips;
}

/** The facts the figure quotes about the run at `lr`. */
export function rateFacts(setup, lr, run = runAt(setup, lr)) {
  const L = setup.surface.lipschitz;
  const kappa = setup.surface.kappa ?? null;
  const regime = lr < 1 / L ? "below 1/L" : lr < 2 / L ? "between 1/L and 2/L" : lr === 2 / L ? "exactly 2/L" : "above 2/L";
  return {
    lr,
    run,
    L,
    regime,
    oneOverL: num(1 / L),
    twoOverL: num(2 / L),
    crossings: floorCrossings(run),
    status: run.status,
    message: run.message,
    steps: run.iterations,
    kappa,
    best: kappa === null ? null : 2 / (1 + kappa),
  };
}

/** One paragraph for a reader who cannot see the figure, from the facts of the run. */
export function rateSummary(facts) {
  const { lr, regime, oneOverL, twoOverL, crossings, status, steps } = facts;
  const where = `η = ${num(lr)} is ${regime} (1/L = ${oneOverL}, 2/L = ${twoOverL}).`;
  const path =
    status === "diverged"
      ? `The path swings wider each step and gdlib stops it after ${steps} steps as diverged.`
      : crossings > 0
        ? `The path crossed the valley floor ${crossings} times in its first 40 steps (a zig-zag) and ${status === "converged" ? `converged in ${steps} steps` : `was still running at the cap of ${steps} steps`}.`
        : `The path never crossed the valley floor in its first 40 steps and ${status === "converged" ? `converged in ${steps} steps` : `was still running at the cap of ${steps} steps`}.`;
  return `${where} ${path}${facts.kappa === null ? "" : ` ${conditionSentence(facts)}`}`;
}

/** What the condition number predicts: the best fixed rate and its factor per step. */
function conditionSentence({ kappa, best, lr }) {
  const factor = (kappa - 1) / (kappa + 1);
  const near = Math.abs(lr - best) <= 0.01 * best ? "this rate is" : `η = ${num(lr)} is not`;
  return `With κ = ${kappa} the best fixed rate is 2/(1 + κ) = ${num(best)}, shrinking the error by (κ − 1)/(κ + 1) = ${num(factor)} a step; ${near} within 1 % of it.`;
}

/** Table rows k, x, y, f for the run's points (at most `limit`, the last one always included). */
export function rateRows(run, limit = 400) {
  const keep = run.positions.length <= limit ? run.positions.map((_, i) => i) : [...Array(limit - 1).keys(), run.positions.length - 1];
  return keep.map((i) => [String(i), num(run.positions[i][0]), num(run.positions[i][1]), num(run.values[i])]);
}

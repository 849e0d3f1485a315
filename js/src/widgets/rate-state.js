// The learning-rate page's live figure, as pure state: gdlib's plain descent on the valley at a
// rate the reader picks on a log scale, the sweep of rates behind the steps-to-converge curve, and
// the facts the status line, summary and table quote. The conditioning page's figure is the same
// on the quadratics 0.5 (x^2 + kappa y^2) of scripts/_quadratic.py, with a choice of kappa
// (config.kappas). Pure: no DOM, tested by node --test.
import { descend, getSurface } from "../descent.js";
import { formatApart, formatG } from "../pyfmt.js";
import { count, counted, tableRows } from "../words.js";
import { floorCrossings, swingRatio } from "./crossings.js";
import { ending } from "./verdicts.js";
import { logSlider } from "./scale.js";

// A formula kept on one line: its spaces do not break (a phone's summary broke after "(κ").
const WHOLE = (formula) => formula.replaceAll(" ", "\u00a0");

const num = (v) => formatG(v, 3);
export const SWEEP_POINTS = 60;
/** The steps over which the summary counts crossings of the valley floor. */
export const WINDOW = 40;
// A swing ratio below which the summary calls the zig-zag dying out rather than a zig-zag.
const DYING_SWING = 0.1;
/**
 * Where the steps chart draws a run that diverged, as a multiple of the cap: above it, like the
 * static figures. The step gdlib stopped it at says how fast it blew up; drawn at that height it
 * would sit below the converged runs and read as the fastest rate. scripts/_rate_live.py DIVERGED_ROW
 */
export const DIVERGED_ROW = 1.12;
/** The chart's top, as a multiple of the cap: room for the diverged row. */
export const CHART_TOP = 1.2;

/** The height the steps chart gives a sweep point: its step count, or the diverged row. */
export const plottedSteps = (point, cap) => (point.status === "diverged" ? DIVERGED_ROW * cap : point.steps);

/**
 * _quadratic.quadratic(kappa): 0.5 (x^2 + kappa y^2), Hessian diag(1, kappa), so L = kappa
 * (kappa >= 1) and the best fixed rate is bestRate(kappa); `bounds` and `start` from the config.
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

/** The best fixed rate 2 / (lambda_min + lambda_max) of quadratic(kappa): 2 / (1 + kappa). */
export const bestRate = (kappa) => 2 / (1 + kappa);

/**
 * The figure's settings from the page's config: a gdlib surface by name, or with `kappas` the
 * quadratic of condition number `kappa` (one of them) over `bounds`; start, max_iter, rate range.
 */
export function rateSetup({ surface = "valley", start, maxIter, lrMin, lrMax, lr, steps = 240, kappas, kappa, bounds }) {
  const s = kappas ? quadratic(kappa, bounds, start) : getSurface(surface);
  // The opening rate is a slider position: moving away and back returns to it exactly. So is
  // each kappa's best fixed rate, to the slider's three digits: the grid through the opening
  // rate alone missed them (0.991 beside 1 at kappa = 1, where 1 reaches the minimum in one
  // step), and only typing reached them.
  const pins = (kappas ?? []).map((k) => Number(bestRate(k).toPrecision(3)));
  const setup = { surface: s, start: start ?? s.start, maxIter, lrMin, lrMax, lr, slider: logSlider(lrMin, lrMax, steps, 3, lr ?? null, pins) };
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

/** The facts the figure quotes about the run at `lr`. */
export function rateFacts(setup, lr, run = runAt(setup, lr)) {
  const L = setup.surface.lipschitz;
  const kappa = setup.surface.kappa ?? null;
  const regime = lr < 1 / L ? "below 1/L" : lr === 1 / L ? "exactly 1/L" : lr < 2 / L ? "between 1/L and 2/L" : lr === 2 / L ? "exactly 2/L" : "above 2/L";
  return {
    lr,
    run,
    L,
    regime,
    crossings: floorCrossings(run, WINDOW),
    swing: swingRatio(run, WINDOW),
    status: run.status,
    message: run.message,
    steps: run.iterations,
    kappa,
    best: kappa === null ? null : bestRate(kappa),
  };
}

/** One paragraph for a reader who cannot see the figure, from the facts of the run. */
export function rateSummary(facts) {
  const { lr, regime, status, steps, L } = facts;
  // Typed rates run unrounded: 0.1001 must not print as the 2/L = 0.1 it is above, nor a typed
  // 0.6667 beside 2/L = 0.667 (kappa = 3) as below it: each side gets the digits that differ.
  const [oneOverL, twoOverL] = [formatApart(1 / L, [lr]), formatApart(2 / L, [lr])];
  const where = `η = ${formatApart(lr, [1 / L, 2 / L])} is ${regime} (1/L = ${oneOverL}, 2/L = ${twoOverL}).`;
  // The round bowl (kappa = 1) has no valley to swing across.
  const grows = facts.kappa === 1 ? "The path jumps across the minimum ever farther each step" : "The path's swing across the valley grows each step";
  const path =
    status === "diverged"
      ? `${grows} and gdlib stops it as diverged on step ${steps + 1}.`
      : `The path ${crossingWords(facts)} and ${ending(facts.run)}.`;
  return `${where} ${path}${facts.kappa === null ? "" : ` ${conditionSentence(facts)}`}`;
}

/** How often the path crossed y = 0, over its first 40 steps or all of them if fewer. On the
 * round bowl (kappa = 1) there is no valley: the path runs along a line through the minimum. */
function crossingWords({ crossings, steps, kappa, swing }) {
  const over = `in ${counted(steps, WINDOW)}`;
  if (crossings === 0) return `never crossed ${kappa === 1 ? "the minimum" : "the valley floor"} ${over}`;
  if (kappa === 1) return `jumped across the minimum ${count(crossings, "time")} ${over}`;
  // Measured, as the sign flips may be far too small to see: at η = 0.0509 on the valley each
  // swing is 0.018 times the last, so the path looks straight after two steps. Below a tenth
  // per swing, three crossings leave under a thousandth of the first: no zig-zag to speak of.
  const size = Math.abs(swing - 1) < 0.005 ? "swings of about the same size" : `each swing about ${num(swing)} times the one before`;
  if (swing < DYING_SWING) return `crossed the valley floor ${count(crossings, "time")} ${over}, ${size}, so the zig-zag dies out within the first few steps`;
  return `crossed the valley floor ${count(crossings, "time")} ${over} (a zig-zag: ${size})`;
}

/** What the condition number predicts: the best fixed rate and its factor per step. */
function conditionSentence({ kappa, best, lr, L }) {
  const factor = (kappa - 1) / (kappa + 1);
  // Relative slack: 1.01 typed against a best rate of 1 is within 1 % despite rounding. At 2/L
  // (1 % above the best rate when kappa = 100) the run does not converge: no rate to praise.
  const within = Math.abs(lr - best) <= 0.01 * best * (1 + 1e-9);
  const near = !within ? `η = ${formatG(lr, 6)} is not` : lr < 2 / L ? "this rate is" : `η = ${formatG(lr, 6)} is 2/L, where descent stops converging, though`;
  const effect = factor === 0 ? "0: one step reaches the minimum" : `${num(factor)} each step`;
  return `With κ = ${kappa} the best fixed rate is ${WHOLE("2/(1 + κ)")} = ${num(best)}, which multiplies the distance to the minimum by ${WHOLE("(κ − 1)/(κ + 1)")} = ${effect}; ${near} within 1 % of it.`;
}

/** Table rows k, x, y, f for the run's points (at most `limit`, the last one always included). */
export function rateRows(run, limit = 400) {
  return tableRows(run.positions.length, limit, 4, (i) => [String(i), num(run.positions[i][0]), num(run.positions[i][1]), num(run.values[i])]);
}

// The basic-algorithm page's live figure, as pure state: gradient descent on f(x) = x^2 (gdlib's
// bowl along y = 0, the page's own run) one step at a time, with the update written out in
// numbers, a text summary and the points as table rows. Pure: no DOM, tested by node --test.
import { descend } from "../descent.js";
import { formatApart, formatG } from "../pyfmt.js";
import { steps } from "../words.js";
import { logTicks } from "./scale.js";

export const LR_RANGE = Object.freeze({ min: 0.01, max: 1.1, step: 0.01 });
const num = (v) => formatG(v, 4);
const signed = (v) => (v < 0 ? `(${num(v)})` : num(v));
// The rate and the factor 1 − 2η beside the values where the lesson changes (η = 1/2 lands on
// the minimum, η = 1 never shrinks): a typed 0.99999 must not print as 1. The rate field uses
// `rateText` too, so the field never shows a landmark the summary says the rate is not.
export const rateText = (lr) => formatApart(lr, [0.5, 1], 4);
const rate = rateText;
const factorWords = (v) => formatApart(v, [-1, 0, 1], 4);

/** A fresh state: gdlib's run from `start` at `lr` (capped at maxIter steps), at step 0. */
export function createTangent({ start, lr, maxIter }) {
  const run = descend("bowl", [start, 0], { optimizer: "gd", lr, maxIter });
  return { start, lr, maxIter, k: 0, run };
}

/** The same start with another rate, back at step 0. */
export const withRate = (state, lr) => createTangent({ ...state, lr });
/** One step further, never past the run's end. */
export const stepOnce = (state) => ({ ...state, k: Math.min(state.k + 1, state.run.iterations) });
/** Back to x_0. */
export const reset = (state) => ({ ...state, k: 0 });

export const xAt = (state, k) => state.run.positions[k][0];
export const slopeAt = (state, k) => state.run.gradients[k][0];
export const isDone = (state) => state.k >= state.run.iterations;

/** The parabola panel's half-width: at least 3, and wide enough for every point drawn so far and
 * the next step's (above η = 1 each step lands farther out than the last). */
export function parabolaSpan(state) {
  const drawn = Array.from({ length: Math.min(state.k + 1, state.run.iterations) + 1 }, (_, i) => Math.abs(xAt(state, i)));
  return Math.max(3, 1.2 * Math.max(...drawn));
}

/** Step k as a subscript, as the page writes it: sub(12) -> "₁₂" (x_k read as "x_" in a status). */
export const sub = (k) => String(k).replace(/\d/g, (digit) => "₀₁₂₃₄₅₆₇₈₉"[digit]);

/** What the readout shows at the current step: x_k, f'(x_k) and the update with its numbers. */
export function stepFacts(state) {
  const { k, lr } = state;
  const x = xAt(state, k);
  const slope = slopeAt(state, k);
  const facts = { k, x: num(x), slope: num(slope), lr: rate(lr), factor: factorWords(1 - 2 * lr) };
  if (isDone(state)) return { ...facts, update: `The run has ended: ${state.run.message}.`, next: null };
  const next = state.run.positions[k + 1][0];
  facts.next = num(next);
  facts.update =
    `x${sub(k + 1)} = x${sub(k)} − η·f′(x${sub(k)}) = ${signed(x)} − ${rate(lr)} × ${signed(slope)} = ${num(next)}`;
  return facts;
}

/** One paragraph for a reader who cannot see the figure, built from the run's facts. */
export function summary(state) {
  const { k, lr, run } = state;
  const factor = 1 - 2 * lr;
  const end = xAt(state, run.iterations);
  const shape =
    Math.abs(factor) > 1
      ? `|1 − 2η| = ${factorWords(Math.abs(factor))} is above 1, so |x| grows by that factor every step, reaching x = ${num(end)} at step ${run.iterations}`
      : Math.abs(factor) === 1
        ? `|1 − 2η| = 1 is not below 1, so the steps never shrink: x bounces between ${num(state.start)} and ${num(-state.start)}`
        : factor === 0
          ? `1 − 2η = 0, so the first step lands exactly on the minimum`
          : factor < 0
            ? `1 − 2η = ${factorWords(factor)} is negative, so x jumps across the minimum each step while |x| shrinks`
            : `every step multiplies x by 1 − 2η = ${factorWords(factor)}, so the steps shrink as the slope flattens`;
  const where = `At step ${k}, x = ${num(xAt(state, k))} and the slope f′(x) = 2x is ${num(slopeAt(state, k))}.`;
  return `${where} With η = ${rate(lr)}, ${shape}. gdlib's loop ends after ${steps(run.iterations)}: ${run.message}.`;
}

/** Table rows k, x_k, f(x_k), f'(x_k) up to the current step. */
export function rows(state) {
  return Array.from({ length: state.k + 1 }, (_, i) => [
    String(i),
    num(xAt(state, i)),
    num(state.run.values[i]),
    num(slopeAt(state, i)),
  ]);
}

const FLOOR = 1e-9; // below this |x_k| sits on the axis's floor
const ZERO_GAP = 4; // the "0" row sits this factor under the lowest labelled value

/**
 * The second panel's log axis for |x_k|: y range, labelled ticks ([value, text] for the "0" row)
 * and where each |x_k| is drawn. A log axis has no place for 0, so an x_k of exactly 0 (η = 1/2
 * lands on the minimum) gets its own row under the others labelled "0"; a range too narrow for
 * two powers of ten (|x| constant at η = 1) widens to the decades around it.
 */
export function logPanel(state) {
  const sizes = state.run.positions.map((p) => Math.abs(p[0]));
  const shown = sizes.filter((v) => v > 0);
  if (shown.length === 0) shown.push(1); // a run from the minimum itself: 0 is all there is
  let lo = Math.max(FLOOR, Math.min(...shown) / 2);
  let hi = Math.min(1e7, Math.max(...shown) * 2);
  if (logTicks(lo, hi).length < 2) [lo, hi] = [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
  const decades = logTicks(lo, hi);
  const every = Math.ceil(decades.length / 5);
  const ticks = decades.filter((_, i) => i % every === 0);
  const zero = sizes.includes(0) ? lo / ZERO_GAP : null;
  const n = Math.max(1, state.run.iterations);
  return {
    x: [-0.03 * n, 1.03 * n], // room for the first and last dots, which sat half outside
    // Room under the "0" row for its dots, and a little at both ends: at eta = 1 (|x| constant)
    // the decades 1 and 10 were the frame's own corners, their labels on its edges.
    y: [(zero === null ? lo : zero / 2) / 1.25, hi * 1.25],
    ticks: zero === null ? ticks : [[zero, "0"], ...ticks],
    zero,
    points: sizes.map((v) => (v === 0 ? zero : Math.max(lo, v))),
  };
}

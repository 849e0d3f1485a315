// The basic-algorithm page's live figure, as pure state: gradient descent on f(x) = x^2 (gdlib's
// bowl along y = 0, the page's own run) one step at a time, with the update written out in
// numbers, a text summary and the points as table rows. Pure: no DOM, tested by node --test.
import { descend } from "../descent.js";
import { formatApart, formatG } from "../pyfmt.js";
import { steps } from "../words.js";

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
    `x_${k + 1} = x_${k} − η·f′(x_${k}) = ${signed(x)} − ${rate(lr)} × ${signed(slope)} = ${num(next)}`;
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

// How a run ended, in words the live figures' summaries share: arrival, a stall, or, at the step
// cap, still sinking, swinging without settling, or growing too slowly to trip gdlib's limits.
// Pure: no DOM, tested by node --test.
import { GRAD_TOL } from "../descent.js";
import { formatG } from "../pyfmt.js";
import { steps } from "../words.js";

const num = (v) => formatG(v, 3);
/** The Euclidean norm of a run's last gradient. */
export const gradientNorm = (run) => Math.hypot(...run.gradients.at(-1));

/** A step-length stop with the gradient still above gdlib's gradient tolerance: a stall (the
 * momentum turning round), not arrival at the minimum. */
export const stalled = (run) => run.criterion === "step_tol" && gradientNorm(run) > GRAD_TOL;

/** Whether a run truly arrived: converged, and not by a stall. */
export const arrived = (run) => run.status === "converged" && !stalled(run);

/** A run at the cap, judged on its last two quarters: swings growing by more than 1 %, still
 * sinking (a lower low by more than a millionth, and below the start), or swinging with its lows
 * no longer falling (at exactly 2/L the steep direction bounces for ever while the flat one's
 * share of f, sinking, is lost in f's rounding). */
export function cappedVerdict(run) {
  const v = run.values;
  const q = Math.floor(v.length / 4);
  const cap = `the cap of ${steps(run.iterations)}`;
  if (q === 0) return `was still running at ${cap}`;
  const [before, last] = [v.slice(2 * q, 3 * q), v.slice(3 * q)];
  const values = `value ${num(v.at(-1))} against ${num(v[0])} at the start`;
  if (Math.max(...last) > 1.01 * Math.max(...before)) return `had not settled at ${cap}: its swings were still growing (${values})`;
  const [low, lower] = [Math.min(...before), Math.min(...last)];
  if (lower < low - 1e-6 * Math.abs(low) && v.at(-1) < v[0]) return `was still sinking at ${cap} (${values})`;
  return `had not settled at ${cap}: it kept swinging, its lows no longer falling (${values})`;
}

/** The end of any run: "converged in N steps", a stall, "diverged on step N + 1" (named by the step
 * that blew up, as the explorer's readout and summary name it), or the cap's. */
export function ending(run) {
  const taken = steps(run.iterations);
  if (stalled(run)) return `stopped after ${taken} on a step shorter than its tolerance, with the gradient norm still ${num(gradientNorm(run))}`;
  if (run.status === "converged") return `converged in ${taken}`;
  return run.status === "diverged" ? `diverged on step ${run.iterations + 1}` : cappedVerdict(run);
}

// The explorer's words for readers who cannot see the figure: a sentence per run saying how it
// ends (run to its end here, whatever step the animation shows), and the lead path's points as
// table rows. Pure: no DOM, no three.js; tested by node --test, and the page's build-time copy
// of the default run's text (scripts/fig_explorer_fallback.py) is compared with it in Chromium.
import { Descent } from "./descent.js";
import { fmt } from "./fmt.js";
import { formatE, formatG } from "./pyfmt.js";
import { gradientNorm, stalled } from "./widgets/verdicts.js";
import { steps } from "./words.js";

/** Rows shown from the start of a path; the last point follows them. */
export const FIRST_ROWS = 50;


/**
 * What a converged run reached, beyond its point: nothing at one of the surface's minima, else
 * that it is a stationary point only. "At" is within a thousandth of the domain's width: the
 * surfaces' minima are not flat, so a run that meets the gradient test near one lies far closer,
 * and their other stationary points lie farther than 0.3 from every minimum (the six-hump
 * camel's saddles, the closest). Where no minima are known (a reader's function, minima null),
 * its exact Hessian tells a saddle or a maximum (`curvature`); otherwise nothing is said.
 */
export function reached(surface, [x, y]) {
  const minima = surface?.minima;
  if (minima == null) return NOT_MINIMUM[curvature(surface, x, y)] ?? "";
  if (minima.length === 0) return ": a stationary point, and this surface has no minimum";
  const [[x0, x1], [y0, y1]] = surface.bounds;
  const near = 1e-3 * Math.max(x1 - x0, y1 - y0);
  return minima.some(([mx, my]) => Math.hypot(x - mx, y - my) < near) ? "" : ": a stationary point that is none of the surface's minima";
}

/** What the summary says of a reader's function's stationary point, by how f curves there. */
const NOT_MINIMUM = {
  saddle: ": a saddle point, where f curves down in one direction",
  maximum: ": a local maximum, where f curves down in every direction",
  down: ": not a minimum, as f curves down in some direction there",
};

/**
 * How f curves at (x, y), from its exact Hessian [[a, b], [b, c]], whose eigenvalues are
 * (a + c)/2 -+ sqrt(((a - c)/2)^2 + b^2): "saddle" when only the smaller is negative, "maximum"
 * when both are; "down" when an entry is not finite but a diagonal one is negative (f curves
 * down along that axis); else null (a minimum, flat, or no Hessian). Negative means below
 * -1e-6 times the larger of 1 and the eigenvalues' size: absolute at small curvatures.
 */
export function curvature(surface, x, y) {
  const h = surface?.hessian?.(x, y);
  if (!h) return null;
  const [[a, b], [, c]] = h;
  if (![a, b, c].every(Number.isFinite)) return a < -1e-6 || c < -1e-6 ? "down" : null;
  const mid = (a + c) / 2;
  const half = Math.hypot((a - c) / 2, b);
  const tol = 1e-6 * Math.max(1, Math.abs(mid) + half);
  if (mid + half < -tol) return "maximum";
  return mid - half < -tol ? "saddle" : null;
}

/** Scale words for the summary's large numbers, from 10^3 on: see `said`. */
const LARGE = ["thousand", "million", "billion", "trillion"];

/**
 * A number in the summary's sentences, which screen readers speak: as the readout writes it
 * (fmt) below 1e5, and from there in words to three significant figures, "123 thousand" or
 * "-5.78 billion", not the readout's "1.23e+5" (heard as "e plus 5"; a power of ten in
 * superscript is often heard as "1.23 times 105"). Rounded as Python rounds (formatE), so
 * scripts/_explorer_readout.py's said_number writes the same digits. Past the trillions
 * (which no run that has not diverged reaches: gdlib stops at |f| > 1e12) it falls back to fmt.
 */
export function said(v) {
  if (!Number.isFinite(v) || Math.abs(v) < 1e5) return fmt(v);
  const [mantissa, exp] = formatE(Math.abs(v), 2).split("e");
  const group = Math.floor(Number(exp) / 3);
  if (group > LARGE.length) return fmt(v);
  const digits = mantissa.replace(".", "");
  const point = (Number(exp) % 3) + 1;
  const number = point < 3 ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits;
  return `${v < 0 ? "-" : ""}${number} ${LARGE[group - 1]}`;
}

/** ", outside the drawn domain" where the view pins a point that left the surface's bounds. */
function outside({ surface }, [x, y]) {
  const [[x0, x1], [y0, y1]] = surface?.bounds ?? [[x, x], [y, y]];
  return x0 <= x && x <= x1 && y0 <= y && y <= y1 ? "" : ", outside the drawn domain";
}

/**
 * One sentence for a finished run: "GD converged in 770 steps to (0.00, 0.00), value 0.00." A
 * run stopped by the step test with its gradient still above the gradient test's tolerance
 * stalled there (Adam, its steps shrinking, can); a diverged one is named by the step that blew
 * up, as the readout names it ("after 0 steps" had read as if it never moved).
 */
export function outcome(label, run) {
  const [x, y] = run.point;
  const at = `(${said(x)}, ${said(y)})${outside(run, run.point)}, value ${said(run.value)}`;
  if (stalled(run)) {
    return `${label} stopped after ${steps(run.iterations)} at ${at}, on a step shorter than its tolerance, with the gradient norm still ${formatG(gradientNorm(run), 3)}.`;
  }
  if (run.status === "converged") return `${label} converged in ${steps(run.iterations)} to ${at}${reached(run.surface, run.point)}.`;
  if (run.status === "diverged") return `${label} diverged on step ${run.iterations + 1}.`;
  if (run.status === "max_iter") return `${label} did not converge within ${steps(run.iterations)}; it stopped at ${at}.`;
  return `${label} is at step ${run.iterations}, ${at}.`;
}

/** Each optimizer of `settings` on `surface`, at its start: [{name, descent}]. */
export function startRuns(settings, surface) {
  const { x, y, lr, maxIter, optimizers } = settings;
  return optimizers.map((name) => ({ name, descent: new Descent(surface, [x, y], { optimizer: name, lr, maxIter }) }));
}

/**
 * Advance unfinished `runs` in chunks of `chunk` steps until each has ended or `now()` passes
 * `until`; returns true once every run has ended. The summary runs a reader's function of
 * 100,000 steps, six times over, in slices like this, so no task blocks the page for seconds.
 */
export function advanceRuns(runs, until, now = () => performance.now(), chunk = 200) {
  for (const { descent } of runs) {
    while (!descent.done) {
      if (now() >= until) return false;
      descent.run(chunk);
    }
  }
  return true;
}

/** The summary's lines, one per run, or the reason there is no run. */
export function summaryLines(runs, labels, problem = null) {
  const why = problem ?? "no optimizer is ticked";
  if (!runs.length) return [`No run: ${why}${why.endsWith(".") ? "" : "."}`];
  return runs.map(({ name, descent }) => outcome(labels[name], descent));
}

/**
 * The lead path's table: its first FIRST_ROWS points and its last, each as [step, x, y, f] in
 * Python's `{:.6g}` (pyfmt.js), with a caption saying which rows are shown.
 */
export function pointRows(label, descent) {
  const { positions, values } = descent;
  const count = positions.length;
  const shown = count <= FIRST_ROWS + 1 ? [...positions.keys()] : [...Array(FIRST_ROWS).keys(), count - 1];
  const rows = shown.map((k) => [String(k), formatG(positions[k][0]), formatG(positions[k][1]), formatG(values[k])]);
  const caption = count <= FIRST_ROWS + 1
    ? `${label}'s path: all ${count} points.`
    : `${label}'s path: the first ${FIRST_ROWS} of ${count} points and the last.`;
  return { caption, rows };
}

// The convergence page's live figure, as pure state: one gdlib run of plain descent traced with
// every test off (the three watched quantities: gradient norm, step length, change in value),
// and, for the reader's tolerances, where each test alone would stop the run and where gdlib's
// run with all three stops (the first to fire). Pure: no DOM, tested by node --test.
import { descend, getSurface } from "../descent.js";
import { formatG } from "../pyfmt.js";
import { logSlider } from "./scale.js";

const num = (v) => formatG(v, 3);
export const TESTS = [
  { key: "gradTol", name: "grad_tol", what: "gradient-norm" },
  { key: "stepTol", name: "step_tol", what: "step" },
  { key: "valueTol", name: "value_tol", what: "value" },
];
const OFF = { gradTol: 0, stepTol: 0, valueTol: 0 };

/** The figure's settings from the page's config, and the traced run (every test off). */
export function criteriaSetup({ surface = "valley", start, lr, maxIter, gradTol, stepTol, valueTol, tolMin, tolMax, steps = 240 }) {
  const s = getSurface(surface);
  const base = { surface: s.name, start: start ?? s.start, lr, maxIter };
  const trace = descend(base.surface, base.start, { optimizer: "gd", lr, maxIter, ...OFF });
  const hyp = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  // Indexed as gdlib tests them at iterate k: the gradient at theta_k, and the step and value
  // change that reached theta_k (null at k = 0, before any step), so a run that stops at step k
  // stops on entry k of each series and the table, status and dot agree.
  const back = (xs, d) => xs.map((x, k) => (k === 0 ? null : d(x, xs[k - 1])));
  const quantities = {
    gradTol: trace.gradients.map(([gx, gy]) => Math.hypot(gx, gy)),
    stepTol: back(trace.positions, hyp),
    valueTol: back(trace.values, (v, u) => Math.abs(v - u)),
  };
  return { base, trace, quantities, tolerances: { gradTol, stepTol, valueTol }, tolMin, tolMax, slider: logSlider(tolMin, tolMax, steps) };
}

/** gdlib's run with the given tolerances (0 switches a test off). */
export const runWith = (setup, tolerances) =>
  descend(setup.base.surface, setup.base.start, { optimizer: "gd", lr: setup.base.lr, maxIter: setup.base.maxIter, ...tolerances });

/** For each test alone, the run it gives; and gdlib's run with all three. */
export function criteriaFacts(setup, tolerances) {
  const alone = Object.fromEntries(TESTS.map(({ key }) => [key, runWith(setup, { ...OFF, [key]: tolerances[key] })]));
  return { tolerances, alone, run: runWith(setup, tolerances), maxIter: setup.base.maxIter };
}

const stopsAt = (run, maxIter) => (run.status === "converged" ? `step ${run.iterations}` : `never (it runs to max_iter = ${maxIter})`);

/** Where test `key`'s run stops, as an index into its watched quantity (null: it never fires). */
export function markIndex(facts, key) {
  const run = facts.alone[key];
  return run.status === "converged" ? run.iterations : null;
}

/** The status line: where gdlib's run with the three tolerances stops, in its own words. */
export const criteriaStatus = ({ run }) => `gdlib stops at step ${run.iterations}: ${run.message}.`;

/** One paragraph for a reader who cannot see the figure, from the runs. */
export function criteriaSummary(facts) {
  const parts = TESTS.map(({ key, name, what }) => `the ${what} test (${name} = ${num(facts.tolerances[key])}) at ${stopsAt(facts.alone[key], facts.maxIter)}`);
  return `Alone, ${parts[0]}; ${parts[1]}; ${parts[2]}. ${whichFires(facts)}`;
}

/** Which test stops gdlib's run; when several would stop it at that same step, all of them. */
function whichFires({ run, alone }) {
  const first = TESTS.find(({ name }) => run.criterion === name);
  if (!first) return `No test fires, so the run stops at the cap of ${run.iterations} steps.`;
  const tied = TESTS.filter(({ key }) => alone[key].status === "converged" && alone[key].iterations === run.iterations);
  if (tied.length < 2) return `The ${first.what} test fires first, so the run stops at step ${run.iterations}.`;
  const names = tied.map(({ what }) => what);
  const list = `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `The ${list} tests fire together at step ${run.iterations}; gdlib checks the ${first.what} test first and names it.`;
}

/** Table rows k, gradient norm, step, value change, up to where the run stops (no step at k = 0). */
export function criteriaRows(setup, facts) {
  const cell = (v) => (v == null ? "" : num(v));
  const { gradTol, stepTol, valueTol } = setup.quantities;
  return Array.from({ length: facts.run.iterations + 1 }, (_, k) => [String(k), cell(gradTol[k]), cell(stepTol[k]), cell(valueTol[k])]);
}

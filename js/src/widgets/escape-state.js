// The saddle-points page's live figure, as pure state: gdlib's plain descent on the double well
// x^2 + (y^2 - 1)^2 of scripts/_double_well.py from (x0, y0), with the height y0 above the saddle's
// stable manifold y = 0 chosen on a log scale (or exactly 0); the iterates of the run within
// `radius` of the saddle, measured and predicted by the linearised dynamics, over the slider's
// range. Pure: no DOM, tested by node --test and held to gdlib by tests/test_widget_agreement.py.
import { descend } from "../descent.js";
import { formatG } from "../pyfmt.js";
import { count, steps, tableRows } from "../words.js";
import { logSlider } from "./scale.js";
import { cappedVerdict } from "./verdicts.js";

const num = (v) => formatG(v, 3);
export const CURVE_POINTS = 45;

/** _double_well.DOUBLE_WELL: saddle at the origin (Hessian eigenvalues 2 and -4), minima (0, +-1). */
export function doubleWell(bounds, minima) {
  return {
    name: "double-well",
    title: "Double well",
    f: (x, y) => x * x + (y * y - 1.0) ** 2,
    grad: (x, y) => [2.0 * x, 4.0 * y * (y * y - 1.0)],
    bounds,
    minima,
    lipschitz: null,
  };
}

/** The figure's settings from the page's config: {lr, x0, y0, y0Min, y0Max, radius, maxIter, sliderSteps, bounds, minima}.
 * The slider's positions come from the config because the page quotes gaps measured at each. */
export function escapeSetup({ lr, x0, y0, y0Min, y0Max, radius, maxIter, sliderSteps, bounds, minima }) {
  const setup = { surface: doubleWell(bounds, minima), lr, x0, y0, y0Min, y0Max, radius, maxIter, slider: logSlider(y0Min, y0Max, sliderSteps) };
  return { ...setup, curve: escapeCurve(setup) };
}

/** gdlib's run from (x0, y0). */
export const runFrom = (setup, y0) => descend(setup.surface, [setup.x0, y0], { optimizer: "gd", lr: setup.lr, maxIter: setup.maxIter });

/** Iterates closer than `radius` to the saddle at the origin. */
export const stayNear = (run, radius) => run.positions.filter(([x, y]) => Math.hypot(x, y) < radius).length;

/**
 * The linearised count: y grows by 1 + 4 lr a step and x shrinks by 1 - 2 lr, so the run is
 * within `radius` from about ln(x0 / radius) / -ln(1 - 2 lr) steps until ln(radius / y0) / ln(1 + 4 lr).
 */
export function predictedStay({ lr, x0, radius }, y0) {
  if (y0 === 0) return Infinity;
  const leave = Math.log(radius / y0) / Math.log(1 + 4 * lr);
  const arrive = Math.log(x0 / radius) / -Math.log(1 - 2 * lr);
  return Math.max(leave - arrive, 0);
}

/** Measured and predicted stays for CURVE_POINTS log-spaced heights over the slider's range. */
export function escapeCurve(setup, points = CURVE_POINTS) {
  return Array.from({ length: points }, (_, i) => {
    const y0 = setup.y0Min * (setup.y0Max / setup.y0Min) ** (i / (points - 1));
    return { y0, stay: stayNear(runFrom(setup, y0), setup.radius), predicted: predictedStay(setup, y0) };
  });
}

/** Where the run ended: at the saddle, at a minimum, or still on its way. */
function ending(setup, run) {
  const [x, y] = run.positions.at(-1);
  if (run.status !== "converged") return run.status === "diverged" ? "diverged" : cappedVerdict(run);
  if (Math.hypot(x, y) < 1e-3) return `converged at the saddle, not a minimum, after ${steps(run.iterations)}`;
  const near = setup.surface.minima.find(([mx, my]) => Math.hypot(x - mx, y - my) < 1e-3);
  return near ? `converged to the minimum (${num(near[0])}, ${num(near[1])}) after ${steps(run.iterations)}` : `converged after ${steps(run.iterations)}`;
}

/** The facts the status, summary and table quote for the start height y0. */
export function escapeFacts(setup, y0, run = runFrom(setup, y0)) {
  return { y0, run, stay: stayNear(run, setup.radius), predicted: predictedStay(setup, y0), radius: setup.radius, ending: ending(setup, run), message: run.message };
}

/** The status line: the start and gdlib's message. */
export const escapeStatus = (facts) => `y₀ = ${num(facts.y0)}: ${facts.message}`;

/** One paragraph for a reader who cannot see the figure. `stay` counts iterates (stayNear), so
 * both branches name them as iterates, singular for one. */
export function escapeSummary(facts) {
  const { y0, stay, predicted, radius, ending: end } = facts;
  const near = `${count(stay, "iterate")} within ${radius} of the saddle`;
  if (y0 === 0) {
    return `Started exactly on the stable manifold y = 0, the gradient never has a y component: the run ${end}, with ${near}.`;
  }
  return (
    `Started ${num(y0)} above the stable manifold, the run had ${near} ` +
    `(the linearised estimate: ${num(predicted)}) and ${end}.`
  );
}

/** Table rows k, x, y, f, |grad f| for the run's points (at most `limit`, the last kept). */
export function escapeRows(run, limit = 400) {
  return tableRows(run.positions.length, limit, 5, (i) => {
    const [x, y] = run.positions[i];
    return [String(i), num(x), num(y), num(run.values[i]), num(Math.hypot(...run.gradients[i]))];
  });
}

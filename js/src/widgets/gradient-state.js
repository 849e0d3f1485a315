// The gradient page's live figure, as pure state: a point on a surface, gdlib's analytic gradient
// there, the forward-difference estimate (f(p + h e_i) - f(p)) / h in real float64, its error,
// and the error over a log range of h (truncation falls with h, rounding grows as h shrinks).
// Pure: no DOM, tested by node --test.
import { getSurface } from "../descent.js";
import { formatG } from "../pyfmt.js";
import { logSlider } from "./scale.js";

const num = (v) => formatG(v, 3);
export const CURVE_POINTS = 61;

/** The figure's settings from the page's config: surface, point, h and the h range. */
export function gradientSetup({ surface = "himmelblau", point, h, hMin, hMax, steps = 240 }) {
  const s = getSurface(surface);
  return { surface: s, point: point ?? s.start, h, hMin, hMax, slider: logSlider(hMin, hMax, steps) };
}

/** The forward difference of `surface`'s f at [x, y] with step h: [d/dx, d/dy]. */
export function forwardDifference(surface, [x, y], h) {
  const f0 = surface.f(x, y);
  return [(surface.f(x + h, y) - f0) / h, (surface.f(x, y + h) - f0) / h];
}

/** The largest coordinate error of the forward difference against the analytic gradient. */
export function forwardError(surface, point, h) {
  const exact = surface.grad(point[0], point[1]);
  const estimate = forwardDifference(surface, point, h);
  return Math.max(Math.abs(estimate[0] - exact[0]), Math.abs(estimate[1] - exact[1]));
}

/** The error at CURVE_POINTS log-spaced steps over the setup's h range: [{h, error}]. */
export function errorCurve(setup, point, count = CURVE_POINTS) {
  return Array.from({ length: count }, (_, i) => {
    const h = setup.hMin * (setup.hMax / setup.hMin) ** (i / (count - 1));
    return { h, error: forwardError(setup.surface, point, h) };
  });
}

/**
 * The page's error model at `point` (its section 2): truncation about (M₂/2) h, with M₂ the
 * largest |∂ᵢᵢf| there (a central difference of the analytic gradient), and rounding about
 * (2ε|f| + ε S/2)/h: f's two values, and θ's own rounding (S = maxᵢ |θᵢ ∂ᵢf|), since a computed
 * f behaves like f at a point about ε|θ| away, in the step θ + h and in f's terms. Near a
 * minimum f is almost 0 while its terms cancel: f's values alone would put the best step far
 * too low. They meet at
 * h* = 2√(ε(|f| + S/4)/M₂) (null when M₂ is 0 or both rounding terms are).
 */
export function errorModel(surface, [x, y]) {
  const d = 1e-5 * Math.max(1, Math.abs(x), Math.abs(y));
  const fxx = (surface.grad(x + d, y)[0] - surface.grad(x - d, y)[0]) / (2 * d);
  const fyy = (surface.grad(x, y + d)[1] - surface.grad(x, y - d)[1]) / (2 * d);
  const m2 = Math.max(Math.abs(fxx), Math.abs(fyy));
  const [gx, gy] = surface.grad(x, y);
  const size = Math.abs(surface.f(x, y)) + Math.max(Math.abs(x * gx), Math.abs(y * gy)) / 4;
  return {
    truncation: (h) => (m2 / 2) * h,
    rounding: (h) => (2 * Number.EPSILON * size) / h,
    crossover: m2 > 0 && size > 0 ? 2 * Math.sqrt((Number.EPSILON * size) / m2) : null,
  };
}

/** Which model term is larger at h: "truncation", "rounding", or null within a factor 2. Judged
 * from the model, not the measured curve: rounding errors can cancel by luck and leave a dip (at
 * (-4.9, -4.9) the curve is smallest at h = 3.98e-8, a tenth of its neighbours, so h = 3.5e-8
 * lies "below the best h", yet there the model's two terms are within a factor 2: h* = 4.21e-8). */
export function dominantTerm(model, h) {
  const [t, r] = [model.truncation(h), model.rounding(h)];
  return t >= 2 * r ? "truncation" : r >= 2 * t ? "rounding" : null;
}

/** A point kept inside the surface's bounds. */
export function clampPoint(setup, [x, y]) {
  const [[x0, x1], [y0, y1]] = setup.surface.bounds;
  return [Math.min(x1, Math.max(x0, x)), Math.min(y1, Math.max(y0, y))];
}

/** The facts the figure quotes at `point` with step `h`. */
export function gradientFacts(setup, point, h) {
  const { surface } = setup;
  const exact = surface.grad(point[0], point[1]);
  const estimate = forwardDifference(surface, point, h);
  const curve = errorCurve(setup, point);
  const error = forwardError(surface, point, h);
  const best = curve.reduce((a, b) => (b.error < a.error ? b : a));
  const model = errorModel(surface, point);
  return {
    point,
    h,
    f: surface.f(point[0], point[1]),
    exact,
    estimate,
    error,
    norm: Math.hypot(exact[0], exact[1]),
    curve,
    best,
    tiniest: curve[0],
    truncation: model.truncation(h),
    rounding: model.rounding(h),
    crossover: model.crossover,
    dominant: dominantTerm(model, h),
  };
}

const pair = ([a, b]) => `(${num(a)}, ${num(b)})`;

/** The status line: the gradient, the estimate and its error. */
export function gradientStatus(facts) {
  return `At ${pair(facts.point)}: ∇f = ${pair(facts.exact)}; forward difference with h = ${num(facts.h)}: ${pair(facts.estimate)}, error ${num(facts.error)}.`;
}

/** One paragraph for a reader who cannot see the figure, from the computed facts. */
export function gradientSummary(facts) {
  const { point, f, norm, best, tiniest, dominant, truncation, rounding, crossover } = facts;
  // At a stationary point the figure still draws the estimate's arrow: say that it is all error.
  const zero = `the gradient is zero here, a stationary point, yet the forward difference with h = ${num(facts.h)} gives ${pair(facts.estimate)}, all of it error.`;
  const slope = norm === 0 ? zero : `f = ${num(f)} and the slope downhill is ${num(norm)}.`;
  const grows = tiniest.error > best.error ? ` and grows to ${num(tiniest.error)} at the tiniest h` : "";
  // The chosen h lies between plotted steps: luck can give it a smaller error than any of them.
  const chosen = facts.error < best.error ? `; the chosen h, between them, gets ${num(facts.error)}` : "";
  const curve = `Of the ${facts.curve.length} plotted steps h from ${num(tiniest.h)} to ${num(facts.curve.at(-1).h)}, the error is smallest at h = ${num(best.h)} (${num(best.error)})${grows}${chosen}.`;
  const meet = crossover === null ? "" : `; they meet at h ≈ ${num(crossover)}`;
  const model = `The page's model (both rounding errors) gives truncation ${num(truncation)} and rounding ${num(rounding)} at h = ${num(facts.h)}${meet}`;
  const verdict = dominant === null ? "neither is twice the other" : `${dominant} dominates`;
  return `At ${pair(point)}, ${slope} ${curve} ${model}: ${verdict}.`;
}

/** Table rows h, error over the curve. */
export const gradientRows = (facts) => facts.curve.map(({ h, error }) => [num(h), num(error)]);

// The descent math of the explorer, a line-for-line port of gdlib: this module is gdlib/descent.py
// (the loop and its stopping rules) and re-exports the surfaces and optimizers, so the rest of
// the explorer imports from here. Pure: no DOM, no three.js, so node tests and
// tests/test_js_agreement.py can check it against gdlib to 1e-9.
import { checkNonnegative, getOptimizer } from "./optimizers.js";
import { formatE, formatG } from "./pyfmt.js";
import { SHARED, getSurface } from "./surfaces.js";

export { OPTIMIZERS, adagrad, adam, getOptimizer, rmsprop, sgd } from "./optimizers.js";
export { SURFACES, getSurface } from "./surfaces.js";

// gdlib's limits (rule 1) and descend's defaults, from the JSON module the build writes.
const LIMITS = SHARED.descent;
export const MAX_VALUE = LIMITS.maxValue;
export const MAX_POSITION = LIMITS.maxPosition;
export const GRAD_TOL = LIMITS.gradTol;

const NOT_FINITE = "value or gradient is not finite";

function divergence(position, value, gradient) {
  if (!(Number.isFinite(value) && Number.isFinite(gradient[0]) && Number.isFinite(gradient[1]))) {
    return NOT_FINITE;
  }
  if (Math.abs(value) > MAX_VALUE) return `value ${formatG(value, 3)} exceeded ${formatE(MAX_VALUE, 0)} in magnitude`;
  const norm = Math.hypot(position[0], position[1]);
  if (!(norm <= MAX_POSITION)) return `position norm ${formatG(norm, 3)} exceeded ${formatE(MAX_POSITION, 0)}`;
  return null;
}

// gdlib/_converged.py: the measure to two significant digits, more where two would round it up
// to the limit or past it ("gradient norm 1e-06 <= 1e-06" reads as a misprint, "1.3e-06 <=
// 1.26e-06" as a false statement).
export function convergedMessage(measure, value, limit) {
  const misleads = (shown) => shown > limit || (value < limit && limit <= shown);
  let digits = 2;
  while (digits < 17 && misleads(Number(formatG(value, digits)))) digits += 1;
  return `converged: ${measure} ${formatG(value, digits)} <= ${formatG(limit)}`;
}

// minima: [] when the surface has none (unbounded below: that comes first, with 2/L beside it
// when both hold), null when none is known.
function divergenceHint(surface, optimizer, lr, reason) {
  const above = optimizer === "gd" && surface.lipschitz !== null && lr > 2.0 / surface.lipschitz;
  const rate = above ? `learning rate ${formatG(lr)} is above 2/L = ${formatG(2.0 / surface.lipschitz)}` : "";
  if (surface.minima !== null && surface.minima.length === 0) return `; this surface is unbounded below${rate ? `, and ${rate}` : ""}`;
  if (rate) return `; ${rate} for this surface`;
  if (surface.minima === null) {
    if (reason === NOT_FINITE) return "; the step landed where the function or its gradient is undefined or overflows";
    return "; no global L or minimum is known for this function: the rate may be too large for its curvature along the path, or the function unbounded below";
  }
  return "";
}

function checkInt(value, name, low) {
  if (!Number.isInteger(value)) throw new TypeError(`${name} must be an integer, got ${typeof value}`);
  if (value < low) throw new RangeError(`${name} must be in [${low}, inf), got ${value}`);
  return value;
}

/**
 * A descent that advances one step at a time, for the animation; `descend` runs one to the end.
 * Fields: positions, values, gradients (one entry per recorded iterate), status ("running",
 * "converged", "diverged", "max_iter"), criterion, message, iterations.
 */
export class Descent {
  constructor(surface, start, { optimizer = "gd", lr = 0.01, maxIter = LIMITS.maxIter,
    gradTol = GRAD_TOL, stepTol = LIMITS.stepTol, valueTol = LIMITS.valueTol, hyper = {} } = {}) {
    this.surface = typeof surface === "string" ? getSurface(surface) : surface;
    if (!(start.length === 2 && Number.isFinite(start[0]) && Number.isFinite(start[1]))) {
      throw new RangeError("start contains NaN or infinite values");
    }
    // The divergence hint's name: 2/L bounds descent without momentum only, so none with it.
    this.optimizer = hyper?.momentum ? null : optimizer;
    this.lr = lr;
    this.opt = getOptimizer(optimizer, lr, hyper);
    this.maxIter = checkInt(maxIter, "max_iter", 0);
    this.gradTol = checkNonnegative(gradTol, "grad_tol");
    this.stepTol = checkNonnegative(stepTol, "step_tol");
    this.valueTol = checkNonnegative(valueTol, "value_tol");
    this.point = [start[0], start[1]];
    this.value = this.surface.f(this.point[0], this.point[1]);
    this.gradient = this.surface.grad(this.point[0], this.point[1]);
    const reason = divergence(this.point, this.value, this.gradient);
    if (reason !== null) throw new RangeError(`start [${start}] is outside the region descent tracks: ${reason}`);
    this.positions = [this.point];
    this.values = [this.value];
    this.gradients = [this.gradient];
    this.state = this.opt.init(this.point);
    this.status = "running";
    this.criterion = null;
    this.message = "running";
    this.iterations = 0;
    this.checkCurrent();
  }

  get done() {
    return this.status !== "running";
  }

  // Rules 2 and 3 on the current iterate (rule 1 ran when it was made).
  checkCurrent() {
    const gradNorm = Math.hypot(this.gradient[0], this.gradient[1]);
    if (gradNorm <= this.gradTol) {
      return this.finish("converged", "grad_tol", convergedMessage("gradient norm", gradNorm, this.gradTol));
    }
    if (this.iterations === this.maxIter) {
      return this.finish("max_iter", null, `stopped: reached max_iter = ${this.maxIter}`);
    }
    return false;
  }

  finish(status, criterion, message) {
    this.status = status;
    this.criterion = criterion;
    this.message = message;
    return true;
  }

  /** Take one step (rule 4, then rule 1 on the new iterate); returns true once the run ended. */
  advance() {
    if (this.done) return true;
    const [step, state] = this.opt.update(this.gradient, this.state);
    this.state = state;
    const newPoint = [this.point[0] + step[0], this.point[1] + step[1]];
    const newValue = this.surface.f(newPoint[0], newPoint[1]);
    const newGradient = this.surface.grad(newPoint[0], newPoint[1]);
    const reason = divergence(newPoint, newValue, newGradient);
    if (reason !== null) {
      return this.finish("diverged", null, `diverged: ${reason}${divergenceHint(this.surface, this.optimizer, this.lr, reason)}`);
    }
    this.iterations += 1;
    this.positions.push(newPoint);
    this.values.push(newValue);
    this.gradients.push(newGradient);
    const oldValue = this.value;
    [this.point, this.value, this.gradient] = [newPoint, newValue, newGradient];
    const stepNorm = Math.hypot(step[0], step[1]);
    if (this.stepTol > 0 && stepNorm <= this.stepTol) {
      return this.finish("converged", "step_tol", convergedMessage("step norm", stepNorm, this.stepTol));
    }
    const change = Math.abs(newValue - oldValue);
    // A tolerance of 0 switches its test off: a period-2 bounce changes the value by exactly 0.
    if (this.valueTol > 0 && change <= this.valueTol) {
      return this.finish("converged", "value_tol", convergedMessage("value change", change, this.valueTol));
    }
    return this.checkCurrent();
  }

  /** Advance up to `steps` times; returns how many steps were taken. */
  run(steps = Infinity) {
    const before = this.iterations;
    for (let i = 0; i < steps && !this.done; i += 1) this.advance();
    return this.iterations - before;
  }
}

/** gdlib.descent.descend: run to a stopping rule and return the whole trajectory. */
export function descend(surface, start, options = {}) {
  const run = new Descent(surface, start, options);
  run.run();
  const { positions, values, gradients, status, criterion, message, iterations } = run;
  return { positions, values, gradients, status, criterion, message, iterations };
}

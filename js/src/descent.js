// The descent math of the explorer, a line-for-line port of gdlib (surfaces, optimizers, the
// descent loop and its stopping rules). Pure: no DOM, no three.js, so node tests and
// tests/test_js_agreement.py can check it against gdlib to 1e-9.
import { formatE, formatG } from "./pyfmt.js";

// ---- surfaces (gdlib/surfaces.py) ----------------------------------------------------------

const camel = (x, y) => {
  const x2 = x * x;
  const y2 = y * y;
  return (4.0 - 2.1 * x2 + (x2 * x2) / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
};

const camelGrad = (x, y) => {
  const x2 = x * x;
  return [8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y, x - 8.0 * y + 16.0 * y * y * y];
};

const rosenbrockGrad = (x, y) => [
  -2.0 * (1.0 - x) - 400.0 * x * (y - x * x),
  200.0 * (y - x * x),
];

const himmelblauGrad = (x, y) => {
  const a = x * x + y - 11.0;
  const b = x + y * y - 7.0;
  return [4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b];
};

const sq = (v) => v * v;

/** Every gdlib surface: f(x, y), grad(x, y) -> [gx, gy], bounds, minima, start, lipschitz. */
export const SURFACES = Object.freeze({
  bowl: {
    name: "bowl",
    title: "Bowl",
    formula: "x^2 + y^2",
    f: (x, y) => x * x + y * y,
    grad: (x, y) => [2.0 * x, 2.0 * y],
    bounds: [[-3.0, 3.0], [-3.0, 3.0]],
    minima: [[0.0, 0.0]],
    start: [2.0, 2.0],
    lipschitz: 2.0,
  },
  valley: {
    name: "valley",
    title: "Elongated valley",
    formula: "x^2 + 10 y^2",
    f: (x, y) => x * x + 10.0 * y * y,
    grad: (x, y) => [2.0 * x, 20.0 * y],
    bounds: [[-3.0, 3.0], [-1.5, 1.5]],
    minima: [[0.0, 0.0]],
    start: [-2.5, 1.0],
    lipschitz: 20.0,
  },
  rosenbrock: {
    name: "rosenbrock",
    title: "Rosenbrock's banana",
    formula: "(1 - x)^2 + 100 (y - x^2)^2",
    f: (x, y) => sq(1.0 - x) + 100.0 * sq(y - x * x),
    grad: rosenbrockGrad,
    bounds: [[-2.0, 2.0], [-1.0, 3.0]],
    minima: [[1.0, 1.0]],
    start: [-1.5, 2.0],
    lipschitz: null,
  },
  himmelblau: {
    name: "himmelblau",
    title: "Himmelblau (four minima)",
    formula: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
    f: (x, y) => sq(x * x + y - 11.0) + sq(x + y * y - 7.0),
    grad: himmelblauGrad,
    bounds: [[-5.0, 5.0], [-5.0, 5.0]],
    minima: [
      [3.0, 2.0],
      [-2.805118086952745, 3.131312518250573],
      [-3.779310253377747, -3.2831859912861696],
      [3.5844283403304917, -1.8481265269644036],
    ],
    start: [0.0, 0.0],
    lipschitz: null,
  },
  saddle: {
    name: "saddle",
    title: "Saddle",
    formula: "x^2 - y^2",
    f: (x, y) => x * x - y * y,
    grad: (x, y) => [2.0 * x, -2.0 * y],
    bounds: [[-2.0, 2.0], [-2.0, 2.0]],
    minima: [],
    start: [1.5, 0.01],
    lipschitz: 2.0,
  },
  camel: {
    name: "camel",
    title: "Six-hump camel",
    formula: "(4 - 2.1 x^2 + x^4/3) x^2 + x y + (4 y^2 - 4) y^2",
    f: camel,
    grad: camelGrad,
    bounds: [[-2.0, 2.0], [-1.0, 1.0]],
    minima: [
      [0.08984201310031807, -0.7126564030207396],
      [-0.08984201310031807, 0.7126564030207396],
      [-1.7036067149699812, 0.7960835686726251],
      [1.7036067149699812, -0.7960835686726251],
      [1.6071047529201976, 0.5686514548841313],
      [-1.6071047529201976, -0.5686514548841313],
    ],
    start: [-1.5, -0.8],
    lipschitz: null,
  },
});

/** The surface called `name`, or an Error naming it and listing the known ones. */
export function getSurface(name) {
  if (!Object.hasOwn(SURFACES, name)) {
    const known = Object.keys(SURFACES).map((k) => `'${k}'`).join(", ");
    throw new Error(`Unknown surface name '${name}'; known: ${known}`);
  }
  return SURFACES[name];
}

// ---- optimizers (gdlib/optimizers/*.py, torch.optim conventions) ------------------------------
// Each is {init(params) -> state, update(grads, state) -> [step, state]}; points are [x, y].

export const OPTIMIZERS = Object.freeze(["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"]);

const map2 = (a, fn) => [fn(a[0], 0), fn(a[1], 1)];

function checkLr(lr) {
  if (typeof lr !== "number" || !(Number.isFinite(lr) && lr > 0.0)) {
    throw new RangeError(`Invalid learning rate: ${lr}`);
  }
  return lr;
}

function checkNonnegative(value, label) {
  if (typeof value !== "number" || !(Number.isFinite(value) && value >= 0.0)) {
    throw new RangeError(`Invalid ${label} value: ${value}`);
  }
  return value;
}

function checkUnitInterval(value, message) {
  if (typeof value !== "number" || !(value >= 0.0 && value < 1.0)) throw new RangeError(message);
  return value;
}

/** torch.optim.SGD: b_1 = g_1, b_t = mu b_{t-1} + (1 - tau) g_t, step = -lr (g + mu b | b). */
export function sgd(lr, { momentum = 0.0, dampening = 0.0, nesterov = false } = {}) {
  checkLr(lr);
  checkNonnegative(momentum, "momentum");
  checkNonnegative(dampening, "dampening");
  if (nesterov && (momentum <= 0.0 || dampening !== 0.0)) {
    throw new RangeError("Nesterov momentum requires a momentum and zero dampening");
  }
  return {
    init: () => ({ count: 0, buf: [0.0, 0.0] }),
    update(grads, state) {
      if (momentum === 0.0) return [map2(grads, (g) => -lr * g), { count: state.count + 1, buf: state.buf }];
      const buf =
        state.count === 0
          ? [grads[0], grads[1]]
          : map2(grads, (g, i) => momentum * state.buf[i] + (1.0 - dampening) * g);
      const direction = nesterov ? map2(grads, (g, i) => g + momentum * buf[i]) : buf;
      return [map2(direction, (d) => -lr * d), { count: state.count + 1, buf }];
    },
  };
}

/** torch.optim.Adagrad: s_t = s_{t-1} + g^2, step = -lr_t g / (sqrt(s_t) + eps). */
export function adagrad(lr = 0.01, { lr_decay = 0.0, initial_accumulator_value = 0.0, eps = 1e-10 } = {}) {
  checkLr(lr);
  checkNonnegative(lr_decay, "lr_decay");
  checkNonnegative(initial_accumulator_value, "initial_accumulator_value");
  checkNonnegative(eps, "epsilon");
  return {
    init: () => ({ count: 0, sumSq: [initial_accumulator_value, initial_accumulator_value] }),
    update(grads, state) {
      const count = state.count + 1;
      const clr = lr / (1.0 + (count - 1) * lr_decay);
      const sumSq = map2(grads, (g, i) => state.sumSq[i] + g * g);
      const step = map2(grads, (g, i) => -clr * (g / (Math.sqrt(sumSq[i]) + eps)));
      return [step, { count, sumSq }];
    },
  };
}

/** torch.optim.RMSprop: v_t = alpha v + (1 - alpha) g^2, step = -lr g / (sqrt(v_t) + eps). */
export function rmsprop(lr = 0.01, { alpha = 0.99, eps = 1e-8, momentum = 0.0, centered = false } = {}) {
  checkLr(lr);
  checkUnitInterval(alpha, `Invalid alpha value: ${alpha}`);
  checkNonnegative(eps, "epsilon");
  checkNonnegative(momentum, "momentum");
  return {
    init: () => ({ count: 0, squareAvg: [0.0, 0.0], gradAvg: [0.0, 0.0], buf: [0.0, 0.0] }),
    update(grads, state) {
      const squareAvg = map2(grads, (g, i) => alpha * state.squareAvg[i] + (1.0 - alpha) * (g * g));
      let gradAvg = state.gradAvg;
      let avg;
      if (centered) {
        gradAvg = map2(grads, (g, i) => gradAvg[i] + (1.0 - alpha) * (g - gradAvg[i]));
        avg = map2(squareAvg, (v, i) => Math.sqrt(v - gradAvg[i] * gradAvg[i]) + eps);
      } else {
        avg = map2(squareAvg, (v) => Math.sqrt(v) + eps);
      }
      let buf = state.buf;
      let step;
      if (momentum > 0.0) {
        buf = map2(grads, (g, i) => momentum * buf[i] + g / avg[i]);
        step = map2(buf, (b) => -lr * b);
      } else {
        step = map2(grads, (g, i) => -lr * (g / avg[i]));
      }
      return [step, { count: state.count + 1, squareAvg, gradAvg, buf }];
    },
  };
}

/** torch.optim.Adam: bias-corrected moments, eps added after the corrected root. */
export function adam(lr = 0.001, { betas = [0.9, 0.999], eps = 1e-8 } = {}) {
  checkLr(lr);
  const [beta1, beta2] = betas;
  checkUnitInterval(beta1, `Invalid beta parameter at index 0: ${beta1}`);
  checkUnitInterval(beta2, `Invalid beta parameter at index 1: ${beta2}`);
  checkNonnegative(eps, "epsilon");
  return {
    init: () => ({ count: 0, expAvg: [0.0, 0.0], expAvgSq: [0.0, 0.0] }),
    update(grads, state) {
      const count = state.count + 1;
      const expAvg = map2(grads, (g, i) => state.expAvg[i] + (1.0 - beta1) * (g - state.expAvg[i]));
      const expAvgSq = map2(grads, (g, i) => beta2 * state.expAvgSq[i] + (1.0 - beta2) * (g * g));
      const stepSize = lr / (1.0 - beta1 ** count);
      const correction = Math.sqrt(1.0 - beta2 ** count);
      const step = map2(expAvg, (m, i) => -stepSize * (m / (Math.sqrt(expAvgSq[i]) / correction + eps)));
      return [step, { count, expAvg, expAvgSq }];
    },
  };
}

const PRESETS = {
  gd: [sgd, {}],
  momentum: [sgd, { momentum: 0.9 }],
  nesterov: [sgd, { momentum: 0.9, nesterov: true }],
  adagrad: [adagrad, {}],
  rmsprop: [rmsprop, {}],
  adam: [adam, {}],
};

/** The optimizer called `name` (gdlib.optimizers.get_optimizer); `hyper` overrides the preset. */
export function getOptimizer(name, lr, hyper = {}) {
  if (!Object.hasOwn(PRESETS, name)) {
    const known = OPTIMIZERS.map((k) => `'${k}'`).join(", ");
    throw new RangeError(`Unknown optimizer '${name}'; known: ${known}`);
  }
  const [factory, preset] = PRESETS[name];
  return factory(lr, { ...preset, ...hyper });
}

// ---- the descent loop and its stopping rules (gdlib/descent.py) -------------------------------

export const MAX_VALUE = 1e12;
export const MAX_POSITION = 1e6;

function divergence(position, value, gradient) {
  if (!(Number.isFinite(value) && Number.isFinite(gradient[0]) && Number.isFinite(gradient[1]))) {
    return "value or gradient is not finite";
  }
  if (Math.abs(value) > MAX_VALUE) return `value ${formatG(value, 3)} exceeded ${formatE(MAX_VALUE, 0)} in magnitude`;
  const norm = Math.hypot(position[0], position[1]);
  if (!(norm <= MAX_POSITION)) return `position norm ${formatG(norm, 3)} exceeded ${formatE(MAX_POSITION, 0)}`;
  return null;
}

function divergenceHint(surface, optimizer, lr) {
  if (optimizer === "gd" && surface.lipschitz !== null && lr > 2.0 / surface.lipschitz) {
    const limit = 2.0 / surface.lipschitz;
    return `; learning rate ${formatG(lr)} is above 2/L = ${formatG(limit)} for this surface`;
  }
  if (surface.minima.length === 0) return "; this surface is unbounded below";
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
  constructor(surface, start, { optimizer = "gd", lr = 0.01, maxIter = 1000, gradTol = 1e-6,
    stepTol = 1e-10, valueTol = 0.0, hyper = {} } = {}) {
    this.surface = typeof surface === "string" ? getSurface(surface) : surface;
    if (!(start.length === 2 && Number.isFinite(start[0]) && Number.isFinite(start[1]))) {
      throw new RangeError("start contains NaN or infinite values");
    }
    this.optimizer = optimizer;
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
      return this.finish("converged", "grad_tol", `converged: gradient norm ${formatG(gradNorm, 2)} <= ${formatG(this.gradTol)}`);
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
      return this.finish("diverged", null, `diverged: ${reason}${divergenceHint(this.surface, this.optimizer, this.lr)}`);
    }
    this.iterations += 1;
    this.positions.push(newPoint);
    this.values.push(newValue);
    this.gradients.push(newGradient);
    const oldValue = this.value;
    [this.point, this.value, this.gradient] = [newPoint, newValue, newGradient];
    const stepNorm = Math.hypot(step[0], step[1]);
    if (stepNorm <= this.stepTol) {
      return this.finish("converged", "step_tol", `converged: step norm ${formatG(stepNorm, 2)} <= ${formatG(this.stepTol)}`);
    }
    const change = Math.abs(newValue - oldValue);
    if (change <= this.valueTol) {
      return this.finish("converged", "value_tol", `converged: value change ${formatG(change, 2)} <= ${formatG(this.valueTol)}`);
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

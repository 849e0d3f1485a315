// The optimizers of gdlib/optimizers/, line for line, with torch.optim's names, defaults and
// update rules. Each is {init() -> state, update(grads, state) -> [step, state]} on points [x, y];
// the new point is point + step. Pure: no DOM, no three.js. The names, each name's preset and
// each factory's defaults come from gdlib through the build's JSON module.

import { SHARED } from "./surfaces.js";

const { names, presets: PRESETS, defaults: DEFAULTS } = SHARED.optimizers;

/** gdlib's optimizer names, in its order. */
export const OPTIMIZERS = Object.freeze([...names]);

// The factory's defaults under what `hyper` gives (an undefined value keeps the default, as a
// destructuring default would).
const settings = (factory, hyper) =>
  Object.fromEntries(Object.entries(DEFAULTS[factory]).map(([k, v]) => [k, hyper[k] === undefined ? v : hyper[k]]));

const map2 = (a, fn) => [fn(a[0], 0), fn(a[1], 1)];

function checkLr(lr) {
  if (typeof lr !== "number" || !(Number.isFinite(lr) && lr > 0.0)) {
    throw new RangeError(`Invalid learning rate: ${lr}`);
  }
  return lr;
}

export function checkNonnegative(value, label) {
  if (typeof value !== "number" || !(Number.isFinite(value) && value >= 0.0)) {
    throw new RangeError(`Invalid ${label} value: ${value}`);
  }
  return value;
}

// As gdlib's check_eps: torch takes 0, but then a zero gradient divides 0 by 0.
function checkEps(eps) {
  if (checkNonnegative(eps, "epsilon") === 0) {
    throw new RangeError(`Invalid epsilon value: ${eps} (must be > 0: a zero gradient gives 0/0)`);
  }
  return eps;
}

// "Invalid momentum value: 1", torch's words for its checks in [0, 1): `what` is "momentum value".
function checkUnitInterval(value, what) {
  if (typeof value !== "number" || !(value >= 0.0 && value < 1.0)) throw new RangeError(`Invalid ${what}: ${value}`);
  return value;
}

/** torch.optim.SGD: b_1 = g_1, b_t = mu b_{t-1} + (1 - tau) g_t, step = -lr (g + mu b | b). */
export function sgd(lr, hyper = {}) {
  const { momentum, dampening, nesterov } = settings("sgd", hyper);
  checkLr(lr);
  checkUnitInterval(momentum, "momentum value");
  checkUnitInterval(dampening, "dampening value");
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
export function adagrad(lr = DEFAULTS.adagrad.lr, hyper = {}) {
  const { lr_decay, initial_accumulator_value, eps } = settings("adagrad", hyper);
  checkLr(lr);
  checkNonnegative(lr_decay, "lr_decay");
  checkNonnegative(initial_accumulator_value, "initial_accumulator_value");
  checkEps(eps);
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
export function rmsprop(lr = DEFAULTS.rmsprop.lr, hyper = {}) {
  const { alpha, eps, momentum, centered } = settings("rmsprop", hyper);
  checkLr(lr);
  checkUnitInterval(alpha, "alpha value");
  // As gdlib's rmsprop: torch takes it, but the variance of one gradient, g^2 - g^2, is 0.
  if (centered && alpha === 0) throw new RangeError(`Invalid alpha value: ${alpha} (centered needs alpha > 0: g^2 - g^2 = 0)`);
  checkEps(eps);
  checkUnitInterval(momentum, "momentum value");
  return {
    init: () => ({ squareAvg: [0.0, 0.0], gradAvg: [0.0, 0.0], buf: [0.0, 0.0] }),
    update(grads, state) {
      const squareAvg = map2(grads, (g, i) => alpha * state.squareAvg[i] + (1.0 - alpha) * (g * g));
      let gradAvg = state.gradAvg;
      let avg;
      if (centered) {
        gradAvg = map2(grads, (g, i) => gradAvg[i] + (1.0 - alpha) * (g - gradAvg[i]));
        // Rounding can take the variance below 0 (torch's root is then NaN), as in gdlib.
        avg = map2(squareAvg, (v, i) => Math.sqrt(Math.max(v - gradAvg[i] * gradAvg[i], 0.0)) + eps);
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
      return [step, { squareAvg, gradAvg, buf }];
    },
  };
}

/** torch.optim.Adam: bias-corrected moments, eps added after the corrected root. */
export function adam(lr = DEFAULTS.adam.lr, hyper = {}) {
  const { betas, eps } = settings("adam", hyper);
  checkLr(lr);
  const [beta1, beta2] = betas;
  checkUnitInterval(beta1, "beta parameter at index 0");
  checkUnitInterval(beta2, "beta parameter at index 1");
  checkEps(eps);
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

const FACTORIES = { sgd, adagrad, rmsprop, adam };

/** The optimizer called `name` (gdlib.optimizers.get_optimizer); `hyper` overrides the preset. */
export function getOptimizer(name, lr, hyper = {}) {
  if (!Object.hasOwn(PRESETS, name)) {
    const known = OPTIMIZERS.map((k) => `'${k}'`).join(", ");
    throw new RangeError(`Unknown optimizer '${name}'; known: ${known}`);
  }
  const [factory, preset] = PRESETS[name];
  return FACTORIES[factory](lr, { ...preset, ...hyper });
}

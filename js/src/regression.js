// gdlib.regression.fit_linear in JS: linear least squares by batch, stochastic and mini-batch
// gradient descent, with the row order of each epoch passed in (so a test can feed it gdlib's
// permutations and compare the paths; tests/test_regression_agreement.py), and a seeded order
// maker for the browser, which draws its own. Pure: no DOM, tested by node --test.
import { formatE, formatG } from "./pyfmt.js";
import { count } from "./words.js";
import LIMIT from "../generated/regression.json" with { type: "json" };

export const MAX_THETA_NORM = LIMIT.maxThetaNorm; // gdlib.regression's

const dot = (a, b) => a.reduce((sum, v, j) => sum + v * b[j], 0);

/** Full-data mean squared error (1/n)|X theta - y|^2. */
export function mse(X, y, theta) {
  let total = 0;
  for (let i = 0; i < X.length; i += 1) {
    const r = dot(X[i], theta) - y[i];
    total += r * r;
  }
  return total / X.length;
}

/** The least-squares point of two columns (normal equations, 2 x 2). */
export function leastSquares(X, y) {
  let [a, b, c, p, q] = [0, 0, 0, 0, 0];
  X.forEach(([u, v], i) => {
    a += u * u;
    b += u * v;
    c += v * v;
    p += u * y[i];
    q += v * y[i];
  });
  const det = a * c - b * b;
  return [(c * p - b * q) / det, (a * q - b * p) / det];
}

/** Eigenvalues of X^T X, smallest first, for one or two columns (the closed form of a 2 x 2). */
function gramEigenvalues(X) {
  const d = X[0].length;
  const g = (j, k) => X.reduce((sum, row) => sum + row[j] * row[k], 0);
  if (d === 1) return [g(0, 0)];
  if (d !== 2) return [0]; // none beyond two columns (the live figures use two)
  const [a, b, c] = [g(0, 0), g(0, 1), g(1, 1)];
  const spread = Math.sqrt(((a - c) / 2) ** 2 + b * b);
  return [(a + c) / 2 - spread, (a + c) / 2 + spread];
}

const gramTop = (X) => gramEigenvalues(X).at(-1);

/** The full-data loss's curvatures, the eigenvalues of its Hessian (2/n) X^T X, smallest first. */
export const lossCurvatures = (X) => gramEigenvalues(X).map((v) => (2.0 / X.length) * v);

/** gdlib._minibatch.divergence_message, word for word. */
export function divergenceMessage(X, lr, epoch, step) {
  const top = gramTop(X);
  const lipschitz = Number.isFinite(top) ? (2.0 / X.length) * top : 0.0;
  const hint =
    lipschitz > 0 && lr > 2.0 / lipschitz
      ? `; learning rate ${formatG(lr)} is above 2/L = ${formatG(2.0 / lipschitz, 3)} for the full-data loss`
      : "";
  return `diverged in epoch ${epoch + 1} at step ${step + 1}: parameter norm exceeded ${formatE(MAX_THETA_NORM, 0)}${hint}`;
}

function checkOptions(n, { lr, epochs, batchSize, lrDecay, orders }) {
  if (!(typeof lr === "number" && Number.isFinite(lr) && lr > 0)) throw new RangeError(`Invalid learning rate: ${lr}`);
  if (!(Number.isInteger(epochs) && epochs >= 0)) throw new RangeError(`epochs must be an integer >= 0, got ${epochs}`);
  if (!(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= n)) {
    throw new RangeError(`batch_size must be an integer in [1, ${n}], got ${batchSize}`);
  }
  if (!(lrDecay >= 0)) throw new RangeError(`lr_decay must be >= 0, got ${lrDecay}`);
  if (batchSize < n && epochs > 0 && !(orders?.length >= epochs)) {
    throw new RangeError(`orders must give a row order for each of the ${epochs} epochs`);
  }
}

/**
 * fit_linear(X, y, lr, epochs, batch_size, lr_decay, theta0, record) with each epoch's row order
 * given: `orders[e]` is a permutation of 0..n-1, used when batchSize < n (a full batch is never
 * shuffled, as in gdlib). `record: "epoch"` keeps only the thetas at epoch ends (and computes the
 * full-data loss only there), as gdlib's. Returns {thetas, losses, examplesSeen, epochLosses,
 * status, message}.
 */
export function fitLinear(X, y, { lr = 0.01, epochs = 100, batchSize = X.length, orders = null, lrDecay = 0.0, theta0 = null, record = "step" } = {}) {
  const n = X.length;
  const d = X[0].length;
  checkOptions(n, { lr, epochs, batchSize, lrDecay, orders });
  if (record !== "step" && record !== "epoch") throw new RangeError(`Unknown record "${record}"; known: 'step', 'epoch'`);
  let theta = theta0 ? [...theta0] : new Array(d).fill(0.0);
  const thetas = [theta];
  const seen = [0];
  const epochEnds = [0];
  const limit = MAX_THETA_NORM * MAX_THETA_NORM;
  let status = "completed";
  let message = `completed ${count(epochs, "epoch")} of ${count(Math.ceil(n / batchSize), "step")}`;
  run: for (let epoch = 0; epoch < epochs; epoch += 1) {
    const order = batchSize < n ? orders[epoch] : null;
    const rate = lr / (1.0 + lrDecay * epoch);
    for (let k = 0, start = 0; start < n; k += 1, start += batchSize) {
      const stop = Math.min(start + batchSize, n);
      const grad = new Array(d).fill(0.0);
      for (let i = start; i < stop; i += 1) {
        const row = order ? order[i] : i;
        const r = dot(X[row], theta) - y[row];
        for (let j = 0; j < d; j += 1) grad[j] += r * X[row][j];
      }
      const scale = (2.0 * rate) / (stop - start);
      const next = theta.map((t, j) => t - scale * grad[j]);
      if (!(dot(next, next) <= limit)) {
        status = "diverged";
        message = divergenceMessage(X, lr, epoch, k);
        break run;
      }
      theta = next;
      if (record === "step") {
        thetas.push(theta);
        seen.push(seen.at(-1) + (stop - start));
      }
    }
    if (record === "epoch") {
      thetas.push(theta);
      seen.push(seen.at(-1) + n);
    }
    epochEnds.push(thetas.length - 1);
  }
  const losses = thetas.map((t) => mse(X, y, t));
  return { thetas, losses, examplesSeen: seen, epochLosses: epochEnds.map((i) => losses[i]), status, message };
}

/** `epochs` seeded permutations of 0..n-1 for the browser (mulberry32 and Fisher-Yates). */
export function seededOrders(n, epochs, seed) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: epochs }, () => {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    return order;
  });
}

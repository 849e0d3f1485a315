// The variant pages' live figure, as pure state: the JS port of gdlib's fit_linear on the page's
// slice of the regression data at a batch size from 1 to n; seed 0 replays the row orders gdlib
// drew (given in the config), each reseed draws new seeded orders. With `compare` (a batch size)
// in the config, a second run at that size on the same orders (the comparison page: full batch)
// is the yardstick the reader's run is drawn and described against. Pure: no DOM, node --test.
import { formatApart, formatG } from "../pyfmt.js";
import { count, tableRows } from "../words.js";
import { fitLinear, leastSquares, mse, seededOrders } from "../regression.js";

const num = (v) => formatG(v, 3);

/** A fresh state from the page's config: {x, y, lr, epochs, batch, orders, theta0, bounds, compare?,
 * colours: {variant: colour}}. */
export function createFit(config) {
  const X = config.x.map((v) => [1.0, v]);
  const best = leastSquares(X, config.y);
  const state = { ...config, X, best, floor: mse(X, config.y, best), seed: 0 };
  return withRun(state);
}

function withRun(state) {
  const n = state.X.length;
  const orders = state.seed === 0 ? state.orders : seededOrders(n, state.epochs, state.seed);
  const fit = (batchSize) => fitLinear(state.X, state.y, { lr: state.lr, epochs: state.epochs, batchSize, orders, theta0: state.theta0 });
  return { ...state, run: fit(state.batch), reference: state.compare ? fit(state.compare) : null };
}

/** The variant that steps on `batch` of `n` rows (scripts/_variants.py's `variant`). */
export const variantOf = (batch, n) => (batch === 1 ? "stochastic" : batch === n ? "batch" : "mini-batch");

/** The same data with another batch size (same seed). */
export const withBatch = (state, batch) => withRun({ ...state, batch });
/** New row orders for every epoch. */
export const reseed = (state) => withRun({ ...state, seed: state.seed + 1 });

/**
 * The facts the status, summary and table quote. `tail` is the median gap over the last epoch, the
 * pages' measure of where a run ended; `above` is the last step's alone.
 */
export function fitFacts(state) {
  const { run, batch, epochs, floor, seed } = state;
  const n = state.X.length;
  const steps = run.thetas.length - 1;
  const above = run.losses.at(-1) - floor;
  const mine = lastEpochGap(run, n, batch, floor);
  const orders = batch === n ? "no shuffling (a full batch)" : seed === 0 ? "gdlib's row orders" : `row orders the browser drew (reseed ${seed})`;
  const facts = { n, batch, epochs, steps, above: num(above), tail: num(mine), message: run.message, orders, perEpoch: Math.ceil(n / batch) };
  if (state.reference) {
    const theirs = lastEpochGap(state.reference, n, state.compare, floor);
    facts.reference = { batch: state.compare, steps: state.reference.thetas.length - 1, tail: num(theirs), ratio: theirs / mine };
  }
  return facts;
}

/**
 * The median of the loss above `floor` over a run's last epoch (its last ceil(n/b) steps): a noisy
 * run's last step alone can land far above or below where it hovers.
 */
export function lastEpochGap(run, n, batch, floor) {
  const gaps = run.losses.slice(-Math.ceil(n / batch)).map((v) => v - floor).sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}

/** How the reader's run ended against the yardstick run, on the same epochs (examples read). */
function against({ n, batch, reference }) {
  const { batch: b, steps, tail, ratio } = reference;
  if (batch === b) return ` The dashed run, b = ${b}, is this run.`;
  // Digits enough that a ratio near 1 never prints as 1 beside two different gaps.
  const times = ratio >= 1 ? `${formatApart(ratio, [1])} times` : `1/${formatApart(1 / ratio, [1])} of`;
  if (Math.ceil(n / b) === 1) {
    // One step an epoch: its last step is its gap, set against the reader's last-epoch median.
    return ` The dashed full-batch run (b = ${b}) took ${steps} steps in the same epochs and ended ${tail} above the minimum, ${times} b = ${batch}'s median gap.`;
  }
  return ` The dashed run, b = ${b}, took ${steps} steps in the same epochs; over its last epoch the median gap was ${tail}, ${times} that of b = ${batch}.`;
}

/** One paragraph for a reader who cannot see the figure. */
export function fitSummary(facts) {
  const { n, batch, epochs, steps, above, tail, perEpoch, orders } = facts;
  const kind = variantOf(batch, n);
  // Where a noisy run ended is where it hovers, the median over its last epoch (as the pages say);
  // its last step alone can land far above or below that. One step an epoch: they are the same.
  const ended =
    perEpoch === 1
      ? `After them the loss is ${above} above the least-squares minimum.`
      : `Over the last epoch the loss had a median of ${tail} above the least-squares minimum (the last step alone: ${above}).`;
  return (
    `b = ${batch} (${kind}): ${count(perEpoch, "step")} per epoch of ${n} examples, ${count(steps, "step")} in ${count(epochs, "epoch")}, ` +
    `with ${orders}. ${ended}` +
    (facts.reference ? against(facts) : "")
  );
}

/** Table rows: step, examples seen, intercept, slope, loss (at most `limit`, the last kept). */
export function fitRows(state, limit = 400) {
  const { thetas, losses, examplesSeen } = state.run;
  return tableRows(thetas.length, limit, 5, (i) => [String(i), String(examplesSeen[i]), num(thetas[i][0]), num(thetas[i][1]), num(losses[i])]);
}

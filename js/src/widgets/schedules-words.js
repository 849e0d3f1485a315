// The schedules page's live figure, in words: the status line the live region announces and the
// paragraph for a reader who cannot see the figure, built from scheduleFacts (schedules-state.js).
// Pure: no DOM, node --test.
import { formatG } from "../pyfmt.js";
import { count, ratio } from "../words.js";

const num = (v) => formatG(v, 3);

/** Whether a run that completed rose above the loss it started from on its way. */
const blewUp = (f) => f.status !== "diverged" && f.peak > f.start;

/** The one-line status the live region announces. */
export function scheduleStatus(f) {
  const where = `${f.label[0].toUpperCase()}${f.label.slice(1)}, η₀ = ${num(f.lr)}`;
  if (f.status === "diverged") return `${where}: ${f.message}`;
  const rise = blewUp(f) ? `, after rising to ${num(f.peak)} in epoch ${f.peakEpoch}` : "";
  return `${where}: ${f.message}, ${num(f.final)} above the optimum${rise}.`;
}

/** What the constant run did at the same peak rate. */
function yardstick(f) {
  const r = f.reference;
  if (r.status === "diverged") {
    if (f.constant) return "";
    return f.status === "diverged" ? " The constant rate (dashed) diverged at this peak too." : ". The constant rate (dashed) diverged at this peak.";
  }
  const floor = constantTail(r);
  if (f.constant) return floor;
  if (f.status === "diverged") return ` The constant rate (dashed) ended ${num(r.final)} above the optimum.`;
  const [above, against] = [r.final / f.final, `the constant rate's ${num(r.final)} on the same batches (dashed)`];
  const times = (v) => (num(v) === "1" ? "about as high" : `${ratio(v, num)} times as high`); // not "1 times"
  return above >= 1 ? `; ${against} is ${times(above)}.${floor}` : `, ${times(1 / above)} as ${against}.${floor}`;
}

/** The constant run's last epochs: a noise floor only if they go up and down, each loss below the
 * start (so do runs near the edge of stability), and the run forgot its start (so do slow sinking
 * runs): on the page's data, 3 seeds x 241 rates, each level so called is within 2.6 times of a
 * 400-epoch run's (with 1e-3 for 1e-6, up to 13 times). */
function constantTail(r) {
  const last = `The constant run's last ${count(r.epochs, "epoch")}`;
  if (r.trend === "falling") return ` ${last} kept falling, from ${num(r.high)} to ${num(r.low)}: no floor reached yet.`;
  if (r.trend === "rising") return ` ${last} kept rising, from ${num(r.low)} to ${num(r.high)}.`;
  const range = `went up and down between ${num(r.low)} and ${num(r.high)}`;
  if (r.high >= r.start) return ` ${last} ${range}, against the ${num(r.start)} it started from: it did not settle.`;
  // Falling tenfold over these epochs, yet maybe at its floor already: no verdict on the floor.
  if (r.trend === "falls") return ` ${last} ${range}, falling overall.`;
  if (r.trend === "rises") return ` ${last} ${range}, rising overall: no floor.`;
  if (r.memory >= 1) return ` ${last} ${range}; at this rate full-batch steps would grow, so this is no floor.`;
  if (r.memory > 1e-6) return ` ${last} ${range}; at this rate its slowest direction's share of the loss has only shrunk to ${num(r.memory)} of its start by then, too little to call it a floor.`;
  return ` ${last} wandered between ${num(r.low)} and ${num(r.high)}: its noise floor.`;
}

/** One paragraph for a reader who cannot see the figure. */
export function scheduleSummary(f) {
  const name = `${f.label[0].toUpperCase()}${f.label.slice(1)}`;
  if (f.status === "diverged") {
    const head = f.constant ? `The constant rate η₀ = ${num(f.lr)}` : `${name} from η₀ = ${num(f.lr)} (${f.rule})`;
    return `${head}: the run ${f.message.replace(/:.*/, "")}, at a rate of ${num(f.lastRate)}.${yardstick(f)}`;
  }
  const head = f.constant ? `The constant rate η₀ = ${num(f.lr)}` : `${name} from η₀ = ${num(f.lr)} (${f.rule}, down to ${num(f.lastRate)} in the last epoch)`;
  const setup = `${count(Math.ceil(f.n / f.batch), "step")} (batches of ${f.batch} of ${f.n} examples, ${f.orders})`;
  // The constant run's own blow-ups are said by constantTail, from its last epochs.
  const rise = blewUp(f) && !f.constant ? ` Under ${f.label} the loss rose to ${num(f.peak)} in epoch ${f.peakEpoch} on its way, above the ${num(f.start)} it started from.` : "";
  return `${head}: after ${f.epochs} epochs of ${setup} the loss is ${num(f.final)} above the optimum${f.constant ? "." : ""}${yardstick(f)}${rise}`;
}

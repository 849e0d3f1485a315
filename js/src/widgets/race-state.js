// The parameter-updates page's live figure, as pure state: gdlib's runs on the race's surfaces,
// the reader's optimizer at the reader's rate and momentum against plain descent at its race
// setting, and the facts the status, summary and table quote. The race settings and the rate
// slider's range come from the page's config (scripts/fig_updates_race.py), never typed here.
// Pure: no DOM, tested by node --test.
import { descend, getSurface } from "../descent.js";
import { SHARED } from "../surfaces.js";
import { formatApart, formatG } from "../pyfmt.js";
import { counted, steps, tableRows } from "../words.js";
import { floorCrossings } from "./crossings.js";
import { logSlider } from "./scale.js";
import { arrived, ending } from "./verdicts.js";

/** A number as the race's words write it: three significant digits. */
export const num = (v) => formatG(v, 3);
const { labels, presets } = SHARED.optimizers;
export const LABELS = labels;
/** gdlib's optimizers whose preset has momentum, and that momentum (the figure's μ for the rest). */
export const MOMENTUM_OPTIMIZERS = Object.keys(presets).filter((name) => presets[name][1].momentum);
export const PRESET_MOMENTUM = presets.momentum[1].momentum;

/** The figure's settings: {races: {surface: {optimizer: [lr, hyper]}}, maxIter, surface,
 * optimizer, lrMin, lrMax, colours: {optimizer: colour}}, and the rate slider's positions
 * (`steps`). */
export function raceSetup({ races, maxIter, surface = "valley", optimizer = "momentum", lrMin, lrMax, colours = {}, steps = 240 }) {
  return { races, maxIter, surface, optimizer, lrMin, lrMax, colours, steps };
}

/** The rate slider's grid: log over [lrMin, lrMax], running through `lr` (the race setting the
 * figure opens or resets on), so a reader who moves away and back gets that rate again. */
export function rateGrid({ lrMin, lrMax, steps }, lr) {
  // The range is the build script's (fig_updates_race.py) alone: without it the grid is NaN.
  if (!(lrMin > 0 && lrMax > lrMin)) throw new RangeError(`lrMin and lrMax must satisfy 0 < lrMin < lrMax, got ${lrMin} and ${lrMax}`);
  return logSlider(lrMin, lrMax, steps, 3, lr);
}

/** The race's own setting of `optimizer` on `surface`: {lr, momentum}. */
export function raceSetting(setup, surface, optimizer) {
  const [lr, hyper] = setup.races[surface][optimizer];
  return { lr, momentum: hyper.momentum ?? null };
}

/** gdlib's run of `optimizer` at rate lr (and momentum, for the momentum methods). */
export function raceRun(setup, surface, optimizer, lr, momentum) {
  const s = getSurface(surface);
  const hyper = MOMENTUM_OPTIMIZERS.includes(optimizer) ? { momentum } : {};
  return descend(s.name, s.start, { optimizer, lr, maxIter: setup.maxIter, hyper });
}

/** The steps over which the summary counts crossings of the valley floor. */
export const WINDOW = 20;

/** The reader's run and plain descent's race run on `surface`, with what the text quotes. */
export function raceFacts(setup, { surface, optimizer, lr, momentum }) {
  const reference = raceSetting(setup, surface, "gd");
  const run = raceRun(setup, surface, optimizer, lr, momentum);
  const gd = raceRun(setup, surface, "gd", reference.lr, null);
  return { surface, optimizer, lr, momentum, run, gd, gdLr: reference.lr, flips: floorCrossings(run, WINDOW), gdFlips: floorCrossings(gd, WINDOW) };
}

/** Rates near a stability limit get the digits that tell them apart from it: 2/L, heavy ball's
 * 2(1 + μ)/L, Nesterov's 2(1 + μ)/((1 + 2μ)L). The rate field writes its value so too, so the
 * field and the status never disagree on which side of a limit the rate is. */
export function rateText({ surface, optimizer, lr, momentum }) {
  const L = getSurface(surface).lipschitz;
  if (L === null) return num(lr);
  const mu = MOMENTUM_OPTIMIZERS.includes(optimizer) ? momentum : 0;
  const edge = optimizer === "nesterov" ? (2 * (1 + mu)) / ((1 + 2 * mu) * L) : (2 * (1 + mu)) / L;
  return formatApart(lr, [2 / L, edge]);
}
const setting = (facts) => `${LABELS[facts.optimizer]} (η = ${rateText(facts)}${MOMENTUM_OPTIMIZERS.includes(facts.optimizer) ? `, μ = ${num(facts.momentum)}` : ""})`;

/** The status line: gdlib's sentence for the reader's run, and plain descent's count. */
export const raceStatus = (facts) => `${setting(facts)}: ${facts.run.message}, ${steps(facts.run.iterations)}; GD at η = ${num(facts.gdLr)}: ${steps(facts.gd.iterations)}.`;

/** One paragraph for a reader who cannot see the figure, from the two runs. */
export function raceSummary(facts) {
  const { run, gd } = facts;
  const title = getSurface(facts.surface).title;
  const race = verdict(run, gd);
  const valley = facts.surface === "valley";
  const zig = valley ? `, crossing the valley floor y = 0 on ${facts.flips} of ${counted(run.iterations, WINDOW)}` : "";
  const gdZig = valley ? ` (on ${facts.gdFlips} of ${counted(gd.iterations, WINDOW)})` : "";
  return `On “${title}”, ${setting(facts)} ${ending(run)}${zig}; plain descent at its race rate η = ${num(facts.gdLr)} ${ending(gd)}${gdZig}.${race}`;
}

/** Who won, when both arrived; who alone arrived, when one did; nothing when neither did. */
function verdict(run, gd) {
  if (arrived(run) !== arrived(gd)) return arrived(run) ? " Only this run arrived." : " Only plain descent arrived.";
  if (!arrived(run)) return "";
  if (run.iterations === gd.iterations) return " They tie.";
  const by = steps(Math.abs(gd.iterations - run.iterations));
  return run.iterations < gd.iterations ? ` It beats plain descent by ${by}.` : ` Plain descent is ${by} faster.`;
}

/** Table rows k, x, y, f for the reader's run (at most `limit`, the last one always included). */
export function raceRows(run, limit = 400) {
  return tableRows(run.positions.length, limit, 4, (i) => [String(i), num(run.positions[i][0]), num(run.positions[i][1]), num(run.values[i])]);
}

// "Your function" in the explorer, loaded on demand with its parser (expression.js and mathjs)
// as a chunk of its own: turns the settings' text and domain into a surface and its sampled grid
// (cached), and says in words what is wrong (a refused text, no finite value on the domain, a
// start where f is not finite) and what the curvature at the start allows. The panel of fields
// is custom-panel.js. No eval, no Function: mathjs compiles to closures.
//
// It imports none of the explorer's modules: what it needs of them (`sampleSurface`, `normalize`,
// `maxValue`) is handed over by surface-source.js, so the bundler need not split those modules
// out of the explorer's first-load chunk into shared ones (measured: +2.5 KiB gzip when it did).
import { largestEigenvalue, surfaceFromExpression } from "./expression.js";
import { createPanel } from "./custom-panel.js";

// The gradient is evaluated at every step of every run: its trees are bounded so that a run of
// six optimizers at 100 steps a frame stays interactive (benchmarks/bench_expression.py).
export const MAX_NODES = 2000;
const CACHE_SIZE = 8;
const cache = new Map();

const short = (v) => String(Number(v.toPrecision(3)));
const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * {surface, sample, gaps} for these settings' text and domain, or {error}; cached. `helpers`:
 * {sampleSurface, normalize, maxValue} of contours.js, state.js and descent.js.
 */
export function prepare({ expr, bounds }, grid, helpers) {
  const key = JSON.stringify([expr, bounds, grid]);
  if (!cache.has(key)) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value);
    cache.set(key, build(expr, bounds, grid, helpers));
  }
  return cache.get(key);
}

function build(expr, bounds, grid, { sampleSurface }) {
  let surface;
  try {
    surface = surfaceFromExpression(expr, bounds, { maxNodes: MAX_NODES });
  } catch (error) {
    // The parser names its argument ("expression: is empty"); the reader knows it as f(x, y).
    const reason = String(error.message).replace(/^expression: /, "");
    return { error: reason.startsWith("is ") ? `f(x, y) ${reason}` : sentence(reason) };
  }
  const sample = sampleSurface(surface, grid);
  const finite = sample.values.reduce((count, v) => count + Number.isFinite(v), 0);
  if (finite === 0) return { error: "f is not finite anywhere on this domain: change f or the domain." };
  return { surface, sample, gaps: 1 - finite / sample.values.length };
}

/** Why no run can start at (x, y), or null: f or its gradient not finite, or too large. */
export function startProblem(surface, x, y, maxValue) {
  const value = surface.f(x, y);
  const [gx, gy] = surface.grad(x, y);
  const at = `at the start (${x}, ${y})`;
  if (![value, gx, gy].every(Number.isFinite)) return `f or its gradient is not finite ${at}: click the surface or type another start.`;
  if (Math.abs(value) > maxValue) return `f is ${value.toExponential(2)} ${at}, beyond the ±${maxValue.toExponential(0)} a run tracks.`;
  return null;
}

/** What the curvature at (x, y) says about the learning rate (overshoot above 1/λ, growth above 2/λ). */
export function curvatureNote(surface, x, y) {
  const hessian = surface.hessian(x, y);
  const lambda = hessian && largestEigenvalue(hessian);
  const at = `At the start (${x}, ${y})`;
  if (hessian === null) return `${at} the curvature is too costly to compute for this expression.`;
  if (!Number.isFinite(lambda)) return `${at} the curvature is not finite.`;
  if (lambda <= 0) {
    return `${at} f is flat or curves down in every direction (largest Hessian eigenvalue λ = ${short(lambda)}): no rate overshoots there, and nothing holds the path either.`;
  }
  return `${at} the largest Hessian eigenvalue is λ = ${short(lambda)}: near here, rates above 1/λ = ${short(1 / lambda)} overshoot, and above 2/λ = ${short(2 / lambda)} each step overshoots further.`;
}

/** A note on kinks: where abs, min or max switch branch, the gradient jumps (x = 0 in |x|). */
export function kinkNote(expr) {
  const used = ["abs", "min", "max"].filter((name) => new RegExp(`\\b${name}\\s*\\(`).test(expr));
  if (!used.length) return "";
  return ` f has kinks (from ${used.join(" and ")}) where its gradient jumps: a run at a fixed rate zig-zags across one, and the gradient test may never pass.`;
}

/** A note on the gaps: the share of the domain where f is not finite, drawn as holes. */
export const gapNote = (gaps) =>
  gaps > 0 ? ` f is not finite on ${short(100 * gaps)}% of the domain, drawn as a gap; a run that steps into it stops there.` : "";

/**
 * A notice over the 3D view while no function of the reader's has been drawn and the one asked
 * for cannot be (a link's refused text): the view would show an empty stage.
 */
function stageNotice(container) {
  const notice = document.createElement("p");
  notice.className = "gdx__unshown";
  notice.hidden = true;
  container.closest("[data-gd-explorer]")?.querySelector(".gdx__stage")?.append(notice);
  return (problem) => {
    notice.textContent = problem ? `Your function cannot be drawn: ${problem}` : "";
    notice.hidden = !problem;
  };
}

/**
 * The panel in `container`, wired: a valid text or domain is handed to `change` (the explorer's
 * action, which applies it), a refused one is said in place and the last valid surface stays.
 * `settings()` gives the explorer's current settings. Returns {show(settings, result)}, which
 * fills the fields and messages and returns why no run can start, or null.
 */
export function attach(container, { on, grid, settings, change, helpers }) {
  let drawn = null; // the text of the function of the reader's on the stage, if one is
  const notice = stageNotice(container);
  // The explorer hides these fields when a built-in surface is chosen: then none of the reader's is drawn.
  const watch = new MutationObserver(() => container.hidden && ((drawn = null), notice(null)));
  watch.observe(container, { attributes: true, attributeFilter: ["hidden"] });
  const tryApply = (update, next) => {
    const result = prepare(next, grid, helpers);
    if (!result.error) change(update);
    else panel.error(drawn === null ? result.error : `${result.error.replace(/\.$/, "")}. Still showing f(x, y) = ${drawn}.`);
  };
  const panel = createPanel(container, {
    on,
    onText: (expr) => tryApply({ expr }, { ...settings(), expr }),
    onDomain(parts) {
      const { state, messages } = helpers.normalize({ bounds: parts }, settings());
      if (messages.length) panel.error(messages.join(" "));
      else tryApply({ bounds: parts }, state);
    },
  });
  return {
    show(next, { surface, error, gaps = 0 }) {
      panel.show(next);
      if (!error) drawn = next.expr;
      notice(drawn === null && error);
      const problem = error ?? startProblem(surface, next.x, next.y, helpers.maxValue);
      panel.error(problem);
      // No run, no rate to advise on: the note on the curvature waits for a start that works.
      panel.note(problem ? "" : curvatureNote(surface, next.x, next.y) + kinkNote(next.expr) + gapNote(gaps));
      return problem;
    },
  };
}

// The explorer's settings: defaults, and checking a reader's input (clamp or refuse, always with a
// message). url-state.js writes them into the URL hash. Pure: no DOM, tested by node --test.
import { OPTIMIZERS, SURFACES } from "./descent.js";
import { CUSTOM, CUSTOM_TITLE, checkDomain, customStart, keepStart } from "./custom-state.js";
import { SHARED } from "./surfaces.js";

export const LR_MIN = 1e-4;
export const LR_MAX = 2;
export const SPEEDS = [1, 2, 5, 10, 25, 100];
export const MAX_ITER_LIMIT = 100000;

// gdlib's EXPLORER_DEFAULTS (gdlib/explorer_defaults.py, through the generated JSON module): the
// run the fallback figure draws. Only the step is the explorer's own: a run opens at its start.
export const DEFAULTS = Object.freeze({ ...SHARED.explorer, step: 0 });

const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** Read a number from text; null when it is not one ("abc", "", "1e999"). */
export function parseNumber(text) {
  const trimmed = String(text ?? "").trim();
  if (trimmed === "" || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Check a learning rate: {value} when usable (clamped into range), else {error}. */
export function checkLr(text) {
  const value = parseNumber(text);
  if (value === null) return { error: `Learning rate must be a number; got "${text}".` };
  if (value <= 0) return { error: `Learning rate must be above 0; got ${value}.` };
  if (value < LR_MIN || value > LR_MAX) {
    const clamped = clamp(value, LR_MIN, LR_MAX);
    return { value: clamped, note: `Learning rate ${value} is outside [${LR_MIN}, ${LR_MAX}]; using ${clamped}.` };
  }
  return { value };
}

/** Check one start coordinate against the surface's bounds (axis 0 is x, 1 is y). */
export function checkCoordinate(text, surfaceName, axis, domain = null) {
  const name = axis === 0 ? "x" : "y";
  const value = parseNumber(text);
  if (value === null) return { error: `Start ${name} must be a number; got "${text}".` };
  const [lo, hi] = (domain ?? SURFACES[surfaceName].bounds)[axis];
  if (value < lo || value > hi) {
    const clamped = clamp(value, lo, hi);
    const where = domain ? `your function's domain [${lo}, ${hi}]` : `[${lo}, ${hi}], the bounds of this surface`;
    return { value: clamped, note: `Start ${name} = ${value} is outside ${where}; using ${clamped}.` };
  }
  return { value };
}

const title = (name) => (name === CUSTOM ? CUSTOM_TITLE : SURFACES[name].title).toLowerCase();

/**
 * Check settings over `base` (the current state): a usable field replaces base's, a refused one
 * keeps it; a new surface brings its own start unless x and y are given. Returns {state, messages}.
 */
export function normalize(input, base = DEFAULTS) {
  const messages = [];
  const state = { ...base, optimizers: [...base.optimizers] };
  const take = (result, key) => {
    if (result.error) messages.push(result.error);
    else state[key] = result.value;
    if (result.note) messages.push(result.note);
  };
  if (input.expr !== undefined) state.expr = String(input.expr); // expression.js checks it
  if (input.bounds !== undefined) take(checkDomain(input.bounds, parseNumber), "bounds");
  const custom = state.surface === CUSTOM;
  if (input.surface !== undefined && input.surface !== base.surface) {
    if (Object.hasOwn(SURFACES, input.surface) || input.surface === CUSTOM) {
      state.surface = input.surface;
      [state.x, state.y] = input.surface === CUSTOM ? customStart(state.bounds) : SURFACES[state.surface].start;
    } else messages.push(`Unknown surface "${input.surface}"; showing the ${title(base.surface)}.`);
  } else if (custom && state.bounds !== base.bounds) [state.x, state.y] = keepStart(state.x, state.y, state.bounds);
  const domain = state.surface === CUSTOM ? state.bounds : null;
  if (input.lr !== undefined) take(checkLr(input.lr), "lr");
  if (input.x !== undefined) take(checkCoordinate(input.x, state.surface, 0, domain), "x");
  if (input.y !== undefined) take(checkCoordinate(input.y, state.surface, 1, domain), "y");
  if (input.optimizers !== undefined) take(checkOptimizers(input.optimizers), "optimizers");
  if (input.speed !== undefined) take(checkInteger(input.speed, "Speed", 1, SPEEDS.at(-1)), "speed");
  if (input.maxIter !== undefined) take(checkInteger(input.maxIter, "Max iterations", 1, MAX_ITER_LIMIT), "maxIter");
  if (input.step !== undefined) take(checkInteger(input.step, "Step", 0, state.maxIter), "step");
  return { state, messages };
}

function checkOptimizers(text) {
  const names = String(text).split(",").filter(Boolean);
  const unknown = names.filter((n) => !OPTIMIZERS.includes(n));
  const known = OPTIMIZERS.filter((n) => names.includes(n));
  if (names.length === 0) return { error: "Tick at least one optimizer." };
  if (known.length === 0) return { error: `No known optimizer in "${text}"; known: ${OPTIMIZERS.join(", ")}.` };
  const note = unknown.length ? `Unknown optimizer ${unknown.join(", ")} ignored.` : undefined;
  return { value: known, note };
}

function checkInteger(text, label, lo, hi) {
  const value = parseNumber(text);
  if (value === null || !Number.isInteger(value)) return { error: `${label} must be a whole number; got "${text}".` };
  if (value < lo || value > hi) {
    const clamped = clamp(value, lo, hi);
    return { value: clamped, note: `${label} ${value} is outside [${lo}, ${hi}]; using ${clamped}.` };
  }
  return { value };
}

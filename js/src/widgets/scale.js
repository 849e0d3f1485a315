// Axis scales and ticks for the live figures' 2-D plots: data value -> pixel and back, linear or
// log, and round tick values. Pure: no DOM, tested by node --test.

/** A linear map [d0, d1] -> [r0, r1], with `invert` (pixel -> value). */
export function linearScale([d0, d1], [r0, r1]) {
  const k = (r1 - r0) / (d1 - d0);
  const map = (v) => r0 + (v - d0) * k;
  map.invert = (p) => d0 + (p - r0) / k;
  map.domain = [d0, d1];
  return map;
}

/** A log10 map [d0, d1] -> [r0, r1] for positive values, with `invert`. */
export function logScale([d0, d1], [r0, r1]) {
  if (!(d0 > 0 && d1 > 0)) throw new RangeError(`A log scale needs positive bounds; got [${d0}, ${d1}]`);
  const inner = linearScale([Math.log10(d0), Math.log10(d1)], [r0, r1]);
  const map = (v) => inner(Math.log10(v));
  map.invert = (p) => 10 ** inner.invert(p);
  map.domain = [d0, d1];
  return map;
}

/** About `count` round values (1, 2 or 5 times a power of ten apart) inside [lo, hi]. */
export function niceTicks(lo, hi, count = 5) {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
    ticks.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  }
  return ticks;
}

/** The powers of ten inside [lo, hi] (lo, hi > 0). */
export function logTicks(lo, hi) {
  const ticks = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-12); e <= Math.floor(Math.log10(hi) + 1e-12); e += 1) ticks.push(10 ** e);
  return ticks;
}

/**
 * A slider position 0..steps <-> a value on a log scale over [lo, hi], rounded to `digits`
 * significant digits so the value shown is the value that runs. With an `anchor` in [lo, hi]
 * (a figure's opening value, often long: 0.11544...) the grid runs through it instead of from lo,
 * and its position gives it exactly, so moving away and back returns to it; the ends stay lo, hi.
 * Each of `pins` takes the grid position nearest it, if inside and free, the same way.
 */
export function logSlider(lo, hi, steps, digits = 3, anchor = null, pins = []) {
  const ratio = Math.log(hi / lo);
  const round = (v) => Number(v.toPrecision(digits));
  const clamp = (position) => Math.min(steps, Math.max(0, position));
  const anchored = anchor !== null && anchor >= lo && anchor <= hi;
  const base = anchored ? anchor : lo;
  // An anchor within half a step of an end, but not on it, takes the next position inward:
  // the ends stay lo and hi.
  const nearest = Math.round((steps * Math.log(anchor / lo)) / ratio);
  const at = !anchored ? 0 : anchor === lo ? 0 : anchor === hi ? steps : Math.min(steps - 1, Math.max(1, nearest));
  const position = (v) => clamp(Math.round(at + (steps * Math.log(v / base)) / ratio));
  // A pin replaces one grid value, so its position is the one `position` already gives it and
  // every other position keeps its value. One that would need an end or the anchor's position
  // is left to be typed: the ends and the anchor come first.
  const pinned = new Map();
  for (const pin of pins) {
    const p = position(pin);
    if (pin > lo && pin < hi && p > 0 && p < steps && !(anchored && p === at) && !pinned.has(p)) pinned.set(p, pin);
  }
  const value = (index) => {
    const p = clamp(index);
    if (pinned.has(p)) return pinned.get(p);
    if (!anchored) return round(lo * Math.exp((ratio * p) / steps));
    if (p === at) return anchor;
    return p === 0 ? lo : p === steps ? hi : round(anchor * Math.exp((ratio * (p - at)) / steps));
  };
  return { steps, value, position };
}

/** A slider position 0..steps <-> lo, lo + step, ..., hi (values rounded to the step's digits). */
export function stepSlider(lo, hi, step) {
  const steps = Math.round((hi - lo) / step);
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return {
    steps,
    value: (position) => Number((lo + Math.min(steps, Math.max(0, position)) * step).toFixed(digits)),
    position: (value) => Math.min(steps, Math.max(0, Math.round((value - lo) / step))),
  };
}

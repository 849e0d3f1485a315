// The settings of "Your function": the expression text and its domain, checked like any input
// (the text itself is checked by the parser chunk, expression.js, loaded only when it is chosen).
// Pure: no DOM, tested by node --test; state.js and url-state.js use it.

export const CUSTOM = "custom";
export const CUSTOM_TITLE = "Your function";
export const DOMAIN_LIMIT = 1000; // |bound| at most this: far inside descent's 1e6 position limit

const inside = (x, y, [[x0, x1], [y0, y1]]) => x0 <= x && x <= x1 && y0 <= y && y <= y1;

/** The start on a domain: (2, 2) while it lies inside (as gdlib's), else the centre. */
export function customStart(bounds) {
  const [[x0, x1], [y0, y1]] = bounds;
  return inside(2, 2, bounds) ? [2, 2] : [(x0 + x1) / 2, (y0 + y1) / 2];
}

/** The start kept when the domain changes, or the domain's own start when it falls outside. */
export const keepStart = (x, y, bounds) => (inside(x, y, bounds) ? [x, y] : customStart(bounds));

/**
 * Check a domain given as four texts or numbers [xmin, xmax, ymin, ymax]: {value: [[xmin, xmax],
 * [ymin, ymax]]} or {error} naming the field. `parseNumber` reads one number strictly.
 */
export function checkDomain(parts, parseNumber) {
  const names = ["x from", "x to", "y from", "y to"];
  if (!Array.isArray(parts) || parts.length !== 4) return { error: `The domain needs four numbers (x from, x to, y from, y to); got "${parts}".` };
  const values = parts.map(parseNumber);
  const bad = values.findIndex((v) => v === null);
  if (bad >= 0) return { error: `Domain ${names[bad]} must be a number; got "${parts[bad]}".` };
  const big = values.findIndex((v) => Math.abs(v) > DOMAIN_LIMIT);
  if (big >= 0) return { error: `Domain ${names[big]} = ${values[big]} is beyond ±${DOMAIN_LIMIT}.` };
  for (const axis of [0, 1]) {
    const [lo, hi] = values.slice(2 * axis, 2 * axis + 2);
    if (!(lo < hi)) return { error: `Domain ${names[2 * axis]} (${lo}) must be below ${names[2 * axis + 1]} (${hi}).` };
  }
  return { value: [values.slice(0, 2), values.slice(2)] };
}

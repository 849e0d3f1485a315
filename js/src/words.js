// Words the summaries share: a count with its noun, singular for one ("1 step", "2 steps"), so
// that no figure says "converged in 1 steps"; and the rows a points table keeps of a long run.
// Pure: no DOM, tested by node --test.

/** `n` and `noun`, with an "s" unless n is 1: count(1, "step") is "1 step". */
export const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** count(n, "step"). */
export const steps = (n) => count(n, "step");

/** The steps a count was taken over: "its first 40 steps" (window 40), or all of a shorter run,
 * "its 14 steps". */
export const counted = (n, window) => (n > window ? `its first ${window} steps` : `its ${steps(n)}`);

/** A ratio to say aloud, three significant figures: from 1000 on (after rounding: 999.6 is
 * 1000) as a whole number with separators ("1,390"), not as "1.39e+03"; below, as `small`
 * (formatG) writes it. */
export const ratio = (v, small) => {
  const rounded = Number(v.toPrecision(3));
  return rounded >= 1000 ? rounded.toLocaleString("en-US") : small(v);
};

/** Which of a run's `n` points a live figure's table lists: all up to `limit` (or one more, which
 * the gap's row would only replace), else the first limit − 1 and the last, with a row between
 * them saying how many were left out (`width` cells; `row(i)` writes the point i). */
export function tableRows(n, limit, width, row) {
  if (n <= limit + 1) return Array.from({ length: n }, (_, i) => row(i));
  const gap = [`… ${count(n - limit, "point")} left out …`, ...Array(width - 1).fill("")];
  return [...Array.from({ length: limit - 1 }, (_, i) => row(i)), gap, row(n - 1)];
}

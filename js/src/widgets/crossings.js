// The zig-zag the learning-rate, conditioning and race figures count: crossings of the valley
// floor y = 0 over a run's first steps (the pages count them with scripts/_figure.py's
// sign_changes). Pure: no DOM, tested by node --test.

/** The y coordinates of positions 0 to `first` and the indices i where y flips sign strictly
 * between position i - 1 and i. Landing on y = 0 is no crossing. */
function flips(run, first) {
  const ys = run.positions.slice(0, first + 1).map((p) => p[1]);
  const at = [];
  for (let i = 1; i < ys.length; i += 1) if (ys[i] * ys[i - 1] < 0) at.push(i);
  return { ys, at };
}

/** Strict sign flips of y over the first `first` steps (or all of a shorter run): how often the
 * path crossed the valley floor. */
export function floorCrossings(run, first) {
  return flips(run, first).at.length;
}

/** The geometric mean of |y| after a crossing over |y| before it, over the same steps: how much
 * each swing across the valley floor keeps of the last (null without a crossing). */
export function swingRatio(run, first) {
  const { ys, at } = flips(run, first);
  if (at.length === 0) return null;
  const logs = at.map((i) => Math.log(Math.abs(ys[i] / ys[i - 1])));
  return Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length);
}

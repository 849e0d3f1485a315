// The zig-zag the learning-rate, conditioning and race figures count: crossings of the valley
// floor y = 0 over a run's first steps (the pages count them with scripts/_figure.py's
// sign_changes). Pure: no DOM, tested by node --test.

/** Strict sign flips of y over positions 0 to `first` (the first `first` steps, or all of a
 * shorter run): how often the path crossed the valley floor. Landing on y = 0 is no crossing. */
export function floorCrossings(run, first) {
  const ys = run.positions.slice(0, first + 1).map((p) => p[1]);
  let flips = 0;
  for (let i = 1; i < ys.length; i += 1) if (ys[i] * ys[i - 1] < 0) flips += 1;
  return flips;
}

/** The geometric mean of |y| after a crossing over |y| before it, over the same steps: how much
 * each swing across the valley floor keeps of the last (null without a crossing). */
export function swingRatio(run, first) {
  const ys = run.positions.slice(0, first + 1).map((p) => p[1]);
  const logs = [];
  for (let i = 1; i < ys.length; i += 1) if (ys[i] * ys[i - 1] < 0) logs.push(Math.log(Math.abs(ys[i] / ys[i - 1])));
  return logs.length === 0 ? null : Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length);
}

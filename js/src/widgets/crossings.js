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

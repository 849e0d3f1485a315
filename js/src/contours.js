// A surface sampled on a grid, the height scale the views draw it with, and its contour lines
// (marching squares). Pure: shared by the 3D scene and the 2-D inset, tested by node --test.

/**
 * Sample `surface.f` on an n x n grid over its bounds. Heights are the values put through a
 * log when the range is dominated by a few steep walls (Rosenbrock, Himmelblau), so the valleys
 * stay visible, then scaled to [0, 1]. Returns {n, xs, ys, values, heights, height(v), contours}.
 */
export function sampleSurface(surface, n = 96) {
  const sample = sampleHeights(surface, n);
  sample.contours = contourLines(sample);
  return sample;
}

/** The grid and heights of `sampleSurface`, without the contours (to build over several tasks). */
export function sampleHeights(surface, n = 96) {
  const [[x0, x1], [y0, y1]] = surface.bounds;
  const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const ys = Array.from({ length: n }, (_, j) => y0 + ((y1 - y0) * j) / (n - 1));
  const values = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) {
    for (let i = 0; i < n; i += 1) values[j * n + i] = surface.f(xs[i], ys[j]);
  }
  const height = heightScale(values);
  const heights = Float32Array.from(values, height);
  return { n, xs, ys, values, heights, height };
}

/**
 * A map value -> [0, 1] for these values: linear, or log1p when the spread is very skewed. Only
 * finite values count: where f is not (a gap in "Your function"'s domain) the height is NaN.
 */
export function heightScale(values) {
  const sorted = Float64Array.from(values).filter(Number.isFinite).sort();
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const median = sorted[Math.floor(sorted.length / 2)];
  const span = hi - lo || 1;
  const skewed = (median - lo) / span < 0.1;
  const unit = skewed ? (median - lo || 1) / 4 : 1;
  const t = skewed ? (v) => Math.log1p(Math.max(0, v - lo) / unit) : (v) => v - lo;
  const top = t(hi) || 1;
  return (v) => t(v) / top;
}

/** `count` levels evenly spaced in height, strictly inside (0, 1). */
export function contourLevels(count = 12) {
  return Array.from({ length: count }, (_, k) => (k + 0.5) / count);
}

// Edges of a cell, corners 0 (x0, y0), 1 (x1, y0), 2 (x1, y1), 3 (x0, y1); per case the pairs of
// edges a contour crosses (edge e joins corner e and corner e + 1). Saddles pick one pairing.
const SEGMENTS = [
  [], [[3, 0]], [[0, 1]], [[3, 1]], [[1, 2]], [[3, 2], [0, 1]], [[0, 2]], [[3, 2]],
  [[2, 3]], [[2, 0]], [[0, 3], [1, 2]], [[2, 1]], [[1, 3]], [[1, 0]], [[0, 3]], [],
];

/**
 * Marching squares on the sampled heights: for each level, the contour as segments
 * [x1, y1, x2, y2, ...] in surface coordinates. Returns [{level, segments}].
 */
export function contourLines(sample, levels = contourLevels()) {
  const { n, xs, ys, heights } = sample;
  // One cell's corner heights and coordinates, reused: the explorer contours thousands of cells
  // for each level as it loads, and an array per cell kept the garbage collector busy.
  const [h, cx, cy] = [new Float64Array(4), new Float64Array(4), new Float64Array(4)];
  return levels.map((level) => {
    const segments = [];
    for (let j = 0; j < n - 1; j += 1) {
      for (let i = 0; i < n - 1; i += 1) {
        h[0] = heights[j * n + i];
        h[1] = heights[j * n + i + 1];
        h[2] = heights[(j + 1) * n + i + 1];
        h[3] = heights[(j + 1) * n + i];
        if (!Number.isFinite(h[0] + h[1] + h[2] + h[3])) continue; // a cell touching a gap has no contour
        const code = (h[0] > level) | ((h[1] > level) << 1) | ((h[2] > level) << 2) | ((h[3] > level) << 3);
        if (code === 0 || code === 15) continue;
        cx[0] = cx[3] = xs[i];
        cx[1] = cx[2] = xs[i + 1];
        cy[0] = cy[1] = ys[j];
        cy[2] = cy[3] = ys[j + 1];
        for (const pair of SEGMENTS[code]) {
          for (const a of pair) {
            // Where the level crosses edge a, from corner a to corner a + 1.
            const b = (a + 1) % 4;
            const t = (level - h[a]) / (h[b] - h[a]);
            segments.push(cx[a] + t * (cx[b] - cx[a]), cy[a] + t * (cy[b] - cy[a]));
          }
        }
      }
    }
    return { level, segments };
  });
}

/**
 * A stand-in for a surface the view worker cannot compute ("Your function"): f read off the
 * sampled grid, bilinear between its finite corners. Enough to lift the paths onto the mesh.
 */
export function gridSurface(name, bounds, { n, xs, ys, values }) {
  const cell = (t, ts) => Math.min(n - 2, Math.max(0, Math.floor(((t - ts[0]) / (ts[n - 1] - ts[0])) * (n - 1))));
  const f = (x, y) => {
    const [i, j] = [cell(x, xs), cell(y, ys)];
    const [a, b] = [(x - xs[i]) / (xs[i + 1] - xs[i]), (y - ys[j]) / (ys[j + 1] - ys[j])];
    let [sum, weight] = [0, 0];
    for (const [di, dj, w] of [[0, 0, (1 - a) * (1 - b)], [1, 0, a * (1 - b)], [0, 1, (1 - a) * b], [1, 1, a * b]]) {
      const v = values[(j + dj) * n + i + di];
      if (Number.isFinite(v)) [sum, weight] = [sum + w * v, weight + w];
    }
    return weight > 0 ? sum / weight : NaN;
  };
  return { name, bounds, f, minima: null };
}

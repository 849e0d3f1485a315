// Unit tests of the grid sampling, height scale and marching squares.
import assert from "node:assert/strict";
import { test } from "node:test";

import { SURFACES } from "../src/descent.js";
import { contourLines, heightScale, sampleSurface } from "../src/contours.js";

test("heights span [0, 1] with the minimum lowest", () => {
  const sample = sampleSurface(SURFACES.bowl, 41);
  assert.equal(Math.min(...sample.heights), 0);
  assert.ok(Math.abs(Math.max(...sample.heights) - 1) < 1e-6);
  assert.equal(sample.heights[20 * 41 + 20], 0, "the centre of the bowl is its lowest point");
});

test("a skewed surface gets a log scale so its valley floor is not flat", () => {
  const sample = sampleSurface(SURFACES.rosenbrock, 61);
  const sorted = Float32Array.from(sample.heights).sort();
  assert.ok(sorted[Math.floor(sorted.length / 2)] > 0.3, "median height is lifted by the log");
  const linear = heightScale([0, 1, 2, 3, 4]);
  assert.equal(linear(2), 0.5);
});

test("the bowl's contours are circles around the origin", () => {
  const sample = sampleSurface(SURFACES.bowl, 81);
  const [{ level, segments }] = contourLines(sample, [0.5]);
  assert.ok(segments.length > 40);
  const radius = Math.sqrt(0.5 * 18); // height 0.5 of max value 18
  for (let k = 0; k < segments.length; k += 2) {
    const r = Math.hypot(segments[k], segments[k + 1]);
    assert.ok(Math.abs(r - radius) < 0.02, `point at radius ${r}, level ${level}`);
  }
});

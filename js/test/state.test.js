// Unit tests of the settings checks (pure, no DOM).
import assert from "node:assert/strict";
import { test } from "node:test";

import { checkCoordinate, checkLr, normalize, parseNumber } from "../src/state.js";

test("numbers are read strictly", () => {
  assert.equal(parseNumber("0.5"), 0.5);
  assert.equal(parseNumber(" 1e-3 "), 0.001);
  for (const bad of ["", "abc", "1,5", "0x10", "1e999", "Infinity", "NaN", null]) {
    assert.equal(parseNumber(bad), null, String(bad));
  }
});

test("a negative or non-numeric rate is refused; an out-of-range one is clamped", () => {
  assert.match(checkLr("-1").error, /above 0/);
  assert.match(checkLr("fast").error, /must be a number/);
  assert.deepEqual(checkLr("0.1"), { value: 0.1 });
  const big = checkLr("50");
  assert.equal(big.value, 2);
  assert.match(big.note, /outside/);
});

test("a start outside the surface is clamped to its bounds, with a message", () => {
  const result = checkCoordinate("9", "bowl", 0);
  assert.equal(result.value, 3);
  assert.match(result.note, /Start x = 9 is outside \[-3, 3\], the bounds of this surface/);
  assert.equal(checkCoordinate("-0.5", "valley", 1).value, -0.5);
});

test("a new surface brings its own start", () => {
  assert.deepEqual(normalize({ surface: "rosenbrock" }).state.x, -1.5);
});

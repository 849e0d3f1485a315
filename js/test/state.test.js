// Unit tests of the settings checks and the URL hash (pure, no DOM).
import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULTS, checkCoordinate, checkLr, normalize, parseHash, parseNumber, toHash } from "../src/state.js";

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
  assert.match(result.note, /Start x = 9 is outside the bowl's bounds \[-3, 3\]/);
  assert.equal(checkCoordinate("-0.5", "valley", 1).value, -0.5);
});

test("the hash round-trips a state", () => {
  const state = { ...DEFAULTS, surface: "valley", lr: 0.05, x: -2.5, y: 1, optimizers: ["gd", "adam"], step: 12 };
  const parsed = parseHash(toHash(state));
  assert.deepEqual(parsed.messages, []);
  assert.deepEqual(parsed.state, state);
});

test("a broken hash falls back field by field and says what it ignored", () => {
  const { state, messages } = parseHash("#s=moon&lr=abc&x=99&opt=gd,lion&zz=1&k=%E0%A4%A");
  assert.equal(state.surface, "bowl");
  assert.equal(state.lr, DEFAULTS.lr);
  assert.equal(state.x, 3);
  assert.deepEqual(state.optimizers, ["gd"]);
  assert.equal(messages.length, 6, messages.join("\n"));
});

test("a hash with no settings leaves the page alone; a new surface brings its own start", () => {
  assert.equal(parseHash("#learning-rate").state, null);
  assert.deepEqual(normalize({ surface: "rosenbrock" }).state.x, -1.5);
});

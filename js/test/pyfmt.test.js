// Python float formatting in JS: the cases gdlib's messages use (the Python side is checked by
// tests/test_js_agreement.py).
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatApart, formatE, formatG, pyRepr } from "../src/pyfmt.js";

test("repr of floats as Python prints them", () => {
  assert.equal(pyRepr(1), "1.0");
  assert.equal(pyRepr(1.5), "1.5");
  assert.equal(pyRepr(1e-7), "1e-07");
  assert.equal(pyRepr(1e16), "1e+16");
  assert.equal(pyRepr(0.1 + 0.2), "0.30000000000000004");
});

test("{:.Ne} and {:g} with Python's rounding of exact ties", () => {
  assert.equal(formatE(9.87e-7, 1), "9.9e-07");
  assert.equal(formatE(1e12, 0), "1e+12");
  assert.equal(formatE(-3.25, 1), "-3.2e+00");
  assert.equal(formatG(2.2e12, 3), "2.2e+12");
  assert.equal(formatG(1e-6), "1e-06");
  assert.equal(formatG(0.000123456789), "0.000123457");
  assert.equal(formatG(Number.POSITIVE_INFINITY), "inf");
});

test("formatApart adds digits only while a value would print like a mark it is not", () => {
  assert.equal(formatApart(0.1001, [0.05, 0.1]), "0.1001");
  assert.equal(formatApart(0.1, [0.05, 0.1]), "0.1");
  assert.equal(formatApart(0.0123456, [0.05, 0.1]), "0.0123");
  assert.equal(formatApart(1 - 2 * 0.99999, [-1, 0, 1], 4), "-0.99998");
  assert.equal(formatApart(1 + 1e-16 * 2, [1]), "1.0000000000000002");
});
